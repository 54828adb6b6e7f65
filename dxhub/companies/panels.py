"""Sections of the company page that other apps supply (a company's needs, later its leases and bookings).

The companies floor cannot import the apps above it; each adds a `Panel` to `COMPANY_PANELS` in its
`AppConfig.ready()`. A panel's `context` is called with the reader and the company and must apply the
reader's access rules itself (through its own kind's access helper).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from dxhub.core.hooks import Contributions


@dataclass(frozen=True)
class Panel:
    template: str
    context: Callable[[Any, Any], dict[str, Any]]


COMPANY_PANELS: Contributions[Panel] = Contributions("company page panels")


def company_panels(user: Any, company: Any) -> list[dict[str, Any]]:
    return [{"template": p.template, "context": p.context(user, company)} for p in COMPANY_PANELS]
