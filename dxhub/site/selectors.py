"""What each role's dashboard shows: figures per hub, recent open needs, own needs, recommendations."""

from __future__ import annotations

from typing import Any

from dxhub.hubs.figures import hub_figures
from dxhub.hubs.models import Hub
from dxhub.matches.selectors import supplier_recommendations
from dxhub.needs.access import needs_visible_to
from dxhub.needs.models import Need
from dxhub.site.todo import todos_for


def dashboard_context(user: Any) -> dict[str, Any]:
    visible = needs_visible_to(user).select_related("company", "hub")
    ctx: dict[str, Any] = {"recent_needs": visible.open()[:8], "todos": todos_for(user)}
    if user.is_ministry:
        ctx["figures"] = hub_figures(Hub.objects.all())
        ctx["totals"] = totals(ctx["figures"])
    elif user.is_operator:
        ctx["figures"] = hub_figures(Hub.objects.filter(pk=user.hub_id))
        ctx["hub_drafts"] = visible.filter(hub_id=user.hub_id, status="draft")[:8]
    elif user.is_member:
        company = user.company
        ctx["company"] = company
        ctx["own_needs"] = Need.objects.filter(company=company).order_by("-updated_at")[:10]
        if company.is_supplier:
            ctx["rows"] = supplier_recommendations(company, user)[:8]
    return ctx


def totals(figures: list[dict[str, Any]]) -> dict[str, int]:
    """The national row under the per-hub figures: every count summed over the hubs."""
    keys = [k for k, v in (figures[0] if figures else {}).items() if isinstance(v, int)]
    return {k: sum(f[k] for f in figures) for k in keys}
