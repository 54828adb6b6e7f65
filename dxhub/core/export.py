"""Every filtered list exports to .xlsx with the same columns a hub's spreadsheet uses."""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from typing import Any

from django.http import HttpResponse
from django.utils import timezone
from openpyxl import Workbook
from openpyxl.styles import Font

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def xlsx_response(filename: str, headers: Sequence[str], rows: Iterable[Sequence[Any]]) -> HttpResponse:
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("data")
    ws.append(list(headers))
    for row in rows:
        ws.append([_cell(v) for v in row])
    buffer = io.BytesIO()
    wb.save(buffer)
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
    response = HttpResponse(buffer.getvalue(), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{filename}-{stamp}.xlsx"'
    return response


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if hasattr(value, "isoformat") and getattr(value, "tzinfo", None) is not None:
        return timezone.localtime(value).replace(tzinfo=None)
    return value


def bold_header(ws: Any) -> None:
    for cell in ws[1]:
        cell.font = Font(bold=True)
