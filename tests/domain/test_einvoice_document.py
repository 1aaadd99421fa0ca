"""An e-invoice's stored text reads back as the very invoice (every retry sends it)."""

import json
from dataclasses import asdict

from pos.documents.einvoice import Buyer, Invoice, InvoiceLine, InvoiceRef, Seller


def test_an_invoice_reads_back_from_its_text_as_it_was():
    invoice = Invoice(
        "8f1c2d3e-0000-4000-8000-000000000001",
        "adjustment",
        "1/001",
        "1C26MAA",
        "2026-11-24T10:00:00",
        "T01-TH-000001",
        Seller("0100109106", "Showroom", "Hà Nội", "HN01", "Quầy 1", "Số 1"),
        Buyer("business", "0100109106", "Công ty Trà Việt", "Hà Nội"),
        (
            InvoiceLine(
                1, "SAM-TRA-20", "Trà sâm", "hộp", -1, "324074.0741", 0, -324074, 800, -25926
            ),
        ),
        -324074,
        -25926,
        -350000,
        ((800, -324074, -25926),),
        "TM",
        "Ba trăm năm mươi nghìn đồng",
        InvoiceRef("8f1c2d3e-0000-4000-8000-000000000000", "1/001", "1C26MAA", "", "2026-11-24"),
        "05",
    )
    assert Invoice.from_json(invoice.to_json()) == invoice
    assert json.loads(invoice.to_json()) == json.loads(json.dumps(asdict(invoice)))
