"""What the stock ledger says, summed by the tests themselves (not through the services they
test): units on hand per product SKU, optionally for one producer."""


def on_hand_by_sku(db, producer_code: str | None = None) -> dict[str, int]:
    where, params = ("WHERE pr.code = ?", [producer_code]) if producer_code else ("", [])
    rows = db.execute(
        "SELECT p.sku, coalesce(sum(m.qty), 0) FROM products p "
        "JOIN producers pr ON pr.id = p.producer_id "
        f"LEFT JOIN stock_movements m ON m.product_id = p.id {where} "
        "GROUP BY p.id ORDER BY p.sku",
        params,
    ).fetchall()
    return dict(rows)
