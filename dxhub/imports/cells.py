"""Reading one row's cells with every problem recorded against the row and the column as written."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator, validate_email
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext as _

from dxhub.core.columns import Column
from dxhub.hubs.models import Hub
from dxhub.imports.lookups import Reference, norm, parse_int, split_list
from dxhub.imports.parsing import Row, RowError, Sheet


@dataclass
class Scope:
    """Whose import this is: an operator's rows belong to their hub; ministry staff choose any hub."""

    default_hub_id: int | None = None  # where rows without 거점 go
    only_hub_id: int | None = None  # an operator's hub: rows for any other hub are refused

    @classmethod
    def for_user(cls, user: object, hub: Hub | None = None) -> Scope:
        if getattr(user, "is_operator", False):
            hub_id: int | None = getattr(user, "hub_id", None)
            return cls(default_hub_id=hub_id, only_hub_id=hub_id)
        return cls(default_hub_id=hub.pk if hub else None)


class Cells:
    """One row's cells. Each reader returns None when the cell is empty or wrong (and records why)."""

    # The `Column.read` values `read` knows; other columns have a rule in the kind's validation.
    READERS = frozenset({"text", "long_text", "integer", "year", "url", "email", "ksic_list", "capabilities"})

    def __init__(self, sheet: Sheet, row: Row, errors: list[RowError], ref: Reference) -> None:
        self.sheet, self.row, self.errors, self.ref = sheet, row, errors, ref
        self.failed = False

    def error(self, column: str, message: str) -> None:
        self.failed = True
        self.errors.append(RowError(self.row.number, self.sheet.label(column), message))

    def read(self, column: Column, model: type[models.Model], field: str | None = None) -> Any:
        """The cell of `column`, read the way the column declares (`Column.read`).

        Columns with a rule of their own (business number, region, hub, choices, money) are read by
        the kind's validation; asking for one here is a programming error.
        """
        key, name = column.key, field or column.field
        match column.read:
            case "text":
                return self.text(key, model, name)
            case "long_text":
                return self.raw(key) or None
            case "integer":
                assert column.bounds is not None, key
                return self.integer(key, *column.bounds)
            case "year":
                return self.year(key)
            case "url":
                return self.url(key, model, name)
            case "email":
                return self.email(key, model, name)
            case "ksic_list":
                return self.ksic_list(key)
            case "capabilities":
                return self.capability_list(key)
        raise ValueError(f"column {key!r} is read by a rule of its own ({column.read!r})")

    def raw(self, column: str) -> str:
        return self.row.get(column)

    def required(self, column: str) -> str | None:
        value = self.raw(column)
        if not value:
            self.error(column, _("This cell is required."))
            return None
        return value

    def text(self, column: str, model: type[models.Model], field: str) -> str | None:
        value = self.raw(column)
        if not value:
            return None
        limit = getattr(model._meta.get_field(field), "max_length", None)
        if limit and len(value) > limit:
            self.error(
                column,
                _("At most %(max)d characters (this cell has %(n)d).") % {"max": limit, "n": len(value)},
            )
            return None
        return value

    def integer(self, column: str, low: int, high: int) -> int | None:
        value = self.raw(column)
        if not value:
            return None
        try:
            number = parse_int(value)
        except ValueError:
            self.error(column, _("“%(value)s” is not a whole number.") % {"value": value})
            return None
        if not low <= number <= high:
            self.error(column, _("Must be between %(low)d and %(high)d.") % {"low": low, "high": high})
            return None
        return number

    def year(self, column: str) -> int | None:
        value = self.raw(column)
        if not value:
            return None
        match = re.match(r"^(\d{4})(?:\D|$)", value)
        this_year = timezone.localdate().year
        if match is None or not 1900 <= int(match.group(1)) <= this_year:
            self.error(column, _("Write a year between 1900 and %(year)d.") % {"year": this_year})
            return None
        return int(match.group(1))

    def choice(self, column: str, mapping: dict[str, str], *, allowed: str) -> str | None:
        value = self.raw(column)
        if not value:
            return None
        chosen = mapping.get(norm(value))
        if chosen is None:
            self.error(
                column, _("“%(value)s” is not one of: %(allowed)s.") % {"value": value, "allowed": allowed}
            )
        return chosen

    def ksic_list(self, column: str) -> list[str] | None:
        value = self.raw(column)
        if not value:
            return None
        codes: list[str] = []
        for part in split_list(value):
            code = self.ref.ksic_code(part)
            if code is None:
                self.error(column, _("unknown KSIC code %(code)s") % {"code": part})
            elif code not in codes:
                codes.append(code)
        return codes

    def capability_list(self, column: str) -> list[int] | None:
        value = self.raw(column)
        if not value:
            return None
        ids: list[int] = []
        for part in split_list(value):
            cap = self.ref.capabilities.get(norm(part))
            if cap is None:
                self.error(column, _("unknown capability %(name)s") % {"name": part})
            elif cap.pk not in ids:
                ids.append(cap.pk)
        return ids

    def hub_id(self, column: str) -> int | None:
        value = self.raw(column)
        if not value:
            return None
        hub = self.ref.hubs.get(norm(value))
        if hub is None:
            self.error(column, _("unknown hub %(name)s") % {"name": value})
            return None
        return hub.pk

    def email(self, column: str, model: type[models.Model], field: str) -> str | None:
        value = self.text(column, model, field)
        if value is None:
            return None
        try:
            validate_email(value)
        except ValidationError:
            self.error(column, _("“%(value)s” is not an email address.") % {"value": value})
            return None
        return value

    def url(self, column: str, model: type[models.Model], field: str) -> str | None:
        value = self.text(column, model, field)
        if value is None:
            return None
        if not re.match(r"^https?://", value, re.IGNORECASE):
            value = "https://" + value
        try:
            URLValidator()(value)
        except ValidationError:
            self.error(column, _("“%(value)s” is not a web address.") % {"value": self.raw(column)})
            return None
        return value

    def hub_allowed(self, scope: Scope, hub_id: int | None, stored_hub_id: int | None, message: str) -> None:
        """An operator imports only for their own hub and may not take over another hub's record.

        `message` is translated by the caller and names the hub as %(hub)s.
        """
        if scope.only_hub_id is None:
            return
        column = "거점" if self.sheet.has("거점") else "사업자등록번호"
        for candidate in (stored_hub_id, hub_id):
            if candidate is not None and candidate != scope.only_hub_id:
                hub = self.ref.hub_by_id.get(candidate)
                self.error(column, message % {"hub": hub.name if hub else candidate})
                return
