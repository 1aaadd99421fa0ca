"""Provinces and the six socio-economic regions they belong to, for reports by region.

A producer's province is free text typed by a person ('Tỉnh Lai Châu', 'TP. Hồ Chí Minh',
'Ha Noi'), so names are matched folded, without administrative prefixes. Both the 63 provinces
before the 2025 merger and the 34 after it are known. A name keeps the region it had when it
was in use: an old province merged into a province of another region (Bắc Giang into Bắc Ninh,
Long An into Tây Ninh) still reports under its old region, as the producer's papers say."""

import re

from pos.text import fold

UNKNOWN_REGION = "Không rõ"

NORTHERN_MIDLANDS = "Trung du và miền núi phía Bắc"
RED_RIVER_DELTA = "Đồng bằng sông Hồng"
CENTRAL_COAST = "Bắc Trung Bộ và Duyên hải miền Trung"
CENTRAL_HIGHLANDS = "Tây Nguyên"
SOUTHEAST = "Đông Nam Bộ"
MEKONG_DELTA = "Đồng bằng sông Cửu Long"

# Display order: north to south, as official statistics list them.
REGIONS = (
    NORTHERN_MIDLANDS,
    RED_RIVER_DELTA,
    CENTRAL_COAST,
    CENTRAL_HIGHLANDS,
    SOUTHEAST,
    MEKONG_DELTA,
)

# The 63 provinces before 01/07/2025; the merged ones kept one of these names, except Huế.
PROVINCES = {
    NORTHERN_MIDLANDS: (
        "Hà Giang",
        "Cao Bằng",
        "Bắc Kạn",
        "Tuyên Quang",
        "Lào Cai",
        "Yên Bái",
        "Thái Nguyên",
        "Lạng Sơn",
        "Bắc Giang",
        "Phú Thọ",
        "Điện Biên",
        "Lai Châu",
        "Sơn La",
        "Hòa Bình",
    ),
    RED_RIVER_DELTA: (
        "Hà Nội",
        "Hải Phòng",
        "Quảng Ninh",
        "Vĩnh Phúc",
        "Bắc Ninh",
        "Hải Dương",
        "Hưng Yên",
        "Thái Bình",
        "Hà Nam",
        "Nam Định",
        "Ninh Bình",
    ),
    CENTRAL_COAST: (
        "Thanh Hóa",
        "Nghệ An",
        "Hà Tĩnh",
        "Quảng Bình",
        "Quảng Trị",
        "Thừa Thiên Huế",
        "Đà Nẵng",
        "Quảng Nam",
        "Quảng Ngãi",
        "Bình Định",
        "Phú Yên",
        "Khánh Hòa",
        "Ninh Thuận",
        "Bình Thuận",
    ),
    CENTRAL_HIGHLANDS: ("Kon Tum", "Gia Lai", "Đắk Lắk", "Đắk Nông", "Lâm Đồng"),
    SOUTHEAST: (
        "Hồ Chí Minh",
        "Đồng Nai",
        "Bình Dương",
        "Bình Phước",
        "Tây Ninh",
        "Bà Rịa - Vũng Tàu",
    ),
    MEKONG_DELTA: (
        "Long An",
        "Tiền Giang",
        "Bến Tre",
        "Trà Vinh",
        "Vĩnh Long",
        "Đồng Tháp",
        "An Giang",
        "Kiên Giang",
        "Cần Thơ",
        "Hậu Giang",
        "Sóc Trăng",
        "Bạc Liêu",
        "Cà Mau",
    ),
}

# Other ways the same province is written (folded forms), including the post-2025 name "Huế".
_ALIASES = {
    "hue": "Thừa Thiên Huế",
    "thua thien": "Thừa Thiên Huế",
    "hcm": "Hồ Chí Minh",
    "sai gon": "Hồ Chí Minh",
    "ba ria vung tau": "Bà Rịa - Vũng Tàu",
    "brvt": "Bà Rịa - Vũng Tàu",
    "dak lak": "Đắk Lắk",
    "dac lac": "Đắk Lắk",
    "dak nong": "Đắk Nông",
    "kontum": "Kon Tum",
}

_PREFIXES = ("tinh ", "thanh pho ", "tp ")


def _key(name: str) -> str:
    """'TP. Hồ Chí Minh' -> 'ho chi minh'; 'Bà Rịa–Vũng Tàu' -> 'ba ria vung tau'."""
    words = " ".join(re.sub(r"[^0-9a-z]+", " ", fold(name)).split())
    for prefix in _PREFIXES:
        if words.startswith(prefix):
            return words[len(prefix) :]
    return words


_PROVINCE_BY_KEY = {_key(p): p for provinces in PROVINCES.values() for p in provinces} | _ALIASES
_REGION_BY_PROVINCE = {p: region for region, provinces in PROVINCES.items() for p in provinces}


def province_name(text: str | None) -> str | None:
    """The province's usual name however it was typed, or None when it is not a province."""
    return _PROVINCE_BY_KEY.get(_key(text or ""))


def region_of(province: str | None) -> str:
    """The socio-economic region of a province name; UNKNOWN_REGION for anything else."""
    name = province_name(province)
    return _REGION_BY_PROVINCE[name] if name else UNKNOWN_REGION
