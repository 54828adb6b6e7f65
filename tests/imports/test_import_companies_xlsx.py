"""A clean .xlsx creates companies with their links and contact; importing it again updates, never duplicates."""

from __future__ import annotations

from auditlog.models import LogEntry
from django.contrib.contenttypes.models import ContentType

from dxhub.companies.brn import normalize_brn
from dxhub.companies.models import Company, ContactPerson
from tests.imports.sheets import COMPANY_HEADERS, brn, commit, company_row, upload, xlsx_bytes


def test_check_then_commit_creates_companies(client, operator, hubs):
    client.force_login(operator)
    content = xlsx_bytes([COMPANY_HEADERS, company_row(1), company_row(2, 구분="공급", KSIC="62")])

    response, job = upload(client, "companies", "기업목록.xlsx", content)

    assert response.status_code == 200
    assert job.summary["created"] == 2 and job.summary["error_count"] == 0
    assert "import-ready" in response.content.decode()
    assert not Company.objects.filter(brn__in=[normalize_brn(brn(1)), normalize_brn(brn(2))]).exists()

    response = commit(client, job)

    assert response.status_code == 200
    assert "import-committed" in response.content.decode()
    job.refresh_from_db()
    assert job.status == "committed"
    first = Company.objects.get(brn=normalize_brn(brn(1)))
    assert first.name == "가져온기업1"
    assert first.kind == Company.Kind.DEMANDER
    assert first.region_id == "48123"
    assert first.hub == hubs["changwon"]  # the operator's hub, as 거점 is empty
    assert first.employees == 41 and first.founded_year == 2001
    assert sorted(first.ksic_codes.values_list("code", flat=True)) == ["25", "29199"]
    assert sorted(first.capabilities.values_list("slug", flat=True)) == [
        "predictive-maintenance",
        "vision-inspection",
    ]
    assert "정밀" in first.search_text or "가공" in first.search_text
    contact = ContactPerson.objects.get(company=first)
    assert contact.is_primary and contact.name == "담당자1" and contact.email == "dx1@example.kr"
    second = Company.objects.get(brn=normalize_brn(brn(2)))
    assert second.kind == Company.Kind.SUPPLIER
    assert list(second.ksic_codes.values_list("code", flat=True)) == ["62"]
    entries = LogEntry.objects.filter(content_type=ContentType.objects.get_for_model(Company))
    assert entries.filter(object_id=first.pk, action=LogEntry.Action.CREATE, actor=operator).exists()


def test_reimport_updates_by_business_number(client, operator):
    client.force_login(operator)
    _, job = upload(
        client, "companies", "a.xlsx", xlsx_bytes([COMPANY_HEADERS, company_row(1), company_row(2)])
    )
    commit(client, job)
    before = Company.objects.count()
    changed = company_row(1, 기업명="가져온기업1(주)", 보유기술="디지털 트윈", 담당자명="새담당")

    _, job = upload(client, "companies", "b.xlsx", xlsx_bytes([COMPANY_HEADERS, changed, company_row(2)]))

    assert job.summary["created"] == 0
    assert job.summary["updated"] == 1
    assert job.summary["unchanged"] == 1
    commit(client, job)
    assert Company.objects.count() == before
    company = Company.objects.get(brn=normalize_brn(brn(1)))
    assert company.name == "가져온기업1(주)"
    assert list(company.capabilities.values_list("slug", flat=True)) == ["digital-twin"]
    assert company.contacts.count() == 1
    assert company.contacts.get().name == "새담당"
    update = LogEntry.objects.get_for_object(company).filter(action=LogEntry.Action.UPDATE).first()
    assert update is not None and update.changes["name"] == ["가져온기업1", "가져온기업1(주)"]


def test_blank_cells_keep_stored_values(client, operator):
    client.force_login(operator)
    _, job = upload(client, "companies", "a.xlsx", xlsx_bytes([COMPANY_HEADERS, company_row(3)]))
    commit(client, job)

    row = company_row(3, 종업원수=None, KSIC=None, 기업소개=None, 담당자명=None)
    row[COMPANY_HEADERS.index("담당자 이메일")] = None
    _, job = upload(client, "companies", "b.xlsx", xlsx_bytes([COMPANY_HEADERS, row]))

    assert job.summary["unchanged"] == 1
    company = Company.objects.get(brn=normalize_brn(brn(3)))
    assert company.employees == 43
    assert company.ksic_codes.count() == 2
