"""Reads of stored shortlists, and the keyword-only list operators compare them with."""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet

from dxhub.companies.models import Company
from dxhub.matches.models import MatchResult
from dxhub.needs.access import needs_visible_to
from dxhub.needs.models import Need
from matching.text import search_terms


def need_shortlist(need: Need) -> QuerySet[MatchResult]:
    return (
        MatchResult.objects.filter(direction=MatchResult.Direction.SUPPLIERS_FOR_NEED, need=need)
        .select_related("company", "company__region", "company__hub")
        .order_by("rank")
    )


def supplier_recommendations(company: Company, user: Any) -> QuerySet[MatchResult]:
    """Stored recommendations, re-checked against what the reader may see today."""
    return (
        MatchResult.objects.filter(
            direction=MatchResult.Direction.NEEDS_FOR_SUPPLIER,
            company=company,
            need__in=needs_visible_to(user).values("pk"),
        )
        .select_related("need", "need__company", "need__hub")
        .order_by("rank")
    )


def keyword_only(need: Need, k: int = 20) -> list[tuple[Company, list[str]]]:
    """What keyword matching alone (as peers do it) would list: suppliers sharing the need's title terms,
    by how many they share. Shown beside the engine's list so operators can judge the difference."""
    terms = [t for t in search_terms(need.title) if len(t) > 1]
    if not terms:
        return []
    scored: list[tuple[int, int, Company, list[str]]] = []
    suppliers = Company.objects.filter(kind__in=[Company.Kind.SUPPLIER, Company.Kind.BOTH]).exclude(
        pk=need.company_id
    )
    for company in suppliers.only("pk", "name", "search_text").iterator(chunk_size=2000):
        shared = [t for t in terms if t in company.search_text]
        if shared:
            scored.append((len(shared), -company.pk, company, shared))
    scored.sort(key=lambda row: (row[0], row[1]), reverse=True)
    return [(company, shared) for _n, _pk, company, shared in scored[:k]]


def matched_pairs(hub: Any) -> tuple[str, int]:
    """The pipeline funnel's first step (`collab.selectors.FUNNEL_STEPS`): need–supplier pairs on shortlists."""
    rows = MatchResult.objects.filter(direction=MatchResult.Direction.SUPPLIERS_FOR_NEED)
    if hub is not None:
        rows = rows.filter(Q(need__hub_id=hub.pk) | Q(company__hub_id=hub.pk))
    return ("match", rows.count())
