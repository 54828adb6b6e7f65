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


class AgencyCodes:
    """Agencies as industry codes that agree only when the (parent) agency is the same.

    The engine compares industry codes by their common prefix, as the KSIC tree is built; agency names
    would agree on "Department of " alone. Each parent agency gets two letters of its own instead.
    """

    def __init__(self, parent: dict[str, str]) -> None:
        self.parent = parent
        self.codes: dict[str, str] = {}

    def __call__(self, name: str) -> str:
        key = self.parent.get(name, name)
        if key not in self.codes:
            n = len(self.codes)
            self.codes[key] = f"{chr(65 + n // 26 % 26)}{chr(97 + n % 26)}000"
        return self.codes[key]


def supplier_profile(supplier: Supplier, agency: AgencyCodes) -> SupplierProfile:
    return SupplierProfile(
        id=supplier.id,
        text="\n".join(f"{r.title}. {r.text}" for r in supplier.records),
        reference_ksic=tuple(agency(r.agency) for r in supplier.records),
        references=tuple(
            ReferenceSummary(id=f"{supplier.id}-{i}", text=r.title, ksic=agency(r.agency))
            for i, r in enumerate(supplier.records)
        ),
    )


def product_engine(suppliers: Sequence[Supplier], embedder: Embedder, agency: AgencyCodes) -> MatchEngine:
    return MatchEngine(embedder).index(supplier_profile(s, agency) for s in suppliers)


def product_ranking(
    engine: MatchEngine, queries: Sequence[Query], agency: AgencyCodes, k: int
) -> dict[str, list[str]]:
    ranking = {}
    for q in queries:
        need = NeedProfile(id=q.id, text=q.text, ksic_code=agency(q.agency))
        ranking[q.id] = [m.id for m in engine.suppliers_for_need(need, k=k, explain=False)]
    return ranking
