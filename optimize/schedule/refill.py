"""Late cancellations: keep every meeting that still stands where it is, fill the freed places."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from optimize.schedule.engine import solve
from optimize.schedule.problem import Locked, Meeting, Pair, Problem, Schedule


def refill(
    problem: Problem,
    current: Iterable[Meeting],
    cancelled: Iterable[Pair],
    *,
    time_limit: float = 10.0,
) -> Schedule:
    """Drop the cancelled requests, lock every remaining meeting of `current` to its slot and table,
    and schedule what fits of the unscheduled requests around them."""
    gone = set(cancelled)
    requests = tuple(r for r in problem.requests if r.pair not in gone)
    keep = {r.pair for r in requests}
    locked = tuple(Locked(m.a, m.b, m.slot, m.table) for m in current if m.pair in keep)
    return solve(replace(problem, requests=requests, locked=locked), time_limit=time_limit)
