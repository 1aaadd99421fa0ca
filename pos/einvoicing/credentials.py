"""The e-invoice provider's password, kept out of the database and its backups: in the
operating system's store (Windows Credential Manager, the macOS keychain, the Secret Service
on a Linux desktop) through ``keyring``; where there is none (a Linux PC without a desktop
session), in a file of this PC's settings folder that only its owner can read."""

import json
import os
from pathlib import Path

import keyring
import keyring.errors

from pos.paths import config_dir

SERVICE = "ocop-pos e-invoice"
FALLBACK_NAME = "einvoice-password.json"


def save_password(username: str, password: str, folder: Path | None = None) -> str:
    """Stores it; says where ("keyring" or the fallback file's path)."""
    try:
        keyring.set_password(SERVICE, username, password)
        return "keyring"
    except keyring.errors.KeyringError:
        path = (folder or config_dir()) / FALLBACK_NAME
        path.parent.mkdir(parents=True, exist_ok=True)
        held = _read(path)
        held[username] = password
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(descriptor, "w", encoding="utf-8") as file:
            json.dump(held, file)
        os.chmod(path, 0o600)  # a file made before, by another umask
        return str(path)


def load_password(username: str, folder: Path | None = None) -> str:
    """'' when none was saved for ``username``."""
    try:
        found = keyring.get_password(SERVICE, username)
    except keyring.errors.KeyringError:
        found = None
    if found is not None:
        return found
    return _read((folder or config_dir()) / FALLBACK_NAME).get(username, "")


def _read(path: Path) -> dict:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
