"""The journal's hash chain: pure functions over a canonical serialisation."""

import hashlib
import json
from dataclasses import dataclass

GENESIS_HASH = "0" * 64


def canonical_json(payload: dict) -> str:
    """One text for one payload: sorted keys, no spaces, UTF-8 kept as is."""
    return json.dumps(payload, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


# A journal entry keeps its lines as arrays in this order, so a sale names its fields once here
# rather than in every line (the journal is the largest table). Entries written before keep
# their lines as objects; lines_of reads both.
LINE_FIELDS = {
    "sale": ("sku", "qty", "price", "net", "vat_bp", "commission_bp", "lots"),
    "refund": ("line", "sku", "qty", "net", "write_off"),
    "goods_receipt": ("sku", "lot", "qty", "expiry"),
    "producer_return": ("lot", "qty"),
    "stock_adjustment": ("lot", "qty", "reason"),
}


def entry_text(document_type: str, payload: dict) -> str:
    """The stored (and hashed) text of a document's journal entry."""
    fields = LINE_FIELDS.get(document_type)
    if fields and "lines" in payload:
        lines = [[line.get(field) for field in fields] for line in payload["lines"]]
        payload = {**payload, "lines": lines}
    return canonical_json(payload)


def lines_of(document_type: str, payload: dict) -> list[dict]:
    """An entry's lines as objects, whichever way they were stored."""
    fields = LINE_FIELDS.get(document_type, ())
    return [
        line if isinstance(line, dict) else dict(zip(fields, line, strict=True))
        for line in payload.get("lines", [])
    ]


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
