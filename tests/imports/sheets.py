"""Building spreadsheets in tests, and the upload → check → commit round through the web pages."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from openpyxl import Workbook

from dxhub.companies.brn import format_brn, make_brn
from dxhub.imports.models import ImportJob

COMPANY_HEADERS = [
    "사업자등록번호",
    "기업명",
    "구분",
    "KSIC",
    "시도",
    "시군구",
    "종업원수",
    "설립연도",
    "입주상태",
    "보유기술",
    "기업소개",
    "담당자명",
    "담당자 이메일",
]


def brn(n: int) -> str:
    """A valid, formatted business number: brn(1) → '900-00-0001x'."""
    return format_brn(make_brn(str(900_000_000 + n)))


def company_row(n: int, **overrides: Any) -> list[Any]:
    values = {
        "사업자등록번호": brn(n),
        "기업명": f"가져온기업{n}",
        "구분": "수요",
        "KSIC": "29199;25",
        "시도": "경상남도",
        "시군구": "창원시성산구",
        "종업원수": 40 + n,
        "설립연도": 2001,
        "입주상태": "지역기업",
        "보유기술": "비전 검사;예지 보전",
        "기업소개": "자동차 부품 정밀가공 기업",
        "담당자명": f"담당자{n}",
        "담당자 이메일": f"dx{n}@example.kr",
    }
    values.update(overrides)
    return [values[h] for h in COMPANY_HEADERS]


def xlsx_bytes(rows: Sequence[Sequence[Any]]) -> bytes:
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("data")
    for row in rows:
        ws.append(list(row))
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def csv_bytes(rows: Sequence[Sequence[Any]], encoding: str) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    for row in rows:
        writer.writerow(["" if v is None else v for v in row])
    return buffer.getvalue().encode(encoding)


def upload(client: Client, kind: str, name: str, content: bytes, **extra: Any) -> tuple[Any, ImportJob]:
    """Post the file to the upload page; the response (after its redirect) and the job it made."""
    data = {"kind": kind, "file": SimpleUploadedFile(name, content), **extra}
    response = client.post(reverse("imports:upload"), data, follow=True)
    job = ImportJob.objects.order_by("-pk").first()
    assert job is not None, response.content.decode()[:2000]
    return response, job


def commit(client: Client, job: ImportJob) -> Any:
    return client.post(reverse("imports:commit", args=[job.pk]), follow=True)
