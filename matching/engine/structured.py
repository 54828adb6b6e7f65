"""The structured parts of a match, each a score in [0, 1] with the facts that explain it.

* ``ksic``: industry experience, from the KSIC tree distance between the need's industry and the
  supplier's clients (``reference_ksic``) or, discounted, its own codes.
* ``capability``: coverage of the required capabilities, with a little Jaccard overlap.
* ``region``: same hub 1, linked hubs high, otherwise the distance between centroids with a decay.
* ``size``: the need's budget against the project sizes a firm of the supplier's size takes on.
* ``capacity``: open engagements against the firm's size (more open work, less room).
* ``track``: completed projects and rating; neutral when nothing is recorded.

Unknown inputs give a neutral score (``StructuredParams.neutral``) rather than a penalty.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field

from matching.engine.profiles import NeedProfile, SupplierProfile

EARTH_RADIUS_KM = 6371.0088
# KSIC depth → score: same 5-digit sub-class, 4-digit class, 3-digit group, 2-digit division, section.
LEVEL_NAMES = {5: "subclass", 4: "class", 3: "group", 2: "division", 1: "section", 0: "none"}
# Revenue band (the Company model's choices) → a typical annual revenue in won.
REVENUE_MID = {
    "lt1b": 500_000_000,
    "1b-10b": 3_000_000_000,
    "10b-50b": 25_000_000_000,
    "50b-100b": 75_000_000_000,
    "gt100b": 200_000_000_000,
}
REVENUE_PER_EMPLOYEE = 150_000_000  # won a year, for an SW firm whose revenue band is unknown


@dataclass(frozen=True)
class StructuredParams:
    """Shape of the structured scores (data: the ``structured`` block of the engine's weights file).

    ``ksic_section`` maps a 2-digit division to its section letter ("29" → "C"); the adapter fills it
    from the KSIC table, so the engine holds no copy of the classification.
    """

    ksic_section: Mapping[str, str] = field(default_factory=dict)
    ksic_levels: tuple[float, float, float, float, float] = (0.2, 0.4, 0.6, 0.8, 1.0)  # section..sub-class
    own_code_factor: float = 0.7
    linked_hub: float = 0.8
    decay_km: float = 100.0
    budget_share: tuple[float, float] = (0.002, 0.3)  # comfortable budget as a share of revenue
    capacity_per_slot: float = 8.0  # employees per concurrent engagement
    neutral: float = 0.5


@dataclass(frozen=True)
class KsicFit:
    score: float
    level: str  # subclass / class / group / division / section / none / unknown
    need_code: str
    matched_code: str = ""
    source: str = ""  # "reference" (a client's industry) or "own"
    references_same_division: int = 0


@dataclass(frozen=True)
class CapabilityFit:
    score: float
    shared: tuple[str, ...]
    missing: tuple[str, ...]
    coverage: float
    jaccard: float


@dataclass(frozen=True)
class RegionFit:
    score: float
    relation: str  # same_hub / linked_hub / other
    distance_km: float | None


@dataclass(frozen=True)
class SizeFit:
    score: float
    budget: int | None
    comfortable: tuple[int, int] | None  # budget range a firm of this size takes on, in won


@dataclass(frozen=True)
class CapacityFit:
    score: float
    open_engagements: int
    employees: int | None


@dataclass(frozen=True)
class TrackFit:
    score: float
    completed_projects: int
    rating: float | None


@dataclass(frozen=True)
class StructuredFit:
    """All structured parts of one (need, supplier) pair."""

    ksic: KsicFit
    capability: CapabilityFit
    region: RegionFit
    size: SizeFit
    capacity: CapacityFit
    track: TrackFit

    def parts(self) -> dict[str, float]:
        return {
            "ksic": self.ksic.score,
            "capability": self.capability.score,
            "region": self.region.score,
            "size": self.size.score,
            "capacity": self.capacity.score,
            "track": self.track.score,
        }


# -- KSIC ------------------------------------------------------------------------------------------


def ksic_depth(a: str, b: str, ksic_section: Mapping[str, str]) -> int:
    """Shared depth of two KSIC codes: 5..2 digits of common prefix, 1 same section, 0 none."""
    if not a or not b:
        return 0
    for digits in (5, 4, 3, 2):
        if a[:digits] == b[:digits] and len(a) >= digits and len(b) >= digits:
            return digits
    section_a = ksic_section.get(a[:2])
    return 1 if section_a is not None and section_a == ksic_section.get(b[:2]) else 0


def ksic_fit(
    need_code: str, own: tuple[str, ...], references: tuple[str, ...], params: StructuredParams
) -> KsicFit:
    if not need_code:
        return KsicFit(params.neutral, "unknown", need_code)
    levels = (0.0, *params.ksic_levels)
    best = KsicFit(0.0, "none", need_code)
    for source, codes, factor in (("reference", references, 1.0), ("own", own, params.own_code_factor)):
        for code in codes:
            if best.score >= factor:
                break  # nothing in this group can beat what was found
            depth = ksic_depth(need_code, code, params.ksic_section)
            score = levels[depth] * factor
            if score > best.score:
                best = KsicFit(score, LEVEL_NAMES[depth], need_code, code, source)
    same_division = sum(1 for code in references if code[:2] == need_code[:2])
    if same_division:
        best = KsicFit(best.score, best.level, need_code, best.matched_code, best.source, same_division)
    return best


# -- capabilities ----------------------------------------------------------------------------------


def capability_fit(
    required: frozenset[str], offered: frozenset[str], params: StructuredParams
) -> CapabilityFit:
    shared = required & offered
    missing = required - offered
    union = required | offered
    jaccard = len(shared) / len(union) if union else 0.0
    if not required:
        return CapabilityFit(params.neutral, (), (), 1.0, jaccard)
    coverage = len(shared) / len(required)
    return CapabilityFit(
        0.8 * coverage + 0.2 * jaccard, tuple(sorted(shared)), tuple(sorted(missing)), coverage, jaccard
    )


# -- region ----------------------------------------------------------------------------------------


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km between two WGS84 points."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


def region_fit(need: NeedProfile, supplier: SupplierProfile, params: StructuredParams) -> RegionFit:
    distance = None
    if None not in (need.lat, need.lon, supplier.lat, supplier.lon):
        distance = haversine_km(need.lat, need.lon, supplier.lat, supplier.lon)  # type: ignore[arg-type]
    by_distance = math.exp(-distance / params.decay_km) if distance is not None else params.neutral * 0.6
    if need.hub and need.hub == supplier.hub:
        return RegionFit(1.0, "same_hub", distance)
    if need.hub and supplier.hub and (supplier.hub in need.linked_hubs or need.hub in supplier.linked_hubs):
        return RegionFit(max(params.linked_hub, by_distance), "linked_hub", distance)
    return RegionFit(by_distance, "other", distance)


# -- size, capacity, track record ------------------------------------------------------------------


def _budget(need: NeedProfile) -> int | None:
    bounds = [b for b in (need.budget_min, need.budget_max) if b]
    return sum(bounds) // len(bounds) if bounds else None


def size_fit(need: NeedProfile, supplier: SupplierProfile, params: StructuredParams) -> SizeFit:
    budget = _budget(need)
    revenue = REVENUE_MID.get(supplier.revenue_band)
    if revenue is None and supplier.employees:
        revenue = supplier.employees * REVENUE_PER_EMPLOYEE
    if budget is None or revenue is None:
        return SizeFit(params.neutral, budget, None)
    low, high = int(revenue * params.budget_share[0]), int(revenue * params.budget_share[1])
    if low <= budget <= high:
        return SizeFit(1.0, budget, (low, high))
    bound = low if budget < low else high
    return SizeFit(math.exp(-abs(math.log(budget / bound)) / math.log(4)), budget, (low, high))


def capacity_fit(supplier: SupplierProfile, params: StructuredParams) -> CapacityFit:
    slots = max(2.0, (supplier.employees or 0) / params.capacity_per_slot)
    score = 1.0 / (1.0 + max(0, supplier.open_engagements) / slots)
    return CapacityFit(score, supplier.open_engagements, supplier.employees)


def track_fit(supplier: SupplierProfile, params: StructuredParams) -> TrackFit:
    n, rating = max(0, supplier.completed_projects), supplier.rating
    if n == 0 and rating is None:
        return TrackFit(params.neutral, 0, None)
    experience = n / (n + 5)
    quality = min(max(rating / 5, 0.0), 1.0) if rating is not None else 0.6
    return TrackFit(0.4 + 0.6 * experience * quality, n, rating)


def assess(need: NeedProfile, supplier: SupplierProfile, params: StructuredParams) -> StructuredFit:
    """Every structured part of a (need, supplier) pair, with its facts."""
    return StructuredFit(
        ksic=ksic_fit(need.ksic_code, supplier.ksic_codes, supplier.reference_ksic, params),
        capability=capability_fit(need.required_capabilities, supplier.capabilities, params),
        region=region_fit(need, supplier, params),
        size=size_fit(need, supplier, params),
        capacity=capacity_fit(supplier, params),
        track=track_fit(supplier, params),
    )
