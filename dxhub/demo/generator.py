"""A seeded generator of demo companies and needs: the same seed gives the same data, at any size.

It never touches the database, only the packaged reference CSVs (for region and capability names), and
yields batches so that 100,000 companies stream through the loader without being held in memory.

    for batch in DemoGenerator(seed=2026, companies=320).batches(size=500):
        ...  # batch.companies, batch.needs (the needs of those companies)
"""

from __future__ import annotations

import csv
import random
import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path

from dxhub.demo.gen_companies import CompanyMaker
from dxhub.demo.gen_needs import NeedMaker
from dxhub.demo.scenarios import Scenario, all_scenarios
from dxhub.demo.specs import CompanySpec, DemoBatch, NeedSpec
from dxhub.demo.vocab import CAPITAL_REGIONS, HUB_CAPABILITIES, HUB_PROFILES, INDUSTRIES, PLACES
from dxhub.demo.vocab_suppliers import ARCHETYPES, BOTH_EXTRA_KSIC

REFERENCE_DATA = Path(__file__).resolve().parent.parent / "reference" / "data"
DEFAULT_SEED = 2026
DEFAULT_COMPANIES = 320
# 180 needs for 320 companies: about one need per manufacturer, as the hubs' intake surveys report.
NEEDS_PER_COMPANY = 9 / 16
# The first company of these (hub, kind) cells belongs to a demo account.
PERSONAS = {
    ("changwon", "demander"): "demander",
    ("changwon", "supplier"): "supplier",
    ("ochang", "demander"): "ochang",
}


def default_needs(companies: int) -> int:
    return round(companies * NEEDS_PER_COMPANY)


@cache
def region_names() -> dict[str, tuple[str, str]]:
    """시군구 code → (시도, 시군구 as written in addresses: "창원시 성산구")."""
    with (REFERENCE_DATA / "sigungu_centroids.csv").open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    return {row["code"]: (row["sido"], re.sub(r"^(\w+시)(\w+구)$", r"\1 \2", row["sigungu"])) for row in rows}


@cache
def capability_names() -> dict[str, str]:
    """Capability slug → Korean name, from the packaged taxonomy."""
    with (REFERENCE_DATA / "capabilities.csv").open(encoding="utf-8-sig", newline="") as fh:
        return {row["slug"]: row["name_ko"] for row in csv.DictReader(fh)}


def required_reference() -> dict[str, set[str]]:
    """Every KSIC code, 시군구 code, capability slug and hub slug the generator can emit."""
    scenarios = all_scenarios()
    ksic = {code for industry in INDUSTRIES.values() for _, code in industry.products}
    ksic |= {code for a in ARCHETYPES for code, _ in a.ksic} | set(BOTH_EXTRA_KSIC) | {"62090"}
    regions = set(PLACES) | {code for code, _ in CAPITAL_REGIONS}
    for profile in HUB_PROFILES.values():
        regions |= {profile.office_region, *(code for code, _ in profile.supplier_regions)}
        regions |= {code for pairs in profile.industry_regions.values() for code, _ in pairs}
    caps = {slug for a in ARCHETYPES for slug in (*a.primary, *a.secondary)}
    caps |= {slug for s in scenarios for slug in s.caps} | {s for v in HUB_CAPABILITIES.values() for s in v}
    return {"ksic": ksic, "regions": regions, "capabilities": caps, "hubs": set(HUB_PROFILES)}


class _CellPicker:
    """Smooth weighted round robin over (hub, kind) cells.

    Deterministic and proportional at every prefix: after 320 picks each cell has exactly its weight, after
    100,000 picks each is within one of its share. Random draws would miss the hub mix on small sets.
    """

    def __init__(self, weights: list[int]) -> None:
        self.weights = weights
        self.total = sum(weights)
        self.current = [0] * len(weights)

    def next(self) -> int:
        for i, weight in enumerate(self.weights):
            self.current[i] += weight
        best = max(range(len(self.weights)), key=self.current.__getitem__)
        self.current[best] -= self.total
        return best


class _NeedAllocator:
    """Spreads exactly `total` needs over `recipients` manufacturers, 0–3 each rather than one apiece."""

    def __init__(self, total: int, recipients: int) -> None:
        self.total, self.recipients = total, recipients
        self.seen = self.emitted = 0

    def next(self, rng: random.Random, minimum: int = 0) -> int:
        self.seen += 1
        remaining = self.total - self.emitted
        if self.seen >= self.recipients:
            count = remaining  # the last manufacturer takes what is left (a few at most)
        else:
            owed = max(0, round(self.total * self.seen / self.recipients) - self.emitted)
            count = rng.randint(max(0, owed - 2), owed)
        count = min(max(count, minimum), remaining)
        self.emitted += count
        return count


class DemoGenerator:
    """Demo companies over the four hubs and their DX needs, reproducible from `seed`."""

    def __init__(
        self, seed: int = DEFAULT_SEED, companies: int = DEFAULT_COMPANIES, needs: int | None = None
    ) -> None:
        if companies < 0 or (needs is not None and needs < 0):
            raise ValueError("counts cannot be negative")
        self.seed = seed
        self.n_companies = companies
        self.n_needs = default_needs(companies) if needs is None else needs
        self.cells = [(hub, kind) for hub, p in HUB_PROFILES.items() for kind, _ in p.cells]
        self.weights = [w for p in HUB_PROFILES.values() for _, w in p.cells]
        picker = _CellPicker(self.weights)
        self.n_manufacturers = sum(self.cells[picker.next()][1] != "supplier" for _ in range(companies))

    def batches(self, size: int = 500) -> Iterator[DemoBatch]:
        """Companies in groups of `size`, each group with the needs of its manufacturers."""
        scenarios: dict[str, list[Scenario]] = {}
        for scenario in all_scenarios():
            scenarios.setdefault(scenario.industry, []).append(scenario)
        makers = CompanyMaker(self.seed, region_names=region_names(), scenarios=scenarios)
        need_maker = NeedMaker(self.seed, capability_names())
        picker = _CellPicker(self.weights)
        allocator = _NeedAllocator(self.n_needs, self.n_manufacturers)
        personas = dict(PERSONAS)
        batch = DemoBatch()
        for _ in range(self.n_companies):
            hub, kind = self.cells[picker.next()]
            persona = personas.pop((hub, kind), "")
            company = makers.make(hub, kind, persona)
            batch.companies.append(company)
            if kind != "supplier":
                count = allocator.next(need_maker.rng, minimum=2 if persona == "demander" else 0)
                batch.needs += need_maker.make(company, count, first_published=persona == "demander")
            if len(batch.companies) >= size:
                yield batch
                batch = DemoBatch()
        if batch.companies:
            yield batch

    def companies(self) -> Iterator[CompanySpec]:
        for batch in self.batches():
            yield from batch.companies

    def needs(self) -> Iterator[NeedSpec]:
        for batch in self.batches():
            yield from batch.needs
