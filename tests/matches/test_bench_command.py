"""`dxhub bench speed` runs end to end on the demo generator's profiles (tiny size, model-free embedder)."""

from __future__ import annotations

import io

import pytest
from django.core.management import CommandError, call_command

from dxhub.matches.bench import sample_needs, supplier_batches


def test_generator_feeds_exactly_n_suppliers():
    batches = list(supplier_batches(250, batch=100))
    profiles = [p for b in batches for p in b]
    assert len(profiles) == 250 and len({p.id for p in profiles}) == 250
    assert all(p.lat is not None and p.hub for p in profiles)
    needs = sample_needs(5)
    assert len(needs) == 5 and all(n.text for n in needs)


def test_bench_speed_prints_latencies():
    out = io.StringIO()
    call_command(
        "bench", "speed", "--suppliers", "200", "--queries", "3", "--embedder", "hashing", stdout=out
    )
    line = out.getvalue().strip().splitlines()[-1]
    assert line.startswith("suppliers=200") and "p95=" in line and "bm25" in line


def test_bench_speed_rejects_bad_sizes():
    with pytest.raises(CommandError):
        call_command("bench", "speed", "--suppliers", "ten")


def test_generator_runs_chain_past_one_runs_reach(monkeypatch):
    from dxhub.matches import bench

    monkeypatch.setattr(bench, "COMPANIES_PER_RUN", 300)
    profiles = [p for b in supplier_batches(400, batch=128) for p in b]
    assert len(profiles) == 400 and len({p.id for p in profiles}) == 400
    # The second run starts from the next seed, so it does not repeat the first run's companies.
    assert len({p.text for p in profiles}) > 300
