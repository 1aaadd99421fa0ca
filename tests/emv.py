"""Reading a VietQR payload back in tests, independently of pos.vietqr which writes it."""


def emv_fields(payload: str) -> dict[str, str]:
    """A payload's top-level fields (EMV: two-digit tag, two-digit length, value)."""
    fields, i = {}, 0
    while i < len(payload):
        tag, length = payload[i : i + 2], int(payload[i + 2 : i + 4])
        fields[tag] = payload[i + 4 : i + 4 + length]
        i += 4 + length
    return fields
