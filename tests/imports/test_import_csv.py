"""CSV files in UTF-8 (with the byte-order mark Excel writes) and in CP949 (Korean Excel's default)."""

from __future__ import annotations

import pytest

from dxhub.companies.brn import normalize_brn
from dxhub.companies.models import Company
from tests.imports.sheets import COMPANY_HEADERS, brn, commit, company_row, csv_bytes, upload


@pytest.mark.parametrize("encoding", ["utf-8-sig", "cp949", "utf-8"])
def test_csv_encodings(client, operator, encoding):
    client.force_login(operator)
    content = csv_bytes([COMPANY_HEADERS, company_row(1), company_row(2, 기업명="경남정밀㈜")], encoding)

    _, job = upload(client, "companies", "기업.csv", content)

    assert job.summary["error_count"] == 0, job.summary["errors"]
    commit(client, job)
    assert Company.objects.get(brn=normalize_brn(brn(2))).name == "경남정밀㈜"
    assert Company.objects.get(brn=normalize_brn(brn(1))).ksic_codes.count() == 2


def test_csv_row_numbers_count_the_header(client, operator):
    client.force_login(operator)
    rows = [COMPANY_HEADERS, company_row(1), company_row(2, 설립연도="작년")]

    _, job = upload(client, "companies", "a.csv", csv_bytes(rows, "cp949"))

    assert [(r, c) for r, c, _ in job.summary["errors"]] == [(3, "설립연도")]


def test_semicolon_separated_csv(client, operator):
    client.force_login(operator)
    lines = [";".join(COMPANY_HEADERS)]
    lines.append(";".join(str(v) for v in company_row(1, KSIC="29199", 보유기술="비전 검사")))

    _, job = upload(client, "companies", "semi.csv", "\n".join(lines).encode("utf-8"))

    assert job.summary["error_count"] == 0, job.summary["errors"]
    assert job.summary["created"] == 1
