"""The one access helper for needs: every page and API handler gets a need through here."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404

from dxhub.needs.models import Need, NeedQuerySet

OPEN = Need.OPEN_STATUSES


def needs_visible_to(user: Any) -> NeedQuerySet:
    """Needs a person may read.

    - ministry staff: all;
    - an operator: every need of their hub, plus open needs shared with all hubs or the public;
    - a company member: their company's needs, plus open needs that are public, shared with all hubs
      (when their company belongs to a hub), or hub-only in their company's hub;
    - evaluators and visitors: open public needs.
    """
    needs = Need.objects.all()
    open_ = Q(status__in=OPEN)
    public = open_ & Q(visibility=Need.Visibility.PUBLIC)
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return needs.filter(public)
    if user.is_ministry:
        return needs
    if user.is_operator:
        return needs.filter(Q(hub_id=user.hub_id) | (open_ & ~Q(visibility=Need.Visibility.HUB)))
    if user.is_member:
        return needs_visible_to_company(user.company)
    return needs.filter(public)


def needs_visible_to_company(company: Any) -> NeedQuerySet:
    """What any member of `company` may read (also used to keep recommendations within sight)."""
    open_ = Q(status__in=OPEN)
    rule = Q(company_id=company.pk) | (open_ & Q(visibility=Need.Visibility.PUBLIC))
    if company.hub_id is not None:
        rule |= open_ & Q(visibility=Need.Visibility.ALL_HUBS)
        rule |= open_ & Q(visibility=Need.Visibility.HUB, hub_id=company.hub_id)
    return Need.objects.filter(rule)


def get_need_for_user(user: Any, pk: int | str, *, write: bool = False) -> Need:
    """The need `pk` if `user` may read it (404 otherwise) and, with write=True, change it (403)."""
    try:
        need = needs_visible_to(user).select_related("company", "hub", "ksic").get(pk=pk)
    except (Need.DoesNotExist, ValueError, TypeError):
        raise Http404("need not found") from None
    if write and not user.has_perm("needs.change_need", need):
        raise PermissionDenied("you may not change this need")
    return need
