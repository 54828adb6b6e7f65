"""Need counts for the hub figures (`dxhub.hubs.figures`)."""

from __future__ import annotations

from typing import Any

from django.db.models import Count, Q

from dxhub.hubs.figures import FigureSource
from dxhub.needs.models import Need

EMPTY = {"open": 0, "drafts": 0, "closed": 0}


def need_counts(hub_ids: list[int]) -> dict[int, dict[str, int]]:
    rows: Any = (
        Need.objects.filter(hub__in=hub_ids)
        .values("hub")
        .annotate(
            open=Count("id", filter=Q(status__in=Need.OPEN_STATUSES)),
            drafts=Count("id", filter=Q(status=Need.Status.DRAFT)),
            closed=Count("id", filter=Q(status=Need.Status.CLOSED)),
        )
    )
    return {row["hub"]: {k: v for k, v in row.items() if k != "hub"} for row in rows}


SOURCE = FigureSource(empty=EMPTY, count=need_counts)
