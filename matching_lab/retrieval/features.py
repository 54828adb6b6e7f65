"""Query x supplier features: lexical evidence from a supplier's records, and track-record priors.

A supplier is profiled only by its records (past projects: year, agency, title, text). For each
query and each supplier the featurizer gives:

text (each divided by its highest value over all suppliers for that query, so that a long query
and a short one weigh alike):

* ``uni``, ``bi``, ``tri``: BM25 of the query's words, word pairs, word triples against the
  supplier's profile (all its records as one document; distinct query terms count once)
* ``uni_count``: the same for words with repeated query words counted again; ``tfidf``: the
  TF-IDF cosine of query and profile
* ``title``: BM25 of the query's words against the supplier's record titles only
* ``rec_max``: BM25 against its best single record; ``rec_lse``: a soft maximum over its records
  (``t * log(sum(exp(score / t)))``), ``rec_bi_max``: word pairs against its best record
* ``tt_max``: BM25 of the query's title against its best record title; ``tt_jac``: the best Jaccard
  overlap of title word sets (a follow-on project often keeps its predecessor's title)

priors (no text):

* ``log_n``: log(1 + records); ``gap``: log(1 + years without a record before the query's year)
* ``log_n_y1``, ``log_n_y2``, ``log_n_y3``: log(1 + records 1, 2, 3 years before the query's year)
* ``ag_frac``, ``ag_log``, ``ag_none``: share, log(1 + count) and absence of records for the
  query's agency group (sub-agencies folded into their parent, e.g. Navy -> Department of Defense)
* ``age_frac``, ``age_log``: the same for the exact agency

No feature names a supplier, so weights learned on one set of suppliers apply to another.
``FeatureConfig.features`` picks which of them ``transform`` gives: the shipped SBIR model uses the
text features only (the priors added nothing on top of them, see docs/decisions/0003-ranking.md).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

import numpy as np
import numpy.typing as npt
import scipy.sparse as sp

from matching.engine.evidence import ngrams
from matching.engine.lexical import LexicalIndex
from matching_lab.retrieval.analysis import first_sentence, get_analyzer
from matching_lab.retrieval.data import Query, Supplier
from matching_lab.retrieval.lexical import TfidfScores, bm25_scores

FloatArray = npt.NDArray[np.float64]

TEXT_FEATURES = (
    "uni",
    "uni_count",
    "tfidf",
    "bi",
    "tri",
    "title",
    "rec_max",
    "rec_lse",
    "rec_bi_max",
    "tt_max",
    "tt_jac",
)
PRIOR_FEATURES = (
    "log_n",
    "gap",
    "log_n_y1",
    "log_n_y2",
    "log_n_y3",
    "ag_frac",
    "ag_log",
    "ag_none",
    "age_frac",
    "age_log",
)
FEATURE_NAMES = TEXT_FEATURES + PRIOR_FEATURES
QUERY_WEIGHTINGS = ("count", "binary")  # every query token counts, or each distinct term once


@dataclass
class BM25Params:
    k1: float
    b: float
    query_weighting: str = "binary"

    def __post_init__(self) -> None:
        if self.query_weighting not in QUERY_WEIGHTINGS:
            raise ValueError(f"query_weighting must be one of {QUERY_WEIGHTINGS}")

    def make(self) -> LexicalIndex:
        return LexicalIndex(k1=self.k1, b=self.b)


def _default_bm25() -> dict[str, BM25Params]:
    return {
        "uni": BM25Params(3.0, 0.85),
        "uni_count": BM25Params(2.0, 0.85, "count"),
        "bi": BM25Params(2.0, 0.85),
        "tri": BM25Params(2.0, 0.85),
        "title": BM25Params(1.2, 0.75),
        "rec": BM25Params(3.0, 0.85),
        "rec_bi": BM25Params(2.0, 0.85),
        "tt": BM25Params(1.2, 0.75),
    }


@dataclass
class FeatureConfig:
    """Everything the featurizer needs besides the data; stored as JSON beside the ranker."""

    analyzer: str = "english"
    bm25: dict[str, BM25Params] = field(default_factory=_default_bm25)
    lse_temperature: float = 4.0
    agency_parent: dict[str, str] = field(default_factory=dict)
    query_batch: int = 128
    features: tuple[str, ...] = FEATURE_NAMES  # which features ``transform`` gives, in this order

    def __post_init__(self) -> None:
        self.features = tuple(self.features)
        unknown = set(self.features) - set(FEATURE_NAMES)
        if unknown:
            raise ValueError(f"unknown features {sorted(unknown)}; known: {FEATURE_NAMES}")

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> FeatureConfig:
        defaults = cls()
        bm25 = dict(defaults.bm25)
        for name, p in data.get("bm25", {}).items():
            bm25[name] = BM25Params(float(p["k1"]), float(p["b"]), str(p.get("query_weighting", "binary")))
        return cls(
            analyzer=str(data.get("analyzer", defaults.analyzer)),
            bm25=bm25,
            lse_temperature=float(data.get("lse_temperature", defaults.lse_temperature)),
            agency_parent={str(k): str(v) for k, v in data.get("agency_parent", {}).items()},
            query_batch=int(data.get("query_batch", defaults.query_batch)),
            features=tuple(str(f) for f in data.get("features", FEATURE_NAMES)),
        )


def _binary_sets(sets: Sequence[set[str]], vocab: dict[str, int], grow: bool) -> sp.csr_matrix:
    rows: list[int] = []
    cols: list[int] = []
    for r, terms in enumerate(sets):
        for t in terms:
            c = vocab.get(t)
            if c is None:
                if not grow:
                    continue
                c = vocab[t] = len(vocab)
            rows.append(r)
            cols.append(c)
    return sp.csr_matrix(
        (np.ones(len(rows)), (np.asarray(rows, dtype=np.int64), np.asarray(cols, dtype=np.int64))),
        shape=(len(sets), max(len(vocab), 1)),
    )


class SupplierFeaturizer:
    """``index(suppliers)`` once, then ``transform(queries)`` -> array (queries, suppliers, features),
    the features being ``config.features`` (by default all of ``FEATURE_NAMES``)."""

    def __init__(self, config: FeatureConfig | None = None) -> None:
        self.config = config if config is not None else FeatureConfig()

    @property
    def feature_names(self) -> tuple[str, ...]:
        return self.config.features

    # -- indexing -------------------------------------------------------------------------------
    def index(self, suppliers: Sequence[Supplier]) -> SupplierFeaturizer:
        cfg = self.config
        analyze = get_analyzer(cfg.analyzer)
        self.ids_ = [s.id for s in suppliers]
        n_sup = len(suppliers)
        records = [r for s in suppliers for r in s.records]
        counts = np.asarray([len(s.records) for s in suppliers], dtype=np.int64)
        self.record_owner_ = np.repeat(np.arange(n_sup), counts)
        self.record_start_ = (np.cumsum(counts) - counts).astype(np.int64)
        self.has_records_ = counts > 0

        rec_words = [analyze(r.title + ". " + r.text) for r in records]
        rec_titles = [analyze(r.title) for r in records]
        sup_words = self._group(rec_words, counts)
        sup_titles = self._group(rec_titles, counts)

        self.uni_ = cfg.bm25["uni"].make().index(sup_words)
        self.uni_count_ = cfg.bm25["uni_count"].make().index(sup_words)
        self.tfidf_ = TfidfScores(self.uni_)
        self.bi_ = cfg.bm25["bi"].make().index([ngrams(w, 2) for w in sup_words])
        self.tri_ = cfg.bm25["tri"].make().index([ngrams(w, 3) for w in sup_words])
        self.title_ = cfg.bm25["title"].make().index(sup_titles)
        self.rec_ = cfg.bm25["rec"].make().index(rec_words)
        self.rec_bi_ = cfg.bm25["rec_bi"].make().index([ngrams(w, 2) for w in rec_words])
        self.tt_ = cfg.bm25["tt"].make().index(rec_titles)
        self.title_vocab_: dict[str, int] = {}
        self.title_sets_ = _binary_sets([set(t) for t in rec_titles], self.title_vocab_, grow=True)
        self.title_sizes_ = np.asarray(self.title_sets_.sum(axis=1)).ravel()

        # priors: per supplier, records per year and per agency (exact and grouped)
        self.n_records_ = counts.astype(np.float64)
        years = sorted({r.year for r in records})
        self.years_ = years
        self.year_counts_ = np.zeros((n_sup, len(years)))
        agencies = sorted({r.agency for r in records})
        groups = sorted({self._parent(a) for a in agencies})
        self.agencies_ = {a: i for i, a in enumerate(agencies)}
        self.groups_ = {g: i for i, g in enumerate(groups)}
        self.agency_counts_ = np.zeros((n_sup, len(agencies)))
        self.group_counts_ = np.zeros((n_sup, len(groups)))
        year_pos = {y: i for i, y in enumerate(years)}
        for owner, r in zip(self.record_owner_, records, strict=True):
            self.year_counts_[owner, year_pos[r.year]] += 1
            self.agency_counts_[owner, self.agencies_[r.agency]] += 1
            self.group_counts_[owner, self.groups_[self._parent(r.agency)]] += 1
        self.last_year_ = np.asarray(
            [max((r.year for r in s.records), default=0) for s in suppliers], dtype=np.float64
        )
        return self

    def _parent(self, agency: str) -> str:
        return self.config.agency_parent.get(agency, agency)

    def _group(self, per_record: list[list[str]], counts: npt.NDArray[np.int64]) -> list[list[str]]:
        """Per-record term lists -> one term list per supplier (its records in order)."""
        out: list[list[str]] = []
        for start, n in zip(self.record_start_, counts, strict=True):
            doc: list[str] = []
            for words in per_record[int(start) : int(start + n)]:
                doc.extend(words)
            out.append(doc)
        return out

    # -- features -------------------------------------------------------------------------------
    def _per_supplier_max(self, scores: FloatArray) -> FloatArray:
        """Record scores (queries x records) -> the best record per supplier (queries x suppliers)."""
        out = np.zeros((scores.shape[0], len(self.ids_)))
        if scores.shape[1] == 0:
            return out
        idx = self.record_start_[self.has_records_]
        out[:, self.has_records_] = np.maximum.reduceat(scores, idx, axis=1)
        return out

    def _per_supplier_lse(self, scores: FloatArray, t: float) -> FloatArray:
        out = np.zeros((scores.shape[0], len(self.ids_)))
        if scores.shape[1] == 0:
            return out
        m = scores.max(axis=1, keepdims=True)
        e = np.exp((scores - m) / t)
        idx = self.record_start_[self.has_records_]
        sums = np.add.reduceat(e, idx, axis=1)
        out[:, self.has_records_] = m + t * np.log(np.maximum(sums, 1e-300))
        return np.maximum(out, 0.0)

    def transform(self, queries: Sequence[Query]) -> npt.NDArray[np.float32]:
        """Features of every (query, supplier) pair: array (queries, suppliers, features)."""
        out = np.zeros((len(queries), len(self.ids_), len(self.feature_names)), dtype=np.float32)
        step = max(1, self.config.query_batch)
        for start in range(0, len(queries), step):
            batch = queries[start : start + step]
            out[start : start + len(batch)] = self._transform_batch(batch)
        return out

    def _bm25(self, name: str, index: LexicalIndex, queries: Sequence[Sequence[str]]) -> FloatArray:
        return bm25_scores(index, queries, repeats=self.config.bm25[name].query_weighting == "count")

    def _transform_batch(self, queries: Sequence[Query]) -> npt.NDArray[np.float32]:
        analyze = get_analyzer(self.config.analyzer)
        words = [analyze(q.text) for q in queries]
        titles = [analyze(q.title if q.title is not None else first_sentence(q.text)) for q in queries]
        bi = [ngrams(w, 2) for w in words]
        feats: dict[str, FloatArray] = {}
        bm25 = self._bm25
        feats["uni"] = bm25("uni", self.uni_, words)
        feats["uni_count"] = bm25("uni_count", self.uni_count_, words)
        feats["tfidf"] = self.tfidf_.score_batch(words)
        feats["bi"] = bm25("bi", self.bi_, bi)
        feats["tri"] = bm25("tri", self.tri_, [ngrams(w, 3) for w in words])
        feats["title"] = bm25("title", self.title_, words)
        rec = bm25("rec", self.rec_, words)
        feats["rec_max"] = self._per_supplier_max(rec)
        feats["rec_lse"] = self._per_supplier_lse(rec, self.config.lse_temperature)
        feats["rec_bi_max"] = self._per_supplier_max(bm25("rec_bi", self.rec_bi_, bi))
        feats["tt_max"] = self._per_supplier_max(bm25("tt", self.tt_, titles))
        qsets = _binary_sets([set(t) for t in titles], self.title_vocab_, grow=False)
        inter = np.asarray((qsets @ self.title_sets_.T).toarray())
        qsize = np.asarray([len(set(t)) for t in titles], dtype=np.float64)
        union = qsize[:, None] + self.title_sizes_[None, :] - inter
        feats["tt_jac"] = self._per_supplier_max(inter / np.maximum(union, 1.0))
        for name in TEXT_FEATURES:
            v = feats[name]
            top = v.max(axis=1, keepdims=True) if v.shape[1] else np.ones((v.shape[0], 1))
            feats[name] = v / np.maximum(top, 1e-9)
        if any(name in PRIOR_FEATURES for name in self.feature_names):
            feats.update(self._priors(queries))
        return np.stack([feats[name] for name in self.feature_names], axis=-1).astype(np.float32)

    def _priors(self, queries: Sequence[Query]) -> dict[str, FloatArray]:
        n_q, n_s = len(queries), len(self.ids_)
        n = np.maximum(self.n_records_, 1.0)
        feats: dict[str, FloatArray] = {}
        feats["log_n"] = np.broadcast_to(np.log1p(self.n_records_), (n_q, n_s)).copy()
        qyear = np.asarray([q.year for q in queries], dtype=np.float64)
        gap = qyear[:, None] - self.last_year_[None, :] - 1.0
        feats["gap"] = np.log1p(np.clip(gap, 0.0, None))
        year_pos = {y: i for i, y in enumerate(self.years_)}
        for lag in (1, 2, 3):
            cols = [year_pos.get(q.year - lag, -1) for q in queries]
            c = np.zeros((n_q, n_s))
            for i, col in enumerate(cols):
                if col >= 0:
                    c[i] = self.year_counts_[:, col]
            feats[f"log_n_y{lag}"] = np.log1p(c)
        for prefix, table, index, key in (
            ("ag", self.group_counts_, self.groups_, self._parent),
            ("age", self.agency_counts_, self.agencies_, _identity),
        ):
            c = np.zeros((n_q, n_s))
            for i, q in enumerate(queries):
                col = index.get(key(q.agency), -1)
                if col >= 0:
                    c[i] = table[:, col]
            feats[f"{prefix}_frac"] = c / n[None, :]
            feats[f"{prefix}_log"] = np.log1p(c)
            if prefix == "ag":
                feats["ag_none"] = (c == 0).astype(np.float64)
        return feats


def _identity(x: str) -> str:
    return x


__all__ = [
    "FEATURE_NAMES",
    "PRIOR_FEATURES",
    "TEXT_FEATURES",
    "BM25Params",
    "FeatureConfig",
    "SupplierFeaturizer",
]
