"""The parts of a score, one object each, in one list (``PARTS``) that fusion, explanation and weights read.

Every part scores a batch of candidate rows (``batch``: a need's suppliers, a supplier's needs) and
one pair (``pair``: ``MatchEngine.reciprocal``) from the same code: a pair whose counterpart is
stored is the batch applied to its one row; a counterpart that is not stored is scored with the same
formula on its analysed text. Each part fills one or more named values in [0, 1] (the weights' keys)
and says what they are called in an explanation. A new part is one class here and one entry in
``PARTS``; the weights file then gives it a weight.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import ClassVar

import numpy as np
import numpy.typing as npt

from matching.engine import textparts
from matching.engine.columns import supplier_parts
from matching.engine.lexical import LexicalIndex
from matching.engine.profiles import NeedProfile, Profile, SupplierProfile
from matching.engine.side import Side
from matching.engine.structured import StructuredParams, assess
from matching.engine.textparts import Documents, Query
from matching.vectors import single_thread_blas

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]


@dataclass(frozen=True)
class Scoring:
    """What the parts read besides the query and the candidates."""

    suppliers: Side  # the supplier side (past projects live there, whichever way a query runs)
    documents: Documents  # a supplier profile's past projects analysed (for one not stored)
    lexical_scale: float
    dense_floor: float
    params: StructuredParams

    def dense(self, cosine: float | npt.NDArray[np.floating]) -> FloatArray:
        floor = self.dense_floor
        return np.clip((np.asarray(cosine, dtype=np.float64) - floor) / (1.0 - floor), 0.0, 1.0)


class Part:
    """A part of the score: ``batch`` over candidate rows, ``pair`` for one counterpart."""

    names: ClassVar[tuple[str, ...]]  # the values it fills, in the order explanations list them
    labels: ClassVar[Mapping[str, str]]  # each value's Korean name
    text: ClassVar[bool] = True  # read from the texts (True) or from the structured facts

    def batch(self, s: Scoring, query: Query, side: Side, rows: IntArray) -> dict[str, FloatArray]:
        raise NotImplementedError

    def pair(self, s: Scoring, query: Query, other: Query, side: Side) -> dict[str, float]:
        raise NotImplementedError


def pair_of(query: Profile, other: Profile) -> tuple[NeedProfile, SupplierProfile]:
    """(need, supplier) of a query profile and a counterpart, whichever is which."""
    if isinstance(query, NeedProfile):
        assert isinstance(other, SupplierProfile)
        return query, other
    assert isinstance(other, NeedProfile) and isinstance(query, SupplierProfile)
    return other, query


def _one(values: dict[str, FloatArray]) -> dict[str, float]:
    return {name: float(v[0]) for name, v in values.items()}


def _stored(side: Side, other: Query) -> IntArray | None:
    row = side.row_of(other.profile.id)
    return None if row is None else np.asarray([row], dtype=np.int64)


class _Words(Part):
    """BM25 of the query's words (or phrases) in the side's index, over the query's ideal score."""

    @staticmethod
    def index(side: Side) -> LexicalIndex:
        raise NotImplementedError

    @staticmethod
    def words(query: Query) -> list[str]:
        raise NotImplementedError

    def _scaled(self, s: Scoring, query: Query, side: Side, bm25: npt.NDArray[np.floating]) -> FloatArray:
        return textparts.scaled(bm25, self.index(side).ideal(self.words(query)), s.lexical_scale)

    def batch(self, s: Scoring, query: Query, side: Side, rows: IntArray) -> dict[str, FloatArray]:
        bm25 = self.index(side).score_rows(self.words(query), rows)
        return {self.names[0]: self._scaled(s, query, side, bm25)}

    def pair(self, s: Scoring, query: Query, other: Query, side: Side) -> dict[str, float]:
        at = _stored(side, other)
        if at is not None:
            return _one(self.batch(s, query, side, at))
        bm25 = np.asarray([self.index(side).score_terms(self.words(query), self.words(other))])
        return _one({self.names[0]: self._scaled(s, query, side, bm25)})


class Lexical(_Words):
    names = ("lexical",)
    labels = {"lexical": "키워드"}

    @staticmethod
    def index(side: Side) -> LexicalIndex:
        return side.lexical_

    @staticmethod
    def words(query: Query) -> list[str]:
        return query.terms


class Phrase(_Words):
    names = ("phrase",)
    labels = {"phrase": "구절 일치"}

    @staticmethod
    def index(side: Side) -> LexicalIndex:
        return side.phrases_

    @staticmethod
    def words(query: Query) -> list[str]:
        return query.phrases


class Reference(Part):
    """The need against the supplier's best single past project (``textparts``)."""

    names = ("reference",)
    labels = {"reference": "유사 수행 사례"}

    def batch(self, s: Scoring, query: Query, side: Side, rows: IntArray) -> dict[str, FloatArray]:
        return {
            "reference": textparts.references(s.suppliers, query, side, rows, s.documents, s.lexical_scale)
        }

    def pair(self, s: Scoring, query: Query, other: Query, side: Side) -> dict[str, float]:
        need, supplier = pair_of(query.profile, other.profile)
        need_query = query if query.profile is need else other
        score = textparts.reference_scorer(s.suppliers, supplier, s.documents, s.lexical_scale)
        return {"reference": score(need_query.document)}


class Cosine(Part):
    """TF-IDF cosine of the query's words and the candidate's (how much of it is about the query)."""

    names = ("cosine",)
    labels = {"cosine": "주제 집중도"}

    def batch(self, s: Scoring, query: Query, side: Side, rows: IntArray) -> dict[str, FloatArray]:
        return {"cosine": side.lexical_.cosine_rows(query.terms, rows)}

    def pair(self, s: Scoring, query: Query, other: Query, side: Side) -> dict[str, float]:
        at = _stored(side, other)
        if at is not None:
            return _one(self.batch(s, query, side, at))
        return {"cosine": side.lexical_.cosine_terms(query.terms, other.terms)}


class Dense(Part):
    """The cosine of the two embeddings above the model's floor, rescaled to [0, 1]."""

    names = ("dense",)
    labels = {"dense": "의미 유사도"}

    def batch(self, s: Scoring, query: Query, side: Side, rows: IntArray) -> dict[str, FloatArray]:
        with single_thread_blas():
            return {"dense": s.dense(side.vectors_.get(rows) @ query.vector)}

    def pair(self, s: Scoring, query: Query, other: Query, side: Side) -> dict[str, float]:
        return {"dense": float(s.dense(float(query.vector @ other.vector)))}


class Structured(Part):
    """Industry, capabilities, region, size, capacity and track record (``structured.assess``).

    A need's suppliers are scored in arrays over the side's columns (``columns.supplier_parts``, the
    same formulas; a test holds the two equal); other batches and pairs call ``assess``."""

    names = ("ksic", "capability", "region", "size", "capacity", "track")
    labels = {
        "capability": "역량",
        "ksic": "업종 경험",
        "region": "지역·거점",
        "size": "규모·예산",
        "capacity": "수행 여력",
        "track": "수행 실적",
    }
    text = False

    def batch(self, s: Scoring, query: Query, side: Side, rows: IntArray) -> dict[str, FloatArray]:
        if isinstance(query.profile, NeedProfile) and side.kind == "supplier":
            return supplier_parts(query.profile, side.columns_, rows, s.params)
        fits = [assess(*pair_of(query.profile, side.profile(row)), s.params).parts() for row in rows.tolist()]
        return {p: np.asarray([f[p] for f in fits]) for p in self.names}

    def pair(self, s: Scoring, query: Query, other: Query, side: Side) -> dict[str, float]:
        return assess(*pair_of(query.profile, other.profile), s.params).parts()


PARTS: tuple[Part, ...] = (Lexical(), Phrase(), Reference(), Cosine(), Dense(), Structured())
PART_NAMES = tuple(name for part in PARTS for name in part.names)
TEXT_PARTS = tuple(name for part in PARTS if part.text for name in part.names)
STRUCTURED_PARTS = tuple(name for part in PARTS if not part.text for name in part.names)
PART_LABELS = {name: label for part in PARTS for name, label in part.labels.items()}


def score_batch(s: Scoring, query: Query, side: Side, rows: IntArray) -> dict[str, FloatArray]:
    """Every part of every candidate row, by part name."""
    out: dict[str, FloatArray] = {}
    for part in PARTS:
        out.update(part.batch(s, query, side, rows))
    return out


def score_pair(s: Scoring, query: Query, other: Query, side: Side) -> dict[str, float]:
    """Every part of one pair, by part name (``other`` is the counterpart on ``side``)."""
    out: dict[str, float] = {}
    for part in PARTS:
        out.update(part.pair(s, query, other, side))
    return out
