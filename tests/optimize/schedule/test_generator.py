"""The seeded generator follows issue 6 exactly and is reproducible."""

from __future__ import annotations

import pytest

from optimize.schedule import generate


def test_same_seed_same_instance_other_seed_other_instance() -> None:
    one = generate(participants=200, requests=800, slots=20, tables=30, seed=5)
    assert one == generate(participants=200, requests=800, slots=20, tables=30, seed=5)
    assert one != generate(participants=200, requests=800, slots=20, tables=30, seed=6)


def test_availability_weights_and_pairs() -> None:
    problem = generate(participants=1000, requests=5000, slots=20, tables=120, seed=2026)
    shares = [len(p.available) / 20 for p in problem.participants]
    assert min(shares) >= 0.6
    assert max(shares) <= 0.9
    assert sum(shares) / len(shares) == pytest.approx(0.75, abs=0.02)
    weights = [r.weight for r in problem.requests]
    assert set(weights) == {1, 3}
    assert weights.count(3) == 1500
    assert all(r.a != r.b for r in problem.requests)
    assert len({r.pair for r in problem.requests}) == 5000
    problem.check()


def test_impossible_sizes_are_refused() -> None:
    with pytest.raises(ValueError, match="at most 6 pairs"):
        generate(participants=4, requests=7, slots=3, tables=2)
