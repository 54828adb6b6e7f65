"""An external vector store the engine can hand its dense candidate search to.

The engine always keeps every vector in its own ``VectorIndex``: snapshots and the journal carry them,
and candidates are scored from them. A ``VectorStore`` plugged into ``MatchEngine(vector_store=...)``
additionally receives every vector the engine writes (a rebuild, an upsert, a removal) and answers
the dense candidate search in its place, so that the search index lives in a shared service (a
PostgreSQL table with pgvector, in the Django adapter) rather than in each process.

Profiles are addressed by ``kind`` ("supplier" or "need") and their string id, never by engine row:
rows are private to one process, ids are shared by all of them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Protocol, runtime_checkable

import numpy as np
import numpy.typing as npt

FloatMatrix = npt.NDArray[np.float32]
FloatArray = npt.NDArray[np.float32]
Batch = tuple[Sequence[str], FloatMatrix]


@dataclass(frozen=True)
class VectorQuery:
    """One dense candidate search: the ``k`` nearest vectors of ``kind`` to ``vector`` (unit length).

    At most one restriction is set: ``allowed`` (only these ids may be returned) or ``excluded``
    (these ids may not). The engine picks the shorter list of the two for the same hard filters.
    """

    kind: str
    vector: FloatArray
    k: int
    allowed: Sequence[str] | None = None
    excluded: Sequence[str] = field(default_factory=tuple)


@runtime_checkable
class VectorStore(Protocol):
    """What the engine needs of an external store. Vectors are L2-normalised float32 rows."""

    def replace(self, kind: str, batches: Iterable[Batch]) -> None:
        """Make the store hold exactly these vectors for ``kind`` (a full rebuild)."""
        ...

    def upsert(self, kind: str, ids: Sequence[str], vectors: FloatMatrix) -> None:
        """Add or overwrite the vectors of ``ids``."""
        ...

    def remove(self, kind: str, ids: Sequence[str]) -> None:
        """Forget ``ids`` (unknown ids are ignored)."""
        ...

    def count(self, kind: str) -> int:
        """How many vectors of ``kind`` the store holds."""
        ...

    def fill_missing(self, kind: str, batches: Iterable[Batch]) -> int:
        """Insert the vectors whose id the store lacks, never overwriting one it holds (another
        process may have written a newer vector). Returns how many were inserted."""
        ...

    def search(self, query: VectorQuery) -> tuple[list[str], FloatArray]:
        """Ids of the nearest vectors, best first, with their cosine similarities."""
        ...
