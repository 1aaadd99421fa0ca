"""An amount of đồng in Vietnamese words, as invoices write it ("Số tiền viết bằng chữ"):
"Một trăm linh năm nghìn đồng". Groups of three digits read hundreds, tens and units; an empty
group is left out, except that a group after the first says its hundreds ("không trăm")."""

DIGITS = ("không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín")
SCALES = ("", "nghìn", "triệu")  # then tỷ, read again from nghìn: "một nghìn tỷ"
BILLION = 1_000_000_000


def amount_in_words(amount_vnd: int) -> str:
    """``amount_vnd`` (0 or more) in words, with a capital and "đồng"."""
    if amount_vnd < 0:
        raise ValueError("an amount in words is never negative: the invoice says adjust down")
    text = _number(amount_vnd) if amount_vnd else DIGITS[0]
    return f"{text[:1].upper()}{text[1:]} đồng"


def _number(n: int) -> str:
    """1 or more, without "đồng"; billions read as a number of their own before "tỷ"."""
    billions, rest = divmod(n, BILLION)
    if not billions:
        return _below_billion(rest, leading=True)
    words = f"{_number(billions)} tỷ"
    return f"{words} {_below_billion(rest, leading=False)}" if rest else words


def _below_billion(n: int, leading: bool) -> str:
    groups = [(n // 1000**scale) % 1000 for scale in range(len(SCALES))][::-1]
    words = []
    for scale, group in zip(reversed(SCALES), groups, strict=True):
        if not group:
            continue
        first = leading and not words
        words.append(_group(group, first))
        if scale:
            words.append(scale)
    return " ".join(words)


def _group(n: int, first: bool) -> str:
    """Three digits; the number's first group leaves out a hundreds of "không"."""
    hundreds, tens, units = n // 100, n // 10 % 10, n % 10
    words = [] if first and not hundreds else [DIGITS[hundreds], "trăm"]
    if tens == 0:
        if units and words:
            words += ["linh", DIGITS[units]]
        elif units:
            words.append(DIGITS[units])
    elif tens == 1:
        words.append("mười")
        if units:
            words.append("lăm" if units == 5 else DIGITS[units])
    else:
        words += [DIGITS[tens], "mươi"]
        if units:
            words.append({1: "mốt", 4: "tư", 5: "lăm"}.get(units, DIGITS[units]))
    return " ".join(words)
