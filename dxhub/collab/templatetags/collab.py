"""Template helpers for the journey: stage names, board counts, and the interest button on match lists."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django import template
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from dxhub.collab import selectors
from dxhub.collab.models import Collaboration

register = template.Library()

FUNNEL = {
    "match": _("matched pairs"),
    "interest": _("interest shown"),
    "meeting": _("meetings held"),
    "agreement": _("agreements"),
    "verified": _("verified outcomes"),
}


@register.simple_tag
def funnel_label(step: str) -> str:
    return str(FUNNEL.get(step, step))


@register.simple_tag
def stage_label(stage: str) -> str:
    return str(Collaboration.Stage(stage).label)


@register.simple_tag
def board_count(board: selectors.Board, stage: str) -> int:
    return board.counts.get(stage, 0)


@register.filter
def age(collaboration: Collaboration) -> int:
    return selectors.age_days(collaboration)


@register.filter
def iso_datetime(value: str) -> datetime | None:
    """A proposed time as stored (ISO 8601) → an aware datetime in the site's time zone."""
    try:
        return timezone.localtime(datetime.fromisoformat(value))
    except (TypeError, ValueError):
        return None


@register.inclusion_tag("collab/partials/interest_button.html", takes_context=True)
def interest_button(context: Any, need: Any, supplier: Any) -> dict[str, Any]:
    """The button on a shortlist row or a recommendation: start, or open the existing collaboration.

    The pairs on the page are read once per page (cached in the render context), not once per row.
    """
    cache = context.render_context.setdefault("collab_pairs", {})
    key = ("need", need.pk) if "need" in context else ("supplier", supplier.pk)
    if key not in cache:
        if key[0] == "need":
            cache[key] = selectors.pair_states(need_ids=[need.pk], supplier_ids=_ids(context, "supplier"))
        else:
            cache[key] = selectors.pair_states(need_ids=_ids(context, "need"), supplier_ids=[supplier.pk])
    user = context["request"].user
    can_start = (getattr(user, "is_member", False) and user.company_id in (need.company_id, supplier.pk)) or (
        getattr(user, "is_operator", False) and user.hub_id in (need.hub_id, supplier.hub_id)
    )
    return {
        "need": need,
        "supplier": supplier,
        "collaboration": cache[key].get((need.pk, supplier.pk)),
        "can_start": can_start,
    }


def _ids(context: Any, which: str) -> list[int]:
    rows = context.get("rows") or []
    if which == "supplier":
        return [r["company"].pk if isinstance(r, dict) else r.company_id for r in rows]
    return [r.need_id for r in rows]
