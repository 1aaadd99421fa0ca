"""Receipts and labels: pure layouts, raster rendering with the bundled font, and output
adapters (ESC/POS, PDF). Nothing here touches the database or Qt."""
