"""Reads of needs: lists with filters for pages, exports and the API."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from dxhub.needs.access import needs_visible_to
from dxhub.needs.filters import NeedFilter
from dxhub.needs.models import Need


def need_list(user: Any, params: Any) -> tuple[NeedFilter, QuerySet[Need]]:
    base = needs_visible_to(user).select_related("company", "hub", "ksic", "company__region")
    filterset = NeedFilter(params, queryset=base)
    rows = filterset.qs if filterset.is_valid() else base.none()
    return filterset, rows.prefetch_related("required_capabilities")


EXPORT_HEADERS = [
    "번호",
    "수요기업 사업자등록번호",
    "수요기업",
    "제목",
    "업종(KSIC)",
    "현장/공정",
    "문제",
    "현재 방식",
    "보유 데이터 종류",
    "데이터 규모",
    "데이터 접근",
    "목표 KPI",
    "예산 하한(원)",
    "예산 상한(원)",
    "기간(개월)",
    "필요 기술",
    "상태",
    "공개범위",
    "거점",
]


def need_export_rows(needs: QuerySet[Need]) -> Any:
    for n in needs:
        yield [
            n.pk,
            n.company.brn_display,
            n.company.name,
            n.title,
            n.ksic_id or "",
            n.site,
            n.problem,
            n.current_practice,
            n.data_kinds,
            n.data_volume,
            n.data_access,
            n.target_kpi,
            n.budget_min,
            n.budget_max,
            n.timeline_months,
            ";".join(c.name_ko for c in n.required_capabilities.all()),
            n.get_status_display(),
            n.get_visibility_display(),
            n.hub.name,
        ]
