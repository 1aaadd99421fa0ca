"""All-or-nothing imports of CSV and XLSX files: every bad row is listed, none is written."""
