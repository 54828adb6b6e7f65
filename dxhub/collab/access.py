"""The one access helper for collaborations: every page and API handler gets a collaboration through here.

Who sees a collaboration: members of the two companies, the operators of the need's hub and of the
supplier's hub, and ministry staff (read-only). Nobody else learns it exists (404).
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404

from dxhub.collab.models import Collaboration, Side


def collaborations_visible_to(user: Any) -> QuerySet[Collaboration]:
    rows = Collaboration.objects.all()
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return rows.none()
    if user.is_ministry:
        return rows
    if user.is_operator:
        return rows.filter(Q(need__hub_id=user.hub_id) | Q(supplier__hub_id=user.hub_id))
    if user.is_member:
        return rows.filter(Q(need__company_id=user.company_id) | Q(supplier_id=user.company_id))
    return rows.none()


def side_of(user: Any, collaboration: Collaboration) -> str | None:
    """Which party `user` acts for in this collaboration; None for read-only readers (ministry)."""
    if getattr(user, "is_member", False):
        if user.company_id == collaboration.need.company_id:
            return Side.DEMANDER
        if user.company_id == collaboration.supplier_id:
            return Side.SUPPLIER
        return None
    if getattr(user, "is_operator", False) and user.hub_id in (
        collaboration.need.hub_id,
        collaboration.supplier.hub_id,
    ):
        return Side.OPERATOR
    return None


def get_collaboration_for_user(user: Any, pk: int | str, *, write: bool = False) -> Collaboration:
    """The collaboration `pk` if `user` may read it (404 otherwise); with write=True, act on it (403)."""
    try:
        collaboration = (
            collaborations_visible_to(user)
            .select_related("need", "need__company", "need__hub", "supplier", "supplier__hub")
            .get(pk=pk)
        )
    except (Collaboration.DoesNotExist, ValueError, TypeError, OverflowError):
        raise Http404("collaboration not found") from None
    if write and side_of(user, collaboration) is None:
        raise PermissionDenied("you may read this collaboration but not act on it")
    return collaboration
