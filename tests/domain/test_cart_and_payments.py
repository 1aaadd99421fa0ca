import pytest
from hypothesis import given
from hypothesis import strategies as st

from pos.cart import Cart, CartLine, Discount, included_vat, parse_scan, price, spread
from pos.errors import ValidationError
from pos.payments import Tender, cash_suggestions, cash_tender, check_tenders
from pos.vietqr import ascii_purpose, crc16_ccitt_false, vietqr_payload


def line(product_id=1, price_vnd=350_000, qty=1, vat_bp=800, **extra):
    return CartLine(
        product_id, f"SKU{product_id}", f"Hàng {product_id}", "hộp", price_vnd, vat_bp, qty, **extra
    )


def test_same_product_scanned_again_increments_its_line():
    cart = Cart()
    cart.add(line(1))
    cart.add(line(2, 42_000))
    assert cart.add(line(1, qty=2)) == 0
    assert [(x.product_id, x.qty) for x in cart.lines] == [(1, 3), (2, 1)]


def test_totals_with_vat_per_rate():
    cart = Cart([line(1, 350_000, 2, 800), line(2, 1_200_000, 1, 1000), line(3, 18_000, 3, 500)])
    totals = price(cart)
    assert totals.total_vnd == 700_000 + 1_200_000 + 54_000
    assert totals.vat_by_rate == {500: included_vat(54_000, 500), 800: 51_852, 1000: 109_091}
    assert totals.units == 6


def test_cart_discount_is_spread_exactly_across_lines():
    cart = Cart([line(1, 100_000), line(2, 50_000), line(3, 33_333)])
    cart.set_discount(Discount.parse("10%"))
    totals = price(cart)
    assert totals.discount_vnd == 18_333
    assert sum(p.cart_discount_vnd for p in totals.lines) == 18_333
    assert [p.cart_discount_vnd for p in totals.lines] == [10_000, 5_000, 3_333]
    assert totals.total_vnd == 183_333 - 18_333


@given(st.integers(0, 10**9), st.lists(st.integers(0, 10**8), min_size=1, max_size=30))
def test_spread_always_adds_up(amount, weights):
    if sum(weights) == 0:
        assert spread(amount, weights) == [0] * len(weights)
        return
    parts = spread(amount, weights)
    assert sum(parts) == amount and all(p >= 0 for p in parts)
    total = sum(weights)
    assert all(abs(p * total - amount * w) < total for p, w in zip(parts, weights, strict=True))


def test_spread_gives_the_odd_dong_to_the_largest_remainder_and_ties_to_the_first_line():
    """The property above allows any part within a đồng; which line gets the odd đồng is
    fixed, so a receipt reprinted or re-priced splits a discount the same way every time."""
    assert spread(10, [1, 2]) == [3, 7]  # remainders 1 and 2 of 3: the second line's is larger
    assert spread(1, [1, 1]) == [1, 0]  # a tie goes to the first line
    assert spread(2, [1, 1, 1]) == [1, 1, 0]


def test_line_discount_amount_and_percent():
    cart = Cart([line(1, 100_000, 2)])
    cart.set_line_discount(0, Discount.parse("5.000"))
    assert price(cart).total_vnd == 195_000
    cart.set_line_discount(0, Discount.parse("12,5%"))
    assert price(cart).total_vnd == 175_000


def test_discount_larger_than_goods_is_refused_and_cart_unchanged():
    cart = Cart([line(1, 10_000)])
    with pytest.raises(ValidationError):
        cart.set_line_discount(0, Discount.parse("20.000"))
    with pytest.raises(ValidationError):
        cart.set_discount(Discount.parse("10.001"))
    assert price(cart).total_vnd == 10_000


def test_cart_round_trips_through_json():
    cart = Cart([line(1, qty=2, discount=Discount("percent", 1000)), line(2, 9_000)])
    cart.set_discount(Discount("amount", 1_000))
    assert Cart.from_json(cart.to_json()) == cart


@pytest.mark.parametrize(
    ("text", "qty", "code"),
    [
        ("8938505970004", 1, "8938505970004"),
        ("3*8938505970004", 3, "8938505970004"),
        (" 2 * sam-cu-100 ", 2, "sam-cu-100"),
        ("2X4-BOX", 1, "2X4-BOX"),
        ("trà sâm", 1, "trà sâm"),
    ],
)
def test_parse_scan(text, qty, code):
    scan = parse_scan(text)
    assert (scan.qty, scan.code) == (qty, code)


@pytest.mark.parametrize("text", ["0*8938505970004", "10000*8938505970004"])
def test_parse_scan_refuses_silly_quantities(text):
    with pytest.raises(ValidationError):
        parse_scan(text)


def test_cash_with_change_and_split_tender():
    state = check_tenders(79_000, [cash_tender(79_000, 100_000)])
    assert state.is_complete and state.change_vnd == 21_000
    split = check_tenders(500_000, [Tender("bank", 300_000), cash_tender(200_000, 200_000)])
    assert split.is_complete and split.change_vnd == 0
    partial = check_tenders(500_000, [Tender("card", 100_000, reference="A1")])
    assert partial.remaining_vnd == 400_000 and not partial.is_complete


@pytest.mark.parametrize(
    "tenders",
    [
        [Tender("bank", 100_001)],
        [Tender("card", 10_000)],
        [Tender("bank", 10, 20)],
        [Tender("cheque", 10)],
        [Tender("cash", 0)],
    ],
)
def test_bad_tenders(tenders):
    with pytest.raises(ValidationError):
        check_tenders(100_000, tenders)


def test_cash_suggestions_are_next_round_notes():
    assert cash_suggestions(79_000) == [79_000, 80_000, 100_000, 200_000, 500_000]
    assert cash_suggestions(100_000) == [100_000, 200_000, 500_000]
    assert cash_suggestions(0) == []


def test_vietqr_matches_the_published_napas_example():
    expected = (
        "00020101021238560010A0000007270126000697041501121133666688880208QRIBFTTA"
        "53037045405790005802VN62220818Ung Ho Quy Vac Xin63043ACF"
    )
    assert vietqr_payload("970415", "113366668888", 79000, "Ung Ho Quy Vac Xin") == expected


def test_vietqr_static_and_purpose_ascii():
    static = vietqr_payload("970436", "0011000123456", None)
    assert "010211" in static and "54" not in static.split("5303704")[1][:2]
    assert ascii_purpose("Hóa đơn T01-000001 Đặc sản ngon") == "Hoa don T01-000001 Dac sa"
    assert crc16_ccitt_false(b"123456789") == 0x29B1  # the CRC's published check value


def test_vietqr_needs_account_settings():
    with pytest.raises(ValidationError, match="BIN"):
        vietqr_payload("", "123456", 1000)
    with pytest.raises(ValidationError, match="tài khoản"):
        vietqr_payload("970415", "", 1000)


def test_the_payment_tally_is_what_the_dialog_shows_and_the_sale_posts():
    from pos.payments import tally

    tenders = [Tender("bank", 300_000, reference="VietQR"), cash_tender(200_000, 500_000)]
    so_far = tally(700_000, tenders[:1])
    assert (so_far.remaining_vnd, so_far.change_vnd, so_far.is_complete) == (400_000, 0, False)
    done = tally(500_000, tenders)
    assert (done.remaining_vnd, done.change_vnd, done.is_complete) == (0, 300_000, True)
    assert check_tenders(500_000, tenders) == done


# ---- VietQR edges and messages that mutation testing found unpinned (make mutants) ----


def test_vietqr_fields_hold_at_most_99_characters():
    from pos.vietqr import _field

    assert _field("62", "x" * 99) == "6299" + "x" * 99
    with pytest.raises(ValidationError) as refused:
        _field("62", "x" * 100)
    assert str(refused.value) == "trường VietQR 62 quá dài"


def test_the_transfer_purpose_is_plain_ascii():
    from pos.vietqr import ascii_purpose

    assert ascii_purpose("Hóa đơn #T01/000001!") == "Hoa don T01000001"


def test_vietqr_refusals_say_what_to_fix_and_an_amount_must_be_positive():
    from pos.vietqr import vietqr_payload

    assert "6208" not in vietqr_payload("970415", "123456789", 1000)  # no purpose, no field
    for account in ("VCB12345", "abc12345"):  # either case
        assert f"01{len(account):02d}{account}" in vietqr_payload("970415", account, None)
    assert "54011" + "5802VN" in vietqr_payload("970415", "123456789", 1)  # 1 ₫ is an amount
    for bank_bin, account, amount, message in (
        ("97041", "123456789", 1, "chưa có mã BIN ngân hàng (6 chữ số) trong Cài đặt"),
        ("970415", "12", 1, "chưa có số tài khoản nhận chuyển khoản trong Cài đặt"),
        ("970415", "123456789", 0, "số tiền chuyển khoản phải lớn hơn 0"),
    ):
        with pytest.raises(ValidationError) as refused:
            vietqr_payload(bank_bin, account, amount)
        assert str(refused.value) == message


# ---- payment edges and messages that mutation testing found unpinned (make mutants) ----


def test_tenders_at_their_edges():
    from pos.money import MAX_VND

    assert check_tenders(1, [Tender("bank", 1)]).is_complete  # 1 ₫ is a payment
    assert check_tenders(MAX_VND, [Tender("bank", MAX_VND)]).is_complete  # the largest
    assert cash_tender(1, 1) == Tender("cash", 1, 1)
    with pytest.raises(ValidationError) as nothing:
        cash_tender(100, 0)
    assert str(nothing.value) == "nhập số tiền khách đưa"


@pytest.mark.parametrize(
    ("tender", "message"),
    [
        (Tender("cheque", 10), "hình thức thanh toán không hợp lệ: cheque"),
        (Tender("bank", 0), "số tiền thanh toán phải lớn hơn 0"),
        (Tender("bank", 10, 20), "chỉ tiền mặt mới có tiền thối lại"),
        (Tender("cash", 10, 5), "tiền khách đưa ít hơn số tiền thanh toán"),
    ],
)
def test_refused_tenders_say_why(tender, message):
    with pytest.raises(ValidationError) as refused:
        check_tenders(100, [tender])
    assert str(refused.value) == message


def test_cash_suggestions_offer_five_amounts_from_the_exact_one():
    assert cash_suggestions(1) == [1, 10_000, 20_000, 50_000, 100_000]
    assert cash_suggestions(12_345) == [12_345, 20_000, 50_000, 100_000, 200_000]
    assert cash_suggestions(0) == []


# ---- cart edges that mutation testing found unpinned (make mutants) ----


def test_discounts_as_typed():
    assert Discount.parse("") == Discount("amount", 0)
    assert Discount.parse(" 5.000 ") == Discount("amount", 5000)
    assert Discount.parse("0") == Discount("amount", 0)
    assert Discount.parse("10%") == Discount("percent", 1000)


def _two_lines() -> Cart:
    cart = Cart()
    cart.add(CartLine(1, "TRA", "Trà sâm", "hộp", 100_000, 800, 2))
    cart.add(CartLine(2, "GAO", "Gạo tám", "túi", 50_000, 500, 1))
    return cart


def test_a_line_sold_at_another_price_free_included_and_a_bad_price_leaves_it_as_it_was():
    cart = _two_lines()
    cart.set_price(1, 0)  # given away: allowed, the service asks who approved it
    assert cart.lines[1].unit_price_vnd == 0 and cart.lines[0].unit_price_vnd == 100_000
    with pytest.raises(ValidationError) as negative:
        cart.set_price(0, -1)
    assert str(negative.value) == "giá bán không được âm"
    cart.set_line_discount(0, Discount.parse("150.000"))
    with pytest.raises(ValidationError):
        cart.set_price(0, 50_000)  # the discount would exceed the line: refused
    assert cart.lines[0].unit_price_vnd == 100_000


def test_units_of_a_product_count_every_line_of_it():
    cart = _two_lines()
    cart.lines.append(CartLine(1, "TRA", "Trà sâm", "hộp", 90_000, 800, 3))
    assert cart.qty_of(1) == 5 and cart.qty_of(2) == 1 and cart.qty_of(3) == 0


def test_a_parked_cart_is_stored_as_one_text_vietnamese_kept():
    import json

    text = _two_lines().to_json()
    assert "Trà sâm" in text
    assert text == json.dumps(json.loads(text), ensure_ascii=False, sort_keys=True)
    assert Cart.from_json(text).lines == _two_lines().lines


def test_scans_at_the_quantity_limit():
    from pos.cart import MAX_QTY

    assert parse_scan(f"{MAX_QTY}*8938505970004").qty == MAX_QTY
    for typed in (f"{MAX_QTY + 1}*8938505970004", "123456789*8938505970004"):
        with pytest.raises(ValidationError) as refused:
            parse_scan(typed)
        assert str(refused.value) == f"số lượng phải từ 1 đến {MAX_QTY}"
    with pytest.raises(ValidationError) as wrong:
        parse_scan(None)
    assert str(wrong.value) == "mã quét phải là chữ hoặc số đọc từ máy quét"


def test_adding_says_which_line_changed():
    cart = _two_lines()
    assert cart.add(CartLine(3, "MAT", "Mật ong", "chai", 80_000, 800, 1)) == 2
    assert cart.add(CartLine(1, "TRA", "Trà sâm", "hộp", 100_000, 800, 1)) == 0
    assert cart.add(CartLine(3, "MAT", "Mật ong", "chai", 80_000, 800, 1)) == 2


def test_a_free_line_and_the_largest_total_are_within_limits():
    from pos.cart import priced_within_limits
    from pos.money import MAX_VND

    cart = Cart()
    cart.add(CartLine(1, "QUA", "Quà tặng", "cái", 0, 800, 1))
    assert priced_within_limits(cart).total_vnd == 0
    cart = Cart()
    cart.add(CartLine(1, "GOM", "Bình gốm", "cái", MAX_VND, 1000, 1))
    assert priced_within_limits(cart).total_vnd == MAX_VND


def test_discounts_up_to_all_of_it_and_not_beyond_said_in_words():
    cart = _two_lines()  # 250.000
    cart.set_discount(Discount("amount", 250_000))
    assert price(cart).total_vnd == 0  # the whole cart given away: allowed
    with pytest.raises(ValidationError) as whole:
        cart.set_discount(Discount("amount", 250_001))
    assert str(whole.value) == "giảm giá cả đơn lớn hơn tổng tiền hàng"
    cart = _two_lines()
    cart.lines[1] = CartLine(2, "GAO", "Gạo tám", "túi", 50_000, 500, 1, Discount("amount", 50_001))
    with pytest.raises(ValidationError) as line:
        price(cart)
    assert str(line.value) == "giảm giá lớn hơn tiền hàng của dòng Gạo tám"


def test_vat_of_lines_at_the_same_rate_adds_up():
    cart = _two_lines()
    cart.add(CartLine(3, "MAT", "Mật ong", "chai", 80_000, 800, 1))
    totals = price(cart)
    assert totals.vat_by_rate[800] == sum(p.vat_vnd for p in totals.lines if p.line.vat_bp == 800)
    assert set(totals.vat_by_rate) == {800, 500}


def test_tenders_together_never_pay_more_than_is_due_and_cards_need_their_reference():
    with pytest.raises(ValidationError) as over:
        check_tenders(100, [Tender("bank", 60), Tender("bank", 60)])
    assert str(over.value) == "tổng thanh toán vượt số tiền phải trả"
    with pytest.raises(ValidationError) as card:
        check_tenders(100, [Tender("card", 100, reference=" ")])
    assert str(card.value) == "cần mã giao dịch của máy cà thẻ"
