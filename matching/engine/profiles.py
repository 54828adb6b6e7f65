"""The plain records the engine ranks: what the Django adapter fills from its models.

Codes stay strings: KSIC codes ("29120"), 시군구 codes ("48123"), hub slugs ("changwon"), capability
slugs ("vision-inspection"). ``text`` holds all of a profile's free text, already concatenated by the
adapter (description, solutions, references; or a need's title, problem, practice, data and KPI).
Money is in won; coordinates are the centroid of the firm's 시군구 (WGS84 degrees).
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class ReferenceSummary:
    """A supplier's past project: its id, what was done (free text) and the client's KSIC code."""

    id: str
    text: str
    ksic: str = ""


@dataclass(frozen=True, slots=True)
class SupplierProfile:
    """An SW/AI supplier as the engine sees it.

    ``ksic_codes`` are the firm's own industry codes; ``reference_ksic`` the industries of clients
    it has worked for. ``rating`` is a mean rating from 0 to 5 (``None`` until one is recorded).
    """

    id: str
    text: str
    capabilities: frozenset[str] = frozenset()
    ksic_codes: tuple[str, ...] = ()
    reference_ksic: tuple[str, ...] = ()
    region_code: str = ""
    lat: float | None = None
    lon: float | None = None
    hub: str = ""
    linked_hubs: frozenset[str] = frozenset()
    employees: int | None = None
    revenue_band: str = ""
    open_engagements: int = 0
    completed_projects: int = 0
    rating: float | None = None
    references: tuple[ReferenceSummary, ...] = ()


@dataclass(frozen=True, slots=True)
class NeedProfile:
    """A manufacturer's DX need as the engine sees it (budget in won, either bound may be missing)."""

    id: str
    text: str
    required_capabilities: frozenset[str] = frozenset()
    ksic_code: str = ""
    region_code: str = ""
    lat: float | None = None
    lon: float | None = None
    hub: str = ""
    linked_hubs: frozenset[str] = frozenset()
    budget_min: int | None = None
    budget_max: int | None = None
    company_employees: int | None = None


@dataclass(frozen=True, slots=True)
class Filters:
    """Hard filters: a result that fails one is never returned.

    ``hubs``: the counterpart's hub must be one of these. ``radius_km``: the counterpart's centroid
    must lie within this distance of ``center`` (default: the query profile's own coordinates; a
    counterpart without coordinates fails). ``capabilities``: must-have capabilities (for suppliers:
    offered; for needs: required). ``exclude``: ids never to return.
    """

    hubs: frozenset[str] | None = None
    radius_km: float | None = None
    center: tuple[float, float] | None = None
    capabilities: frozenset[str] = frozenset()
    exclude: frozenset[str] = field(default_factory=frozenset)

    @property
    def empty(self) -> bool:
        return self.hubs is None and self.radius_km is None and not self.capabilities and not self.exclude


NO_FILTERS = Filters()
Profile = SupplierProfile | NeedProfile


# -- JSON (the engine's on-disk format and its journal) --------------------------------------------


def profile_to_json(profile: Profile) -> dict[str, Any]:
    """A JSON-ready dict; sets become sorted lists, tuples lists."""
    data = asdict(profile)
    for key, value in data.items():
        if isinstance(value, frozenset | set):
            data[key] = sorted(value)
    return data


def supplier_from_json(data: dict[str, Any]) -> SupplierProfile:
    return SupplierProfile(
        id=str(data["id"]),
        text=str(data.get("text", "")),
        capabilities=frozenset(data.get("capabilities", ())),
        ksic_codes=tuple(data.get("ksic_codes", ())),
        reference_ksic=tuple(data.get("reference_ksic", ())),
        region_code=str(data.get("region_code", "")),
        lat=data.get("lat"),
        lon=data.get("lon"),
        hub=str(data.get("hub", "")),
        linked_hubs=frozenset(data.get("linked_hubs", ())),
        employees=data.get("employees"),
        revenue_band=str(data.get("revenue_band", "")),
        open_engagements=int(data.get("open_engagements", 0)),
        completed_projects=int(data.get("completed_projects", 0)),
        rating=data.get("rating"),
        references=tuple(
            ReferenceSummary(str(r["id"]), str(r.get("text", "")), str(r.get("ksic", "")))
            for r in data.get("references", ())
        ),
    )


def need_from_json(data: dict[str, Any]) -> NeedProfile:
    return NeedProfile(
        id=str(data["id"]),
        text=str(data.get("text", "")),
        required_capabilities=frozenset(data.get("required_capabilities", ())),
        ksic_code=str(data.get("ksic_code", "")),
        region_code=str(data.get("region_code", "")),
        lat=data.get("lat"),
        lon=data.get("lon"),
        hub=str(data.get("hub", "")),
        linked_hubs=frozenset(data.get("linked_hubs", ())),
        budget_min=data.get("budget_min"),
        budget_max=data.get("budget_max"),
        company_employees=data.get("company_employees"),
    )


def dumps_profile(profile: Profile) -> str:
    return json.dumps(profile_to_json(profile), ensure_ascii=False, separators=(",", ":"))
