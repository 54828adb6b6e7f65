"""Match vectors in pgvector against the engine's numpy index, on one engine and the same data.

    createdb -h 127.0.0.1 -U postgres dxhub_bench_pgvector
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/dxhub_bench_pgvector \\
      .venv/bin/python bench/pgvector_speed.py --suppliers 10000 --queries 200 --dim 384

Suppliers and needs come from the demo generator (``dxhub.matches.bench``), vectors from the
model-free hashing embedder. Reported: the engine's build (numpy only) and what writing the vectors to
pgvector adds (a rebuild's COPY into the HNSW-indexed table, one upsert), then p50/p95 of the dense
candidate step (top 100, the engine's default) and of a need's whole top 10, with the numpy index and
with pgvector, under the shortlist's usual filter (the need's own company excluded) and a hub filter,
plus how many of the exact top 100 HNSW returns. Only the table ``matches_vector`` of the given database
is touched (created if missing, emptied and refilled).
"""

from __future__ import annotations

import argparse
import itertools
import os
import sys
import time
from pathlib import Path

import django
import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "dxhub.settings")
django.setup()

from django.db import connection  # noqa: E402  (after django.setup)

from dxhub.matches import pgvector  # noqa: E402
from dxhub.matches.bench import sample_needs, supplier_batches  # noqa: E402
from matching.engine.engine import MatchEngine  # noqa: E402
from matching.engine.hashing import HashingEmbedder  # noqa: E402
from matching.engine.profiles import Filters  # noqa: E402


def pct(samples: list[float]) -> str:
    a = np.asarray(samples) * 1000
    return f"{np.percentile(a, 50):.1f} / {np.percentile(a, 95):.1f} ms"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--suppliers", type=int, default=10_000)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--dim", type=int, default=384, help="hashing embedder dimension (e5-small: 384)")
    parser.add_argument("--ef-factor", type=int, default=pgvector.EF_FACTOR, help="hnsw.ef_search = this x k")
    parser.add_argument("--exact-limit", type=int, default=pgvector.EXACT_LIMIT)
    args = parser.parse_args()
    if connection.vendor != "postgresql":
        sys.exit("set DATABASE_URL=postgres://... (a database of its own: matches_vector is refilled)")
    pgvector.create_schema(connection, args.dim)
    store = pgvector.PgVectorStore(ef_factor=args.ef_factor)
    pgvector.EXACT_LIMIT = args.exact_limit

    start = time.perf_counter()
    suppliers = list(itertools.chain.from_iterable(supplier_batches(args.suppliers)))
    needs = sample_needs(args.queries)
    print(f"data: {len(suppliers)} suppliers, {len(needs)} needs in {time.perf_counter() - start:.1f} s")

    engine = MatchEngine(HashingEmbedder(dim=args.dim))
    start = time.perf_counter()
    engine.index(suppliers)
    build = time.perf_counter() - start
    side = engine.suppliers_
    start = time.perf_counter()
    store.replace("supplier", side.vector_batches(engine.batch_size))
    replace = time.perf_counter() - start
    print(f"build: engine (numpy) {build:.1f} s; + pgvector replace (COPY, HNSW) {replace:.1f} s")

    vectors = engine.featurizer_.embed([n.text for n in needs], kind="query")
    ids = [s.id for s in suppliers]
    upserts = []
    for i in range(min(200, len(ids))):
        t = time.perf_counter()
        store.upsert("supplier", [ids[i]], side.vectors_.get([side.row_of(ids[i])]))
        upserts.append(time.perf_counter() - t)
    print(f"one upsert: p50 / p95 {pct(upserts)}")

    filters = {
        "own company excluded": lambda n: Filters(exclude=frozenset({ids[n % len(ids)]})),
        "hub = changwon": lambda n: Filters(hubs=frozenset({"changwon"})),
    }
    for need in needs:  # warm the sentence caches, so that neither store pays for the first embedding
        engine.suppliers_for_need(need, 10)
    for label, make in filters.items():
        dense: dict[str, list[float]] = {"numpy": [], "pgvector": []}
        top10: dict[str, list[float]] = {"numpy": [], "pgvector": []}
        found: dict[str, list[set[int]]] = {"numpy": [], "pgvector": []}
        shortlist: dict[str, list[list[str]]] = {"numpy": [], "pgvector": []}
        for n, need in enumerate(needs):
            mask = side.filter_mask(make(n), (need.lat, need.lon))
            for mode, plugged in (("numpy", None), ("pgvector", store)):  # alternate: same machine load
                engine.vector_store = plugged
                t = time.perf_counter()
                rows = engine._dense_rows(side, vectors[n], engine.weights_.dense_candidates, mask)
                dense[mode].append(time.perf_counter() - t)
                found[mode].append(set(rows.tolist()))
                t = time.perf_counter()
                matches = engine.suppliers_for_need(need, 10, make(n))
                top10[mode].append(time.perf_counter() - t)
                shortlist[mode].append([m.id for m in matches])
        recall = np.mean(
            [len(a & b) / max(1, len(a)) for a, b in zip(found["numpy"], found["pgvector"], strict=True)]
        )
        print(f"[{label}] dense top 100: numpy {pct(dense['numpy'])}, pgvector {pct(dense['pgvector'])}")
        print(
            f"[{label}] need top 10 end to end: numpy {pct(top10['numpy'])}, pgvector {pct(top10['pgvector'])}"
        )
        same = np.mean([a == b for a, b in zip(shortlist["numpy"], shortlist["pgvector"], strict=True)])
        print(f"[{label}] pgvector recall of the exact top 100: {recall:.3f}; identical top 10: {same:.1%}")


if __name__ == "__main__":
    main()
