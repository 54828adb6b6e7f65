"""The process-wide matching engine: loaded from its snapshot directory, kept in step with other processes.

Every web worker and the task worker hold one engine. Writes (a saved need or profile) go through
`engine().upsert_*`, which appends to the snapshot's journal; every read first calls `refresh()`, a
stat and a small read, so other processes see a change within one request.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path

from django.conf import settings

from dxhub.matches import adapters, pgvector
from matching.embedding import Embedder, get_embedder
from matching.engine.engine import MatchEngine
from matching.engine.hashing import HashingEmbedder

_lock = threading.RLock()
logger = logging.getLogger(__name__)
_engine: MatchEngine | None = None


def directory() -> Path:
    return Path(settings.MATCHING_DIR)


def embedder() -> Embedder:
    name = settings.MATCHING_EMBEDDER
    if name.startswith("hashing"):
        # Tests only: a model-free embedder (deterministic, milliseconds).
        return HashingEmbedder(dim=int(name.partition("-")[2] or 64))
    return get_embedder(name)


def build() -> MatchEngine:
    """Indexes every supplier and open need from the database and writes a new snapshot."""
    global _engine
    with _lock:
        vectors = embedder()
        engine = MatchEngine(vectors, names=adapters.names(), vector_store=pgvector.vector_store(vectors.dim))
        engine.index(adapters.iter_suppliers(), adapters.iter_needs())
        directory().mkdir(parents=True, exist_ok=True)
        engine.save(directory())
        _engine = engine
        return engine


def engine() -> MatchEngine:
    """The current engine, caught up with the snapshot on disk (built on first use if there is none)."""
    global _engine
    with _lock:
        if _engine is None:
            if not (directory() / "CURRENT").exists():
                return build()
            vectors = embedder()
            try:
                _engine = MatchEngine.load(
                    directory(),
                    vectors,
                    names=adapters.names(),
                    vector_store=pgvector.vector_store(vectors.dim),  # on PostgreSQL: see pgvector.py
                )
            except ValueError as error:
                # A snapshot of an older format or another embedder: rebuild from the database.
                logger.warning("rebuilding the matching index: %s", error)
                return build()
        _engine.refresh()
        return _engine


def reset() -> None:
    """Forget the in-memory engine (tests point MATCHING_DIR at a fresh directory)."""
    global _engine
    with _lock:
        _engine = None
