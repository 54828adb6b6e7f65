"""A 10,000-row companies file checks and commits in bulk, in well under a minute."""

from __future__ import annotations

import time

from auditlog.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test.utils import CaptureQueriesContext

from dxhub.companies.models import Company, ContactPerson
from tests.imports.sheets import COMPANY_HEADERS, commit, company_row, upload, xlsx_bytes

N = 10_000
SIGUNGU = ["창원시성산구", "창원시의창구", "김해시", "진주시", "양산시"]
CAPABILITIES = ["비전 검사", "예지 보전;MES/MOM", "디지털 트윈", "산업용 IoT;데이터 플랫폼"]


def test_ten_thousand_companies(client, operator):
    rows = [COMPANY_HEADERS]
    for n in range(N):
        rows.append(
            company_row(
                n,
                기업명=f"대량기업{n}",
                구분=("공급", "수요", "공급·수요")[n % 3],
                시군구=SIGUNGU[n % len(SIGUNGU)],
                보유기술=CAPABILITIES[n % len(CAPABILITIES)],
                기업소개=f"{n}번 기업은 {SIGUNGU[n % 5]}의 정밀가공 및 용접 전문 기업입니다.",
            )
        )
    content = xlsx_bytes(rows)
    client.force_login(operator)
    before = Company.objects.count()

    started = time.perf_counter()
    with CaptureQueriesContext(connection) as check_queries:
        _, job = upload(client, "companies", "large.xlsx", content)
    assert job.summary["created"] == N, job.summary["errors"][:5]
    with CaptureQueriesContext(connection) as commit_queries:
        response = commit(client, job)
    elapsed = time.perf_counter() - started

    assert response.status_code == 200
    assert Company.objects.count() == before + N
    assert Company.objects.filter(name__startswith="대량기업").count() == N
    assert Company.ksic_codes.through.objects.filter(company__name__startswith="대량기업").count() == 2 * N
    assert ContactPerson.objects.filter(company__name__startswith="대량기업").count() == N
    company_type = ContentType.objects.get_for_model(Company)
    assert LogEntry.objects.filter(content_type=company_type, action=LogEntry.Action.CREATE).count() >= N
    assert Company.objects.filter(name="대량기업9999").exclude(search_text="").exists()
    # Bulk statements, not a query per row.
    assert len(check_queries) < 200, len(check_queries)
    assert len(commit_queries) < 300, len(commit_queries)
    assert elapsed < 60, f"check + commit took {elapsed:.1f}s"
