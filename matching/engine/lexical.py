"""BM25 over synonym-normalised terms that takes single adds and removals without a rebuild.

A BM25 built once over a fixed corpus does not fit the engine, which
needs to add, replace and remove one profile at a time, so this index keeps

* a forward index (each row's term ids and counts), from which exact scores of a few rows are cheap;
* postings by term for the rows present at the last (re)build, and a small delta of rows added
  since, whose postings are rebuilt when a query finds them stale; past ``merge_ratio`` of the base
  the delta is merged (a full rebuild of the postings from the forward index);
* live document frequencies, so idf follows every add and removal at once. Each segment's length
  normalisation uses the average document length at the time it was built (as Lucene's segments do).

Scores are Lucene's BM25 as in ``bm25s`` (``method="lucene"``), by default over the query's
distinct terms: ``sum idf(t) * tf / (tf + k1 * (1 - b + b * |d| / avgdl))`` with
``idf(t) = ln(1 + (N - df + 0.5) / (df + 0.5))``. Candidate generation (``top``) may skip the
query's most common terms (``max_df_ratio``) when walking postings; candidates are then scored
exactly from the forward index.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Mapping, Sequence
from pathlib import Path

import numpy as np
import numpy.typing as npt

from matching.vectors import top_k_keys

IntArray = npt.NDArray[np.int64]
Int32Array = npt.NDArray[np.int32]
FloatArray = npt.NDArray[np.float32]
BoolArray = npt.NDArray[np.bool_]


def _grow[T: np.generic](a: npt.NDArray[T], size: int, fill: float = 0) -> npt.NDArray[T]:
    if size <= a.shape[0]:
        return a
    out = np.full(max(size, int(a.shape[0] * 1.5) + 1024), fill, dtype=a.dtype)
    out[: a.shape[0]] = a
    return out


class LexicalIndex:
    """Incremental BM25: ``add(rows, docs)``, ``remove(rows)``, ``scores``/``top``/``score_rows``."""

    def __init__(self, k1: float = 1.2, b: float = 0.75, merge_ratio: float = 0.1) -> None:
        self.k1 = k1
        self.b = b
        self.merge_ratio = merge_ratio

    def _reset(self) -> None:
        self.terms_: list[str] = []
        self.vocab_: dict[str, int] = {}
        self.df_: IntArray = np.zeros(0, dtype=np.int64)
        self.n_rows_ = 0
        self.n_alive_ = 0
        self.total_len_ = 0.0
        self.alive_: BoolArray = np.zeros(0, dtype=bool)
        self.doc_len_: FloatArray = np.zeros(0, dtype=np.float32)
        self.fwd_start_: IntArray = np.zeros(0, dtype=np.int64)
        self.fwd_len_: Int32Array = np.zeros(0, dtype=np.int32)
        self.fwd_tid_: Int32Array = np.zeros(0, dtype=np.int32)
        self.fwd_tf_: FloatArray = np.zeros(0, dtype=np.float32)
        self.fwd_used_ = 0
        self.base_rows_ = 0  # rows below this are in the base postings
        self._base = _Postings.empty()
        self._delta = _Postings.empty()
        self._delta_stale = False

    # -- statistics -----------------------------------------------------------------------------
    @property
    def avgdl(self) -> float:
        return self.total_len_ / self.n_alive_ if self.n_alive_ else 1.0

    def idf(self, tids: IntArray) -> FloatArray:
        df = self.df_[tids].astype(np.float64)
        n = float(self.n_alive_)
        return np.log1p((n - df + 0.5) / (df + 0.5)).astype(np.float32)

    def query_ids(self, query: Sequence[str]) -> IntArray:
        """Distinct known terms of a query as term ids (in first-seen order)."""
        seen = dict.fromkeys(self.vocab_[t] for t in query if t in self.vocab_)
        return np.fromiter(seen, dtype=np.int64, count=len(seen))

    def ideal(self, query: Sequence[str]) -> float:
        """An upper bound of a query's score (every term matched with a huge tf): sum of idf."""
        tids = self.query_ids(query)
        return float(self.idf(tids).sum()) if tids.size else 0.0

    # -- writing --------------------------------------------------------------------------------
    def add(self, rows: Sequence[int], docs: Sequence[Sequence[str]]) -> None:
        """Add documents as new rows (rows must be ``n_rows_``, ``n_rows_ + 1``, ...)."""
        if not hasattr(self, "n_rows_"):
            self._reset()
        self.append(rows, docs)
        if self.n_rows_ - self.base_rows_ > max(1000, self.merge_ratio * self.base_rows_):
            self.rebuild()
        else:
            self._delta_stale = True

    def append(self, rows: Sequence[int], docs: Sequence[Sequence[str]]) -> None:
        """``add`` without the merge: for bulk loads that call ``rebuild`` once at the end."""
        if not hasattr(self, "n_rows_"):
            self._reset()
        if list(rows) != list(range(self.n_rows_, self.n_rows_ + len(rows))):
            raise ValueError("rows must be appended in order")
        if not rows:
            return
        tids: list[int] = []
        tfs: list[int] = []
        lens: list[int] = []
        vocab, terms = self.vocab_, self.terms_
        for doc in docs:
            counts = Counter(doc)
            for term, tf in counts.items():
                tid = vocab.get(term)
                if tid is None:
                    tid = vocab[term] = len(terms)
                    terms.append(term)
                tids.append(tid)
                tfs.append(tf)
            lens.append(len(counts))
        n_new = len(rows)
        end = self.n_rows_ + n_new
        self.alive_ = _grow(self.alive_, end, False)
        self.doc_len_ = _grow(self.doc_len_, end)
        self.fwd_start_ = _grow(self.fwd_start_, end)
        self.fwd_len_ = _grow(self.fwd_len_, end)
        self.fwd_tid_ = _grow(self.fwd_tid_, self.fwd_used_ + len(tids))
        self.fwd_tf_ = _grow(self.fwd_tf_, self.fwd_used_ + len(tids))
        self.df_ = _grow(self.df_, len(terms))
        t = np.asarray(tids, dtype=np.int32)
        f = np.asarray(tfs, dtype=np.float32)
        lengths = np.asarray(lens, dtype=np.int64)
        self.fwd_tid_[self.fwd_used_ : self.fwd_used_ + t.size] = t
        self.fwd_tf_[self.fwd_used_ : self.fwd_used_ + t.size] = f
        starts = self.fwd_used_ + np.r_[0, np.cumsum(lengths)[:-1]]
        self.fwd_start_[self.n_rows_ : end] = starts
        self.fwd_len_[self.n_rows_ : end] = lengths
        self.fwd_used_ += t.size
        doc_lens = np.asarray([len(d) for d in docs], dtype=np.float32)
        self.doc_len_[self.n_rows_ : end] = doc_lens
        self.alive_[self.n_rows_ : end] = True
        np.add.at(self.df_, t, 1)
        self.n_rows_ = end
        self.n_alive_ += n_new
        self.total_len_ += float(doc_lens.sum())
        self._delta_stale = True

    def index(self, docs: Sequence[Sequence[str]]) -> LexicalIndex:
        """Bulk build from scratch: rows 0..len(docs)-1."""
        self._reset()
        self.append(list(range(len(docs))), docs)
        self.rebuild()
        return self

    def remove(self, rows: Sequence[int]) -> None:
        """Drop rows from the statistics and from every later result (their postings go at the next
        merge)."""
        for row in rows:
            if row >= self.n_rows_ or not self.alive_[row]:
                continue
            self.alive_[row] = False
            tids, _ = self.row_terms(row)
            self.df_[tids] -= 1
            self.n_alive_ -= 1
            self.total_len_ -= float(self.doc_len_[row])

    def row_terms(self, row: int) -> tuple[Int32Array, FloatArray]:
        s, n = int(self.fwd_start_[row]), int(self.fwd_len_[row])
        return self.fwd_tid_[s : s + n], self.fwd_tf_[s : s + n]

    def rebuild(self) -> None:
        """Rebuild the postings of every live row (the delta merges into the base)."""
        self._base = self._postings(0, self.n_rows_)
        self.base_rows_ = self.n_rows_
        self._delta = _Postings.empty()
        self._delta_stale = False

    def _postings(self, first: int, last: int) -> _Postings:
        rows = np.arange(first, last)
        rows = rows[self.alive_[first:last]]
        if rows.size == 0:
            return _Postings.empty()
        lens = self.fwd_len_[rows].astype(np.int64)
        starts = self.fwd_start_[rows]
        idx = np.repeat(starts - np.r_[0, np.cumsum(lens)[:-1]], lens) + np.arange(int(lens.sum()))
        tids = self.fwd_tid_[idx]
        tfs = self.fwd_tf_[idx]
        doc_rows = np.repeat(rows, lens).astype(np.int32)
        norm = self.k1 * (1 - self.b + self.b * self.doc_len_[doc_rows] / np.float32(self.avgdl))
        impact = (tfs / (tfs + norm)).astype(np.float32)
        order = np.argsort(tids, kind="stable")
        ptr = np.zeros(len(self.terms_) + 1, dtype=np.int64)
        np.cumsum(np.bincount(tids, minlength=len(self.terms_)), out=ptr[1:])
        return _Postings(ptr, doc_rows[order], impact[order], float(self.avgdl))

    # -- scoring --------------------------------------------------------------------------------
    def _segments(self) -> list[_Postings]:
        if self._delta_stale:
            self._delta = self._postings(self.base_rows_, self.n_rows_)
            self._delta_stale = False
        return [self._base, self._delta]

    def scores(
        self, query: Sequence[str], *, max_df_ratio: float | None = None, repeats: bool = False
    ) -> FloatArray:
        """BM25 of every row (0 for removed rows). With ``max_df_ratio``, terms in more than that
        share of the rows are left out (for candidate generation only). ``repeats``: a query term
        counts as often as the query holds it (Lucene's and bm25s' sum over query tokens); the
        engine counts each distinct term once."""
        out = np.zeros(self.n_rows_, dtype=np.float32)
        tids = self.query_ids(query)
        if tids.size == 0:
            return out
        if max_df_ratio is not None:
            rare = tids[self.df_[tids] <= max_df_ratio * max(self.n_alive_, 1)]
            tids = rare if rare.size else tids[np.argsort(self.df_[tids], kind="stable")[:1]]
        idf = self.idf(tids)
        if repeats:
            counts = Counter(query)
            idf = idf * np.asarray([counts[self.terms_[t]] for t in tids.tolist()], dtype=np.float32)
        rows: list[npt.NDArray[np.int32]] = []
        weights: list[FloatArray] = []
        for seg in self._segments():
            for tid, w in zip(tids.tolist(), idf.tolist(), strict=True):
                if tid + 1 >= seg.ptr.shape[0]:
                    continue
                s, e = int(seg.ptr[tid]), int(seg.ptr[tid + 1])
                if s < e:
                    rows.append(seg.rows[s:e])
                    weights.append(seg.impact[s:e] * np.float32(w))
        if rows:
            out = np.bincount(np.concatenate(rows), np.concatenate(weights), minlength=self.n_rows_).astype(
                np.float32
            )
        out[~self.alive_[: self.n_rows_]] = 0.0
        return out

    def top(
        self,
        query: Sequence[str],
        n: int,
        mask: BoolArray | None = None,
        *,
        max_df_ratio: float | None = None,
    ) -> tuple[IntArray, FloatArray]:
        """Up to ``n`` rows with a positive score, best first: (rows, exact BM25 scores)."""
        scores = self.scores(query, max_df_ratio=max_df_ratio)
        if mask is not None:
            scores[~mask[: self.n_rows_]] = 0.0
        rows, _ = top_k_keys(np.arange(self.n_rows_), scores, n)
        rows = rows[scores[rows] > 0]
        if max_df_ratio is None:
            return rows, scores[rows]
        exact = self.score_rows(query, rows)
        order = np.lexsort((rows, -exact))
        return rows[order], exact[order]

    def score_rows(self, query: Sequence[str], rows: IntArray) -> FloatArray:
        """Exact BM25 of the given rows, from the forward index (0 for removed rows)."""
        rows = np.asarray(rows, dtype=np.int64)
        tids = self.query_ids(query)
        if tids.size == 0 or rows.size == 0:
            return np.zeros(rows.shape[0], dtype=np.float32)
        idx, owner = self.entries(rows)
        hit, w = lookup(tids, self.idf(tids).astype(np.float64), self.fwd_tid_[idx])
        tf = self.fwd_tf_[idx][hit].astype(np.float64)
        owner = owner[hit]
        avgdl = np.where(rows < self.base_rows_, self._base.avgdl, self._delta_avgdl())
        norm = self.k1 * (1 - self.b + self.b * self.doc_len_[rows].astype(np.float64) / avgdl)
        contrib = w * tf / (tf + norm[owner])
        out = np.bincount(owner, contrib, minlength=rows.shape[0]).astype(np.float32)
        out[~self.alive_[rows]] = 0.0
        return out

    def entries(self, rows: IntArray) -> tuple[IntArray, IntArray]:
        """Positions of the given rows' forward entries, and which of ``rows`` each belongs to."""
        lens = self.fwd_len_[rows].astype(np.int64)
        offsets = np.cumsum(lens) - lens
        idx = np.repeat(self.fwd_start_[rows] - offsets, lens) + np.arange(int(lens.sum()))
        return idx, np.repeat(np.arange(rows.shape[0]), lens)

    def cosine_rows(self, query: Sequence[str], rows: IntArray) -> npt.NDArray[np.float64]:
        """TF-IDF cosine of the query and each row (``tfidf_cosine`` with this index's live idf).

        BM25 rewards a profile for every query word it holds; the cosine also asks how much of the
        profile is about the query, so a long catch-all profile does not outrank a focused one."""
        rows = np.asarray(rows, dtype=np.int64)
        counts = Counter(t for t in query if t in self.vocab_)
        if not counts or rows.size == 0:
            return np.zeros(rows.shape[0])
        tids = np.fromiter((self.vocab_[t] for t in counts), dtype=np.int64, count=len(counts))
        q_tf = np.fromiter(counts.values(), dtype=np.float64, count=len(counts))
        idx, owner = self.entries(rows)
        doc_tids = self.fwd_tid_[idx].astype(np.int64)
        out = tfidf_cosine(
            (tids, q_tf, self.idf(tids).astype(np.float64)),
            (doc_tids, self.fwd_tf_[idx].astype(np.float64), self.idf(doc_tids).astype(np.float64)),
            owner,
            rows.shape[0],
        )
        out[~self.alive_[rows]] = 0.0
        return out

    def cosine_terms(self, query: Sequence[str], doc: Sequence[str]) -> float:
        """``cosine_rows`` for a document that is not in the index (the same code on one document)."""
        counts = Counter(t for t in query if t in self.vocab_)
        doc_counts = Counter(t for t in doc if t in self.vocab_)
        if not counts or not doc_counts:
            return 0.0

        def entries(bag: Counter[str]) -> Entries:
            tids = np.fromiter((self.vocab_[t] for t in bag), dtype=np.int64, count=len(bag))
            tfs = np.fromiter(bag.values(), dtype=np.float64, count=len(bag))
            return tids, tfs, self.idf(tids).astype(np.float64)

        doc_entries = entries(doc_counts)
        owner = np.zeros(doc_entries[0].shape[0], dtype=np.int64)
        return float(tfidf_cosine(entries(counts), doc_entries, owner, 1)[0])

    def row_avgdl(self, row: int) -> float:
        """The average document length a row's score is normalised with (its segment's)."""
        return self._base.avgdl if row < self.base_rows_ else self._delta_avgdl()

    def _delta_avgdl(self) -> float:
        if self._delta_stale:
            self._segments()
        return self._delta.avgdl if self._delta.avgdl > 0 else self.avgdl

    def query_weights(self, query: Sequence[str]) -> dict[str, float]:
        """idf of each distinct known query term (for scoring documents outside the index)."""
        tids = self.query_ids(query)
        return dict(zip((self.terms_[t] for t in tids.tolist()), self.idf(tids).tolist(), strict=True))

    def score_bag(self, weights: Mapping[str, float], doc: Sequence[str]) -> float:
        """BM25 of a document outside the index, given ``query_weights``."""
        counts = Counter(doc)
        norm = self.k1 * (1 - self.b + self.b * len(doc) / self.avgdl)
        return sum(w * counts[t] / (counts[t] + norm) for t, w in weights.items() if t in counts)

    def score_terms(self, query: Sequence[str], doc: Sequence[str]) -> float:
        """BM25 of a document that is not in the index, with this index's statistics."""
        return self.score_bag(self.query_weights(query), doc)

    def shared_terms(self, query: Sequence[str], row: int) -> list[tuple[str, float]]:
        """The query's terms found in a row, with each term's share of the row's score, largest first."""
        tids = self.query_ids(query)
        doc_tids, tfs = self.row_terms(row)
        hit = np.isin(doc_tids, tids)
        if not hit.any():
            return []
        found = doc_tids[hit].astype(np.int64)
        tf = tfs[hit].astype(np.float64)
        norm = self.k1 * (1 - self.b + self.b * float(self.doc_len_[row]) / self.avgdl)
        w = self.idf(found).astype(np.float64) * tf / (tf + norm)
        pairs = [(self.terms_[t], float(x)) for t, x in zip(found.tolist(), w.tolist(), strict=True)]
        return sorted(pairs, key=lambda p: (-p[1], p[0]))

    # -- persistence ----------------------------------------------------------------------------
    def save(self, directory: str | Path) -> None:
        """``lexical.json`` (parameters, terms) and ``lexical.npz`` (forward index; postings are rebuilt)."""
        path = Path(directory)
        path.mkdir(parents=True, exist_ok=True)
        meta = {"k1": self.k1, "b": self.b, "merge_ratio": self.merge_ratio, "terms": self.terms_}
        (path / "lexical.json").write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")
        n = self.n_rows_
        used = self.fwd_used_
        np.savez(
            path / "lexical.npz",
            alive=self.alive_[:n],
            doc_len=self.doc_len_[:n],
            fwd_start=self.fwd_start_[:n],
            fwd_len=self.fwd_len_[:n],
            fwd_tid=self.fwd_tid_[:used],
            fwd_tf=self.fwd_tf_[:used],
        )

    @classmethod
    def load(cls, directory: str | Path) -> LexicalIndex:
        path = Path(directory)
        meta = json.loads((path / "lexical.json").read_text(encoding="utf-8"))
        self = cls(float(meta["k1"]), float(meta["b"]), float(meta["merge_ratio"]))
        self.terms_ = list(meta["terms"])
        self.vocab_ = {t: i for i, t in enumerate(self.terms_)}
        with np.load(path / "lexical.npz", allow_pickle=False) as z:
            self.alive_ = z["alive"].copy()
            self.doc_len_ = z["doc_len"].copy()
            self.fwd_start_ = z["fwd_start"].copy()
            self.fwd_len_ = z["fwd_len"].copy()
            self.fwd_tid_ = z["fwd_tid"].copy()
            self.fwd_tf_ = z["fwd_tf"].copy()
        self.n_rows_ = self.alive_.shape[0]
        self.fwd_used_ = self.fwd_tid_.shape[0]
        self.n_alive_ = int(self.alive_.sum())
        self.total_len_ = float(self.doc_len_[self.alive_].sum())
        live_lens = self.fwd_len_.astype(np.int64) * self.alive_
        live_idx = np.repeat(self.fwd_start_, live_lens) + (
            np.arange(int(live_lens.sum())) - np.repeat(np.cumsum(live_lens) - live_lens, live_lens)
        )
        self.df_ = np.bincount(self.fwd_tid_[live_idx], minlength=len(self.terms_)).astype(np.int64)
        self.rebuild()
        return self


Entries = tuple[IntArray, npt.NDArray[np.float64], npt.NDArray[np.float64]]  # term ids, tf, idf


def tfidf_cosine(query: Entries, docs: Entries, owner: IntArray, n: int) -> npt.NDArray[np.float64]:
    """Cosine of sublinear TF-IDF vectors, ``(1 + ln tf) * idf``: one query against ``n`` documents.

    ``query`` holds the query's distinct term ids with their counts and idf; ``docs`` the documents'
    entries the same way, ``owner`` saying which document each entry belongs to. The one TF-IDF of
    the project: the engine's cosine part and the lab's baselines pass their own idf."""
    out = np.zeros(n)
    q_tids, q_tf, q_idf = query
    q_w = (1.0 + np.log(q_tf)) * q_idf
    q_norm = float(np.sqrt(q_w @ q_w))
    if q_norm <= 0 or n == 0 or q_tids.size == 0:
        return out
    d_tids, d_tf, d_idf = docs
    d_w = (1.0 + np.log(d_tf)) * d_idf
    d_norm = np.sqrt(np.bincount(owner, d_w * d_w, minlength=n))
    hit, qw = lookup(q_tids, q_w, d_tids)
    dot = np.bincount(owner[hit], d_w[hit] * qw, minlength=n)
    np.divide(dot, d_norm * q_norm, out=out, where=d_norm > 0)
    return np.minimum(out, 1.0)


def lookup(
    tids: IntArray, values: npt.NDArray[np.float64], doc_tids: npt.NDArray[np.integer]
) -> tuple[BoolArray, npt.NDArray[np.float64]]:
    """Which ``doc_tids`` are among the query's ``tids``, and their values. A sorted search rather
    than a vocabulary-sized array: phrase vocabularies run to millions of entries."""
    order = np.argsort(tids)
    keys = tids[order]
    pos = np.minimum(np.searchsorted(keys, doc_tids), keys.shape[0] - 1)
    hit = keys[pos] == doc_tids
    return hit, values[order][pos[hit]]


class _Postings:
    """Postings of one segment: for term t, rows ``rows[ptr[t]:ptr[t+1]]`` with their BM25 impacts."""

    __slots__ = ("avgdl", "impact", "ptr", "rows")

    def __init__(self, ptr: IntArray, rows: Int32Array, impact: FloatArray, avgdl: float) -> None:
        self.ptr = ptr
        self.rows = rows
        self.impact = impact
        self.avgdl = avgdl

    @classmethod
    def empty(cls) -> _Postings:
        return cls(np.zeros(1, dtype=np.int64), np.zeros(0, dtype=np.int32), np.zeros(0, np.float32), 0.0)
