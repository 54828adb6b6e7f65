"""A need's shortlist with reasons (a partial of the need page) and a supplier's recommended needs."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from dxhub.companies.access import get_company_for_user
from dxhub.companies.models import Company
from dxhub.matches import selectors, services
from dxhub.matches.forms import ShortlistFilterForm
from dxhub.needs.access import get_need_for_user


def need_matches(request: HttpRequest, pk: int) -> HttpResponse:
    """The need's ranked suppliers. Stored results unless filters are set (then ranked live)."""
    user: Any = request.user
    need = get_need_for_user(user, pk)
    if not (user.is_authenticated and user.has_perm("needs.view_matches", need)):
        raise PermissionDenied
    form = ShortlistFilterForm(request.GET or None)
    if form.active:
        matches = services.suppliers_for_need(need, filters=form.filters())
        companies = Company.objects.select_related("region", "hub").in_bulk([int(m.id) for m in matches])
        rows = [
            {"company": companies[int(m.id)], "score": m.score, "explanation": services.explanation_json(m)}
            for m in matches
            if int(m.id) in companies
        ]
    else:
        stored = list(selectors.need_shortlist(need))
        if not stored and need.is_open:
            services.need_refresh_matches(need.pk)  # first view before the background task ran
            stored = list(selectors.need_shortlist(need))
        rows = [{"company": r.company, "score": r.score, "explanation": r.explanation} for r in stored]
    context: dict[str, Any] = {"need": need, "rows": rows, "form": form}
    if request.GET.get("compare") and (user.is_operator or user.is_ministry):
        context["keyword_rows"] = selectors.keyword_only(need)
    template = "matches/partials/shortlist.html" if request.htmx else "matches/need_matches.html"  # type: ignore[attr-defined]
    return render(request, template, context)


def company_recommendations(request: HttpRequest, pk: int) -> HttpResponse:
    user: Any = request.user
    company = get_company_for_user(user, pk)
    if not user.has_perm("companies.view_recommendations", company):
        raise PermissionDenied
    rows = list(selectors.supplier_recommendations(company, user)[:20])
    template = (
        "matches/partials/recommendations.html" if request.htmx else "matches/company_recommendations.html"  # type: ignore[attr-defined]
    )
    return render(request, template, {"company": company, "rows": rows})
