"""The company page's list of the company's DX needs (`dxhub.companies.panels`)."""

from __future__ import annotations

from typing import Any

from dxhub.companies.panels import Panel
from dxhub.needs.access import needs_visible_to


def company_needs(user: Any, company: Any) -> dict[str, Any]:
    return {"needs": needs_visible_to(user).filter(company=company).select_related("hub")[:20]}


PANEL = Panel(template="needs/panels/company_needs.html", context=company_needs)
