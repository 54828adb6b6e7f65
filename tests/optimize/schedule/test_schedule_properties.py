"""Properties of every schedule the engine returns, on random small instances."""

from __future__ import annotations

import itertools

from hypothesis import HealthCheck, given, settings

from optimize.schedule import Problem, greedy_place, solve, violations
from optimize.schedule.model import candidates

from .strategies import problems

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def brute_force(problem: Problem) -> int:
    """Every assignment of each free request to a slot or to nothing; the best valid weight."""
    c = candidates(problem)
    avail = problem.available()
    best = 0
    for choice in itertools.product(*[(-1, *slots) for slots in c.slots]):
        busy = {(p, s) for r, s in c.locked for p in (r.a, r.b)}
        load = [0] * problem.slots
        for _, s in c.locked:
            load[s] += 1
        ok = True
        for r, s in zip(c.free, choice, strict=True):
            if s < 0:
                continue
            if (r.a, s) in busy or (r.b, s) in busy or load[s] >= problem.tables:
                ok = False
                break
            assert s in avail[r.a] and s in avail[r.b]
            busy.update(((r.a, s), (r.b, s)))
            load[s] += 1
        if ok:
            weight = sum(r.weight for r, s in zip(c.free, choice, strict=True) if s >= 0)
            best = max(best, weight)
    return best + c.locked_weight


@SETTINGS
@given(problems())
def test_engine_schedule_breaks_no_rule(problem: Problem) -> None:
    schedule = solve(problem, time_limit=5)
    assert violations(problem, schedule.meetings) == []


@SETTINGS
@given(problems())
def test_locked_meetings_never_move(problem: Problem) -> None:
    schedule = solve(problem, time_limit=5)
    where = {m.pair: (m.slot, m.table) for m in schedule.meetings}
    for lk in problem.locked:
        assert where[lk.pair][0] == lk.slot
        if lk.table is not None:
            assert where[lk.pair][1] == lk.table
    assert {m.pair for m in schedule.meetings if m.locked} == {lk.pair for lk in problem.locked}


@SETTINGS
@given(problems())
def test_engine_is_at_least_greedy_and_at_most_its_bound(problem: Problem) -> None:
    schedule = solve(problem, time_limit=5)
    greedy = sum(r.weight for r, _ in greedy_place(problem))
    assert greedy <= schedule.weight
    assert schedule.bound is not None
    assert schedule.weight <= schedule.bound


@settings(max_examples=80, deadline=None)
@given(problems(max_people=6, max_slots=3))
def test_small_instances_are_solved_optimally(problem: Problem) -> None:
    schedule = solve(problem, time_limit=5)
    best = brute_force(problem)
    assert schedule.weight == best
    assert schedule.status == "optimal"
    assert schedule.bound == best


@SETTINGS
@given(problems())
def test_greedy_baseline_breaks_no_rule(problem: Problem) -> None:
    from optimize.schedule import assign_tables

    assert violations(problem, assign_tables(problem, greedy_place(problem))) == []
