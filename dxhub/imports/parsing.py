"""Reads an uploaded .xlsx or .csv into numbered rows keyed by canonical column names.

Row numbers are the spreadsheet's own (1-based, header row included), so that an operator can go
straight to the row an error names. Rows that look like a layout artefact of a hand-kept sheet
(merged title rows, a repeated header, 소계/합계 lines) are reported, never silently dropped: a
silently dropped row is a company that quietly goes missing.
"""

from __future__ import annotations

import csv
import datetime
import io
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import PurePath

from django.utils.translation import gettext as _

from dxhub.imports.columns import alias_map, normalize_header

# A hub's register is a few thousand rows; this bounds memory for a mistaken upload.
MAX_ROWS = 50_000
SHORT_CELL = 30  # longer cells are data: no header or total word is this long
TOTAL_WORDS = frozenset({"소계", "합계", "총계", "총합계", "계", "total", "subtotal", "sum"})


@dataclass(frozen=True)
class RowError:
    """One problem: the spreadsheet row, the column header as written in the file, what is wrong."""

    row: int  # 0 when the problem is with the file itself
    column: str  # "" when the problem is with the whole row
    message: str


@dataclass
class Row:
    """One data row: canonical column → cell text ("" when the cell is empty)."""

    number: int
    values: dict[str, str]

    def get(self, column: str) -> str:
        return self.values.get(column, "")


@dataclass
class Sheet:
    """The parsed table: which columns it has (as written), its rows and the problems found reading it."""

    header_row: int = 0
    written: dict[str, str] = field(default_factory=dict)
    rows: list[Row] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    ignored_columns: list[str] = field(default_factory=list)

    def has(self, column: str) -> bool:
        return column in self.written

    def label(self, column: str) -> str:
        """The header as the file writes it, for error messages the operator recognises."""
        return self.written.get(column, column)


def cell_text(value: object) -> str:
    """One cell as text: Excel stores 1234567890 as 1234567890.0 and dates as datetimes."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime.datetime):
        return value.date().isoformat() if value.time() == datetime.time() else value.isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value).replace("\ufeff", "").replace("\u200b", "").strip()


def _xlsx_rows(content: bytes) -> Iterator[list[str]]:
    from openpyxl import load_workbook

    workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    try:
        sheet = workbook.worksheets[0]
        sheet.reset_dimensions()  # some writers record a wrong used range; read what is there
        for values in sheet.iter_rows(values_only=True):
            yield [cell_text(v) for v in values]
    finally:
        workbook.close()


def decode_csv(content: bytes) -> str:
    """UTF-8 (with or without a byte-order mark) first; Korean Excel saves CSV as cp949."""
    try:
        return content.decode("utf-8-sig")
    except UnicodeDecodeError:
        return content.decode("cp949")


def _csv_rows(content: bytes) -> Iterator[list[str]]:
    text = decode_csv(content)
    for values in csv.reader(io.StringIO(text, newline=""), delimiter=csv_delimiter(text)):
        yield [cell_text(v) for v in values]


def csv_delimiter(text: str) -> str:
    """Comma, semicolon or tab, judged by the header line alone: data cells hold '29199;25'."""
    first = next((line for line in text.splitlines() if line.strip()), "")
    return max(",;\t", key=first.count) if first else ","


def file_format(filename: str, content: bytes) -> str | None:
    """'xlsx' or 'csv' by extension, or by content when the name says nothing useful."""
    suffix = PurePath(filename or "").suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        return "xlsx"
    if suffix in (".csv", ".txt"):
        return "csv"
    if suffix in (".xls",):
        return None
    if content[:2] == b"PK":
        return "xlsx"
    return "csv" if suffix == "" else None


def read_table(filename: str, content: bytes) -> Iterator[tuple[int, list[str]]]:
    """(row number, cell texts) for every row of the first sheet, empty rows included."""
    kind = file_format(filename, content)
    if kind is None:
        raise ValueError(_("Upload a .xlsx or .csv file (Excel can save an old .xls as .xlsx)."))
    rows = _xlsx_rows(content) if kind == "xlsx" else _csv_rows(content)
    yield from enumerate(rows, start=1)


def parse(
    filename: str,
    content: bytes,
    *,
    columns: dict[str, tuple[str, ...]],
    required: Sequence[str],
    ignored: Sequence[str] = (),
) -> Sheet:
    """The table in `content`, with its columns mapped to canonical names."""
    sheet = Sheet()
    try:
        _fill(sheet, read_table(filename, content), columns, ignored)
    except UnicodeDecodeError:
        sheet.errors.append(RowError(0, "", _("The CSV file is neither UTF-8 nor CP949 text.")))
    except ValueError as exc:
        sheet.errors.append(RowError(0, "", str(exc)))
    except Exception as exc:  # openpyxl raises many kinds for a damaged or mislabelled file
        sheet.errors.append(
            RowError(0, "", _("The file could not be read as a spreadsheet: %(error)s") % {"error": exc})
        )
    if sheet.errors and not sheet.header_row:
        return sheet
    if not sheet.header_row:
        sheet.errors.append(RowError(0, "", _("The file is empty.")))
        return sheet
    missing = [column for column in required if not sheet.has(column)]
    if missing and len(sheet.written) + len(sheet.ignored_columns) <= 1:
        # A title above the table ("2026년 입주기업 현황") took the header's place.
        message = _(
            "The first filled row must be the header row with the column names; this row has one cell."
        )
        sheet.errors.append(RowError(sheet.header_row, "", message))
        return sheet
    for column in missing:
        sheet.errors.append(RowError(sheet.header_row, column, _("This required column is missing.")))
    if not sheet.rows and not sheet.errors:
        sheet.errors.append(RowError(sheet.header_row, "", _("There are no rows below the header row.")))
    return sheet


def _fill(
    sheet: Sheet,
    table: Iterator[tuple[int, list[str]]],
    columns: dict[str, tuple[str, ...]],
    ignored: Sequence[str],
) -> None:
    aliases = alias_map(columns)
    skip = {normalize_header(name) for name in ignored}
    header: list[str] = []
    positions: list[tuple[int, str]] = []  # (cell index, canonical column)
    for number, cells in table:
        if not header:
            if any(cells):
                header = [normalize_header(text) for text in cells]
                sheet.header_row = number
                positions = _map_header(sheet, cells, aliases, skip)
            continue
        if not any(cells):
            continue
        problem = _layout_problem(cells, header)
        if problem:
            sheet.errors.append(RowError(number, "", problem))
            continue
        if len(sheet.rows) >= MAX_ROWS:
            sheet.errors.append(
                RowError(number, "", _("A file may hold at most %(max)d rows.") % {"max": MAX_ROWS})
            )
            return
        sheet.rows.append(Row(number, {col: (cells[i] if i < len(cells) else "") for i, col in positions}))


def _map_header(
    sheet: Sheet, header: list[str], aliases: dict[str, str], skip: set[str]
) -> list[tuple[int, str]]:
    positions: list[tuple[int, str]] = []
    for index, text in enumerate(header):
        key = normalize_header(text)
        if not key:
            continue
        canonical = aliases.get(key)
        if canonical is None:
            if key not in skip:
                sheet.ignored_columns.append(text)
            continue
        if canonical in sheet.written:
            sheet.errors.append(
                RowError(
                    sheet.header_row,
                    text,
                    _("This column repeats the column “%(other)s”.") % {"other": sheet.written[canonical]},
                )
            )
            continue
        sheet.written[canonical] = text
        positions.append((index, canonical))
    return positions


def _layout_problem(cells: list[str], header: list[str]) -> str | None:
    """Why a row looks like layout rather than data (a merged title, a repeated header, a total).

    `header` holds the normalised header cells. Only short cells can be a header or a total word,
    which keeps this check cheap on a 10,000-row file.
    """
    filled = [i for i, text in enumerate(cells) if text]
    short = [(i, normalize_header(cells[i])) for i in filled if len(cells[i]) <= SHORT_CELL]
    same_as_header = sum(1 for i, key in short if i < len(header) and key and key == header[i])
    if same_as_header >= 2 and same_as_header * 2 >= len(filled):
        return _("This row repeats the header row.")
    if any(key in TOTAL_WORDS for _i, key in short):
        return _("This looks like a subtotal or total row; remove it.")
    if filled == [0] and sum(1 for h in header if h) > 1:
        return _("Only the first cell is filled: this looks like a merged title or section row.")
    return None
