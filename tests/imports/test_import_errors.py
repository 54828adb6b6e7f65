"""Every bad row is named by its row and column, and a file with any bad row writes nothing."""

from __future__ import annotations

import pytest
from auditlog.models import LogEntry

from dxhub.companies.models import Company, ContactPerson
from dxhub.imports.models import ImportJob
from tests.imports.sheets import COMPANY_HEADERS, brn, commit, company_row, upload, xlsx_bytes


def counts() -> dict[str, int]:
    return {
        "companies": Company.objects.count(),
        "contacts": ContactPerson.objects.count(),
        "ksic links": Company.ksic_codes.through.objects.count(),
        "capability links": Company.capabilities.through.objects.count(),
        "log entries": LogEntry.objects.exclude(content_type__model="importjob").count(),
    }


def errors_of(job: ImportJob) -> list[tuple[int, str, str]]:
    return [tuple(e) for e in job.summary["errors"]]


@pytest.fixture
def signed_in(client, operator):
    client.force_login(operator)
    return client


def test_error_in_row_names_row_and_column_and_nothing_is_written(signed_in):
    before = counts()
    rows = [
        COMPANY_HEADERS,
        company_row(1),
        company_row(2),
        company_row(3),
        company_row(4, KSIC="29199;99999"),
    ]

    response, job = upload(signed_in, "companies", "bad.xlsx", xlsx_bytes(rows))

    assert errors_of(job) == [(5, "KSIC", "unknown KSIC code 99999")]
    page = response.content.decode()
    assert "import-errors" in page and "99999" in page
    assert f"imports/{job.pk}/commit" not in page  # no commit button
    response = commit(signed_in, job)  # posting anyway
    assert response.status_code == 200
    assert counts() == before
    job.refresh_from_db()
    assert job.status == ImportJob.Status.CHECKED


def test_duplicate_business_number_names_the_first_row(signed_in):
    rows = [COMPANY_HEADERS, company_row(1), company_row(2), company_row(1, 기업명="다른이름")]

    _, job = upload(signed_in, "companies", "dup.xlsx", xlsx_bytes(rows))

    [(row, column, message)] = errors_of(job)
    assert (row, column) == (4, "사업자등록번호")
    assert "row 2" in message


def test_bad_check_digit(signed_in):
    good = brn(1)
    bad = good[:-1] + str((int(good[-1]) + 1) % 10)

    _, job = upload(
        signed_in, "companies", "brn.xlsx", xlsx_bytes([COMPANY_HEADERS, company_row(1, 사업자등록번호=bad)])
    )

    [(row, column, message)] = errors_of(job)
    assert (row, column) == (2, "사업자등록번호")
    assert "check digit" in message


def test_empty_rows_are_skipped_and_merged_looking_rows_reported(signed_in):
    blank = [None] * len(COMPANY_HEADERS)
    title = ["2공장 협력사", *[None] * (len(COMPANY_HEADERS) - 1)]
    total = ["합계", None, None, None, None, None, 123]
    rows = [COMPANY_HEADERS, company_row(1), blank, title, company_row(2), COMPANY_HEADERS, blank, total]

    _, job = upload(signed_in, "companies", "layout.xlsx", xlsx_bytes(rows))

    assert [(row, column) for row, column, _ in errors_of(job)] == [(4, ""), (6, ""), (8, "")]
    assert job.summary["rows"] == 2


def test_all_problems_are_listed_not_just_the_first(signed_in):
    rows = [
        COMPANY_HEADERS,
        company_row(1, 구분="협력사", 시군구="없는구"),
        company_row(2, 종업원수="많음", 설립연도=1850, 보유기술="양자컴퓨팅"),
        company_row(3, 기업명=None, **{"담당자 이메일": "not-an-email"}),
    ]

    _, job = upload(signed_in, "companies", "many.xlsx", xlsx_bytes(rows))

    assert [(row, column) for row, column, _ in errors_of(job)] == [
        (2, "구분"),
        (2, "시군구"),
        (3, "보유기술"),
        (3, "설립연도"),
        (3, "종업원수"),
        (4, "기업명"),
        (4, "담당자 이메일"),
    ]


def test_missing_required_column(signed_in):
    headers = [h for h in COMPANY_HEADERS if h != "기업명"]

    _, job = upload(signed_in, "companies", "cols.xlsx", xlsx_bytes([headers, ["x"] * len(headers)]))

    assert errors_of(job) == [(1, "기업명", "This required column is missing.")]


def test_aliases_are_reported_as_written(signed_in):
    headers = ["사업자번호", "회사명", "구분", "시도", "시군구"]
    rows = [headers, ["123-45-67890", "별칭기업", "수요", "경남", "창원시성산구"]]

    _, job = upload(signed_in, "companies", "alias.xlsx", xlsx_bytes(rows))

    [(row, column, _)] = errors_of(job)
    assert (row, column) == (2, "사업자번호")


def test_not_a_spreadsheet(signed_in):
    _, job = upload(signed_in, "companies", "junk.xlsx", b"PK\x03\x04 not really a zip")

    [(row, _column, message)] = errors_of(job)
    assert row == 0 and "could not be read" in message


def test_title_above_the_header_and_header_only_files(signed_in):
    title = ["2026년 창원 입주기업 현황"]
    _, job = upload(
        signed_in, "companies", "title.xlsx", xlsx_bytes([title, COMPANY_HEADERS, company_row(1)])
    )

    [(row, column, message)] = errors_of(job)
    assert (row, column) == (1, "") and "header row" in message

    _, job = upload(signed_in, "companies", "empty.xlsx", xlsx_bytes([COMPANY_HEADERS]))
    assert [(r, c) for r, c, _ in errors_of(job)] == [(1, "")]
