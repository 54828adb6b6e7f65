"""Feeds the engine's speed benchmark from the demo generator, without the database.

`--suppliers 100000` means 100,000 supplier profiles: the generator is run until that many
suppliers have come out (manufacturers are skipped; their needs become the benchmark's queries).
One generator run keeps names and business numbers unique, and a tax office has only so many numbers,
so sizes beyond one run's reach chain runs with the next seeds.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from functools import lru_cache

from dxhub.demo.generator import DemoGenerator
from dxhub.demo.specs import CompanySpec, NeedSpec
from dxhub.hubs.seed import HUBS, LINKS
from dxhub.reference.loader import DATA
from matching.engine.profiles import NeedProfile, ReferenceSummary, SupplierProfile


@lru_cache(maxsize=1)
def _centroids() -> dict[str, tuple[float, float]]:
    with (DATA / "sigungu_centroids.csv").open(encoding="utf-8-sig") as fh:
        return {r["code"]: (float(r["centroid_lat"]), float(r["centroid_lon"])) for r in csv.DictReader(fh)}


@lru_cache(maxsize=1)
def _links() -> dict[str, frozenset[str]]:
    links: dict[str, set[str]] = {h["slug"]: set() for h in HUBS}
    for a, b in LINKS:
        links[a].add(b)
        links[b].add(a)
    return {k: frozenset(v) for k, v in links.items()}


def supplier_from_spec(spec: CompanySpec, n: int) -> SupplierProfile:
    lat, lon = _centroids().get(spec.region, (None, None))
    refs = tuple(
        ReferenceSummary(id=f"{n}-{i}", text=f"{r.problem} {r.result}", ksic=r.client_ksic)
        for i, r in enumerate(spec.references)
    )
    # The company's name is left out of the text: the generator's names are all distinct, so each would
    # be one more sentence to embed, which real profiles share far less of than their descriptions do.
    text = "\n".join(
        [
            spec.description,
            *(f"{s.name} {s.description}" for s in spec.solutions),
            *(r.text for r in refs),
        ]
    )
    return SupplierProfile(
        id=str(n),
        text=text,
        capabilities=frozenset(spec.capabilities),
        ksic_codes=spec.ksic_codes,
        reference_ksic=tuple(r.client_ksic for r in spec.references if r.client_ksic),
        region_code=spec.region,
        lat=lat,
        lon=lon,
        hub=spec.hub,
        linked_hubs=_links().get(spec.hub, frozenset()),
        employees=spec.employees,
        revenue_band=spec.revenue_band,
        references=refs,
    )


def need_from_spec(spec: NeedSpec, n: int, region: str) -> NeedProfile:
    lat, lon = _centroids().get(region, (None, None))
    text = "\n".join(
        p for p in [spec.title, spec.site, spec.problem, spec.current_practice, spec.target_kpi] if p
    )
    return NeedProfile(
        id=f"n{n}",
        text=text,
        required_capabilities=frozenset(spec.required_capabilities),
        ksic_code=spec.ksic,
        region_code=region,
        lat=lat,
        lon=lon,
        hub=spec.hub,
        linked_hubs=_links().get(spec.hub, frozenset()),
        budget_min=spec.budget_min,
        budget_max=spec.budget_max,
    )


# Companies per generator run: well inside what one run's business numbers allow.
COMPANIES_PER_RUN = 200_000


def supplier_batches(n: int, *, seed: int = 2026, batch: int = 2000) -> Iterator[list[SupplierProfile]]:
    """`n` supplier profiles in batches (about 2.2 companies are generated per supplier)."""
    out: list[SupplierProfile] = []
    made = 0
    run = 0
    while made < n:
        companies = min(int((n - made) * 2.4) + 100, COMPANIES_PER_RUN)
        generator = DemoGenerator(seed=seed + run, companies=companies, needs=0)
        run += 1
        for demo in generator.batches(batch):
            for spec in demo.companies:
                if spec.kind not in ("supplier", "both"):
                    continue
                out.append(supplier_from_spec(spec, made))
                made += 1
                if len(out) == batch or made == n:
                    yield out
                    out = []
                if made == n:
                    return
    if out:
        yield out


def sample_needs(count: int = 100, *, seed: int = 7) -> list[NeedProfile]:
    """Distinct needs from a separate generator run (queries are not in the index)."""
    generator = DemoGenerator(seed=seed, companies=max(400, count * 3), needs=count)
    needs: list[NeedProfile] = []
    for demo in generator.batches(500):
        regions = {c.brn: c.region for c in demo.companies}
        for spec in demo.needs:
            needs.append(need_from_spec(spec, len(needs), regions.get(spec.company_brn, "")))
    return needs[:count]
