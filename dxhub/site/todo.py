"""What waits for the person who opens the dashboard: counts of things only they can move, with a link.

Every count starts from the kind's own access helper (`*_visible_to`), so a to-do never shows what the
person may not open.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext as _

from dxhub.collab.access import collaborations_visible_to
from dxhub.collab.models import OPEN_STAGES, Collaboration, Side
from dxhub.needs.access import needs_visible_to
from dxhub.programmes.access import applications_visible_to, reviews_visible_to
from dxhub.programmes.models import Application, Review

Stage = Collaboration.Stage


@dataclass(frozen=True)
class Todo:
    label: str
    count: int
    url: str


def _unverified_outcomes(user: Any) -> int:
    return (
        collaborations_visible_to(user)
        .filter(
            stage=Stage.COMPLETED,
            outcome__demander_rating__isnull=False,
            outcome__supplier_rating__isnull=False,
            outcome__verified_at__isnull=True,
        )
        .count()
    )


def operator_todos(user: Any) -> list[Todo]:
    collab = reverse("collab:list")
    return [
        Todo(_("Outcomes to verify"), _unverified_outcomes(user), f"{collab}?stage={Stage.COMPLETED}"),
        Todo(
            _("Applications to check"),
            applications_visible_to(user)
            .filter(hub_id=user.hub_id, status=Application.Status.SUBMITTED)
            .count(),
            reverse("programmes:applications"),
        ),
        Todo(
            _("Draft needs in your hub"),
            needs_visible_to(user).filter(hub_id=user.hub_id, status="draft").count(),
            f"{reverse('needs:list')}?status=draft",
        ),
    ]


def member_todos(user: Any) -> list[Todo]:
    company = user.company
    mine = collaborations_visible_to(user)
    incoming = Q(supplier=company, initiated_by=Side.DEMANDER) | Q(
        need__company=company, initiated_by=Side.SUPPLIER
    )
    unrated = Q(supplier=company, outcome__supplier_rating__isnull=True) | Q(
        need__company=company, outcome__demander_rating__isnull=True
    )
    collab = reverse("collab:list")
    return [
        Todo(
            _("Interest waiting for your answer"),
            mine.filter(incoming, stage=Stage.INTEREST).count(),
            f"{collab}?stage={Stage.INTEREST}",
        ),
        Todo(
            _("Finished projects to rate"),
            mine.filter(unrated, stage=Stage.COMPLETED, outcome__isnull=False).count(),
            f"{collab}?stage={Stage.COMPLETED}",
        ),
        Todo(_("Collaborations under way"), mine.filter(stage__in=OPEN_STAGES).count(), collab),
    ]


def evaluator_todos(user: Any) -> list[Todo]:
    waiting = reviews_visible_to(user).filter(
        evaluator=user, status__in=(Review.Status.ASSIGNED, Review.Status.REOPENED)
    )
    return [Todo(_("Reviews to score"), waiting.count(), reverse("programmes:reviews"))]


def todos_for(user: Any) -> list[Todo]:
    if user.is_operator:
        return operator_todos(user)
    if user.is_member:
        return member_todos(user)
    if user.is_evaluator:
        return evaluator_todos(user)
    return []
