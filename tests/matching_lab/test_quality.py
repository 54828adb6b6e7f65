"""Ranking metrics on hand-computed cases, and the quality bench end to end on a tiny benchmark."""

from __future__ import annotations

import io
import json
import math
import re
from pathlib import Path

import numpy as np
import pytest

from matching.engine.hashing import HashingEmbedder
from matching_lab.quality import (
    ndcg_from_scores,
    out_of_fold_scores,
    run_quality_bench,
    train_sbir_ranker,
    winner_fold_ids,
)
from matching_lab.retrieval import evaluate, mrr_at_k, ndcg_at_k, recall_at_k

LAST_LINE = re.compile(r"^engine nDCG@10=\d\.\d{4} bm25 nDCG@10=\d\.\d{4}$")


def test_recall_at_k() -> None:
    assert recall_at_k(["a", "b", "c"], {"c"}, k=3) == 1.0
    assert recall_at_k(["a", "b", "c"], {"c"}, k=2) == 0.0
    assert recall_at_k(["a", "b", "c"], {"a", "z"}, k=3) == 0.5
    assert recall_at_k(["a"], set(), k=3) == 0.0


def test_mrr_at_k() -> None:
    assert mrr_at_k(["a", "b", "c"], {"a"}) == 1.0
    assert mrr_at_k(["a", "b", "c"], {"c", "b"}) == 0.5
    assert mrr_at_k(["a", "b", "c"], {"c"}, k=2) == 0.0
    assert mrr_at_k([], {"c"}) == 0.0


def test_ndcg_at_k() -> None:
    assert ndcg_at_k(["a", "b"], {"a"}) == 1.0
    assert ndcg_at_k(["a", "b", "c"], {"c"}) == pytest.approx(1 / math.log2(4))  # rank 3: 0.5
    assert ndcg_at_k(["a", "b", "c"], {"b"}) == pytest.approx(1 / math.log2(3))
    # two relevant at ranks 1 and 3: (1 + 0.5) / (1 + 1/log2(3))
    assert ndcg_at_k(["a", "b", "c"], {"a", "c"}) == pytest.approx(1.5 / (1 + 1 / math.log2(3)))
    assert ndcg_at_k(["x"] * 10 + ["a"], {"a"}) == 0.0  # beyond the cut-off


def test_evaluate_averages_over_queries_with_relevant_ids() -> None:
    rankings = {"q1": ["a", "b"], "q2": ["b", "c", "d"], "q3": ["a"]}
    qrels = {"q1": {"a"}, "q2": {"d"}, "q3": set()}
    m = evaluate(rankings, qrels, k=10)
    assert m["recall@10"] == 1.0
    assert m["mrr@10"] == pytest.approx((1 + 1 / 3) / 2)
    assert m["ndcg@10"] == pytest.approx((1 + 0.5) / 2)


def test_ndcg_from_scores_agrees_with_ranked_lists() -> None:
    scores = np.asarray([[0.1, 0.9, 0.5], [3.0, 2.0, 1.0]])
    rel = np.asarray([[0.0, 0.0, 1.0], [0.0, 0.0, 1.0]])
    expected = (ndcg_at_k(["1", "2", "0"], {"2"}) + ndcg_at_k(["0", "1", "2"], {"2"})) / 2
    assert ndcg_from_scores(scores, rel) == pytest.approx(expected)


def test_winner_folds_keep_each_firm_on_one_side() -> None:
    rel = np.zeros((12, 5))
    rel[np.arange(12), np.arange(12) % 5] = 1.0
    folds = winner_fold_ids(rel, folds=3, seed=0)
    assert sorted(np.concatenate(folds).tolist()) == list(range(12))
    winners = [set(rel[f].argmax(axis=1).tolist()) for f in folds]
    assert all(not (a & b) for i, a in enumerate(winners) for b in winners[i + 1 :])
    X = np.random.default_rng(0).normal(size=(12, 5, 2)).astype(np.float32)
    assert out_of_fold_scores(X, rel, l2=1e-2, folds=3, by_winner=True).shape == (12, 5)


# --- a tiny benchmark in the SBIR format -----------------------------------------------------------

SUPPLIERS = [
    ("F1", "Weld Co", [(2014, "Navy", "Weld seam inspection camera", "Machine vision inspects weld seams.")]),
    (
        "F2",
        "Pump Co",
        [(2013, "Department of Energy", "Pump vibration monitoring", "Predictive maintenance.")],
    ),
    (
        "F3",
        "Battery Co",
        [
            (2012, "Army", "Lithium battery safety", "Thermal runaway detection in lithium cells."),
            (2014, "Department of Defense", "Battery management", "State of charge estimation."),
        ],
    ),
    (
        "F4",
        "Cloud Co",
        [(2011, "National Science Foundation", "Cloud ERP", "ERP integration for factories.")],
    ),
    (
        "F5",
        "Coat Co",
        [(2010, "Environmental Protection Agency", "Zinc coatings", "Coatings replace pickling.")],
    ),
]
QUERIES = [
    ("Q1", "Department of Defense", "Weld inspection. A camera system inspects weld seams for defects."),
    ("Q2", "Department of Energy", "Vibration analytics. Predictive maintenance of pumps from vibration."),
    ("Q3", "Department of Defense", "Battery thermal runaway. Detecting lithium battery thermal runaway."),
]
QRELS = [("Q1", "F1"), ("Q2", "F2"), ("Q3", "F3")]


def write_tiny_benchmark(directory: Path) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    with open(directory / "suppliers.jsonl", "w", encoding="utf-8") as fh:
        for sid, name, records in SUPPLIERS:
            rows = [{"year": y, "agency": a, "title": t, "text": x} for y, a, t, x in records]
            fh.write(json.dumps({"id": sid, "name": name, "records": rows}) + "\n")
    with open(directory / "queries.jsonl", "w", encoding="utf-8") as fh:
        for qid, agency, text in QUERIES:
            fh.write(json.dumps({"id": qid, "year": 2015, "agency": agency, "text": text}) + "\n")
    with open(directory / "qrels.tsv", "w", encoding="utf-8") as fh:
        fh.write("query_id\tsupplier_id\trelevance\n")
        for qid, sid in QRELS:
            fh.write(f"{qid}\t{sid}\t1\n")
    return directory


def test_bench_runs_end_to_end_on_a_tiny_benchmark(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = write_tiny_benchmark(tmp_path / "tiny")
    results = run_quality_bench(str(data), embedder=HashingEmbedder())
    lines = capsys.readouterr().out.strip().splitlines()
    assert LAST_LINE.match(lines[-1]), lines[-1]
    assert {"engine", "ranker", "bm25", "tfidf"} <= set(results)
    for name in ("engine", "ranker", "bm25", "tfidf"):
        assert set(results[name]) >= {"recall@10", "mrr@10", "ndcg@10", "queries_per_s"}
        assert any(line.startswith(name) and "Recall@10=" in line and "queries/s=" in line for line in lines)
    assert results["engine"]["ndcg@10"] == pytest.approx(1.0)  # each query names its firm's topic


def test_train_then_bench_with_the_trained_parameters(tmp_path: Path) -> None:
    data = write_tiny_benchmark(tmp_path / "tiny")
    log = io.StringIO()
    report = train_sbir_ranker(str(data), tmp_path / "params", l2_grid=(1e-2,), folds=3, out=log)
    assert {p.name for p in (tmp_path / "params").iterdir()} == {"features.json", "ranker.json"}
    assert 0.0 <= report["out_of_fold"] <= 1.0 and report["chosen"]["l2"] == 1e-2
    out = io.StringIO()
    run_quality_bench(str(data), tmp_path / "params", out=out, embedder=HashingEmbedder())
    assert LAST_LINE.match(out.getvalue().strip().splitlines()[-1])


def test_the_engine_line_is_the_product_match_engine(tmp_path: Path) -> None:
    data = write_tiny_benchmark(tmp_path / "tiny")
    out = io.StringIO()
    results = run_quality_bench(str(data), out=out, embedder=HashingEmbedder())
    lines = out.getvalue().strip().splitlines()
    engine_line = next(line for line in lines if line.startswith("engine "))
    assert "nDCG@10=" in engine_line
    assert f"nDCG@10={results['engine']['ndcg@10']:.4f}" in lines[-1]
    # Weld inspection, vibration analytics and battery runaway each share words with one firm only,
    # so the right firm must come first, not merely somewhere among the five.
    assert results["engine"]["mrr@10"] == pytest.approx(1.0)


def test_fit_engine_weights_writes_weights_the_engine_loads(tmp_path: Path) -> None:
    from matching.engine.weights import PARTS, Weights
    from matching_lab.quality_product import FITTED_PARTS, fit_engine_weights

    data = write_tiny_benchmark(tmp_path / "tiny")
    log = io.StringIO()
    report = fit_engine_weights(str(data), HashingEmbedder(), tmp_path / "w.json", folds=2, out=log)
    weights = Weights.from_json(tmp_path / "w.json")
    assert set(weights.parts) <= set(PARTS)
    assert all(v >= 0 for v in weights.parts.values())
    assert sum(weights.parts.values()) == pytest.approx(1.0, abs=1e-3)
    assert all(weights.parts.get(p, 0.0) == 0.0 for p in PARTS if p not in FITTED_PARTS)
    assert report["coverage"] == pytest.approx(1.0)  # every winner shares words with its query
    assert "out-of-fold=" in log.getvalue()
    out = io.StringIO()
    run_quality_bench(str(data), out=out, embedder=HashingEmbedder(), engine_weights=tmp_path / "w.json")
    assert LAST_LINE.match(out.getvalue().strip().splitlines()[-1])
