"""``MatchEngine``: suppliers for a need, needs for a supplier, and pairs that want each other.

One query runs in three steps, so that its cost barely grows with the corpus:

1. candidates: BM25 top-N (walking the postings of the query's rarer terms) ∪ vector top-N, both
   restricted to the rows that pass the hard filters;
2. every candidate gets its parts: exact BM25 from the forward index (scaled by the query's ideal
   score), cosine (above a per-model floor), and the structured parts; the score is their weighted
   sum (weights are data, ``matching/data/engine_weights.json``);
3. exposure control re-ranks, and only the top ``k`` get an explanation.

Texts are embedded once, when a profile is indexed; a query profile that is itself indexed reuses
its terms and vector. ``save``/``load``/``refresh`` (``matching.engine.persist``) keep processes in step.
A ``vector_store`` (``matching.vectors.store``), when given, receives every vector written and answers
the dense candidate search of step 1; scoring still reads the engine's own vectors.
"""

from __future__ import annotations

import itertools
import threading
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Concatenate

import numpy as np
import numpy.typing as npt

from matching.embedding.base import Embedder, Kind
from matching.engine import persist
from matching.engine.evidence import phrases, reference_document
from matching.engine.explain import Match, Names, build_explanation, readable_terms, similar_projects
from matching.engine.exposure import rerank
from matching.engine.features import Pooling, TextFeaturizer, text_key
from matching.engine.parts import (
    PART_NAMES,
    STRUCTURED_PARTS,
    TEXT_PARTS,
    Scoring,
    pair_of,
    score_batch,
    score_pair,
)
from matching.engine.profiles import NO_FILTERS, Filters, NeedProfile, Profile, SupplierProfile
from matching.engine.side import Side
from matching.engine.structured import StructuredFit, StructuredParams, assess
from matching.engine.synonyms import Synonyms
from matching.engine.textparts import Query, bag
from matching.engine.weights import Weights, default_weights
from matching.vectors.store import VectorQuery, VectorStore

FloatVector = npt.NDArray[np.float32]
IntArray = npt.NDArray[np.int64]
SHARED_TERMS_SHOWN = 8
__all__ = ["PART_NAMES", "STRUCTURED_PARTS", "TEXT_PARTS", "MatchEngine", "Reciprocal"]


@dataclass(frozen=True)
class Reciprocal:
    """A pair scored both ways; ``score`` is the harmonic mean of the two directions."""

    need_id: str
    supplier_id: str
    score: float
    supplier_for_need: Match
    need_for_supplier: Match


def _serialised[**P, R](
    method: Callable[Concatenate[MatchEngine, P], R],
) -> Callable[Concatenate[MatchEngine, P], R]:
    """One call at a time per engine: a query never sees a half-applied write or refresh."""

    def wrapper(engine: MatchEngine, /, *args: P.args, **kwargs: P.kwargs) -> R:
        with engine._lock:
            return method(engine, *args, **kwargs)

    wrapper.__name__, wrapper.__doc__ = method.__name__, method.__doc__
    return wrapper


class MatchEngine:
    """Hybrid (BM25 + dense + structured) matching of needs and suppliers, with explanations.

    Parameters
    ----------
    embedder : any ``matching.embedding.Embedder`` (suppliers are embedded as passages, needs as queries).
    weights : fusion weights and shapes (default: ``matching/data/engine_weights.json``).
    synonyms : synonym groups (default: ``matching/data/synonyms.tsv``).
    names : KSIC / capability / hub names and the KSIC division → section map, from the adapter.
    pooling : ``"sentences"`` (cached per sentence, for bulk indexing) or ``"text"``.
    exact_threshold : vectors below which search is exact (see ``matching.vectors``).
    batch_size : profiles analysed and embedded together by ``index``.
    vector_store : an external store for the dense candidate search (``None``: the engine's own index).
    """

    def __init__(
        self,
        embedder: Embedder,
        *,
        weights: Weights | None = None,
        synonyms: Synonyms | None = None,
        names: Names | None = None,
        pooling: Pooling = "sentences",
        exact_threshold: int = 20_000,
        batch_size: int = 2_000,
        vector_store: VectorStore | None = None,
    ) -> None:
        self.embedder = embedder
        self.weights = weights
        self.synonyms = synonyms
        self.names = names
        self.pooling = pooling
        self.exact_threshold = exact_threshold
        self.batch_size = batch_size
        self.vector_store = vector_store
        self._lock = threading.RLock()  # not state: serialises writes, refreshes and queries

    # -- state ----------------------------------------------------------------------------------
    def _reset(self) -> None:
        self.weights_ = self.weights or default_weights()
        self.names_ = self.names or Names()
        self.params_: StructuredParams = replace(
            self.weights_.structured, ksic_section=self.names_.ksic_section
        )
        self.featurizer_ = TextFeaturizer(self.embedder, self.synonyms, pooling=self.pooling)
        dim = self.embedder.dim
        bm25 = self.weights_.bm25
        self.suppliers_ = Side("supplier", dim, exact_threshold=self.exact_threshold, bm25=bm25)
        self.needs_ = Side("need", dim, exact_threshold=self.exact_threshold, bm25=bm25)
        self.suppliers_.reset()
        self.needs_.reset()
        self.sync_ = persist.SyncState()

    def _ready(self) -> None:
        if not hasattr(self, "suppliers_"):
            self._reset()

    @property
    def version(self) -> str:
        """Changes with every write seen by this process: "<snapshot generation>:<journal offset>"."""
        self._ready()
        return self.sync_.version

    # -- indexing -------------------------------------------------------------------------------
    @_serialised
    def index(self, suppliers: Iterable[SupplierProfile], needs: Iterable[NeedProfile] = ()) -> MatchEngine:
        """Index everything from scratch; both arguments may be generators (read in batches)."""
        self._reset()
        for side, profiles, kind in ((self.suppliers_, suppliers, "passage"), (self.needs_, needs, "query")):
            iterator = iter(profiles)
            while batch := list(itertools.islice(iterator, self.batch_size)):
                self._add(side, batch, kind, bulk=True)  # type: ignore[arg-type]
            side.finish_bulk()
        if self.vector_store is not None:
            for side in (self.suppliers_, self.needs_):
                self.vector_store.replace(side.kind, side.vector_batches(self.batch_size))
        return self

    @_serialised
    def fill_vector_store(self) -> int:
        """Give the vector store the vectors it lacks (after loading a snapshot it may never have
        seen, e.g. a fresh database); vectors it holds are left alone. Returns how many were added."""
        self._ready()
        store = self.vector_store
        if store is None:
            return 0
        added = 0
        for side in (self.suppliers_, self.needs_):
            if store.count(side.kind) != len(side):
                added += store.fill_missing(side.kind, side.vector_batches(self.batch_size))
        return added

    def _add(self, side: Side, profiles: Sequence[Profile], kind: Kind, *, bulk: bool = False) -> list[int]:
        texts = [p.text for p in profiles]
        keys = [text_key(t) for t in texts]
        terms = self.featurizer_.terms_many(texts)
        vectors = np.zeros((len(profiles), self.embedder.dim), dtype=np.float32)
        todo: list[int] = []
        for i, profile in enumerate(profiles):
            row = side.row_of(profile.id)
            if row is not None and side.text_keys_[row] == keys[i]:
                vectors[i] = side.vectors_.get([row])[0]  # unchanged text: no new embedding
            else:
                todo.append(i)
        if todo:
            vectors[todo] = self.featurizer_.embed([texts[i] for i in todo], kind=kind)
        references = self.reference_documents(profiles)
        rows = side.add(profiles, terms, vectors, keys, references=references, bulk=bulk)
        if not bulk and self.vector_store is not None:
            self.vector_store.upsert(side.kind, [p.id for p in profiles], vectors)
        if not bulk:
            self.sync_.log_upsert(side.kind, profiles, terms, vectors, keys)
        return rows

    def reference_documents(self, profiles: Sequence[Profile]) -> list[list[list[str]]]:
        """Each profile's past projects as index documents (needs have none)."""
        refs = [p.references if isinstance(p, SupplierProfile) else () for p in profiles]
        analysed = iter(self.featurizer_.terms_many([r.text for row in refs for r in row]))
        return [[reference_document(next(analysed)) for _ in row] for row in refs]

    def _documents(self, supplier: SupplierProfile) -> list[list[str]]:
        return self.reference_documents([supplier])[0]

    @_serialised
    def upsert_supplier(self, supplier: SupplierProfile) -> None:
        """Add or replace one supplier (its text is re-embedded only if it changed)."""
        self._ready()
        self._add(self.suppliers_, [supplier], "passage")

    @_serialised
    def upsert_need(self, need: NeedProfile) -> None:
        self._ready()
        self._add(self.needs_, [need], "query")

    @_serialised
    def remove_supplier(self, supplier_id: str) -> bool:
        self._ready()
        removed = bool(self.suppliers_.remove([supplier_id]))
        if self.vector_store is not None:
            self.vector_store.remove("supplier", [supplier_id])
        if removed:
            self.sync_.log_remove("supplier", supplier_id)
        return removed

    @_serialised
    def remove_need(self, need_id: str) -> bool:
        self._ready()
        removed = bool(self.needs_.remove([need_id]))
        if self.vector_store is not None:
            self.vector_store.remove("need", [need_id])
        if removed:
            self.sync_.log_remove("need", need_id)
        return removed

    # -- queries --------------------------------------------------------------------------------
    @_serialised
    def suppliers_for_need(
        self,
        need: NeedProfile,
        k: int = 10,
        filters: Filters = NO_FILTERS,
        *,
        exposure: Mapping[str, int] | None = None,
        explain: bool = True,
    ) -> list[Match]:
        """The ``k`` best suppliers for a need (indexed or not), best first.

        ``exposure``: how often each supplier id was shown recently (see ``matching.engine.exposure``).
        """
        self._ready()
        query = self._query(need, self.needs_, "query")
        return self._rank(query, self.suppliers_, k, filters, exposure, explain)

    @_serialised
    def needs_for_supplier(
        self,
        supplier: SupplierProfile,
        k: int = 10,
        filters: Filters = NO_FILTERS,
        *,
        exposure: Mapping[str, int] | None = None,
        explain: bool = True,
    ) -> list[Match]:
        """The ``k`` needs a supplier fits best, best first."""
        self._ready()
        query = self._query(supplier, self.suppliers_, "passage")
        return self._rank(query, self.needs_, k, filters, exposure, explain)

    @_serialised
    def keyword_suppliers_for_need(
        self, need: NeedProfile, k: int = 10, filters: Filters = NO_FILTERS
    ) -> list[Match]:
        """BM25 alone over the same index and filters: the keyword-only list an operator puts beside
        the engine's. ``parts`` holds the raw BM25 score under "bm25"; no explanation."""
        self._ready()
        query = self._query(need, self.needs_, "query")
        mask = self.suppliers_.filter_mask(filters, (need.lat, need.lon))
        rows, scores = self.suppliers_.lexical_.top(query.terms, k, mask)
        ids = [self.suppliers_.ids_[row] for row in rows.tolist()]
        return [
            Match(str(i), float(sc), {"bm25": float(sc)}) for i, sc in zip(ids, scores.tolist(), strict=True)
        ]

    @_serialised
    def reciprocal(self, need: NeedProfile, supplier: SupplierProfile) -> Reciprocal:
        """Both directions of one pair and their harmonic mean (high only if both sides would want it)."""
        self._ready()
        nq = self._query(need, self.needs_, "query")
        sq = self._query(supplier, self.suppliers_, "passage")
        fit = assess(need, supplier, self.params_)
        forward = self._pair_match(nq, sq, self.suppliers_, fit)
        backward = self._pair_match(sq, nq, self.needs_, fit)
        a, b = forward.score, backward.score
        score = 2 * a * b / (a + b) if a > 0 and b > 0 else 0.0
        return Reciprocal(need.id, supplier.id, score, forward, backward)

    # -- internals ------------------------------------------------------------------------------
    def _query(self, profile: Profile, own: Side, kind: Kind) -> Query:
        row = own.row_of(profile.id)
        if row is not None and (not profile.text or own.text_keys_[row] == text_key(profile.text)):
            terms = bag(own.lexical_, row)
            return Query(profile, terms, bag(own.phrases_, row), own.vectors_.get([row])[0])
        terms = self.featurizer_.terms(profile.text)
        return Query(profile, terms, phrases(terms), self.featurizer_.embed([profile.text], kind=kind)[0])

    def _scoring(self) -> Scoring:
        return Scoring(
            suppliers=self.suppliers_,
            documents=self._documents,
            lexical_scale=self.weights_.lexical_scale,
            dense_floor=self.weights_.floor(self.embedder.name),
            params=self.params_,
        )

    def _rank(
        self,
        query: Query,
        side: Side,
        k: int,
        filters: Filters,
        exposure: Mapping[str, int] | None,
        explain: bool,
    ) -> list[Match]:
        w = self.weights_
        origin = (query.profile.lat, query.profile.lon)
        mask = side.filter_mask(filters, origin)
        lex_rows, _ = side.lexical_.top(query.terms, w.lexical_candidates, mask, max_df_ratio=w.max_df_ratio)
        rows: IntArray = lex_rows
        if np.any(query.vector):
            dense_rows = self._dense_rows(side, query.vector, w.dense_candidates, mask)
            rows = np.union1d(lex_rows, dense_rows)
        if rows.size == 0 or k <= 0:
            return []
        columns = score_batch(self._scoring(), query, side, rows)
        weights = w.normalised
        total = np.zeros(rows.shape[0])
        for part in PART_NAMES:
            total += weights[part] * columns[part]
        ids = [side.ids_[row] for row in rows.tolist()]
        scored = [(str(i), float(t)) for i, t in zip(ids, total.tolist(), strict=True)]
        position = {str(i): n for n, i in enumerate(ids)}
        matches = []
        for profile_id, _, penalty in rerank(scored, exposure, w.exposure, k)[:k]:
            n = position[profile_id]
            row = int(rows[n])
            parts = {p: float(columns[p][n]) for p in PART_NAMES}
            need, supplier = pair_of(query.profile, side.profile(row))
            fit = assess(need, supplier, self.params_)
            matches.append(self._match(query, side, row, parts, fit, penalty, explain))
        return matches

    def _dense_rows(
        self, side: Side, vector: FloatVector, n: int, mask: npt.NDArray[np.bool_] | None
    ) -> IntArray:
        """Rows of the ``n`` nearest vectors that pass ``mask``: from the vector store when one is
        plugged in, else from the side's own index."""
        store = self.vector_store
        if store is None:
            rows, _ = side.vectors_.search(vector, n, allowed=mask)
            return rows
        allowed, excluded = side.restriction(mask)
        if allowed is not None and not allowed:
            return np.zeros(0, dtype=np.int64)
        ids, _ = store.search(VectorQuery(side.kind, vector, n, allowed=allowed, excluded=excluded))
        found = [side.row_of(i) for i in ids]
        # An id this process has not seen yet (written after its last refresh) cannot be scored.
        kept = [r for r in found if r is not None and (mask is None or bool(mask[r]))]
        return np.asarray(kept, dtype=np.int64)

    def _match(
        self,
        query: Query,
        side: Side,
        row: int,
        parts: dict[str, float],
        fit: StructuredFit,
        penalty: float,
        explain: bool,
    ) -> Match:
        weights = self.weights_.normalised
        contributions = {p: weights[p] * v for p, v in parts.items()}
        if penalty:
            contributions["exposure"] = -penalty
        score = sum(contributions.values())
        profile = side.profile(row)
        if not explain:
            return Match(profile.id, score, parts)
        found = [self._label(t) for t, _ in side.lexical_.shared_terms(query.terms, row)]
        shared = readable_terms(found, SHARED_TERMS_SHOWN)
        need, supplier = pair_of(query.profile, profile)
        need_terms = query.terms if query.profile is need else self._row_terms(side, row)
        explanation = build_explanation(
            fit=fit,
            shared_terms=shared,
            similar_projects=similar_projects(
                self.suppliers_.lexical_, self.featurizer_, need_terms, supplier
            ),
            contributions=contributions,
            score=score,
            supplier_hub=supplier.hub,
            names=self.names_,
        )
        return Match(profile.id, score, parts, explanation)

    def _pair_match(self, query: Query, other: Query, side: Side, fit: StructuredFit) -> Match:
        """One pair scored by the same parts as a ranking (``parts.score_pair``), with its explanation."""
        need, supplier = pair_of(query.profile, other.profile)
        need_query = query if query.profile is need else other
        parts = score_pair(self._scoring(), query, other, side)
        weights = self.weights_.normalised
        contributions = {p: weights[p] * v for p, v in parts.items()}
        score = sum(contributions.values())
        need_terms = need_query.terms
        shared = sorted(set(query.terms) & set(other.terms), key=lambda t: (-query.terms.count(t), t))
        explanation = build_explanation(
            fit=fit,
            shared_terms=readable_terms([self._label(t) for t in shared], SHARED_TERMS_SHOWN),
            similar_projects=similar_projects(
                self.suppliers_.lexical_, self.featurizer_, need_terms, supplier
            ),
            contributions=contributions,
            score=score,
            supplier_hub=supplier.hub,
            names=self.names_,
        )
        return Match(other.profile.id, score, parts, explanation)

    def _row_terms(self, side: Side, row: int) -> list[str]:  # distinct terms
        tids, _ = side.lexical_.row_terms(row)
        return [side.lexical_.terms_[t] for t in tids.tolist()]

    def _label(self, term: str) -> str:
        return self.featurizer_.synonyms.label(term)

    # -- persistence ----------------------------------------------------------------------------
    @_serialised
    def save(self, directory: str | Path) -> None:
        """Write a snapshot (json, jsonl and npy/npz; no pickle) and make it the current one."""
        self._ready()
        persist.save(self, Path(directory))

    @classmethod
    def load(cls, directory: str | Path, embedder: Embedder, **params: object) -> MatchEngine:
        """The engine of the current snapshot in ``directory`` plus its journal (no re-embedding).

        With a ``vector_store`` in ``params``, the store is given any vector of the snapshot it lacks."""
        engine = persist.load(cls, Path(directory), embedder, params)
        engine.fill_vector_store()
        return engine

    @_serialised
    def refresh(self) -> bool:
        """Catch up with other processes: a new snapshot is loaded, new journal lines are applied.
        Cheap when nothing changed (a stat and a small read). True when something changed."""
        self._ready()
        return persist.refresh(self)

    @staticmethod
    def disk_version(directory: str | Path) -> str:
        """The version an engine fully caught up with ``directory`` would report."""
        return persist.disk_version(Path(directory))
