"""The journal's hash chain: pure functions over a canonical serialisation."""

import hashlib
import json
import re
import zlib
from dataclasses import dataclass

from pos.errors import ValidationError

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


# Entries are stored compressed: raw DEFLATE primed with what entries look like, which takes a
# sale's entry from ~270 bytes to ~100 (the journal is the largest table). The text that is
# hashed and checked is the uncompressed one. Never change the dictionary: every stored entry
# needs it to be read. A different one would need a new format byte.
STORED_FORMAT = b"\x01"
STORED_DICTIONARY = (
    b'{"action":"","actor":"","approver":null,"details":{"reason":""}}'
    b'{"kind":"write_off","adjusted_on":"2026-01-01","reason":"","lines":[["L2601",-1,""]]}'
    b'{"producer":"","returned_on":"2026-01-01","reason":"","lines":[["L2601",1]]}'
    b'{"producer":"","received_on":"2026-01-01","lines":[["","L2601",24,"2027-01-01"]]}'
    b'{"sale":"T01-000001","refunded_at":"2026-01-01T00:00:00","method":"cash",'
    b'"reason":"defective","total":0,"lines":[[1,"",1,0,false]],"approved_by":null}'
    b'"payments":[["bank",0,"VietQR"]],["card",0,""]],["cash",0,""]],'
    b'"sold_at":"2026-01-01T00:00:00","terminal":"T01","total":0}'
    b'{"lines":[["SP0000",1,10000,10000,800,1000,[["L2601",1]]],'
    b'["SP00",2,50000,100000,500,1500,[["L2512",2]]],["SP000'
)


class UnreadableEntry(ValueError):
    """Stored bytes that are not an entry this program wrote."""


def stored_entry(text: str | bytes) -> bytes:
    """What the journal keeps of an entry's text (bytes: as found in an older journal, even
    when they are not valid UTF-8, so that the check can say so)."""
    data = text.encode("utf-8") if isinstance(text, str) else text
    # A 4 KB window and little memory: as small a result for entries this size, and 6 µs to
    # set up instead of 100 (entry_of reads any raw DEFLATE window).
    packer = zlib.compressobj(9, zlib.DEFLATED, -12, 4, zlib.Z_DEFAULT_STRATEGY, STORED_DICTIONARY)
    return STORED_FORMAT + packer.compress(data) + packer.flush()


def entry_of(stored: bytes | str) -> str:
    """The entry's text back from what the journal keeps (raises UnreadableEntry). Text is
    an entry as journals kept it before m009: a backup from then is checked unmigrated."""
    if isinstance(stored, str):
        return stored
    if not isinstance(stored, bytes) or stored[:1] != STORED_FORMAT:
        raise UnreadableEntry("không phải nội dung sổ nhật ký")
    try:
        unpacker = zlib.decompressobj(-15, STORED_DICTIONARY)
        text = unpacker.decompress(stored[1:]) + unpacker.flush()
        if not unpacker.eof or unpacker.unused_data:
            raise UnreadableEntry("nội dung sổ nhật ký bị cắt hoặc thừa")
        return text.decode("utf-8")
    except (zlib.error, UnicodeDecodeError) as error:
        raise UnreadableEntry(f"không đọc được nội dung sổ nhật ký: {error}") from error


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


ANCHOR_DIGITS = 16  # of the hash, printed: enough that no one finds another chain to match
_ANCHOR = re.compile(rf"\s*(\d{{1,12}}):([0-9a-fA-F]{{{ANCHOR_DIGITS},64}})\s*")


@dataclass(frozen=True)
class Anchor:
    """The journal's head as printed outside the file (a Z report, a statement): how many
    entries it had and the start of the last one's hash. Anything rewritten or removed at or
    below that entry no longer matches, however the chain after it was re-hashed."""

    count: int
    hash_prefix: str

    def __str__(self) -> str:
        return f"{self.count}:{self.hash_prefix}"

    @staticmethod
    def parse(text: str) -> "Anchor":
        match = _ANCHOR.fullmatch(text)
        if not match:
            raise ValidationError(
                f"mốc sổ nhật ký '{text.strip()}' phải dạng SỐ_MỤC:MÃ (ví dụ 1234:{'0' * 16})"
            )
        return Anchor(int(match.group(1)), match.group(2).lower())
