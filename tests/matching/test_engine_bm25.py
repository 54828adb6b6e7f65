"""The engine's incremental BM25 against a reference (bm25s, lucene), with each distinct query term
once and with repeated query terms, and incremental adds and removals against a rebuild from scratch."""

from __future__ import annotations

import bm25s
import numpy as np
import pytest

from matching.engine.lexical import LexicalIndex
from matching.engine.synonyms import default_synonyms
from matching.text import analyze_many
from tests.matching.golden import NEEDS, SUPPLIERS


def corpus() -> tuple[list[list[str]], list[list[str]]]:
    syn = default_synonyms()
    docs = [syn.normalise(t) for t in analyze_many([s.text for s in SUPPLIERS])]
    queries = [list(dict.fromkeys(syn.normalise(t))) for t in analyze_many([n.text for n in NEEDS])]
    return docs, queries


def test_scores_equal_bm25s_lucene() -> None:
    docs, queries = corpus()
    ours = LexicalIndex(k1=1.2, b=0.75).index(docs)
    ref = bm25s.BM25(method="lucene", k1=1.2, b=0.75)
    ref.index(docs, show_progress=False)
    for q in queries:
        expected = ref.get_scores([t for t in q if t in ours.vocab_])
        np.testing.assert_allclose(ours.scores(q), expected, rtol=1e-5, atol=1e-6)
        rows = np.arange(len(docs))
        np.testing.assert_allclose(ours.score_rows(q, rows), expected, rtol=1e-5, atol=1e-6)


def test_repeated_query_terms_count_again_as_in_bm25s() -> None:
    docs, queries = corpus()
    ours = LexicalIndex(k1=1.5, b=0.75).index(docs)
    ref = bm25s.BM25(method="lucene", k1=1.5, b=0.75)
    ref.index(docs, show_progress=False)
    for q in queries:
        known = [t for t in q if t in ours.vocab_]
        repeated = known + known[:2]
        expected = ref.get_scores(repeated)
        np.testing.assert_allclose(ours.scores(repeated, repeats=True), expected, rtol=1e-5, atol=1e-6)


def test_incremental_adds_and_removals_equal_a_rebuild() -> None:
    docs, queries = corpus()
    inc = LexicalIndex().index(docs[:6])
    inc.add(list(range(6, len(docs))), docs[6:])  # delta segment
    inc.remove([2, 9])
    inc.rebuild()  # merge: same statistics as a fresh index of the live rows
    keep = [i for i in range(len(docs)) if i not in (2, 9)]
    fresh = LexicalIndex().index([docs[i] for i in keep])
    for q in queries:
        np.testing.assert_allclose(inc.scores(q)[keep], fresh.scores(q), rtol=1e-5, atol=1e-6)
        assert inc.scores(q)[[2, 9]].tolist() == [0.0, 0.0]


def test_idf_follows_removals_before_any_merge() -> None:
    docs, queries = corpus()
    idx = LexicalIndex().index(docs)
    before = idx.ideal(queries[0])
    idx.remove([0, 1, 2])
    assert idx.n_alive_ == len(docs) - 3
    assert idx.ideal(queries[0]) != pytest.approx(before)


def test_candidate_pruning_keeps_exact_scores() -> None:
    docs, queries = corpus()
    idx = LexicalIndex().index(docs)
    for q in queries:
        rows, scores = idx.top(q, 5, max_df_ratio=0.2)
        np.testing.assert_allclose(scores, idx.scores(q)[rows], rtol=1e-5)
        full_rows, _ = idx.top(q, 1)
        assert rows[0] == full_rows[0]


def test_save_load_round_trip(tmp_path: object) -> None:
    from pathlib import Path

    docs, queries = corpus()
    idx = LexicalIndex().index(docs)
    idx.remove([3])
    idx.rebuild()
    idx.save(Path(str(tmp_path)))
    loaded = LexicalIndex.load(Path(str(tmp_path)))
    for q in queries:
        np.testing.assert_array_equal(loaded.scores(q), idx.scores(q))
