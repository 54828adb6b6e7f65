"""REST endpoints for shortlists and recommendations: the same access rules and services as the pages."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from ninja import P, QueryEx, Router, Schema

from dxhub.companies.access import get_company_for_user
from dxhub.companies.models import Company
from dxhub.core.api_schemas import ERRORS, resolve
from dxhub.hubs.models import Hub
from dxhub.matches import selectors, services
from dxhub.needs.access import get_need_for_user
from dxhub.reference.models import Capability
from matching.engine.profiles import Filters

router = Router(tags=["matching"])


class MatchOut(Schema):
    id: int
    name: str
    score: float
    parts: dict[str, float]
    reasons: list[str]
    explanation: dict[str, Any]


@router.get(
    "/needs/{need_id}/matches",
    response={200: list[MatchOut], **ERRORS},
    summary="Ranked suppliers for a need, with reasons",
)
def need_matches(
    request: HttpRequest,
    need_id: int,
    hub: QueryEx[str, P(description="hub slug: only suppliers of this hub")] = "",
    radius_km: QueryEx[float | None, P(gt=0, le=1000)] = None,
    capability: QueryEx[list[str], P(description="must-have capability slugs")] = [],  # noqa: B006
) -> Any:
    user: Any = request.user
    need = get_need_for_user(user, need_id)
    if not user.has_perm("needs.view_matches", need):
        raise PermissionDenied(
            "only the need's company, its hub's operators and ministry staff see its shortlist"
        )
    if hub:
        resolve(Hub, "slug", [hub], "hub")
    if capability:
        resolve(Capability, "slug", capability, "capability")
    filters = Filters(
        hubs=frozenset({hub}) if hub else None, radius_km=radius_km, capabilities=frozenset(capability)
    )
    matches = services.suppliers_for_need(need, filters=filters)
    names = dict(Company.objects.filter(pk__in=[int(m.id) for m in matches]).values_list("pk", "name"))
    out = []
    for m in matches:
        if int(m.id) not in names:
            continue
        explanation = services.explanation_json(m)
        out.append(
            {
                "id": int(m.id),
                "name": names[int(m.id)],
                "score": m.score,
                "parts": dict(m.parts),
                "reasons": explanation.get("lines", []),
                "explanation": explanation,
            }
        )
    return out


@router.get(
    "/companies/{company_id}/recommendations",
    response={200: list[MatchOut], **ERRORS},
    summary="Needs recommended to a supplier, with reasons",
)
def company_recommendations(request: HttpRequest, company_id: int) -> Any:
    user: Any = request.user
    company = get_company_for_user(user, company_id)
    if not user.has_perm("companies.view_recommendations", company):
        raise PermissionDenied("only the company's members, its hub's operators and ministry staff")
    return [
        {
            "id": r.need_id,
            "name": r.need.title,
            "score": r.score,
            "parts": r.parts,
            "reasons": r.explanation.get("lines", []),
            "explanation": r.explanation,
        }
        for r in selectors.supplier_recommendations(company, user)[:20]
    ]
