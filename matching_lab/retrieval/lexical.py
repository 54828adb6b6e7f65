"""The lab's lexical scores over the engine's indexes: BM25 and TF-IDF of whole query batches.

The baselines and the SBIR featurizer score every document for every query; they use the engine's
``LexicalIndex`` (BM25, scores equal to bm25s' Lucene variant) and its ``tfidf_cosine`` rather than
implementations of their own. The TF-IDF here weighs terms with scikit-learn's smoothed idf,
``ln((1 + N) / (1 + df)) + 1`` (``TfidfVectorizer(sublinear_tf=True)``), where the engine's cosine part
uses BM25's idf.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

from matching.engine.lexical import LexicalIndex, tfidf_cosine

FloatArray = npt.NDArray[np.float64]


def bm25_scores(index: LexicalIndex, queries: Sequence[Sequence[str]], *, repeats: bool) -> FloatArray:
    """Queries x documents BM25 (``repeats``: a query term counts as often as it occurs)."""
    out = np.zeros((len(queries), index.n_rows_))
    for i, query in enumerate(queries):
        out[i] = index.scores(query, repeats=repeats)
    return out


class TfidfScores:
    """TF-IDF cosines of queries against every document of a ``LexicalIndex`` (smoothed idf)."""

    def __init__(self, index: LexicalIndex) -> None:
        self.index = index
        rows = np.arange(index.n_rows_, dtype=np.int64)
        idx, self.owner_ = index.entries(rows)
        tids = index.fwd_tid_[idx].astype(np.int64)
        self.docs_ = (tids, index.fwd_tf_[idx].astype(np.float64), self.idf(tids))

    def idf(self, tids: npt.NDArray[np.int64]) -> FloatArray:
        df = self.index.df_[tids].astype(np.float64)
        out: FloatArray = np.log((1.0 + self.index.n_alive_) / (1.0 + df)) + 1.0
        return out

    def score(self, query: Sequence[str]) -> FloatArray:
        vocab = self.index.vocab_
        counts = Counter(t for t in query if t in vocab)
        tids = np.fromiter((vocab[t] for t in counts), dtype=np.int64, count=len(counts))
        q_tf = np.fromiter(counts.values(), dtype=np.float64, count=len(counts))
        return tfidf_cosine((tids, q_tf, self.idf(tids)), self.docs_, self.owner_, self.index.n_rows_)

    def score_batch(self, queries: Sequence[Sequence[str]]) -> FloatArray:
        out = np.zeros((len(queries), self.index.n_rows_))
        for i, query in enumerate(queries):
            out[i] = self.score(query)
        return out
