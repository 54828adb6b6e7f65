"""Imports write through the kinds' bulk services: search text from the one text function,
audit entries for every row, and one announcement per import (matching rebuilds once)."""

from __future__ import annotations

from auditlog.models import LogEntry
from django.contrib.contenttypes.models import ContentType

from dxhub.companies.hooks import companies_bulk_saved
from dxhub.companies.models import Company
from dxhub.companies.services import company_index_text
from dxhub.matches import tasks
from dxhub.needs.hooks import needs_bulk_saved
from dxhub.needs.models import Need
from dxhub.needs.services import need_index_text
from tests.imports.sheets import COMPANY_HEADERS, commit, company_row, upload, xlsx_bytes

NEED_HEADERS = ["수요기업 사업자등록번호", "제목", "현장/공정", "문제", "필요 기술", "상태"]


def need_row(company, title="용접 비드 외관 검사 자동화", status=None):
    return [
        company.brn_display,
        title,
        "2공장 용접 라인",
        "작업자 육안 검사로 불량 누락이 잦습니다.",
        "비전 검사",
        status,
    ]


def test_a_companies_import_sets_search_text_audits_and_announces_once(
    client, operator, django_capture_on_commit_callbacks
):
    client.force_login(operator)
    _, job = upload(
        client, "companies", "a.xlsx", xlsx_bytes([COMPANY_HEADERS, company_row(1), company_row(2)])
    )

    with django_capture_on_commit_callbacks() as callbacks:
        commit(client, job)

    companies = list(Company.objects.filter(name__startswith="가져온기업"))
    assert len(companies) == 2
    for company in companies:
        # The same terms as a save on the company page would store.
        assert set(company.search_text.split()) == set(company_index_text(company).split())
    entries = LogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(Company), object_pk__in=[str(c.pk) for c in companies]
    )
    assert entries.count() == 2
    assert all(e.additional_data == {"import_job": job.pk, "file": "a.xlsx"} for e in entries)
    assert all(e.actor_id == operator.pk for e in entries)
    assert len(callbacks) == 1  # one announcement for the whole upload


def test_a_needs_import_sets_search_text_audits_and_announces_once(
    client, operator, demander_company, django_capture_on_commit_callbacks
):
    client.force_login(operator)
    rows = [
        NEED_HEADERS,
        need_row(demander_company),
        need_row(demander_company, "두 번째 수요", status="공개"),
    ]
    _, job = upload(client, "needs", "needs.xlsx", xlsx_bytes(rows))

    with django_capture_on_commit_callbacks() as callbacks:
        commit(client, job)

    needs = list(Need.objects.filter(company=demander_company))
    assert len(needs) == 2
    for need in needs:
        assert set(need.search_text.split()) == set(need_index_text(need).split())
        assert need.created_by_id == operator.pk
    published = next(n for n in needs if n.title == "두 번째 수요")
    assert published.status == Need.Status.PUBLISHED and published.published_at is not None
    entries = LogEntry.objects.filter(content_type=ContentType.objects.get_for_model(Need))
    assert sorted(int(e.object_pk) for e in entries) == sorted(n.pk for n in needs)
    assert len(callbacks) == 1

    # The same file again changes nothing, so nothing is announced.
    _, again = upload(client, "needs", "needs.xlsx", xlsx_bytes(rows))
    with django_capture_on_commit_callbacks() as callbacks:
        commit(client, again)
    assert again.summary["unchanged"] == 2
    assert callbacks == []


def test_matching_rebuilds_after_either_kinds_bulk_write():
    assert tasks.on_bulk_saved in companies_bulk_saved.receivers
    assert tasks.on_bulk_saved in needs_bulk_saved.receivers
