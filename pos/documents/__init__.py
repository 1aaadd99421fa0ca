"""Document types every layer shares (services work them out, printing lays them out)."""
