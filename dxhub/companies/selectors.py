"""Reads of companies: lists with filters for pages, exports and the API."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from dxhub.companies.access import companies_visible_to
from dxhub.companies.filters import CompanyFilter
from dxhub.companies.models import Company


def company_list(user: Any, params: Any) -> tuple[CompanyFilter, QuerySet[Company]]:
    """The filter set (for the form) and the visible companies it selects."""
    base = companies_visible_to(user).select_related("hub", "region", "region__parent")
    filterset = CompanyFilter(params, queryset=base)
    rows = filterset.qs if filterset.is_valid() else base.none()
    return filterset, rows.prefetch_related("capabilities", "ksic_codes")


EXPORT_HEADERS = [
    "사업자등록번호",
    "기업명",
    "구분",
    "KSIC",
    "시도",
    "시군구",
    "주소",
    "종업원수",
    "설립연도",
    "매출규모",
    "거점",
    "입주상태",
    "보유기술",
    "기업소개",
]


def company_export_rows(companies: QuerySet[Company]) -> Any:
    for c in companies:
        yield [
            c.brn_display,
            c.name,
            c.get_kind_display(),
            ";".join(k.code for k in c.ksic_codes.all()),
            c.region.parent.name if c.region.parent else "",
            c.region.name,
            c.address,
            c.employees,
            c.founded_year,
            c.get_revenue_band_display(),
            c.hub.name if c.hub else "",
            c.get_tenancy_display(),
            ";".join(cap.name_ko for cap in c.capabilities.all()),
            c.description,
        ]
