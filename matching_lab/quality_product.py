"""The product's ``MatchEngine`` on a benchmark in the SBIR format, and the fit of its fusion weights.

The quality bench's "engine" is the engine the pages rank with: ``MatchEngine`` with the weights
in ``matching_lab/data/engine_weights_sbir.json``, fitted on sbir-dev by ``fit_engine_weights`` (same
parts, same code; only the numbers differ from the Korean defaults). A record's agency stands in for
a reference client's industry and a query's agency for the need's industry; each record is one past
project (a ``ReferenceSummary``). Firm names are not used: a third of sbir-dev's queries name the
winning firm in their text, which says nothing about how well a profile matches a need.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any, TextIO

from matching.embedding.base import Embedder
from matching.engine.engine import TEXT_PARTS, MatchEngine
from matching.engine.learn import Group, cross_validate
from matching.engine.profiles import NeedProfile, ReferenceSummary, SupplierProfile
from matching.engine.weights import Weights
from matching_lab.retrieval.data import SBIR_AGENCY_PARENTS, Query, Supplier, read_benchmark

SBIR_WEIGHTS = Path(__file__).resolve().parent / "data" / "engine_weights_sbir.json"
# What the fit may weigh: the text parts and the client-industry match (agency codes). The other
# structured parts have no data in the benchmark (region, size, capacity, capabilities, ratings).
FITTED_PARTS = (*TEXT_PARTS, "ksic")


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
            ReferenceSummary(id=f"{supplier.id}-{i}", text=f"{r.title}. {r.text}", ksic=agency(r.agency))
            for i, r in enumerate(supplier.records)
        ),
    )


def need_profile(query: Query, agency: AgencyCodes) -> NeedProfile:
    return NeedProfile(id=query.id, text=query.text, ksic_code=agency(query.agency))


def sbir_weights(path: str | Path = SBIR_WEIGHTS) -> Weights:
    return Weights.from_json(path)


def product_engine(
    suppliers: Sequence[Supplier], embedder: Embedder, agency: AgencyCodes, weights: Weights | None = None
) -> MatchEngine:
    engine = MatchEngine(embedder, weights=weights if weights is not None else sbir_weights())
    return engine.index(supplier_profile(s, agency) for s in suppliers)


def product_ranking(
    engine: MatchEngine, queries: Sequence[Query], agency: AgencyCodes, k: int
) -> dict[str, list[str]]:
    ranking = {}
    for q in queries:
        matches = engine.suppliers_for_need(need_profile(q, agency), k=k, explain=False)
        ranking[q.id] = [m.id for m in matches]
    return ranking


def candidate_groups(
    engine: MatchEngine, queries: Sequence[Query], qrels: dict[str, set[str]], agency: AgencyCodes
) -> tuple[list[Group], float]:
    """Every query's candidates with their parts and gains (1 for the winner), and the share of
    queries whose winner is among the candidates at all (what no weighting can fix)."""
    w = engine.weights_
    pool = w.lexical_candidates + w.dense_candidates
    groups: list[Group] = []
    found = 0
    for q in queries:
        matches = engine.suppliers_for_need(need_profile(q, agency), k=pool, explain=False)
        gains = tuple(1.0 if m.id in qrels.get(q.id, ()) else 0.0 for m in matches)
        found += any(gains)
        groups.append(Group(q.id, tuple(m.parts for m in matches), gains))
    return groups, found / max(len(queries), 1)


def fit_engine_weights(
    data_dir: str,
    embedder: Embedder,
    out_path: str | Path,
    *,
    start: Weights | None = None,
    folds: int = 5,
    out: TextIO | None = None,
) -> dict[str, Any]:
    """Fit the fusion weights on a benchmark (sbir-dev only: other splits are for checking) and
    write them: the shape of ``start`` (default: the shipped SBIR file) with the fitted parts."""

    stream = out if out is not None else sys.stdout
    base = start if start is not None else sbir_weights()
    bench = read_benchmark(data_dir)
    qrels = {q.id: bench.qrels[q.id] for q in bench.queries if bench.qrels.get(q.id)}
    queries = [q for q in bench.queries if q.id in qrels]
    agency = AgencyCodes(SBIR_AGENCY_PARENTS)
    engine = product_engine(bench.suppliers, embedder, agency, base)
    groups, coverage = candidate_groups(engine, queries, qrels, agency)
    report = cross_validate(groups, FITTED_PARTS, base.normalised, folds=folds)
    # Stricter: no firm wins queries on both sides of a split, so the weights must carry to other firms.
    winner = {q.id: min(qrels[q.id]) for q in queries}
    by_winner = cross_validate(groups, FITTED_PARTS, base.normalised, folds=folds, fold_key=winner)
    weights = replace(base, parts={p: round(report.weights.get(p, 0.0), 4) for p in base.parts})
    data = weights.to_dict()
    data["_comment"] = (
        "MatchEngine weights fitted on sbir-dev (python -m matching_lab.quality fit-engine); the shape and "
        "candidate settings are the Korean defaults' except bm25 and the candidate pool."
    )
    Path(out_path).write_text(_dump(data), encoding="utf-8")
    # The fit sees only queries whose winner is a candidate; the others score 0 whatever the weights.
    share = report.groups / max(len(queries), 1)
    before, after = report.shipped_ndcg * share, report.learned_ndcg * share
    after_by_winner = by_winner.learned_ndcg * share
    stream.write(
        f"candidates hold the winner for {coverage:.4f} of {len(queries)} queries; nDCG@10 over all "
        f"queries: before={before:.4f} fitted out-of-fold={after:.4f} ({folds} folds over queries) "
        f"out-of-fold(folds by winning firm)={after_by_winner:.4f}\n"
        f"weights: {' '.join(f'{p}={v:.3f}' for p, v in report.weights.items())}\nwrote {out_path}\n"
    )
    return {
        "coverage": coverage,
        "before": before,
        "out_of_fold": after,
        "out_of_fold_by_winner": after_by_winner,
    }


def _dump(data: dict[str, Any]) -> str:
    import json

    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
