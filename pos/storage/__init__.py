"""SQLite through sqlite-utils: connection settings, schema migrations, small row helpers."""
