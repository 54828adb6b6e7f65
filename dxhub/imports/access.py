"""The one access helper for imports: who may import, and whose jobs they may see and commit."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404

from dxhub.imports.models import ImportJob


def require_import(user: Any) -> None:
    """Operators and ministry staff import; anyone else is refused (403)."""
    if not user.has_perm("hubs.import_data"):
        raise PermissionDenied("importing is for hub operators and ministry staff")


def jobs_visible_to(user: Any) -> QuerySet[ImportJob]:
    """Ministry staff see every import; an operator sees their hub's (their own and colleagues')."""
    if getattr(user, "is_ministry", False):
        return ImportJob.objects.all()
    if getattr(user, "is_operator", False):
        return ImportJob.objects.filter(hub_id=user.hub_id)
    return ImportJob.objects.none()


def get_job_for_user(user: Any, pk: int | str) -> ImportJob:
    """The job `pk` if `user` may see it; 404 otherwise, so other hubs' uploads stay invisible."""
    require_import(user)
    try:
        return jobs_visible_to(user).select_related("hub", "uploaded_by").get(pk=pk)
    except (ImportJob.DoesNotExist, ValueError, TypeError):
        raise Http404("import not found") from None
