from datetime import date

import pytest

from pos.catalog import ProducerInput, ProductInput, producer_input_from, product_input_from
from pos.errors import NotFound, ValidationError
from pos.services import catalog
from tests.catalog_setup import save_producer, save_product
from tests.conftest import demo_user, first_admin


@pytest.fixture
def admin(db):
    """A new showroom's administrator, who edits its catalog."""
    return first_admin(db)


def producer(code="HOABAN", commission_bp=2000, **extra) -> ProducerInput:
    return ProducerInput(
        code=code, name="Công ty TNHH Hoa Ban", kind="company", commission_bp=commission_bp, **extra
    )


def product(sku="SAM-TRA-20", barcodes=("8938505970103",), **extra) -> ProductInput:
    values = dict(
        sku=sku,
        name="Trà sâm Lai Châu",
        producer_code="HOABAN",
        price_vnd=350_000,
        ocop_rating="4",
        vat_bp=800,
        tracks_expiry=True,
        barcodes=barcodes,
    )
    values.update(extra)
    return ProductInput(**values)


def test_save_and_find_by_barcode_and_sku(admin, db):
    save_producer(db, producer(), actor=admin)
    save_product(db, product(), actor=admin)
    by_barcode = catalog.find_product_by_code(db, "8938505970103")
    assert by_barcode.sku == "SAM-TRA-20"
    assert by_barcode.price_vnd == 350_000 and isinstance(by_barcode.price_vnd, int)
    assert by_barcode.producer_code == "HOABAN"
    assert catalog.find_product_by_code(db, "sam-tra-20").id == by_barcode.id
    assert catalog.find_product_by_code(db, "0000000000000") is None


def test_saving_again_updates_by_sku(admin, db):
    save_producer(db, producer(), actor=admin)
    first = save_product(db, product(), actor=admin)
    second = save_product(db, product(price_vnd=360_000, name="Trà sâm (mới)"), actor=admin)
    assert first.created and not second.created and first.id == second.id
    assert catalog.find_product_by_code(db, "SAM-TRA-20").price_vnd == 360_000
    assert len(catalog.list_products(db)) == 1


def test_barcode_of_another_product_is_refused(admin, db):
    save_producer(db, producer(), actor=admin)
    save_product(db, product(), actor=admin)
    with pytest.raises(ValidationError, match="đã thuộc mặt hàng SAM-TRA-20"):
        save_product(db, product(sku="OTHER"), actor=admin)
    assert catalog.find_product_by_code(db, "OTHER") is None  # nothing half-written


def test_unknown_producer(admin, db):
    with pytest.raises(NotFound):
        save_product(db, product(), actor=admin)


def test_commission_terms_keep_history(admin, db):
    save_producer(db, producer(commission_bp=2000), on=date(2026, 1, 1), actor=admin)
    save_product(db, product(), on=date(2026, 1, 1), actor=admin)
    product_id = catalog.find_product_by_code(db, "SAM-TRA-20").id
    save_producer(db, producer(commission_bp=2250), on=date(2026, 6, 1), actor=admin)
    assert catalog.commission_in_force(db, product_id, date(2026, 3, 1)) == 2000
    # A back-dated sale before any recorded terms takes the first terms agreed.
    assert catalog.commission_in_force(db, product_id, date(2025, 1, 1)) == 2000
    assert catalog.commission_in_force(db, product_id, date(2026, 6, 1)) == 2250
    # A product override wins over the producer default from its effective date.
    save_product(db, product(commission_bp=1500), on=date(2026, 7, 1), actor=admin)
    assert catalog.commission_in_force(db, product_id, date(2026, 6, 30)) == 2250
    assert catalog.commission_in_force(db, product_id, date(2026, 7, 1)) == 1500
    # Saving unchanged terms records nothing new.
    save_producer(db, producer(commission_bp=2250), on=date(2026, 8, 1), actor=admin)
    assert db.execute("SELECT count(*) FROM commission_terms").fetchone()[0] == 3


def test_text_is_stored_nfc(admin, db):
    decomposed = "Tra\u0300 sa\u0302m"
    save_producer(db, producer(), actor=admin)
    save_product(
        db,
        product_input_from(
            {
                "sku": "x-1",
                "name": decomposed,
                "producer_code": "hoaban",
                "price_vnd": "1.000",
                "ocop_stars": "4",
                "vat_pct": "8",
                "track_expiry": "0",
                "barcode": "",
            }
        ),
        actor=admin,
    )
    stored = db.execute("SELECT name, sku FROM products").fetchone()
    assert stored == ("Trà sâm", "X-1")


def test_row_validation_reports_every_problem_of_the_row():
    with pytest.raises(ValidationError) as error:
        product_input_from(
            {
                "sku": "",
                "name": "",
                "producer_code": "HOABAN",
                "price_vnd": "-5",
                "ocop_stars": "6",
                "vat_pct": "8",
                "track_expiry": "maybe",
                "barcode": "8938505970005",
            }
        )
    message = str(error.value)
    for part in ["mã hàng", "tên hàng", "giá bán", "hạng OCOP", "theo dõi hạn dùng", "số kiểm tra"]:
        assert part in message


def test_producer_validation():
    parsed = producer_input_from(
        {
            "code": "dongcao",
            "name": "HTX Đông Cao",
            "kind": "cooperative",
            "commission_pct": "22.5",
            "bank_bin": "970405",
            "tax_code": "0100234567",
        }
    )
    assert parsed.code == "DONGCAO" and parsed.commission_bp == 2250
    with pytest.raises(ValidationError, match="BIN"):
        producer_input_from(
            {
                "code": "A",
                "name": "B",
                "kind": "company",
                "commission_pct": "10",
                "bank_bin": "97040",
            }
        )
    with pytest.raises(ValidationError, match="loại chủ thể"):
        producer_input_from({"code": "A", "name": "B", "kind": "shop", "commission_pct": "10"})


@pytest.mark.parametrize(
    ("query", "expected_sku"),
    [
        ("tra sam", "SAM-TRA-20"),
        ("Trà sâm", "SAM-TRA-20"),
        ("duong thot", "DUONG-THOTNOT"),
        ("đường", "DUONG-THOTNOT"),
        ("ong hut gao", "ONGHUT-GAO-100"),
        ("8936567890", "MIEN-DONG"),
        ("chen-tra", "CHEN-TRA-6"),
        ("nga my ruoc", "RUOC-BO-200"),
    ],
)
def test_search_is_diacritic_insensitive(demo_db, query, expected_sku):
    results = [p.sku for p in catalog.search_products(demo_db, query)]
    assert expected_sku in results


def test_search_dac_san_matches_dac_san(admin, db):
    save_producer(db, producer(), actor=admin)
    save_product(db, product(sku="DS-1", barcodes=(), name="Đặc sản Lai Châu"), actor=admin)
    assert [p.sku for p in catalog.search_products(db, "dac san")] == ["DS-1"]
    assert catalog.search_products(db, "   ") == []
    assert catalog.search_products(db, '"*') == []


def test_search_follows_producer_rename(demo_db):
    current = catalog.get_producer(demo_db, "NGAMY")
    renamed = ProducerInput(
        code="NGAMY", name="HTX Đồi Chè", kind=current.kind, commission_bp=current.commission_bp
    )
    save_producer(demo_db, renamed, actor=demo_user(demo_db, "admin"))
    assert {p.sku for p in catalog.search_products(demo_db, "doi che")} == {
        "RUOC-BO-200",
        "BO-KHO-250",
    }


def test_search_puts_what_a_cashier_means_first(demo_db):
    """'tra' listed 'Bộ chén trà' before 'Trà sâm': names starting with the typed words come
    first, then names with a word starting with them, then any other match."""
    from pos.text import fold

    names = [fold(p.name) for p in catalog.search_products(demo_db, "tra", 50)]
    starts = [n.startswith("tra") for n in names]
    assert starts[:2] == [True, True] and starts == sorted(starts, reverse=True)
    words = [any(w.startswith("tra") for w in n.split()) for n in names]
    assert words == sorted(words, reverse=True)  # a name with the word before any other match
    assert fold(catalog.search_products(demo_db, "trà sâm", 5)[0].name).startswith("tra sam")
    assert catalog.search_products(demo_db, "100%_", 5) == []  # LIKE's wildcards are text


def test_a_letter_that_hundreds_of_names_start_with_still_lists_them_first(admin, db):
    """After one letter more products match than search ranks (search.RANKED): the list is
    still full, and names starting with it still come before names merely holding a word
    with it; two letters of two words ('m s') find names whose words start so, in order."""
    from pos.services.search import RANKED

    save_producer(db, producer(), actor=admin)
    count = RANKED + 40
    for i in range(count):
        name = f"Kẹo {i}" if i % 2 else f"Mứt sen {i}"
        save_product(db, product(sku=f"P{i}", barcodes=(), name=name), actor=admin)
    save_product(db, product(sku="X1", barcodes=(), name="Hộp kẹo quà"), actor=admin)
    save_product(db, product(sku="X2", barcodes=(), name="Sen mứt"), actor=admin)
    names = [p.name for p in catalog.search_products(db, "k", 30)]
    assert len(names) == 30 and all(name.startswith("Kẹo ") for name in names)
    every = [p.name for p in catalog.search_products(db, "k", count + 10)]
    assert len(every) == count // 2 + 1 and every[-1] == "Hộp kẹo quà"
    found = [p.sku for p in catalog.search_products(db, "m s", count)]
    assert len(found) == count // 2 + 1 and found[-1] == "X2"  # words in another order: last
