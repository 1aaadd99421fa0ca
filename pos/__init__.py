"""OCOP Showroom POS: everything that is not Qt (domain, storage, services, printing, CLI)."""
