"""Match vectors in PostgreSQL (pgvector): the engine's dense candidate search as SQL.

With ``MATCHING_VECTOR_STORE`` (setting, or env ``DXHUB_MATCHING_VECTOR_STORE``):

- ``auto`` (default): pgvector on PostgreSQL when the ``vector`` extension is available, else local;
- ``local``: the engine's own numpy index, whatever the database;
- ``pgvector``: PostgreSQL with pgvector, or fail at start with the reason.

The table ``matches_vector`` (migration 0002; one row per supplier or open need, HNSW cosine index per
kind) is written by the same calls that write the engine: a rebuild replaces a kind in one transaction,
the refresh task upserts or removes one row. Every app server then searches the same rows, so a vector
written by one process is a candidate in all of them at once. docs/decisions/0005-pgvector.md has the
measurements and the limits. The SQL is raw (the ``pgvector`` package is not a dependency): vectors
travel as text literals ``'[0.1,0.2,...]'`` cast with ``::vector``.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable, Sequence

import numpy as np
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.db.backends.base.base import BaseDatabaseWrapper

from matching.vectors.store import Batch, FloatArray, FloatMatrix, VectorQuery

log = logging.getLogger(__name__)
TABLE = "matches_vector"
KINDS = ("supplier", "need")
MODES = ("auto", "local", "pgvector")
# An allowed list up to this long is searched exactly (primary key + sort) instead of through HNSW:
# cheap at this size, and HNSW with a very selective filter may stop before it finds k rows.
EXACT_LIMIT = 2_000
MAX_EF_SEARCH = 1_000  # pgvector's upper bound for hnsw.ef_search
# hnsw.ef_search = EF_FACTOR x k. Measured at 10k suppliers (docs/decisions/0005-pgvector.md): 2 finds 87 %
# of the exact top 100, 4 93 %, 8 97 % for ~2 ms more; the shortlist should not depend on the store.
EF_FACTOR = 8


def mode() -> str:
    value = getattr(settings, "MATCHING_VECTOR_STORE", None) or os.environ.get(
        "DXHUB_MATCHING_VECTOR_STORE", "auto"
    )
    if value not in MODES:
        raise ImproperlyConfigured(f"MATCHING_VECTOR_STORE must be one of {', '.join(MODES)}, not {value!r}")
    return str(value)


def literal(vector: Sequence[float] | np.ndarray) -> str:
    """pgvector's text form; 9 significant digits carry a float32 exactly."""
    return "[" + ",".join(format(float(x), ".9g") for x in np.asarray(vector).reshape(-1).tolist()) + "]"


def _kind(kind: str) -> str:
    # Interpolated into SQL as a literal (so that the partial HNSW index of the kind applies): checked.
    if kind not in KINDS:
        raise ValueError(f"unknown kind {kind!r}")
    return kind


def extension_available(connection: BaseDatabaseWrapper) -> bool:
    if connection.vendor != "postgresql":
        return False
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_available_extensions WHERE name = 'vector'")
        return cursor.fetchone() is not None


def table_dim(connection: BaseDatabaseWrapper) -> int | None:
    """The declared dimension of ``matches_vector.embedding`` (``None``: no table)."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT a.atttypmod FROM pg_attribute a WHERE a.attrelid = to_regclass(%s) AND a.attname = 'embedding'",
            [TABLE],
        )
        row = cursor.fetchone()
    return None if row is None else int(row[0])


def create_schema(connection: BaseDatabaseWrapper, dim: int) -> None:
    """The extension, the table and one HNSW index per kind, at ``dim`` dimensions. A table of another
    dimension (the embedder changed) is emptied and retyped: a rebuild refills it."""
    with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
        cursor.execute("CREATE EXTENSION IF NOT EXISTS vector")
        cursor.execute(
            f"CREATE TABLE IF NOT EXISTS {TABLE} ("
            " kind varchar(8) NOT NULL CHECK (kind IN ('supplier', 'need')),"
            " profile_id varchar(64) NOT NULL,"
            f" embedding vector({int(dim)}) NOT NULL,"
            " updated_at timestamptz NOT NULL DEFAULT now(),"
            " PRIMARY KEY (kind, profile_id))"
        )
        current = table_dim(connection)
        if current != dim:
            for kind in KINDS:
                cursor.execute(f"DROP INDEX IF EXISTS {TABLE}_{kind}_hnsw")
            cursor.execute(f"TRUNCATE {TABLE}")
            cursor.execute(f"ALTER TABLE {TABLE} ALTER COLUMN embedding TYPE vector({int(dim)})")
        for kind in KINDS:
            cursor.execute(
                f"CREATE INDEX IF NOT EXISTS {TABLE}_{kind}_hnsw ON {TABLE}"
                f" USING hnsw (embedding vector_cosine_ops) WHERE kind = '{kind}'"
            )


class PgVectorStore:
    """``matching.vectors.store.VectorStore`` over the ``matches_vector`` table of one database."""

    def __init__(self, using: str = DEFAULT_DB_ALIAS, *, ef_factor: int = EF_FACTOR) -> None:
        self.using = using
        self.ef_factor = ef_factor

    @property
    def connection(self) -> BaseDatabaseWrapper:
        return connections[self.using]  # per thread: gthread workers each use their own

    # -- writes ---------------------------------------------------------------------------------
    def replace(self, kind: str, batches: Iterable[Batch]) -> None:
        """A rebuild: the kind's rows are swapped in one transaction, so readers see old or new."""
        kind = _kind(kind)
        with transaction.atomic(using=self.using), self.connection.cursor() as cursor:
            cursor.execute("DELETE FROM matches_vector WHERE kind = %s", [kind])
            # COPY (psycopg's, under Django's wrapper): one stream instead of a statement per row.
            with cursor.cursor.copy("COPY matches_vector (kind, profile_id, embedding) FROM STDIN") as copy:
                for ids, vectors in batches:
                    for profile_id, vector in zip(ids, vectors, strict=True):
                        copy.write_row((kind, profile_id, literal(vector)))
            cursor.execute("ANALYZE matches_vector")  # the planner's row estimates after a bulk load

    def upsert(self, kind: str, ids: Sequence[str], vectors: FloatMatrix) -> None:
        kind = _kind(kind)
        rows = [(kind, i, literal(v)) for i, v in zip(ids, vectors, strict=True)]
        with self.connection.cursor() as cursor:
            cursor.executemany(
                "INSERT INTO matches_vector (kind, profile_id, embedding) VALUES (%s, %s, %s::vector)"
                " ON CONFLICT (kind, profile_id)"
                " DO UPDATE SET embedding = EXCLUDED.embedding, updated_at = now()",
                rows,
            )

    def remove(self, kind: str, ids: Sequence[str]) -> None:
        with self.connection.cursor() as cursor:
            cursor.execute(
                "DELETE FROM matches_vector WHERE kind = %s AND profile_id = ANY(%s)",
                [_kind(kind), list(ids)],
            )

    def fill_missing(self, kind: str, batches: Iterable[Batch]) -> int:
        kind = _kind(kind)
        added = 0
        with self.connection.cursor() as cursor:
            for ids, vectors in batches:
                rows = [(kind, i, literal(v)) for i, v in zip(ids, vectors, strict=True)]
                cursor.execute(
                    "INSERT INTO matches_vector (kind, profile_id, embedding)"
                    " SELECT %s, i, e::vector FROM unnest(%s::text[], %s::text[]) AS t(i, e)"
                    " ON CONFLICT (kind, profile_id) DO NOTHING",
                    [kind, [r[1] for r in rows], [r[2] for r in rows]],
                )
                added += max(cursor.rowcount, 0)
        return added

    # -- reads ----------------------------------------------------------------------------------
    def count(self, kind: str) -> int:
        with self.connection.cursor() as cursor:
            cursor.execute("SELECT count(*) FROM matches_vector WHERE kind = %s", [_kind(kind)])
            row = cursor.fetchone()
        return int(row[0]) if row else 0

    def vector_of(self, kind: str, profile_id: str) -> FloatArray | None:
        """The stored vector of one profile (for checks and tests)."""
        with self.connection.cursor() as cursor:
            cursor.execute(
                "SELECT embedding::text FROM matches_vector WHERE kind = %s AND profile_id = %s",
                [_kind(kind), profile_id],
            )
            row = cursor.fetchone()
        if row is None:
            return None
        return np.asarray([float(x) for x in row[0].strip("[]").split(",")], dtype=np.float32)

    def search(self, query: VectorQuery) -> tuple[list[str], FloatArray]:
        kind, k = _kind(query.kind), int(query.k)
        if k <= 0:
            return [], np.zeros(0, dtype=np.float32)
        q = literal(query.vector)
        with transaction.atomic(using=self.using), self.connection.cursor() as cursor:
            if query.allowed is not None and len(query.allowed) <= EXACT_LIMIT:
                # MATERIALIZED keeps the planner from walking the HNSW index: exact over the few rows.
                cursor.execute(
                    "WITH c AS MATERIALIZED (SELECT profile_id, embedding FROM matches_vector"
                    " WHERE kind = %s AND profile_id = ANY(%s))"
                    " SELECT profile_id, embedding <=> %s::vector AS d FROM c ORDER BY d, profile_id LIMIT %s",
                    [kind, list(query.allowed), q, k],
                )
            else:
                # strict_order: with a filter, HNSW keeps scanning until it has k rows that pass it.
                cursor.execute(
                    "SELECT set_config('hnsw.ef_search', %s, true),"
                    " set_config('hnsw.iterative_scan', 'strict_order', true)",
                    [str(min(MAX_EF_SEARCH, max(40, self.ef_factor * k)))],
                )
                where, params = "", []
                if query.allowed is not None:
                    where, params = " AND profile_id = ANY(%s)", [list(query.allowed)]
                elif query.excluded:
                    where, params = " AND NOT (profile_id = ANY(%s))", [list(query.excluded)]
                # kind is checked by _kind, where is one of two constants: no input reaches the text.
                sql = f"SELECT profile_id, embedding <=> %s::vector AS d FROM matches_vector WHERE kind = '{kind}'"  # noqa: S608
                cursor.execute(
                    sql + where + " ORDER BY embedding <=> %s::vector LIMIT %s", [q, *params, q, k]
                )
            rows = cursor.fetchall()
        ids = [str(r[0]) for r in rows]
        return ids, np.asarray([1.0 - float(r[1]) for r in rows], dtype=np.float32)


def vector_store(dim: int, using: str = DEFAULT_DB_ALIAS) -> PgVectorStore | None:
    """The store the engine should use under the configured mode (``None``: the engine's own index).

    Creates the table when the extension can be installed but the table is missing (pgvector was
    built after the migration ran) or has another dimension (the embedder changed)."""
    chosen = mode()
    if chosen == "local":
        return None
    connection = connections[using]
    if not extension_available(connection):
        if chosen == "pgvector":
            raise ImproperlyConfigured(
                "MATCHING_VECTOR_STORE=pgvector needs PostgreSQL with the pgvector extension "
                f"(database vendor: {connection.vendor}); install it with scripts/pgvector.sh"
            )
        return None
    if table_dim(connection) != dim:
        try:
            create_schema(connection, dim)
        except Exception as exc:  # auto mode falls back to the local index, explicit mode fails loudly
            if chosen == "pgvector":
                raise ImproperlyConfigured(f"cannot create {TABLE} ({dim} dims): {exc}") from exc
            log.warning("pgvector available but %s cannot be created (%s): using the local index", TABLE, exc)
            return None
    return PgVectorStore(using)
