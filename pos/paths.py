"""Where things live: the real database in the user's data directory, the bundled resources,
and the sample catalog beside the checkout."""

import os
from pathlib import Path

import platformdirs

APP_NAME = "ocop-pos"
DB_ENV = "OCOP_POS_DB"
PROJECT_ROOT = Path(__file__).resolve().parent.parent
RESOURCES = PROJECT_ROOT / "resources"
FONTS = RESOURCES / "fonts"
# beside the checkout; OCOP_FIXTURES points elsewhere (make mutants runs from a copy of the code)
SAMPLE_FIXTURES = Path(
    os.environ.get("OCOP_FIXTURES") or PROJECT_ROOT.parent / "shared" / "fixtures"
)


def default_db_path() -> Path:
    return platformdirs.user_data_path(APP_NAME, appauthor=False) / "ocop-pos.sqlite3"


def resolve_db_path(cli_value: str | None) -> Path:
    """--db wins, then $OCOP_POS_DB, then the user data directory (created if missing)."""
    if cli_value:
        return Path(cli_value).expanduser()
    if os.environ.get(DB_ENV):
        return Path(os.environ[DB_ENV]).expanduser()
    path = default_db_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    return path


def default_backup_dir() -> Path:
    return platformdirs.user_data_path(APP_NAME, appauthor=False) / "backups"


def config_dir() -> Path:
    """This PC's own settings that never go into the database or its backups."""
    return platformdirs.user_config_path(APP_NAME, appauthor=False)


def log_dir() -> Path:
    path = platformdirs.user_log_path(APP_NAME, appauthor=False)
    path.mkdir(parents=True, exist_ok=True)
    return path


def documents_dir(kind: str) -> Path:
    """Where the app saves files for people to open or print: Documents/OCOP POS/<kind>."""
    path = platformdirs.user_documents_path() / "OCOP POS" / kind
    path.mkdir(parents=True, exist_ok=True)
    return path
