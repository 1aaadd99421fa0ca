"""The journal's hash chain: pure functions over a canonical serialisation."""

import hashlib
import json
from dataclasses import dataclass

GENESIS_HASH = "0" * 64


def canonical_json(payload: dict) -> str:
    """One text for one payload: sorted keys, no spaces, UTF-8 kept as is."""
    return json.dumps(payload, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def chain_hash(prev_hash: str, document_type: str, document_number: str, payload: str) -> str:
    """SHA-256 over the previous hash and this entry, so changing any entry breaks the rest."""
    material = "\x1f".join((prev_hash, document_type, document_number, payload))
    return hashlib.sha256(material.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class JournalBreak:
    """The first journal entry whose hash does not follow from what precedes it."""

    seq: int
    document_type: str
    document_number: str
    reason: str
