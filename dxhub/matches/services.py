"""Writes of the matching side: keep the engine in step with the database and store shortlists."""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Iterable
from typing import Any

from django.db import transaction

from dxhub.companies.models import Company
from dxhub.matches import adapters, store
from dxhub.matches.models import MatchResult
from dxhub.needs.access import needs_visible_to_company
from dxhub.needs.models import Need
from matching.engine.explain import Match
from matching.engine.profiles import NO_FILTERS, Filters

log = logging.getLogger(__name__)
SHORTLIST = 20
EXPOSURE_WINDOW = 10  # a supplier counts as "exposed" by each need shortlist whose top 10 shows it


def explanation_json(match: Match) -> dict[str, Any]:
    e = match.explanation
    if e is None:
        return {}
    return {
        "lines": list(e.text_ko),
        "shared_terms": list(e.shared_terms),
        "shared_capabilities": list(e.shared_capabilities),
        "missing_capabilities": list(e.missing_capabilities),
        "ksic_path": list(e.ksic_path),
        "distance_km": None if e.distance_km is None else round(e.distance_km, 1),
        "hub_relation": e.hub_relation,
        "similar_projects": [
            {"id": p.id, "text": p.text[:200], "ksic": p.ksic, "similarity": round(p.similarity, 3)}
            for p in e.similar_projects
        ],
        "contributions": {k: round(v, 4) for k, v in e.contributions.items()},
    }


def exposure_counts() -> dict[str, int]:
    """How many need shortlists currently show each supplier near the top (for exposure control)."""
    rows = MatchResult.objects.filter(
        direction=MatchResult.Direction.SUPPLIERS_FOR_NEED, rank__lte=EXPOSURE_WINDOW
    ).values_list("company_id", flat=True)
    return {str(k): v for k, v in Counter(rows).items()}


def suppliers_for_need(need: Need, *, k: int = SHORTLIST, filters: Filters = NO_FILTERS) -> list[Match]:
    profile = adapters.need_profile(need)
    own = frozenset({str(need.company_id)})
    filters = Filters(
        hubs=filters.hubs,
        radius_km=filters.radius_km,
        center=filters.center,
        capabilities=filters.capabilities,
        exclude=filters.exclude | own,
    )
    return store.engine().suppliers_for_need(profile, k, filters, exposure=exposure_counts())


def needs_for_supplier(company: Company, *, k: int = SHORTLIST, filters: Filters = NO_FILTERS) -> list[Match]:
    profile = adapters.supplier_profile(adapters.supplier_queryset().get(pk=company.pk))
    own = frozenset(str(pk) for pk in Need.objects.filter(company=company).values_list("pk", flat=True))
    filters = Filters(
        hubs=filters.hubs,
        radius_km=filters.radius_km,
        center=filters.center,
        capabilities=filters.capabilities,
        exclude=filters.exclude | own,
    )
    return store.engine().needs_for_supplier(profile, k, filters)


def _store(
    direction: str, rows: Iterable[tuple[int, int, Match]], *, need_id: int | None, company_id: int | None
) -> None:
    with transaction.atomic():
        owner = {"need_id": need_id} if need_id is not None else {"company_id": company_id}
        MatchResult.objects.filter(direction=direction, **owner).delete()
        MatchResult.objects.bulk_create(
            MatchResult(
                direction=direction,
                need_id=n,
                company_id=c,
                rank=rank,
                score=m.score,
                parts={k: round(v, 4) for k, v in m.parts.items()},
                explanation=explanation_json(m),
            )
            for rank, (n, c, m) in enumerate(rows, start=1)
        )


def need_refresh_matches(need_id: int) -> int:
    """Re-index one need and store its supplier shortlist (or drop it when the need is not open)."""
    need = adapters.need_queryset().filter(pk=need_id).first()
    engine = store.engine()
    if need is None:
        engine.remove_need(str(need_id))
        MatchResult.objects.filter(need_id=need_id).delete()
        return 0
    engine.upsert_need(adapters.need_profile(need))
    matches = suppliers_for_need(need)
    valid = set(Company.objects.filter(pk__in=[int(m.id) for m in matches]).values_list("pk", flat=True))
    _store(
        MatchResult.Direction.SUPPLIERS_FOR_NEED,
        [(need.pk, int(m.id), m) for m in matches if int(m.id) in valid],
        need_id=need.pk,
        company_id=None,
    )
    return len(matches)


def company_refresh_matches(company_id: int) -> int:
    """Re-index one supplier and store its recommended needs (or drop it when it no longer supplies)."""
    company = adapters.supplier_queryset().filter(pk=company_id).first()
    engine = store.engine()
    if company is None:
        engine.remove_supplier(str(company_id))
        MatchResult.objects.filter(
            direction=MatchResult.Direction.NEEDS_FOR_SUPPLIER, company_id=company_id
        ).delete()
        return 0
    engine.upsert_supplier(adapters.supplier_profile(company))
    # Over-fetch, then keep only needs this supplier's members may read (hub-only needs of other hubs).
    matches = needs_for_supplier(company, k=SHORTLIST * 3)
    candidates = [int(m.id) for m in matches]
    valid = set(needs_visible_to_company(company).filter(pk__in=candidates).values_list("pk", flat=True))
    matches = [m for m in matches if int(m.id) in valid][:SHORTLIST]
    _store(
        MatchResult.Direction.NEEDS_FOR_SUPPLIER,
        [(int(m.id), company.pk, m) for m in matches if int(m.id) in valid],
        need_id=None,
        company_id=company.pk,
    )
    return len(matches)


def rebuild_all() -> dict[str, int]:
    """A full rebuild: new snapshot, then every shortlist (used by `dxhub matching rebuild` and the demo)."""
    store.build()
    needs = list(adapters.need_queryset().values_list("pk", flat=True))
    suppliers = list(adapters.supplier_queryset().values_list("pk", flat=True))
    MatchResult.objects.all().delete()
    for pk in needs:
        need_refresh_matches(pk)
    for pk in suppliers:
        company_refresh_matches(pk)
    return {"needs": len(needs), "suppliers": len(suppliers)}
