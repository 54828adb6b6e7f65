"""The one access helper for hubs. Hub pages are public information; changes are for their operators."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import Http404

from dxhub.hubs.models import Hub


def get_hub_for_user(user: Any, pk: int | str, *, write: bool = False) -> Hub:
    try:
        hub = Hub.objects.select_related("region").get(pk=pk)
    except (Hub.DoesNotExist, ValueError, TypeError):
        raise Http404("hub not found") from None
    if write and not user.has_perm("hubs.change_hub", hub):
        raise PermissionDenied("you may not change this hub")
    return hub
