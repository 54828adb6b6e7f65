"""On PostgreSQL with pgvector available: the extension and the ``matches_vector`` table (one vector per
supplier or open need, an HNSW cosine index per kind). Nothing on SQLite, nor on a PostgreSQL server
without pgvector (scripts/pgvector.sh installs it; the adapter then creates the table on first use).

The dimension is the configured embedder's; ``dxhub.matches.pgvector.create_schema`` retypes the table
when the embedder changes. ``CREATE EXTENSION vector`` needs a superuser (pgvector is not trusted).
"""

from django.db import migrations

TABLE = "matches_vector"
KINDS = ("supplier", "need")


def create(apps, schema_editor):
    connection = schema_editor.connection
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_available_extensions WHERE name = 'vector'")
        if cursor.fetchone() is None:
            return
    from dxhub.matches.store import embedder

    dim = int(embedder().dim)
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS vector")
    schema_editor.execute(
        f"CREATE TABLE IF NOT EXISTS {TABLE} ("
        " kind varchar(8) NOT NULL CHECK (kind IN ('supplier', 'need')),"
        " profile_id varchar(64) NOT NULL,"
        f" embedding vector({dim}) NOT NULL,"
        " updated_at timestamptz NOT NULL DEFAULT now(),"
        " PRIMARY KEY (kind, profile_id))"
    )
    for kind in KINDS:
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {TABLE}_{kind}_hnsw ON {TABLE}"
            f" USING hnsw (embedding vector_cosine_ops) WHERE kind = '{kind}'"
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP TABLE IF EXISTS {TABLE}")  # the extension may serve others: kept


class Migration(migrations.Migration):
    dependencies = [("matches", "0001_initial")]

    operations = [migrations.RunPython(create, drop, elidable=False)]
