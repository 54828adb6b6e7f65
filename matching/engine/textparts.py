"""What the word-level parts of a score (``matching.engine.parts``: lexical, phrase, reference) share:
the query, and BM25 over the query's ideal.

Every part is divided by ``lexical_scale`` × the query's ideal score (the sum of its terms' idf) and
capped at 1, so a pair scored alone gets the value it gets in a ranking. The reference part compares a
need with a supplier's past projects: stored projects come from the index, a profile that is not
stored (or whose projects changed) is analysed by ``documents``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from matching.engine.lexical import LexicalIndex
from matching.engine.profiles import Profile, SupplierProfile
from matching.engine.side import Side

FloatArray = npt.NDArray[np.float64]
FloatVector = npt.NDArray[np.float32]
IntArray = npt.NDArray[np.int64]
Documents = Callable[[SupplierProfile], list[list[str]]]


@dataclass(frozen=True)
class Query:
    profile: Profile
    terms: list[str]
    phrases: list[str]
    vector: FloatVector

    @property
    def document(self) -> list[str]:
        """Words and phrases: what a need is matched against a supplier's past projects with."""
        return [*self.terms, *self.phrases]


def bag(index: LexicalIndex, row: int) -> list[str]:
    """A stored row's terms as a bag (each term repeated by its count; order is lost)."""
    tids, tfs = index.row_terms(row)
    return [index.terms_[t] for t, n in zip(tids.tolist(), tfs.tolist(), strict=True) for _ in range(int(n))]


def scaled(scores: npt.NDArray[np.floating], ideal: float | FloatArray, scale: float) -> FloatArray:
    """``min(1, score / (scale * ideal))``, 0 where the ideal is 0 (``ideal`` per row or one for all)."""
    denominator = np.broadcast_to(np.asarray(ideal, dtype=np.float64) * scale, scores.shape)
    out = np.zeros(scores.shape[0])
    np.divide(scores.astype(np.float64), denominator, out=out, where=denominator > 0)
    return np.minimum(1.0, out)


def stored_row(suppliers: Side, supplier: SupplierProfile) -> int | None:
    """The supplier's row when the index holds its projects as given, else ``None``."""
    row = suppliers.row_of(supplier.id)
    stored = suppliers.profile(row) if row is not None else None
    if isinstance(stored, SupplierProfile) and stored.references == supplier.references:
        return row
    return None


def reference_scorer(
    suppliers: Side, supplier: SupplierProfile, documents: Documents, scale: float
) -> Callable[[Sequence[str]], float]:
    """Scores a need (its words and phrases) against the supplier's best past project, in [0, 1]."""
    refs = suppliers.references_
    row = stored_row(suppliers, supplier)
    best: Callable[[Sequence[str]], float]
    if row is not None:
        at = np.asarray([row], dtype=np.int64)

        def best(doc: Sequence[str]) -> float:
            return float(refs.best(doc, at)[0])
    else:
        own = documents(supplier)

        def best(doc: Sequence[str]) -> float:
            return refs.best_of_documents(doc, own)

    def score(doc: Sequence[str]) -> float:
        return float(scaled(np.asarray([best(doc)]), refs.ideal(doc), scale)[0])

    return score


def references(
    suppliers: Side, query: Query, side: Side, rows: IntArray, documents: Documents, scale: float
) -> FloatArray:
    """The reference part of every candidate row: a need's suppliers, or a supplier's needs (one
    vectorised pass over the candidates, see ``ReferenceIndex.best_for_rows``)."""
    refs = suppliers.references_
    if side.kind == "supplier":
        return scaled(refs.best(query.document, rows), refs.ideal(query.document), scale)
    assert isinstance(query.profile, SupplierProfile)
    supplier = query.profile
    row = stored_row(suppliers, supplier)
    projects = (
        refs.project_weights(row) if row is not None else refs.project_weights(None, documents(supplier))
    )
    best, ideal = refs.best_for_rows(projects, (side.lexical_, side.phrases_), rows)
    return scaled(best, ideal, scale)
