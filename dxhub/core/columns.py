"""The spreadsheet columns of an importable kind, declared once: what the import template, the
import's validation and the .xlsx export all read.

A kind's app owns its list (`dxhub/companies/columns.py`, `dxhub/needs/columns.py`) because the
export is the kind's own; `dxhub.imports` reads the list to build its template and check uploads.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Column:
    """One column: its Korean header, the spellings an import accepts, the field it stands for,
    how an import reads a cell and how an export writes the stored value.

    `key` is the canonical name the import works with (and names in errors about a missing column);
    `header` is what the template and the export write, `key` unless given.
    """

    key: str
    aliases: tuple[str, ...] = ()
    field: str = ""  # what the column fills: a model field, or the import row's attribute for links
    read: str = (
        ""  # how an import reads a cell: a `dxhub.imports.cells.Cells.read` reader, or a rule of its own
    )
    bounds: tuple[int, int] | None = None  # for read="integer"
    write: Callable[[Any], Any] | None = None  # stored object → cell; None: the export leaves it out
    example: str | None = None  # the template's example cell; None: the template leaves it out
    required: bool = False  # an upload without this column is refused
    imported: bool = True  # False: exported for people, read past by an import (번호, 수요기업)
    header_text: str = ""

    @property
    def header(self) -> str:
        return self.header_text or self.key

    @property
    def spellings(self) -> tuple[str, ...]:
        return (self.key, *self.aliases)


class Columns:
    """A kind's columns in spreadsheet order, with the views the template, the import and the export need."""

    def __init__(self, columns: Sequence[Column]) -> None:
        self.columns = tuple(columns)
        self.by_key = {c.key: c for c in self.columns}
        if len(self.by_key) != len(self.columns):
            raise ValueError("two columns share a key")

    def __iter__(self) -> Iterator[Column]:
        return iter(self.columns)

    def __getitem__(self, key: str) -> Column:
        return self.by_key[key]

    def aliases(self) -> dict[str, tuple[str, ...]]:
        """Canonical key → other spellings, for the columns an import reads."""
        return {c.key: c.aliases for c in self.columns if c.imported}

    def required(self) -> tuple[str, ...]:
        return tuple(c.key for c in self.columns if c.required)

    def ignored(self) -> tuple[str, ...]:
        """Headers an export writes that an import reads past on purpose."""
        return tuple(c.header for c in self.columns if not c.imported)

    def template_headers(self) -> list[str]:
        return [c.header for c in self.columns if c.example is not None]

    def template_example(self) -> list[str]:
        return [c.example for c in self.columns if c.example is not None]

    def export_headers(self) -> list[str]:
        return [c.header for c in self.columns if c.write is not None]

    def export_row(self, obj: Any) -> list[Any]:
        return [c.write(obj) for c in self.columns if c.write is not None]
