"""Reads of needs: lists with filters for pages, exports and the API."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from dxhub.needs.access import needs_visible_to
from dxhub.needs.columns import NEED_COLUMNS
from dxhub.needs.filters import NeedFilter
from dxhub.needs.models import Need


def need_list(user: Any, params: Any) -> tuple[NeedFilter, QuerySet[Need]]:
    base = needs_visible_to(user).select_related("company", "hub", "ksic", "company__region")
    filterset = NeedFilter(params, queryset=base)
    rows = filterset.qs if filterset.is_valid() else base.none()
    return filterset, rows.prefetch_related("required_capabilities")


# The export writes the kind's one column list (`dxhub.needs.columns`), which the import reads too.
EXPORT_HEADERS = NEED_COLUMNS.export_headers()


def need_export_rows(needs: QuerySet[Need]) -> Any:
    for n in needs:
        yield NEED_COLUMNS.export_row(n)
