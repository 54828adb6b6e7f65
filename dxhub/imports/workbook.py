"""Blank .xlsx templates an operator fills in: the right headers, one example row, and a sheet of allowed values."""

from __future__ import annotations

import io

from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter

from dxhub.hubs.models import Hub
from dxhub.imports.columns import (
    COMPANY_EXAMPLE,
    COMPANY_TEMPLATE_HEADERS,
    NEED_EXAMPLE,
    NEED_TEMPLATE_HEADERS,
)
from dxhub.reference.models import Capability

ALLOWED_COMPANIES = [
    ("구분", "공급, 수요, 공급·수요"),
    ("입주상태", "입주, 이전예정, 지역기업, 수도권기업"),
    ("매출규모", "10억 미만, 10억~100억, 100억~500억, 500억~1000억, 1000억 이상 (또는 금액: 35억)"),
    ("KSIC", "KSIC 10차 코드, 여러 개는 ; 로 구분 (예: 29199;25)"),
    ("시도 / 시군구", "예: 경상남도 / 창원시성산구 (또는 5자리 지역코드 열)"),
]
ALLOWED_NEEDS = [
    ("상태", "임시저장, 공개 (비우면 임시저장)"),
    ("공개범위", "거점, 전체 거점, 공개"),
    ("예산 하한(원) / 예산 상한(원)", "30000000, 3,000만원, 1억 5천만원"),
    ("업종(KSIC)", "KSIC 10차 코드 하나 (비우면 기업의 첫 업종)"),
]


def template_workbook(kind: str) -> bytes:
    """The template for `kind` ('companies' or 'needs') as .xlsx bytes; the first sheet is what imports."""
    companies = kind == "companies"
    headers = COMPANY_TEMPLATE_HEADERS if companies else NEED_TEMPLATE_HEADERS
    example = COMPANY_EXAMPLE if companies else NEED_EXAMPLE
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "기업" if companies else "수요"
    ws.append(headers)
    ws.append(example)
    for cell in ws[1]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DDEBF7")
    for index, header in enumerate(headers, start=1):
        ws.column_dimensions[get_column_letter(index)].width = max(12, min(40, len(header) * 2 + 4))
    ws.freeze_panes = "A2"

    help_sheet = wb.create_sheet("입력 안내")
    help_sheet.append(["열", "허용 값"])
    for row in ALLOWED_COMPANIES if companies else ALLOWED_NEEDS:
        help_sheet.append(list(row))
    help_sheet.append(
        [
            "보유기술 / 필요 기술",
            "; 로 구분: " + ", ".join(Capability.objects.values_list("name_ko", flat=True)),
        ]
    )
    help_sheet.append(["거점", ", ".join(f"{h.name} ({h.slug})" for h in Hub.objects.all())])
    help_sheet.append(["안내", "첫 번째 시트만 읽습니다. 빈 칸은 저장된 값을 지우지 않습니다."])
    for cell in help_sheet[1]:
        cell.font = Font(bold=True)
    help_sheet.column_dimensions["A"].width = 28
    help_sheet.column_dimensions["B"].width = 100

    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()
