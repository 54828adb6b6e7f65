"""Company counts for the hub figures (`dxhub.hubs.figures`)."""

from __future__ import annotations

from typing import Any

from django.db.models import Count, Q

from dxhub.companies.models import Company
from dxhub.hubs.figures import FigureSource

EMPTY = {"total": 0, "suppliers": 0, "demanders": 0, "tenants": 0}


def company_counts(hub_ids: list[int]) -> dict[int, dict[str, int]]:
    rows: Any = (
        Company.objects.filter(hub__in=hub_ids)
        .values("hub")
        .annotate(
            total=Count("id"),
            suppliers=Count("id", filter=Q(kind__in=["supplier", "both"])),
            demanders=Count("id", filter=Q(kind__in=["demander", "both"])),
            tenants=Count("id", filter=Q(tenancy__in=["tenant", "relocating"])),
        )
    )
    return {row["hub"]: {k: v for k, v in row.items() if k != "hub"} for row in rows}


SOURCE = FigureSource(empty=EMPTY, count=company_counts)
