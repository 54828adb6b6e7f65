from __future__ import annotations

from typing import Any

from django.http import HttpRequest


def navigation(request: HttpRequest) -> dict[str, Any]:
    user: Any = request.user
    return {
        "nav_can_import": bool(
            getattr(user, "is_authenticated", False) and user.has_perm("hubs.import_data")
        ),
        "nav_is_htmx": bool(getattr(request, "htmx", False)),
    }
