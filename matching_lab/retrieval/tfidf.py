"""TF-IDF cosine: the classic vector-space baseline.

Weights follow scikit-learn's ``TfidfVectorizer(sublinear_tf=True)``: ``(1 + ln tf) * idf`` with the
smoothed ``idf = ln((1 + N) / (1 + df)) + 1``, each vector scaled to unit length, so the score is
the cosine of the query's and the document's vectors.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import numpy.typing as npt
import scipy.sparse as sp

from matching_lab.retrieval.bm25 import top_k
from matching_lab.retrieval.vocab import Vocabulary, count_matrix

FloatArray = npt.NDArray[np.float64]


def _l2_rows(m: sp.csr_matrix) -> sp.csr_matrix:
    norms = np.sqrt(np.asarray(m.multiply(m).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return sp.csr_matrix(sp.diags(1.0 / norms) @ m)


class TfidfIndex:
    """``index(docs)`` then ``retrieve(query, k)`` or ``score_batch(queries)`` (cosines)."""

    def __init__(self, sublinear_tf: bool = True) -> None:
        self.sublinear_tf = sublinear_tf

    def index(self, docs: Sequence[Sequence[str]], ids: Sequence[str] | None = None) -> TfidfIndex:
        self.ids_ = [str(i) for i in range(len(docs))] if ids is None else [str(i) for i in ids]
        if len(self.ids_) != len(docs):
            raise ValueError("ids and docs differ in length")
        self.vocab_ = Vocabulary.from_docs(docs)
        tf = count_matrix(docs, self.vocab_)
        n_docs = tf.shape[0]
        df = np.bincount(tf.indices, minlength=tf.shape[1]).astype(np.float64)
        self.idf_ = np.log((1.0 + n_docs) / (1.0 + df)) + 1.0
        self.doc_vectors_ = self._vectors(tf)
        self._by_term = sp.csr_matrix(self.doc_vectors_.T)
        return self

    def _vectors(self, tf: sp.csr_matrix) -> sp.csr_matrix:
        m = sp.csr_matrix(tf, dtype=np.float64, copy=True)
        if self.sublinear_tf:
            m.data = 1.0 + np.log(m.data)
        m.data = m.data * self.idf_[m.indices]
        return _l2_rows(m)

    def score_batch(self, queries: Sequence[Sequence[str]]) -> FloatArray:
        q = self._vectors(count_matrix(queries, self.vocab_, grow=False))
        return np.asarray((q @ self._by_term).toarray())

    def score(self, query: Sequence[str]) -> FloatArray:
        scores: FloatArray = self.score_batch([query])[0]
        return scores

    def retrieve(self, query: Sequence[str], k: int = 10) -> tuple[list[str], FloatArray]:
        scores = self.score(query)
        order = top_k(scores, k)
        return [self.ids_[i] for i in order], scores[order]

    def save(self, directory: str | Path) -> None:
        path = Path(directory)
        path.mkdir(parents=True, exist_ok=True)
        meta = {"sublinear_tf": self.sublinear_tf, "ids": self.ids_, "terms": self.vocab_.terms}
        (path / "tfidf.json").write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")
        d = self.doc_vectors_
        np.savez(
            path / "tfidf.npz",
            data=d.data,
            indices=d.indices,
            indptr=d.indptr,
            shape=np.asarray(d.shape),
            idf=self.idf_,
        )

    @classmethod
    def load(cls, directory: str | Path) -> TfidfIndex:
        path = Path(directory)
        meta = json.loads((path / "tfidf.json").read_text(encoding="utf-8"))
        self = cls(sublinear_tf=bool(meta["sublinear_tf"]))
        self.ids_ = list(meta["ids"])
        self.vocab_ = Vocabulary(list(meta["terms"]))
        with np.load(path / "tfidf.npz", allow_pickle=False) as z:
            shape = tuple(int(x) for x in z["shape"])
            self.doc_vectors_ = sp.csr_matrix((z["data"], z["indices"], z["indptr"]), shape=shape)
            self.idf_ = z["idf"]
        self._by_term = sp.csr_matrix(self.doc_vectors_.T)
        return self
