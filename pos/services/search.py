"""The product search index: folded text (no diacritics, đ -> d) in an FTS5 table whose
rowid is the product id. Kept in step by the catalog writes, inside their transaction."""

import re

from sqlite_utils import Database

from pos.text import fold


def reindex_product(db: Database, product_id: int) -> None:
    reindex_products(db, "?", [product_id])


def reindex_products(db: Database, ids_sql: str, params: list | None = None) -> None:
    """The search entries of the products ``ids_sql`` selects, written again (``fold`` is
    pos.text.fold, given to every connection by storage.database)."""
    db.execute(f"DELETE FROM product_search WHERE rowid IN ({ids_sql})", params or [])
    db.execute(
        f"""
        INSERT INTO product_search (rowid, name, codes, producer)
        SELECT p.id, fold(p.name),
               fold(p.sku || ' ' || coalesce((SELECT group_concat(b.code, ' ') FROM barcodes b
                                             WHERE b.product_id = p.id), '')),
               fold(pr.name || ' ' || pr.code)
          FROM products p JOIN producers pr ON pr.id = p.producer_id WHERE p.id IN ({ids_sql})
        """,
        params or [],
    )


def reindex_producer(db: Database, producer_id: int) -> None:
    for (product_id,) in db.execute(
        "SELECT id FROM products WHERE producer_id = ?", [producer_id]
    ).fetchall():
        reindex_product(db, product_id)


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", fold(text))


def fts_query(text: str) -> str | None:
    """'Trà sâm' -> '"tra"* AND "sam"*': every word, as a prefix, diacritics ignored."""
    words = _words(text)
    if not words:
        return None
    return " AND ".join(f'"{word}"*' for word in words)


# How many matches of a tier are ranked, at most: after one or two letters thousands of
# products match, and ranking them all took 10-40 ms on 10,000 products; FTS5 finds the
# first few hundred, unranked, in well under a millisecond.
RANKED = 300


def matching_product_ids(db: Database, text: str, limit: int) -> list[int]:
    """What a cashier means first: names that start with the typed words ('tra' -> Trà sâm),
    then names with a word starting with each of them (Bộ chén trà), then any match (a code,
    a barcode, the producer); within each, FTS5's own rank over its first RANKED matches (or
    ``limit``, if more). Each tier is its own query that stops once the list is full."""
    query = fts_query(text)
    if query is None:
        return []
    words = _words(text)
    tiers = (
        # the name's words start with the typed ones, in order, from its first (FTS5 '^', '+')
        "name : ^" + " + ".join(f'"{word}"*' for word in words),
        f"name : ({query})",
        query,
    )
    found: list[int] = []
    seen: set[int] = set()
    for match in tiers:
        rows = db.execute(
            "SELECT rowid FROM (SELECT rowid, rank FROM product_search "
            "WHERE product_search MATCH :match LIMIT :ranked) ORDER BY rank LIMIT :limit",
            {
                "match": match,
                "limit": limit + len(found),
                "ranked": max(RANKED, limit + len(found)),
            },
        ).fetchall()
        fresh = [rowid for (rowid,) in rows if rowid not in seen][: limit - len(found)]
        found += fresh
        seen.update(fresh)
        if len(found) == limit:
            break
    return found
