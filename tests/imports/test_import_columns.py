"""One column list per importable kind: the template, the import and the export all read it."""

from __future__ import annotations

from io import BytesIO

from django.urls import reverse
from openpyxl import load_workbook

from dxhub.companies.columns import COMPANY_COLUMNS
from dxhub.imports.columns import normalize_header
from dxhub.needs.columns import NEED_COLUMNS
from tests.factories import NeedFactory
from tests.imports.sheets import COMPANY_HEADERS, commit, company_row, upload, xlsx_bytes


def _header(content: bytes) -> list[str]:
    return [c.value for c in load_workbook(BytesIO(content)).worksheets[0][1]]


def test_imported_companies_export_with_the_lists_headers(client, operator):
    client.force_login(operator)
    _, job = upload(client, "companies", "a.xlsx", xlsx_bytes([COMPANY_HEADERS, company_row(1)]))
    commit(client, job)

    exported = client.get(reverse("companies:list"), {"format": "xlsx", "q": "가져온기업1"})
    template = client.get(reverse("imports:template", args=["companies"]))

    assert _header(exported.content) == COMPANY_COLUMNS.export_headers()
    assert _header(template.content) == COMPANY_COLUMNS.template_headers()
    # The export is the template's first columns: what a hub downloads, it can upload again.
    assert (
        _header(template.content)[: len(COMPANY_COLUMNS.export_headers())] == COMPANY_COLUMNS.export_headers()
    )
    rows = list(load_workbook(BytesIO(exported.content)).worksheets[0].iter_rows(min_row=2, values_only=True))
    assert [r[1] for r in rows] == ["가져온기업1"]


def test_needs_export_and_template_read_the_same_list(client, operator, demander_company):
    client.force_login(operator)
    NeedFactory(company=demander_company)

    exported = client.get(reverse("needs:list"), {"format": "xlsx"})
    template = client.get(reverse("imports:template", args=["needs"]))

    assert _header(exported.content) == NEED_COLUMNS.export_headers()
    assert _header(template.content) == NEED_COLUMNS.template_headers()
    assert [h for h in NEED_COLUMNS.export_headers() if h not in NEED_COLUMNS.ignored()] == (
        NEED_COLUMNS.template_headers()
    )


def test_every_written_header_is_a_spelling_the_import_reads():
    for columns in (COMPANY_COLUMNS, NEED_COLUMNS):
        for column in columns:
            if column.imported:
                spellings = {normalize_header(s) for s in column.spellings}
                assert normalize_header(column.header) in spellings, column.key
