"""Who may do what to an event (django-rules). The matching querysets are in access.py."""

from __future__ import annotations

from typing import Any

import rules

from dxhub.core.roles import is_ministry, is_operator


@rules.predicate
def runs_event(user: Any, event: Any) -> bool:
    """Operators of the host hub or of a partner hub run the event together."""
    if not getattr(user, "is_operator", False) or event is None:
        return False
    return bool(event.hub_id == user.hub_id or event.partner_hubs.filter(pk=user.hub_id).exists())


rules.add_perm("events.add_event", is_ministry | is_operator)
rules.add_perm("events.change_event", is_ministry | runs_event)
