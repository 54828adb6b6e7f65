"""Okapi BM25 over pre-analysed tokens, on a scipy sparse matrix.

Written out (rather than wrapping bm25s) so that one index can score a whole batch of queries at
once (a sparse product) and score every record of a firm on its own before records are combined.
The scores equal bm25s' ``method="lucene"`` (tested): for a query term t and a document d,

    idf(t)      = ln(1 + (N - df(t) + 0.5) / (df(t) + 0.5))
    w(t, d)     = idf(t) * tf(t, d) / (tf(t, d) + k1 * (1 - b + b * |d| / avgdl))
    score(q, d) = sum over the query's tokens t (repeats count) of w(t, d)

``query_weighting="binary"`` counts each distinct query term once instead (a long query that
repeats its topic words then no longer drowns its rarer, more telling terms; on the SBIR benchmark
this alone lifts nDCG@10 from 0.616 to 0.652, see docs/decisions/0003-ranking.md).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt
import scipy.sparse as sp

from matching_lab.retrieval.vocab import Vocabulary, count_matrix

FloatArray = npt.NDArray[np.float64]
QUERY_WEIGHTINGS = ("count", "binary")


class BM25Index:
    """A BM25 index: ``index(docs)`` then ``retrieve(query, k)`` or ``score_batch(queries)``."""

    def __init__(self, k1: float = 1.2, b: float = 0.75, query_weighting: str = "count") -> None:
        if query_weighting not in QUERY_WEIGHTINGS:
            raise ValueError(f"query_weighting must be one of {QUERY_WEIGHTINGS}")
        self.k1 = k1
        self.b = b
        self.query_weighting = query_weighting

    # -- building -------------------------------------------------------------------------------
    def index(self, docs: Sequence[Sequence[str]], ids: Sequence[str] | None = None) -> BM25Index:
        """Index documents given as token lists; ``ids`` default to "0", "1", ..."""
        self.ids_ = [str(i) for i in range(len(docs))] if ids is None else [str(i) for i in ids]
        if len(self.ids_) != len(docs):
            raise ValueError("ids and docs differ in length")
        self.vocab_ = Vocabulary.from_docs(docs)
        tf = count_matrix(docs, self.vocab_)  # docs x terms, raw counts
        self._build(tf)
        return self

    def index_counts(self, tf: sp.csr_matrix, vocab: Vocabulary, ids: Sequence[str]) -> BM25Index:
        """Index a ready documents x terms count matrix (counts may be weighted, hence float)."""
        self.ids_ = [str(i) for i in ids]
        self.vocab_ = vocab
        self._build(sp.csr_matrix(tf))
        return self

    def _build(self, tf: sp.csr_matrix) -> None:
        tf = sp.csr_matrix(tf, dtype=np.float64)
        tf.eliminate_zeros()
        n_docs = tf.shape[0]
        self.doc_len_ = np.asarray(tf.sum(axis=1)).ravel().astype(np.float64)
        avgdl = float(self.doc_len_.mean()) if n_docs else 0.0
        self.avgdl_ = avgdl if avgdl > 0 else 1.0
        df = np.bincount(tf.indices, minlength=tf.shape[1]).astype(np.float64)
        self.idf_ = np.log1p((n_docs - df + 0.5) / (df + 0.5))
        weights = tf.copy()
        norm = self.k1 * (1.0 - self.b + self.b * self.doc_len_ / self.avgdl_)
        rows = np.repeat(np.arange(n_docs), np.diff(weights.indptr))
        weights.data = weights.data / (weights.data + norm[rows]) * self.idf_[weights.indices]
        # terms x docs, so that a query vector times this matrix gives one score per document
        self.weights_ = weights.T.tocsr()

    # -- scoring --------------------------------------------------------------------------------
    def query_matrix(self, queries: Sequence[Sequence[str]]) -> sp.csr_matrix:
        """Queries x terms matrix of query-term weights (unknown terms dropped)."""
        q = count_matrix(queries, self.vocab_, grow=False)
        if self.query_weighting == "binary":
            q.data[:] = 1.0
        return q

    def score_batch(self, queries: Sequence[Sequence[str]]) -> FloatArray:
        """Dense queries x documents matrix of BM25 scores."""
        q = self.query_matrix(queries)
        return np.asarray((q @ self.weights_).toarray())

    def score(self, query: Sequence[str]) -> FloatArray:
        """BM25 score of one query against every document."""
        scores: FloatArray = self.score_batch([query])[0]
        return scores

    def retrieve(self, query: Sequence[str], k: int = 10) -> tuple[list[str], FloatArray]:
        """The ``k`` best documents for a query: (ids, scores), best first."""
        scores = self.score(query)
        order = top_k(scores, k)
        return [self.ids_[i] for i in order], scores[order]

    # -- persistence ----------------------------------------------------------------------------
    def save(self, directory: str | Path) -> None:
        """Write the index to a directory (JSON and an npz without pickled objects)."""
        path = Path(directory)
        path.mkdir(parents=True, exist_ok=True)
        meta = {
            "k1": self.k1,
            "b": self.b,
            "query_weighting": self.query_weighting,
            "ids": self.ids_,
            "terms": self.vocab_.terms,
        }
        (path / "bm25.json").write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")
        w = self.weights_
        np.savez(
            path / "bm25.npz",
            data=w.data,
            indices=w.indices,
            indptr=w.indptr,
            shape=np.asarray(w.shape),
            idf=self.idf_,
            doc_len=self.doc_len_,
            avgdl=np.asarray([self.avgdl_]),
        )

    @classmethod
    def load(cls, directory: str | Path) -> BM25Index:
        path = Path(directory)
        meta = json.loads((path / "bm25.json").read_text(encoding="utf-8"))
        self = cls(k1=float(meta["k1"]), b=float(meta["b"]), query_weighting=str(meta["query_weighting"]))
        self.ids_ = list(meta["ids"])
        self.vocab_ = Vocabulary(list(meta["terms"]))
        with np.load(path / "bm25.npz", allow_pickle=False) as z:
            shape = tuple(int(x) for x in z["shape"])
            self.weights_ = sp.csr_matrix((z["data"], z["indices"], z["indptr"]), shape=shape)
            self.idf_ = z["idf"]
            self.doc_len_ = z["doc_len"]
            self.avgdl_ = float(z["avgdl"][0])
        return self


def top_k(scores: npt.NDArray[np.floating[Any]], k: int) -> npt.NDArray[np.int64]:
    """Indices of the ``k`` highest scores, best first (ties broken by lower index)."""
    n = scores.shape[0]
    k = min(k, n)
    if k <= 0:
        return np.zeros(0, dtype=np.int64)
    if k < n:
        # everything at least as high as the k-th best, so that ties at the cut go by position
        kth = scores[np.argpartition(-scores, k - 1)[k - 1]]
        part = np.flatnonzero(scores >= kth)
    else:
        part = np.arange(n)
    order = np.lexsort((part, -scores[part]))[:k]
    return np.asarray(part[order], dtype=np.int64)
