"""Matching quality bench: the engine and its baselines on a benchmark in the SBIR format.

    .venv/bin/python -m matching_lab.quality bench ../shared/data/sbir-dev
    .venv/bin/python -m matching_lab.quality train ../shared/data/sbir-dev matching_lab/data/sbir
    .venv/bin/python -m matching_lab.quality fit-engine ../shared/data/sbir-dev matching_lab/data/engine_weights_sbir.json

``bench`` indexes the benchmark's suppliers in the product's ``MatchEngine`` (with the weights
fitted on sbir-dev, ``matching_lab/data/engine_weights_sbir.json``) and prints, for the engine and for the
baselines (BM25 alone, TF-IDF cosine, and the SBIR-only feature ranker of ``matching_lab.retrieval``),
Recall@10, MRR@10, nDCG@10 and queries per second; its last line is
``engine nDCG@10=X bm25 nDCG@10=Y``. It never trains.

``fit-engine`` fits the engine's fusion weights on a benchmark (``matching_lab.quality_product``).

``train`` fits the ranker on a benchmark (sbir-dev only: other splits are for checking), choosing
the L2 penalty by 5-fold cross-validation over queries, prints in-sample and out-of-fold nDCG@10,
and writes the parameters to the output directory (JSON, no pickle).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TextIO

import numpy as np
import numpy.typing as npt

from matching.embedding.base import Embedder
from matching.engine.lexical import LexicalIndex
from matching_lab.retrieval.analysis import get_analyzer
from matching_lab.retrieval.data import SBIR_AGENCY_PARENTS, Benchmark, Query, Supplier, read_benchmark
from matching_lab.retrieval.engine import DEFAULT_DIR, SupplierMatcher
from matching_lab.retrieval.features import FEATURE_NAMES, TEXT_FEATURES, FeatureConfig, SupplierFeaturizer
from matching_lab.retrieval.lexical import TfidfScores
from matching_lab.retrieval.metrics import evaluate, ndcg_at_k, top_k
from matching_lab.retrieval.ranker import Ranker

K = 10
FloatArray = npt.NDArray[np.float64]


DEFAULT_L2_GRID = (1e-4, 1e-3, 1e-2, 1e-1)


def _emit(out: TextIO, line: str) -> None:
    out.write(line + "\n")
    out.flush()


def supplier_document(supplier: Supplier) -> str:
    """A supplier as one text: its records' titles and texts (the baselines' document)."""
    return " ".join(f"{r.title}. {r.text}" for r in supplier.records)


# --- systems under test ----------------------------------------------------------------------------

Ranking = dict[str, list[str]]


def _rank_lexical(
    score: Callable[[list[str]], npt.NDArray[np.floating[Any]]],
    ids: Sequence[str],
    queries: Sequence[Query],
    analyze: Callable[[str], list[str]],
) -> Ranking:
    out: Ranking = {}
    for q in queries:
        out[q.id] = [ids[i] for i in top_k(score(analyze(q.text)), K)]
    return out


def _timed(fn: Callable[[], Ranking]) -> tuple[Ranking, float]:
    start = time.perf_counter()
    ranking = fn()
    return ranking, time.perf_counter() - start


def run_quality_bench(
    data_dir: str,
    params_dir: str | Path = DEFAULT_DIR,
    out: TextIO | None = None,
    embedder: Embedder | None = None,
    engine_weights: str | Path | None = None,
) -> dict[str, Any]:
    """Run the engine and the baselines on a benchmark directory; print and return the figures.

    Indexing time is reported apart; queries/s counts answering the queries one at a time, as a
    request would (for the engine: analysis, query embedding, candidates, parts, top 10).
    ``embedder``: the engine's sentence encoder (default: use-m3, the product's).
    """
    stream = out if out is not None else sys.stdout
    bench = read_benchmark(data_dir)
    qrels = {q.id: bench.qrels[q.id] for q in bench.queries if bench.qrels.get(q.id)}
    queries = [q for q in bench.queries if q.id in qrels]
    _emit(
        stream, f"benchmark {data_dir}: {len(bench.suppliers)} suppliers, {len(queries)} queries with qrels"
    )

    results: dict[str, Any] = {}
    analyze = get_analyzer("english")
    ids = [s.id for s in bench.suppliers]

    def report(name: str, ranking: Ranking, seconds: float, index_seconds: float) -> None:
        m = evaluate(ranking, qrels, K)
        qps = len(queries) / seconds if seconds > 0 else float("inf")
        results[name] = {**m, "queries_per_s": qps, "index_s": index_seconds}
        _emit(
            stream,
            f"{name:<8} Recall@10={m['recall@10']:.4f} MRR@10={m['mrr@10']:.4f} "
            f"nDCG@10={m['ndcg@10']:.4f} queries/s={qps:.1f} (index {index_seconds:.1f}s)",
        )

    # BM25 alone: the usual Okapi setting (k1=1.5, b=0.75, bm25s' defaults) over each supplier's
    # records as one document.
    start = time.perf_counter()
    docs = [analyze(supplier_document(s)) for s in bench.suppliers]
    bm25 = LexicalIndex(k1=1.5, b=0.75).index(docs)
    bm25_index_s = time.perf_counter() - start
    ranking, secs = _timed(
        lambda: _rank_lexical(lambda q: bm25.scores(q, repeats=True), ids, queries, analyze)
    )
    report("bm25", ranking, secs, bm25_index_s)

    start = time.perf_counter()
    tfidf = TfidfScores(bm25)
    ranking, secs = _timed(lambda: _rank_lexical(tfidf.score, ids, queries, analyze))
    report("tfidf", ranking, secs, time.perf_counter() - start - secs + bm25_index_s)

    start = time.perf_counter()
    matcher = SupplierMatcher.load(params_dir).index(bench.suppliers)
    engine_index_s = time.perf_counter() - start

    def ranker_ranking() -> Ranking:
        return {q.id: matcher.retrieve(q, K)[0] for q in queries}

    ranking, secs = _timed(ranker_ranking)
    report("ranker", ranking, secs, engine_index_s)

    from matching.embedding import get_embedder
    from matching_lab.quality_product import AgencyCodes, product_engine, product_ranking, sbir_weights

    agency = AgencyCodes(SBIR_AGENCY_PARENTS)
    weights = sbir_weights(engine_weights) if engine_weights is not None else sbir_weights()
    start = time.perf_counter()
    product = product_engine(bench.suppliers, embedder or get_embedder("use-m3"), agency, weights)
    product_index_s = time.perf_counter() - start
    ranking, secs = _timed(lambda: product_ranking(product, queries, agency, K))
    report("engine", ranking, secs, product_index_s)

    _emit(
        stream,
        f"engine nDCG@10={results['engine']['ndcg@10']:.4f} bm25 nDCG@10={results['bm25']['ndcg@10']:.4f}",
    )
    return results


# --- training --------------------------------------------------------------------------------------


def relevance_matrix(
    queries: Sequence[Query], supplier_ids: Sequence[str], qrels: dict[str, set[str]]
) -> FloatArray:
    pos = {s: i for i, s in enumerate(supplier_ids)}
    rel = np.zeros((len(queries), len(supplier_ids)))
    for i, q in enumerate(queries):
        for s in qrels.get(q.id, ()):
            if s in pos:
                rel[i, pos[s]] = 1.0
    return rel


def ndcg_from_scores(scores: FloatArray, relevance: FloatArray, k: int = K) -> float:
    """Mean nDCG@k of score rows against relevance rows (queries without relevant ones skipped)."""
    values: list[float] = []
    for row, rel in zip(scores, relevance, strict=True):
        relevant = {str(j) for j in np.flatnonzero(rel > 0).tolist()}
        if relevant:
            values.append(ndcg_at_k([str(j) for j in top_k(row, k).tolist()], relevant, k))
    return float(np.mean(values)) if values else 0.0


def fold_ids(n: int, folds: int, seed: int) -> list[npt.NDArray[np.int64]]:
    """Queries split at random into ``folds`` groups (each query is its own group)."""
    perm = np.random.default_rng(seed).permutation(n)
    return [np.asarray(f, dtype=np.int64) for f in np.array_split(perm, folds)]


def winner_fold_ids(relevance: FloatArray, folds: int, seed: int) -> list[npt.NDArray[np.int64]]:
    """Queries split by their relevant supplier: no firm wins queries on both sides of a split
    (a stricter check that the weights carry over to other suppliers)."""
    winner = relevance.argmax(axis=1)
    firms = np.random.default_rng(seed).permutation(np.unique(winner))
    return [np.flatnonzero(np.isin(winner, group)).astype(np.int64) for group in np.array_split(firms, folds)]


def out_of_fold_scores(
    X: npt.NDArray[np.float32],
    relevance: FloatArray,
    l2: float,
    folds: int = 5,
    seed: int = 0,
    by_winner: bool = False,
) -> FloatArray:
    """Each query scored by a ranker fitted on the other folds' queries only."""
    scores = np.zeros(relevance.shape)
    all_idx = np.arange(len(relevance))
    splits = winner_fold_ids(relevance, folds, seed) if by_winner else fold_ids(len(relevance), folds, seed)
    for test in splits:
        if len(test) == 0:
            continue
        train = np.setdiff1d(all_idx, test)
        scores[test] = Ranker(l2=l2).fit(X[train], relevance[train]).predict(X[test])
    return scores


FEATURE_SETS: dict[str, tuple[str, ...]] = {
    "text": TEXT_FEATURES,
    "text+priors": FEATURE_NAMES,
}


def train_sbir_ranker(
    data_dir: str,
    out_dir: str | Path,
    l2_grid: Sequence[float] = DEFAULT_L2_GRID,
    feature_sets: dict[str, tuple[str, ...]] | None = None,
    folds: int = 5,
    seed: int = 0,
    out: TextIO | None = None,
) -> dict[str, Any]:
    """Fit the ranker on a benchmark and write the parameters (features.json, ranker.json).

    The feature set and the L2 penalty are chosen by out-of-fold nDCG@10 (``folds`` folds over
    queries); the chosen pair is then refitted on every query. Returns the figures it printed.
    """
    stream = out if out is not None else sys.stdout
    sets = feature_sets if feature_sets is not None else FEATURE_SETS
    bench: Benchmark = read_benchmark(data_dir)
    config = FeatureConfig(agency_parent=dict(SBIR_AGENCY_PARENTS), features=FEATURE_NAMES)
    featurizer = SupplierFeaturizer(config).index(bench.suppliers)
    X_all = featurizer.transform(bench.queries)
    rel = relevance_matrix(bench.queries, featurizer.ids_, bench.qrels)
    keep = rel.sum(axis=1) > 0
    X_all, rel = X_all[keep], rel[keep]
    folds = max(2, min(folds, int(keep.sum())))
    report: dict[str, Any] = {"queries": int(keep.sum()), "suppliers": len(featurizer.ids_), "grid": {}}
    report["single_feature_ndcg"] = {
        name: ndcg_from_scores(X_all[:, :, j].astype(np.float64), rel) for j, name in enumerate(FEATURE_NAMES)
    }
    best: tuple[str, float] = (next(iter(sets)), l2_grid[0])
    best_oof = -1.0
    for set_name, names in sets.items():
        X = X_all[:, :, [FEATURE_NAMES.index(n) for n in names]]
        for l2 in l2_grid:
            oof = ndcg_from_scores(out_of_fold_scores(X, rel, l2, folds, seed), rel)
            ins = ndcg_from_scores(Ranker(l2=l2).fit(X, rel).predict(X), rel)
            report["grid"][f"{set_name} l2={l2:g}"] = {"in_sample": ins, "out_of_fold": oof}
            _emit(stream, f"{set_name:<12} l2={l2:<6g} nDCG@10 in-sample={ins:.4f} out-of-fold={oof:.4f}")
            if oof > best_oof + 1e-9:
                best, best_oof = (set_name, l2), oof
    set_name, l2 = best
    names = sets[set_name]
    X = X_all[:, :, [FEATURE_NAMES.index(n) for n in names]]
    ranker = Ranker(l2=l2).fit(X, rel, names)
    config.features = tuple(names)
    SupplierMatcher(config, ranker).save(out_dir)
    by_winner = ndcg_from_scores(out_of_fold_scores(X, rel, l2, folds, seed, by_winner=True), rel)
    report.update(
        chosen={"features": set_name, "l2": l2},
        in_sample=report["grid"][f"{set_name} l2={l2:g}"]["in_sample"],
        out_of_fold=best_oof,
        out_of_fold_by_winner=by_winner,
    )
    _emit(
        stream,
        f"chosen {set_name} l2={l2:g}: nDCG@10 in-sample={report['in_sample']:.4f} "
        f"out-of-fold={best_oof:.4f} out-of-fold(folds by winning supplier)={by_winner:.4f}",
    )
    for name, w in zip(names, ranker.standardised_coef_, strict=True):
        _emit(
            stream,
            f"  weight {name:<12} {w:+.3f}  (alone: nDCG@10={report['single_feature_ndcg'][name]:.4f})",
        )
    _emit(stream, f"wrote {Path(out_dir) / 'features.json'} and {Path(out_dir) / 'ranker.json'}")
    return report


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m matching_lab.quality", description=__doc__.split("\n\n")[0]
    )
    sub = parser.add_subparsers(dest="command", required=True)
    b = sub.add_parser("bench", help="run the engine and the baselines on a benchmark directory")
    b.add_argument("data_dir")
    b.add_argument("--params", default=str(DEFAULT_DIR), help="directory of the ranker's parameters")
    b.add_argument("--embedder", default="use-m3", help="the engine's sentence encoder")
    f = sub.add_parser("fit-engine", help="fit MatchEngine's fusion weights on a benchmark and write them")
    f.add_argument("data_dir")
    f.add_argument("out_path")
    f.add_argument("--embedder", default="use-m3")
    t = sub.add_parser("train", help="fit the ranker on a benchmark and write its parameters")
    t.add_argument("data_dir")
    t.add_argument("out_dir")
    args = parser.parse_args(argv)
    if args.command == "bench":
        from matching.embedding import get_embedder

        run_quality_bench(args.data_dir, args.params, embedder=get_embedder(args.embedder))
    elif args.command == "fit-engine":
        from matching.embedding import get_embedder
        from matching_lab.quality_product import fit_engine_weights

        fit_engine_weights(args.data_dir, get_embedder(args.embedder), args.out_path)
    else:
        train_sbir_ranker(args.data_dir, args.out_dir)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
