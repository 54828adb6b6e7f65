"""The product's `MatchEngine`, as the Django app runs it, on a benchmark in the SBIR format.

The quality bench's "engine" is the ranker fitted on sbir-dev (``matching.retrieval``); the pages rank with
``MatchEngine`` and its shipped fusion weights, which were set for Korean DX needs. This puts the second on
the same benchmark, so the gap between the two is a measured figure rather than an assumption. A record's
agency stands in for a reference client's industry and a query's agency for the need's industry.
"""

from __future__ import annotations

from collections.abc import Sequence

from matching.embedding.base import Embedder
from matching.engine.engine import MatchEngine
from matching.engine.profiles import NeedProfile, ReferenceSummary, SupplierProfile
from matching.retrieval.data import Query, Supplier


def supplier_profile(supplier: Supplier, parent: dict[str, str]) -> SupplierProfile:
    def agency(name: str) -> str:
        return parent.get(name, name)

    return SupplierProfile(
        id=supplier.id,
        text="\n".join(f"{r.title}. {r.text}" for r in supplier.records),
        reference_ksic=tuple(agency(r.agency) for r in supplier.records),
        references=tuple(
            ReferenceSummary(id=f"{supplier.id}-{i}", text=r.title, ksic=agency(r.agency))
            for i, r in enumerate(supplier.records)
        ),
    )


def product_engine(suppliers: Sequence[Supplier], embedder: Embedder, parent: dict[str, str]) -> MatchEngine:
    return MatchEngine(embedder).index(supplier_profile(s, parent) for s in suppliers)


def product_ranking(
    engine: MatchEngine, queries: Sequence[Query], parent: dict[str, str], k: int
) -> dict[str, list[str]]:
    ranking = {}
    for q in queries:
        need = NeedProfile(id=q.id, text=q.text, ksic_code=parent.get(q.agency, q.agency))
        ranking[q.id] = [m.id for m in engine.suppliers_for_need(need, k=k, explain=False)]
    return ranking
