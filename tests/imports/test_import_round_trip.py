"""An exported companies or needs list imports again unchanged: the headers are the same."""

from __future__ import annotations

from django.urls import reverse

from dxhub.companies.models import Company
from dxhub.companies.selectors import EXPORT_HEADERS as COMPANY_EXPORT_HEADERS
from dxhub.companies.selectors import company_export_rows
from dxhub.core.export import xlsx_response
from dxhub.needs.models import Need
from dxhub.needs.selectors import EXPORT_HEADERS as NEED_EXPORT_HEADERS
from dxhub.needs.selectors import need_export_rows
from dxhub.reference.models import Capability
from tests.factories import NeedFactory
from tests.imports.sheets import COMPANY_HEADERS, commit, company_row, upload, xlsx_bytes


def test_exported_companies_reimport_unchanged(client, operator):
    client.force_login(operator)
    _, job = upload(
        client, "companies", "a.xlsx", xlsx_bytes([COMPANY_HEADERS, company_row(1), company_row(2)])
    )
    commit(client, job)
    exported = Company.objects.filter(name__startswith="가져온기업").select_related("region__parent", "hub")
    content = xlsx_response("companies", COMPANY_EXPORT_HEADERS, company_export_rows(exported)).content

    _, job = upload(client, "companies", "export.xlsx", content)

    assert job.summary["error_count"] == 0, job.summary["errors"]
    assert job.summary["ignored_columns"] == []
    assert (job.summary["created"], job.summary["updated"], job.summary["unchanged"]) == (0, 0, 2)


def test_exported_needs_reimport_unchanged(client, operator, demander_company):
    client.force_login(operator)
    need = NeedFactory(
        company=demander_company, budget_min=10_000_000, budget_max=50_000_000, timeline_months=4
    )
    need.required_capabilities.set(Capability.objects.filter(slug="vision-inspection"))
    closed = NeedFactory(company=demander_company, status=Need.Status.CLOSED, close_reason="solved")
    needs = Need.objects.filter(pk__in=[need.pk, closed.pk]).select_related("company", "hub")
    content = xlsx_response("needs", NEED_EXPORT_HEADERS, need_export_rows(needs)).content

    _, job = upload(client, "needs", "needs-export.xlsx", content)

    assert job.summary["error_count"] == 0, job.summary["errors"]
    assert (job.summary["created"], job.summary["updated"], job.summary["unchanged"]) == (0, 0, 2)


def test_templates_download_with_headers_and_an_example(client, operator):
    from io import BytesIO

    from openpyxl import load_workbook

    client.force_login(operator)
    response = client.get(reverse("imports:template", args=["companies"]))

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    sheet = load_workbook(BytesIO(response.content)).worksheets[0]
    header = [c.value for c in sheet[1]]
    assert header[: len(COMPANY_EXPORT_HEADERS)] == COMPANY_EXPORT_HEADERS
    assert sheet.max_row == 2

    _, job = upload(client, "companies", "template.xlsx", response.content)
    assert job.summary["error_count"] == 0, job.summary["errors"]
    assert job.summary["created"] == 1

    needs = client.get(reverse("imports:template", args=["needs"]))
    header = [c.value for c in load_workbook(BytesIO(needs.content)).worksheets[0][1]]
    assert "수요기업 사업자등록번호" in header and "예산 상한(원)" in header
    assert client.get("/imports/template/other.xlsx").status_code == 404
