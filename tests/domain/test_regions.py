import pytest

from pos import regions
from pos.regions import (
    CENTRAL_COAST,
    CENTRAL_HIGHLANDS,
    MEKONG_DELTA,
    NORTHERN_MIDLANDS,
    RED_RIVER_DELTA,
    SOUTHEAST,
    UNKNOWN_REGION,
    province_name,
    region_of,
)


def test_all_63_provinces_before_the_merger_each_in_one_region():
    names = [name for provinces in regions.PROVINCES.values() for name in provinces]
    assert len(names) == len(set(names)) == 63
    assert [len(regions.PROVINCES[r]) for r in regions.REGIONS] == [14, 11, 14, 5, 6, 13]
    for region, provinces in regions.PROVINCES.items():
        assert all(region_of(name) == region for name in provinces)


@pytest.mark.parametrize(
    "typed, province, region",
    [
        ("Lai Châu", "Lai Châu", NORTHERN_MIDLANDS),
        ("Tỉnh Sơn La", "Sơn La", NORTHERN_MIDLANDS),
        ("HOÀ BÌNH", "Hòa Bình", NORTHERN_MIDLANDS),  # old accent placement, upper case
        ("Ha Noi", "Hà Nội", RED_RIVER_DELTA),
        ("Thành phố Hà Nội", "Hà Nội", RED_RIVER_DELTA),
        ("TP. Hồ Chí Minh", "Hồ Chí Minh", SOUTHEAST),
        ("TP.HCM", "Hồ Chí Minh", SOUTHEAST),
        ("Hồ Chí Minh", "Hồ Chí Minh", SOUTHEAST),
        ("Bà Rịa–Vũng Tàu", "Bà Rịa - Vũng Tàu", SOUTHEAST),
        ("Thừa Thiên - Huế", "Thừa Thiên Huế", CENTRAL_COAST),
        ("Thành phố Huế", "Thừa Thiên Huế", CENTRAL_COAST),  # its name since 2025
        ("Đăk Lăk", "Đắk Lắk", CENTRAL_HIGHLANDS),
        ("  an giang ", "An Giang", MEKONG_DELTA),
        ("TP Cần Thơ", "Cần Thơ", MEKONG_DELTA),
    ],
)
def test_names_as_people_type_them(typed, province, region):
    assert province_name(typed) == province
    assert region_of(typed) == region


@pytest.mark.parametrize(
    "province, region",
    [  # the 34 provinces and cities from 01/07/2025
        ("Tuyên Quang", NORTHERN_MIDLANDS),
        ("Lào Cai", NORTHERN_MIDLANDS),
        ("Thái Nguyên", NORTHERN_MIDLANDS),
        ("Phú Thọ", NORTHERN_MIDLANDS),
        ("Lạng Sơn", NORTHERN_MIDLANDS),
        ("Cao Bằng", NORTHERN_MIDLANDS),
        ("Điện Biên", NORTHERN_MIDLANDS),
        ("Lai Châu", NORTHERN_MIDLANDS),
        ("Sơn La", NORTHERN_MIDLANDS),
        ("Hà Nội", RED_RIVER_DELTA),
        ("Hải Phòng", RED_RIVER_DELTA),
        ("Quảng Ninh", RED_RIVER_DELTA),
        ("Bắc Ninh", RED_RIVER_DELTA),
        ("Hưng Yên", RED_RIVER_DELTA),
        ("Ninh Bình", RED_RIVER_DELTA),
        ("Thanh Hóa", CENTRAL_COAST),
        ("Nghệ An", CENTRAL_COAST),
        ("Hà Tĩnh", CENTRAL_COAST),
        ("Quảng Trị", CENTRAL_COAST),
        ("Huế", CENTRAL_COAST),
        ("Đà Nẵng", CENTRAL_COAST),
        ("Quảng Ngãi", CENTRAL_COAST),
        ("Khánh Hòa", CENTRAL_COAST),
        ("Gia Lai", CENTRAL_HIGHLANDS),
        ("Đắk Lắk", CENTRAL_HIGHLANDS),
        ("Lâm Đồng", CENTRAL_HIGHLANDS),
        ("Hồ Chí Minh", SOUTHEAST),
        ("Đồng Nai", SOUTHEAST),
        ("Tây Ninh", SOUTHEAST),
        ("Cần Thơ", MEKONG_DELTA),
        ("Vĩnh Long", MEKONG_DELTA),
        ("Đồng Tháp", MEKONG_DELTA),
        ("An Giang", MEKONG_DELTA),
        ("Cà Mau", MEKONG_DELTA),
    ],
)
def test_provinces_after_the_2025_merger(province, region):
    assert region_of(province) == region


@pytest.mark.parametrize("typed", ["", None, "   ", "Viêng Chăn", "Tỉnh", "Hà", "Thành phố"])
def test_anything_else_is_unknown(typed):
    assert province_name(typed) is None
    assert region_of(typed) == UNKNOWN_REGION
