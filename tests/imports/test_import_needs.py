"""Needs import against existing demanders: created as drafts, updated by company and title."""

from __future__ import annotations

import pytest

from dxhub.needs.models import Need
from tests.imports.sheets import commit, upload, xlsx_bytes

HEADERS = [
    "수요기업 사업자등록번호",
    "제목",
    "현장/공정",
    "문제",
    "예산 하한(원)",
    "예산 상한(원)",
    "기간(개월)",
    "필요 기술",
    "공개범위",
    "상태",
]


def need_row(company, title="용접 비드 외관 검사 자동화", **overrides):
    values = {
        "수요기업 사업자등록번호": company.brn_display,
        "제목": title,
        "현장/공정": "2공장 용접 라인",
        "문제": "작업자 육안 검사로 불량 누락이 잦습니다.",
        "예산 하한(원)": "3,000만원",
        "예산 상한(원)": "1억 5천만원",
        "기간(개월)": 6,
        "필요 기술": "비전 검사; 품질 데이터 분석",
        "공개범위": "전체 거점",
        "상태": None,
    }
    values.update(overrides)
    return [values[h] for h in HEADERS]


@pytest.fixture
def signed_in(client, operator):
    client.force_login(operator)
    return client


def test_needs_are_created_for_existing_demanders(signed_in, operator, demander_company, hubs):
    rows = [HEADERS, need_row(demander_company), need_row(demander_company, "설비 고장 예측", 상태="공개")]

    _, job = upload(signed_in, "needs", "수요.xlsx", xlsx_bytes(rows))
    assert job.summary["created"] == 2 and job.summary["error_count"] == 0
    commit(signed_in, job)

    need = Need.objects.get(company=demander_company, title="용접 비드 외관 검사 자동화")
    assert need.status == Need.Status.DRAFT
    assert (need.budget_min, need.budget_max) == (30_000_000, 150_000_000)
    assert need.timeline_months == 6
    assert need.visibility == Need.Visibility.ALL_HUBS
    assert need.hub == hubs["changwon"]
    assert need.created_by == operator
    assert sorted(need.required_capabilities.values_list("slug", flat=True)) == [
        "quality-analytics",
        "vision-inspection",
    ]
    assert "용접" in need.search_text
    published = Need.objects.get(title="설비 고장 예측")
    assert published.status == Need.Status.PUBLISHED and published.published_at is not None


def test_same_company_and_title_updates(signed_in, demander_company):
    _, job = upload(signed_in, "needs", "a.xlsx", xlsx_bytes([HEADERS, need_row(demander_company)]))
    commit(signed_in, job)

    rows = [HEADERS, need_row(demander_company, **{"예산 상한(원)": "2억"})]
    _, job = upload(signed_in, "needs", "b.xlsx", xlsx_bytes(rows))
    assert job.summary["updated"] == 1 and job.summary["created"] == 0
    commit(signed_in, job)

    need = Need.objects.get(company=demander_company)
    assert need.budget_max == 200_000_000


def test_need_errors(signed_in, demander_company, supplier_company):
    before = Need.objects.count()
    rows = [
        HEADERS,
        need_row(demander_company),
        need_row(demander_company),  # same company and title twice
        need_row(supplier_company),  # not a demander
        need_row(demander_company, "예산 뒤집힘", **{"예산 하한(원)": "2억", "예산 상한(원)": "1억"}),
        need_row(demander_company, "새 수요", 문제=None, 상태="종료"),
        ["111-11-11111", "없는 기업", "x", "y"] + [None] * 6,
    ]

    _, job = upload(signed_in, "needs", "bad.xlsx", xlsx_bytes(rows))

    assert [(r, c) for r, c, _ in job.summary["errors"]] == [
        (3, "제목"),
        (4, "수요기업 사업자등록번호"),
        (5, "예산 상한(원)"),
        (6, "문제"),
        (6, "상태"),
        (7, "수요기업 사업자등록번호"),
    ]
    commit(signed_in, job)
    assert Need.objects.count() == before


def test_unknown_company_is_named(signed_in):
    from dxhub.companies.brn import format_brn, make_brn

    number = format_brn(make_brn("555555555"))
    rows = [HEADERS, [number, "설비 예지 보전", "프레스 라인", "고장이 잦습니다"] + [None] * 6]

    _, job = upload(signed_in, "needs", "x.xlsx", xlsx_bytes(rows))

    [(row, column, message)] = job.summary["errors"]
    assert (row, column) == (2, "수요기업 사업자등록번호") and "import the company first" in message
