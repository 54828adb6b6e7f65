"""Figures for the role dashboards."""

from __future__ import annotations

from typing import Any

from django.db.models import Count, Q

from dxhub.companies.models import Company
from dxhub.hubs.models import Hub
from dxhub.matches.selectors import supplier_recommendations
from dxhub.needs.access import needs_visible_to
from dxhub.needs.models import Need


def hub_figures(hubs: Any) -> list[dict[str, Any]]:
    """Per hub: companies by role and tenancy, needs by state. Two grouped queries, whatever the hub count."""
    company_counts = {
        row["hub"]: row
        for row in Company.objects.filter(hub__in=hubs)
        .values("hub")
        .annotate(
            total=Count("id"),
            suppliers=Count("id", filter=Q(kind__in=["supplier", "both"])),
            demanders=Count("id", filter=Q(kind__in=["demander", "both"])),
            tenants=Count("id", filter=Q(tenancy__in=["tenant", "relocating"])),
        )
    }
    need_counts = {
        row["hub"]: row
        for row in Need.objects.filter(hub__in=hubs)
        .values("hub")
        .annotate(
            open=Count("id", filter=Q(status__in=["published", "discussion"])),
            drafts=Count("id", filter=Q(status="draft")),
            closed=Count("id", filter=Q(status="closed")),
        )
    }
    empty_c = {"total": 0, "suppliers": 0, "demanders": 0, "tenants": 0}
    empty_n = {"open": 0, "drafts": 0, "closed": 0}
    return [
        {**empty_c, **company_counts.get(hub.pk, {}), **empty_n, **need_counts.get(hub.pk, {}), "hub": hub}
        for hub in hubs
    ]


def dashboard_context(user: Any) -> dict[str, Any]:
    visible = needs_visible_to(user).select_related("company", "hub")
    ctx: dict[str, Any] = {"recent_needs": visible.filter(status__in=["published", "discussion"])[:8]}
    if user.is_ministry:
        ctx["figures"] = hub_figures(Hub.objects.all())
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
