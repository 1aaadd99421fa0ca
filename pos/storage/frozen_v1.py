"""The journal codec as m009 wrote it (format 1), frozen: an applied migration must write the
same bytes whatever pos.journal becomes later. pos.journal reads format 1 for ever; if it ever
writes another format, this copy stays as it is (tests/services/test_storage.py holds them together
while they agree)."""

import zlib

GENESIS_HASH = "0" * 64
FORMAT = b"\x01"
DICTIONARY = (
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


def stored_entry(data: bytes) -> bytes:
    packer = zlib.compressobj(9, zlib.DEFLATED, -12, 4, zlib.Z_DEFAULT_STRATEGY, DICTIONARY)
    return FORMAT + packer.compress(data) + packer.flush()
