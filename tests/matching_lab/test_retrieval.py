"""Lexical indexes against their formulas, the featurizer, the ranker and the matcher."""

from __future__ import annotations

import json
import math
from pathlib import Path

import numpy as np
import pytest

from matching.engine.evidence import ngrams
from matching.engine.lexical import LexicalIndex
from matching_lab.retrieval import (
    FEATURE_NAMES,
    FeatureConfig,
    Query,
    Ranker,
    Record,
    Supplier,
    SupplierFeaturizer,
    SupplierMatcher,
    TfidfScores,
    bm25_scores,
    top_k,
)
from matching_lab.retrieval.analysis import first_sentence
from matching_lab.retrieval.features import BM25Params

CORPUS = [
    ["weld", "seam", "inspection", "camera", "weld"],
    ["vibration", "sensor", "predictive", "maintenance"],
    ["camera", "vision", "inspection", "defect", "defect", "defect"],
    ["erp", "mes", "integration"],
    ["weld"],
]
QUERY = ["weld", "inspection", "defect", "weld", "unknown"]


def okapi_by_hand(corpus: list[list[str]], query: list[str], k1: float, b: float) -> list[float]:
    """BM25 written out term by term (Lucene idf; every query token counts)."""
    n = len(corpus)
    avgdl = sum(len(d) for d in corpus) / n
    scores = []
    for doc in corpus:
        s = 0.0
        for term in query:
            df = sum(1 for d in corpus if term in d)
            if df == 0:
                continue
            idf = math.log(1 + (n - df + 0.5) / (df + 0.5))
            tf = doc.count(term)
            s += idf * tf / (tf + k1 * (1 - b + b * len(doc) / avgdl))
        scores.append(s)
    return scores


@pytest.mark.parametrize(("k1", "b"), [(1.2, 0.75), (1.5, 0.75), (3.0, 0.85), (0.9, 0.0)])
def test_bm25_matches_the_formula(k1: float, b: float) -> None:
    index = LexicalIndex(k1=k1, b=b).index(CORPUS)
    expected = okapi_by_hand(CORPUS, QUERY, k1, b)
    np.testing.assert_allclose(index.scores(QUERY, repeats=True), expected, rtol=1e-6, atol=1e-6)


def test_bm25_matches_bm25s() -> None:
    bm25s = pytest.importorskip("bm25s")
    reference = bm25s.BM25(k1=1.5, b=0.75, method="lucene")
    reference.index(CORPUS, show_progress=False)
    known = [t for t in QUERY if any(t in d for d in CORPUS)]  # bm25s rejects unknown tokens
    ours = LexicalIndex(k1=1.5, b=0.75).index(CORPUS).scores(known, repeats=True)
    np.testing.assert_allclose(ours, reference.get_scores(known), rtol=1e-6, atol=1e-6)


def test_binary_query_weighting_counts_each_term_once() -> None:
    index = LexicalIndex().index(CORPUS)
    deduplicated = ["weld", "inspection", "defect"]
    expected = okapi_by_hand(CORPUS, deduplicated, 1.2, 0.75)
    np.testing.assert_allclose(index.scores(QUERY), expected, rtol=1e-6, atol=1e-6)
    with pytest.raises(ValueError):
        BM25Params(1.2, 0.75, query_weighting="sqrt")


def test_bm25_batch_equals_one_query_at_a_time() -> None:
    index = LexicalIndex().index(CORPUS)
    batch = bm25_scores(index, [QUERY, ["sensor"], []], repeats=True)
    np.testing.assert_allclose(batch[0], index.scores(QUERY, repeats=True))
    assert batch[1].argmax() == 1 and not batch[2].any()
    assert int(top_k(batch[0], 3)[0]) in {0, 2}


def test_tfidf_cosine_matches_the_formula() -> None:
    index = TfidfScores(LexicalIndex().index(CORPUS))
    n = len(CORPUS)
    vocab = sorted({t for d in CORPUS for t in d})
    idf = {t: math.log((1 + n) / (1 + sum(t in d for d in CORPUS))) + 1 for t in vocab}

    def vec(doc: list[str]) -> np.ndarray:
        v = np.asarray([(1 + math.log(doc.count(t))) * idf[t] if t in doc else 0.0 for t in vocab])
        norm = np.linalg.norm(v)
        return v / norm if norm else v

    q = vec(QUERY)
    expected = [float(vec(d) @ q) for d in CORPUS]
    np.testing.assert_allclose(index.score(QUERY), expected, atol=1e-9)


def test_top_k_orders_and_breaks_ties_by_position() -> None:
    scores = np.asarray([0.5, 2.0, 0.5, 3.0, -1.0])
    assert list(top_k(scores, 3)) == [3, 1, 0]
    assert list(top_k(scores, 10)) == [3, 1, 0, 2, 4]
    assert list(top_k(scores, 0)) == []


def test_ngrams_and_first_sentence() -> None:
    assert ngrams(["a", "b", "c"], 2) == ["a b", "b c"]
    assert ngrams(["a", "b"], 3) == []
    assert first_sentence("Weld Seam Tracking. We propose a camera. More.") == "Weld Seam Tracking"


# --- featurizer, ranker, matcher -------------------------------------------------------------------


def suppliers() -> list[Supplier]:
    return [
        Supplier(
            "S1",
            "Weldvision",
            (
                Record(2013, "Navy", "Weld seam inspection", "A camera inspects weld seams for defects."),
                Record(2014, "Department of Defense", "Weld defect AI", "Deep learning finds weld defects."),
            ),
        ),
        Supplier(
            "S2",
            "Vibro",
            (Record(2010, "Department of Energy", "Vibration sensing", "Predictive maintenance of pumps."),),
        ),
        Supplier("S3", "Empty", ()),
    ]


QUERIES = [
    Query("Q1", 2015, "Department of Defense", "Weld defect inspection. Find weld defects with a camera."),
    Query("Q2", 2015, "Department of Energy", "Pump vibration. Predictive maintenance with sensors."),
]


def test_featurizer_shapes_and_ranges() -> None:
    config = FeatureConfig(agency_parent={"Navy": "Department of Defense"})
    f = SupplierFeaturizer(config).index(suppliers())
    X = f.transform(QUERIES)
    assert X.shape == (2, 3, len(FEATURE_NAMES))
    col = {name: i for i, name in enumerate(FEATURE_NAMES)}
    text = X[:, :, : col["log_n"]]
    assert text.min() >= 0.0 and text.max() <= 1.0 + 1e-6
    assert X[0, 0, col["uni"]] == pytest.approx(1.0)  # the weld firm is the best text match for Q1
    assert X[1, 1, col["uni"]] == pytest.approx(1.0)
    assert X[0, 0, col["ag_frac"]] == pytest.approx(1.0)  # Navy folds into Department of Defense
    assert X[0, 0, col["age_frac"]] == pytest.approx(0.5)  # exact agency: one of two records
    assert X[0, 0, col["log_n_y1"]] == pytest.approx(math.log(2))
    assert X[0, 1, col["gap"]] == pytest.approx(math.log1p(4))
    assert not X[:, 2, : col["log_n"]].any()  # a supplier without records matches nothing
    assert X[0, 2, col["ag_none"]] == 1.0 and X[0, 2, col["log_n"]] == 0.0


def synthetic_lists(seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(40, 12, 3))
    rel = np.zeros((40, 12))
    rel[np.arange(40), (X[:, :, 0] - 0.5 * X[:, :, 2]).argmax(axis=1)] = 1.0
    return X, rel


def test_ranker_learns_the_signal() -> None:
    X, rel = synthetic_lists()
    ranker = Ranker(l2=1e-4).fit(X, rel, ["a", "b", "c"])
    assert ranker.coef_[0] > 0 > ranker.coef_[2]
    hits = (ranker.predict(X).argmax(axis=1) == rel.argmax(axis=1)).mean()
    assert hits > 0.8


def test_ranker_save_load_round_trip(tmp_path: Path) -> None:
    X, rel = synthetic_lists(1)
    ranker = Ranker(l2=1e-3).fit(X, rel, ["a", "b", "c"])
    ranker.save(tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ranker.json"]
    json.loads((tmp_path / "ranker.json").read_text())  # plain JSON, no pickle
    loaded = Ranker.load(tmp_path)
    assert loaded.feature_names_ == ["a", "b", "c"] and loaded.l2 == ranker.l2
    np.testing.assert_allclose(loaded.predict(X), ranker.predict(X), rtol=0, atol=1e-12)


def test_ranker_rejects_bad_input() -> None:
    with pytest.raises(ValueError):
        Ranker().fit(np.zeros((2, 3)), np.zeros((2, 3)))
    with pytest.raises(ValueError):
        Ranker().fit(np.zeros((2, 3, 1)), np.zeros((2, 3)))  # no relevant candidate


def test_featurizer_gives_the_configured_subset_and_handles_no_suppliers() -> None:
    config = FeatureConfig(features=("tfidf", "uni"))
    X = SupplierFeaturizer(config).index(suppliers()).transform(QUERIES)
    full = SupplierFeaturizer().index(suppliers()).transform(QUERIES)
    np.testing.assert_array_equal(X, full[:, :, [FEATURE_NAMES.index("tfidf"), FEATURE_NAMES.index("uni")]])
    assert SupplierFeaturizer().index([]).transform(QUERIES).shape == (2, 0, len(FEATURE_NAMES))
    with pytest.raises(ValueError):
        FeatureConfig(features=("no_such_feature",))


def test_matcher_with_shipped_parameters_ranks_the_obvious_supplier_first(tmp_path: Path) -> None:
    matcher = SupplierMatcher.load().index(suppliers())
    ids, scores = matcher.retrieve(QUERIES[0], k=2)
    assert ids[0] == "S1" and len(ids) == 2 and scores[0] >= scores[1]
    assert matcher.retrieve(QUERIES[1], k=1)[0] == ["S2"]
    matcher.save(tmp_path)
    again = SupplierMatcher.load(tmp_path).index(suppliers())
    np.testing.assert_allclose(again.score_batch(QUERIES), matcher.score_batch(QUERIES))
    assert {p.suffix for p in tmp_path.iterdir()} == {".json"}


def test_top_k_ties_at_the_cut_go_by_position() -> None:
    scores = np.asarray([1.0, 5.0, 1.0, 1.0, 0.0, 1.0])
    assert list(top_k(scores, 3)) == [1, 0, 2]
    assert list(top_k(np.zeros(6), 2)) == [0, 1]
