"""A large, plausible showroom for benchmarks: producers, products with GS1 barcodes, lots,
intakes and years of sales with lines, lots, payments, movements and the journal chain.
Written with bulk SQL (the services would take hours for a million lines); the rows are the
same shape the services write, so queries and the services measured on top see real sizes."""

import random
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from pos.barcodes import gs1_check_digit
from pos.cart import included_vat
from pos.journal import GENESIS_HASH, canonical_json, chain_hash
from pos.money import share_bp
from pos.services.search import reindex_product
from pos.storage.database import open_database

WORDS = (
    "Trà Sâm Mật ong Gạo Bánh Mứt Rượu Nước mắm Miến Tỏi đen Cà phê Hạt điều Nấm "
    "Chè Măng Ruốc Bò khô Khăn lụa Gốm Mây tre Đường thốt nốt Tiêu Quế Hồi"
).split(" ")
PLACES = (
    "Lai Châu",
    "Sơn La",
    "Hà Nội",
    "Cao Bằng",
    "Bắc Kạn",
    "Thái Nguyên",
    "An Giang",
    "Hà Giang",
    "Lào Cai",
    "Hòa Bình",
    "Nghệ An",
    "Đắk Lắk",
)
KINDS = ("company", "cooperative", "household")


@dataclass(frozen=True)
class Size:
    producers: int
    products: int
    sale_lines: int
    years: int = 5


FULL = Size(500, 10_000, 1_000_000)
SMOKE = Size(20, 200, 3_000, 1)


def ean13(number: int) -> str:
    body = f"893{number:09d}"
    return body + str(gs1_check_digit(body))


def build(path: Path, size: Size, seed: int = 7) -> None:
    rng = random.Random(seed)
    if path.exists():
        path.unlink()
    db = open_database(path)
    end = date(2026, 11, 1)
    start = end - timedelta(days=365 * size.years)
    with db.atomic():
        db.execute("PRAGMA foreign_keys=OFF")  # bulk load in dependency order
        db.conn.executemany(
            "INSERT INTO producers (id, code, name, kind, province) VALUES (?, ?, ?, ?, ?)",
            [
                (
                    i,
                    f"NSX{i:04d}",
                    f"HTX {rng.choice(WORDS)} {rng.choice(PLACES)} {i}",
                    rng.choice(KINDS),
                    rng.choice(PLACES),
                )
                for i in range(1, size.producers + 1)
            ],
        )
        db.conn.executemany(
            "INSERT INTO commission_terms (producer_id, effective_from, commission_bp, "
            "recorded_at) VALUES (?, ?, ?, ?)",
            [
                (
                    i,
                    start.isoformat(),
                    rng.choice((1500, 1750, 2000, 2250, 2500, 3000)),
                    start.isoformat(),
                )
                for i in range(1, size.producers + 1)
            ],
        )
        products = []
        for i in range(1, size.products + 1):
            name = f"{rng.choice(WORDS)} {rng.choice(WORDS).lower()} {rng.choice(PLACES)} {i}"
            products.append(
                (
                    i,
                    f"SP{i:06d}",
                    name,
                    rng.randint(1, size.producers),
                    rng.choice((9_000, 25_000, 65_000, 120_000, 350_000, 1_200_000)),
                    rng.choice(("3", "4", "5")),
                    rng.choice((500, 800, 1000)),
                )
            )
        db.conn.executemany(
            "INSERT INTO products (id, sku, name, producer_id, price_vnd, ocop_rating, vat_bp, "
            "tracks_expiry) VALUES (?, ?, ?, ?, ?, ?, ?, 1)",
            products,
        )
        db.conn.executemany(
            "INSERT INTO barcodes (code, product_id, kind) VALUES (?, ?, 'gs1')",
            [(ean13(i), i) for i in range(1, size.products + 1)],
        )
        for product_id in range(1, size.products + 1):
            reindex_product(db, product_id)
        # One lot per product and year, received at the start of the year, big enough to sell.
        lots, receipts, movements = [], [], []
        lot_id = 0
        per_product_year = size.sale_lines * 3 // (size.products * size.years) + 20
        for product in products:
            for year in range(size.years):
                lot_id += 1
                received = start + timedelta(days=365 * year)
                lots.append(
                    (
                        lot_id,
                        product[0],
                        f"L{year}-{product[0]}",
                        received.isoformat(),
                        (received + timedelta(days=730)).isoformat(),
                        received.isoformat(),
                    )
                )
                receipts.append((lot_id, product[3], received.isoformat()))
                movements.append(
                    (
                        product[0],
                        lot_id,
                        per_product_year,
                        "intake",
                        "goods_receipt",
                        lot_id,
                        received.isoformat(),
                    )
                )
        db.conn.executemany(
            "INSERT INTO lots (id, product_id, lot_code, production_date, expiry_date, "
            "created_at) VALUES (?, ?, ?, ?, ?, ?)",
            lots,
        )
        db.conn.executemany(
            "INSERT INTO goods_receipts (id, number, producer_id, received_on, posted_at) "
            "VALUES (?, 'PNK-' || printf('%06d', ?1), ?, ?, ?3)",
            receipts,
        )
        db.conn.executemany(
            "INSERT INTO stock_movements (product_id, lot_id, qty, kind, document_type, "
            "document_id, moved_on) VALUES (?, ?, ?, ?, ?, ?, ?)",
            movements,
        )
        db.execute(
            "INSERT INTO terminals (code, name, created_at) VALUES ('T01', 'Quầy 1', ?)",
            [start.isoformat()],
        )
        _sales(db, rng, size, products, start)
        db.execute("PRAGMA foreign_keys=ON")
    db.execute("ANALYZE")
    db.close()


def _sales(db, rng, size, products, start) -> None:
    days = 365 * size.years
    sale_id = line_id = 0
    prev_hash = GENESIS_HASH
    sales, lines, line_lots, moves, payments, journal = [], [], [], [], [], []
    commission = dict(db.execute("SELECT producer_id, commission_bp FROM commission_terms"))
    while line_id < size.sale_lines:
        sale_id += 1
        sold = datetime.combine(start, datetime.min.time()) + timedelta(
            days=sale_id * days / (size.sale_lines / 3), minutes=rng.randint(480, 1200)
        )
        year = min((sold.date() - start).days // 365, size.years - 1)
        total = 0
        for line_no in range(1, rng.choice((2, 3, 3, 4)) + 1):
            line_id += 1
            pid, sku, name, producer, price, _, vat = products[rng.randrange(len(products))]
            qty = rng.choice((1, 1, 1, 2, 3))
            net = price * qty
            total += net
            lot = (pid - 1) * size.years + year + 1
            lines.append(
                (
                    line_id,
                    sale_id,
                    line_no,
                    pid,
                    sku,
                    name,
                    "hộp",
                    producer,
                    qty,
                    price,
                    net,
                    net,
                    vat,
                    included_vat(net, vat),
                    commission[producer],
                    share_bp(net, commission[producer]),
                )
            )
            line_lots.append((line_id, lot, qty))
            moves.append((pid, lot, -qty, "sale", "sale", sale_id, sold.date().isoformat()))
        number = f"T01-{sale_id:06d}"
        sales.append(
            (
                sale_id,
                number,
                sold.isoformat(timespec="seconds"),
                sold.date().isoformat(),
                total,
                total,
                f"bench-{sale_id}",
            )
        )
        payments.append((sale_id, total))
        payload = canonical_json({"total": total, "sold_at": sold.isoformat()})
        entry = chain_hash(prev_hash, "sale", number, payload)
        journal.append(("sale", sale_id, number, sold.isoformat(), payload, prev_hash, entry))
        prev_hash = entry
    db.conn.executemany(
        "INSERT INTO sales (id, number, terminal_code, cashier, sold_at, business_date, gross_vnd,"
        " discount_vnd, total_vnd, vat_vnd, change_vnd, source, client_token) "
        "VALUES (?, ?, 'T01', 'bench', ?, ?, ?, 0, ?, 0, 0, 'till', ?)",
        sales,
    )
    db.conn.executemany(
        "INSERT INTO sale_lines (id, sale_id, line_no, product_id, sku, product_name, unit, "
        "producer_id, qty, unit_price_vnd, gross_vnd, line_discount_vnd, cart_discount_vnd, "
        "net_vnd, vat_bp, vat_vnd, commission_bp, commission_vnd) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, ?, ?, ?, ?, ?)",
        lines,
    )
    db.conn.executemany("INSERT INTO sale_line_lots VALUES (?, ?, ?)", line_lots)
    db.conn.executemany(
        "INSERT INTO stock_movements (product_id, lot_id, qty, kind, document_type, document_id,"
        " moved_on) VALUES (?, ?, ?, ?, ?, ?, ?)",
        moves,
    )
    db.conn.executemany(
        "INSERT INTO payments (sale_id, method, amount_vnd) VALUES (?, 'cash', ?)", payments
    )
    db.conn.executemany(
        "INSERT INTO journal (document_type, document_id, document_number, posted_at, payload, "
        "prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?)",
        journal,
    )
    db.execute("INSERT INTO document_sequences (series, last_number) VALUES ('T01', ?)", [sale_id])
