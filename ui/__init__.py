"""The PySide6 shell over pos.services. Nothing here holds business rules."""
