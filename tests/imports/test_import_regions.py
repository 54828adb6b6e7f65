"""Regions as hub sheets write them: full or short 시도 names, spaced 시군구 names, or a 5-digit code."""

from __future__ import annotations

from dxhub.companies.brn import normalize_brn
from dxhub.companies.models import Company
from tests.imports.sheets import brn, commit, upload, xlsx_bytes

HEADERS = ["사업자등록번호", "기업명", "구분", "시도", "시군구", "지역코드"]


def test_region_spellings(client, operator):
    client.force_login(operator)
    rows = [
        HEADERS,
        [brn(1), "가", "공급", "경남", "창원시 성산구", None],
        [brn(2), "나", "공급", "경상남도", "성산구", None],
        [brn(3), "다", "공급", None, None, "43710"],
        [brn(4), "라", "공급", "충북", "청원군", None],
        [brn(5), "마", "공급", None, "김해시", None],
    ]

    _, job = upload(client, "companies", "regions.xlsx", xlsx_bytes(rows))
    assert job.summary["error_count"] == 0, job.summary["errors"]
    commit(client, job)

    regions = {n: Company.objects.get(brn=normalize_brn(brn(n))).region_id for n in range(1, 6)}
    assert regions == {1: "48123", 2: "48123", 3: "43710", 4: "43710", 5: "48250"}


def test_region_problems(client, operator):
    client.force_login(operator)
    rows = [
        HEADERS,
        [brn(1), "가", "공급", None, "중구", None],  # in several provinces
        [brn(2), "나", "공급", "가상도", "어딘가", None],
        [brn(3), "다", "공급", "경남", None, None],
        [brn(4), "라", "공급", None, None, "99999"],
        [brn(5), "마", "공급", None, None, None],
    ]

    _, job = upload(client, "companies", "regions.xlsx", xlsx_bytes(rows))

    assert [(r, c) for r, c, _ in job.summary["errors"]] == [
        (2, "시군구"),
        (3, "시도"),
        (4, "시군구"),
        (5, "지역코드"),
        (6, "시군구"),
    ]
