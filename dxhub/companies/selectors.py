"""Reads of companies: lists with filters for pages, exports and the API."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from dxhub.companies.access import companies_visible_to
from dxhub.companies.columns import COMPANY_COLUMNS
from dxhub.companies.filters import CompanyFilter
from dxhub.companies.models import Company


def company_list(user: Any, params: Any) -> tuple[CompanyFilter, QuerySet[Company]]:
    """The filter set (for the form) and the visible companies it selects."""
    base = companies_visible_to(user).select_related("hub", "region", "region__parent")
    filterset = CompanyFilter(params, queryset=base)
    rows = filterset.qs if filterset.is_valid() else base.none()
    return filterset, rows.prefetch_related("capabilities", "ksic_codes")


# The export writes the kind's one column list (`dxhub.companies.columns`), which the import reads too.
EXPORT_HEADERS = COMPANY_COLUMNS.export_headers()


def company_export_rows(companies: QuerySet[Company]) -> Any:
    for c in companies:
        yield COMPANY_COLUMNS.export_row(c)
