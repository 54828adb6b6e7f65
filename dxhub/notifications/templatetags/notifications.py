"""`{% notification_bell %}`: the bell with the unread count in the top navigation."""

from __future__ import annotations

from typing import Any

from django import template

from dxhub.notifications.models import Notification

register = template.Library()


@register.inclusion_tag("notifications/bell.html", takes_context=True)
def notification_bell(context: dict[str, Any]) -> dict[str, Any]:
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"show": False}
    unread = Notification.objects.filter(recipient=user, read_at__isnull=True).count()
    return {"show": True, "unread": unread, "active": context.get("nav_section") == "notifications"}
