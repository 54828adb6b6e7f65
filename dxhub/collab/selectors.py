"""Reads of collaborations: lists, the operators' pipeline board, and suppliers' track records."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django.db.models import Avg, Count, F, Q, QuerySet
from django.utils import timezone

from dxhub.collab.access import collaborations_visible_to
from dxhub.collab.models import OPEN_STAGES, Collaboration, JourneyEvent, Message, Side
from dxhub.core.hooks import Contributions
from dxhub.hubs.models import Hub

Stage = Collaboration.Stage
STUCK_AFTER_DAYS = 14
BOARD_STAGES = [*OPEN_STAGES, Stage.COMPLETED, Stage.VERIFIED]


@dataclass(frozen=True, slots=True)
class TrackRecord:
    open_engagements: int = 0
    completed_projects: int = 0
    rating: float | None = None


def track_records(company_ids: Iterable[int]) -> dict[int, TrackRecord]:
    """Each supplier's record for the matching engine, in one query for any number of suppliers.

    Open engagements are agreed or running projects; completed projects and the rating (the demanders'
    mean rating) count verified outcomes only, so an unverified claim does not lift a ranking.
    """
    ids = list(company_ids)
    if not ids:
        return {}
    rows = (
        Collaboration.objects.filter(supplier_id__in=ids)
        .filter(stage__in=[Stage.AGREEMENT, Stage.PROJECT, Stage.VERIFIED])
        .values("supplier_id")
        .annotate(
            open=Count("pk", filter=Q(stage__in=[Stage.AGREEMENT, Stage.PROJECT])),
            done=Count("pk", filter=Q(stage=Stage.VERIFIED)),
            rating=Avg("outcome__demander_rating", filter=Q(stage=Stage.VERIFIED)),
        )
    )
    return {
        r["supplier_id"]: TrackRecord(
            open_engagements=r["open"],
            completed_projects=r["done"],
            rating=None if r["rating"] is None else round(float(r["rating"]), 2),
        )
        for r in rows
    }


def collaboration_list(user: Any, *, stage: str = "") -> QuerySet[Collaboration]:
    rows = collaborations_visible_to(user).select_related(
        "need", "need__company", "need__hub", "supplier", "supplier__hub"
    )
    if stage in Stage.values:
        rows = rows.filter(stage=stage)
    if getattr(user, "is_member", False):
        rows = rows.annotate(unread=_unread_for(user.company_id))
    return rows.order_by("-updated_at", "-id")


def _unread_for(company_id: int) -> Count:
    """Messages from the other side newer than what this company's side last read (one query for a list)."""

    def side(name: str, own: Q) -> Q:
        read_at = f"{name}_read_at"
        newer = Q(**{f"{read_at}__isnull": True}) | Q(messages__created_at__gt=F(read_at))
        return own & ~Q(messages__side=name) & Q(messages__isnull=False) & newer

    return Count(
        "messages",
        filter=side("demander", Q(need__company_id=company_id)) | side("supplier", Q(supplier_id=company_id)),
    )


def unread_count(collaboration: Collaboration, side: str | None) -> int:
    if side not in (Side.DEMANDER, Side.SUPPLIER):
        return 0
    read_at = collaboration.demander_read_at if side == Side.DEMANDER else collaboration.supplier_read_at
    rows = Message.objects.filter(collaboration=collaboration).exclude(side=side)
    if read_at is not None:
        rows = rows.filter(created_at__gt=read_at)
    return rows.count()


def pair_states(
    *, need_ids: Iterable[int] = (), supplier_ids: Iterable[int] = ()
) -> dict[tuple[int, int], Collaboration]:
    """Existing collaborations for the pairs a shortlist or recommendation page shows (one query)."""
    rows = Collaboration.objects.filter(need_id__in=list(need_ids), supplier_id__in=list(supplier_ids))
    return {(c.need_id, c.supplier_id): c for c in rows}


@dataclass
class Board:
    hub: Hub | None
    counts: dict[str, int]
    columns: dict[str, list[Collaboration]]
    stuck: list[Collaboration]
    funnel: list[tuple[str, int]]
    threshold_days: int


def _hub_scope(rows: QuerySet[Any], hub: Hub | None, need: str, supplier: str) -> QuerySet[Any]:
    if hub is None:
        return rows
    return rows.filter(Q(**{need: hub.pk}) | Q(**{supplier: hub.pk}))


def pipeline_board(user: Any, *, hub: Hub | None, threshold_days: int = STUCK_AFTER_DAYS) -> Board:
    """Counts and items per stage, age in stage, stuck items, and the match → outcome funnel.

    An operator's board is their hub's (need's hub or supplier's hub); ministry staff choose a hub or all.
    """
    rows = _hub_scope(collaboration_list(user), hub, "need__hub_id", "supplier__hub_id")
    counts = dict.fromkeys(Stage.values, 0)
    for stage, n in rows.values_list("stage").annotate(n=Count("pk")).order_by():
        counts[stage] = n
    columns: dict[str, list[Collaboration]] = {s: [] for s in BOARD_STAGES}
    for c in rows.filter(stage__in=BOARD_STAGES).order_by("stage_changed_at")[:600]:
        if len(columns[c.stage]) < 50:
            columns[c.stage].append(c)
    limit = timezone.now() - timedelta(days=threshold_days)
    stuck = list(
        rows.filter(stage__in=OPEN_STAGES, stage_changed_at__lt=limit).order_by("stage_changed_at")[:50]
    )
    return Board(hub, counts, columns, stuck, funnel(hub), threshold_days)


# Steps of the funnel before a collaboration exists, counted by the apps above (matching adds "match",
# the pairs on stored shortlists, in its AppConfig.ready()). Each is called with the hub (None: all).
FUNNEL_STEPS: Contributions[Callable[[Hub | None], tuple[str, int]]] = Contributions("funnel steps")


def funnel(hub: Hub | None) -> list[tuple[str, int]]:
    """Pairs reaching each step: matched (stored shortlist pairs), meeting held, agreement, verified outcome."""
    events = _hub_scope(JourneyEvent.objects.all(), hub, "need__hub_id", "supplier__hub_id")

    def pairs(kind: str) -> int:
        return events.filter(kind=kind).values("need_id", "supplier_id").distinct().count()

    interest = _hub_scope(Collaboration.objects.all(), hub, "need__hub_id", "supplier__hub_id").count()
    return [
        *(step(hub) for step in FUNNEL_STEPS),
        ("interest", interest),
        ("meeting", pairs(JourneyEvent.Kind.MEETING_HELD)),
        ("agreement", pairs(JourneyEvent.Kind.AGREEMENT)),
        ("verified", pairs(JourneyEvent.Kind.VERIFIED)),
    ]


def age_days(collaboration: Collaboration) -> int:
    return (timezone.now() - collaboration.stage_changed_at).days


EXPORT_HEADERS = [
    "번호",
    "수요",
    "수요기업",
    "수요 거점",
    "공급기업",
    "공급 거점",
    "단계",
    "시작한 쪽",
    "단계 시작일",
    "거절·철회 사유",
    "최근 변경",
]


def export_rows(rows: QuerySet[Collaboration]) -> Any:
    """The pipeline for a hub's spreadsheet: names and stages only, never contact details."""
    for c in rows:
        reason = c.get_decline_reason_display() or c.get_withdraw_reason_display()
        yield [
            c.pk,
            c.need.title,
            c.need.company.name,
            c.need.hub.name,
            c.supplier.name,
            c.supplier.hub.name if c.supplier.hub else "",
            c.get_stage_display(),
            c.get_initiated_by_display(),
            c.stage_changed_at,
            reason,
            c.updated_at,
        ]
