"""Re-runs keep locked meetings; late cancellations are refilled from the unscheduled requests."""

from __future__ import annotations

from dataclasses import replace

from optimize.schedule import Locked, Participant, Problem, Request, generate, pair, refill, solve, violations


def test_cancellation_frees_a_place_that_an_unscheduled_request_takes() -> None:
    # One slot, one table: only one of the three requests can meet.
    people = tuple(Participant(i, frozenset({0})) for i in range(4))
    problem = Problem(1, 1, people, (Request(0, 1, 3), Request(2, 3, 1), Request(0, 2, 1)))
    first = solve(problem, time_limit=2)
    assert [m.pair for m in first.meetings] == [pair(0, 1)]
    second = refill(problem, first.meetings, [pair(0, 1)], time_limit=2)
    assert second.weight == 1
    assert len(second.meetings) == 1
    assert second.meetings[0].pair in {pair(2, 3), pair(0, 2)}


def test_refill_keeps_every_standing_meeting_in_place() -> None:
    problem = generate(participants=80, requests=300, slots=8, tables=12, seed=3)
    first = solve(problem, time_limit=3)
    cancelled = [m.pair for m in first.meetings[::7]]
    second = refill(problem, first.meetings, cancelled, time_limit=3)
    before = {m.pair: (m.slot, m.table) for m in first.meetings if m.pair not in set(cancelled)}
    after = {m.pair: (m.slot, m.table) for m in second.meetings}
    assert all(after[p] == where for p, where in before.items())
    assert not set(cancelled) & set(after)
    assert len(second.meetings) >= len(before)
    kept = replace(problem, requests=tuple(r for r in problem.requests if r.pair not in set(cancelled)))
    assert violations(kept, second.meetings) == []


def test_tables_stay_put_for_meetings_that_keep_their_slot() -> None:
    problem = generate(participants=40, requests=100, slots=6, tables=8, seed=11)
    first = solve(problem, time_limit=2)
    keep = first.meetings[0]
    again = solve(
        replace(problem, locked=(Locked(keep.a, keep.b, keep.slot),)),
        time_limit=2,
        previous={m.pair: (m.slot, m.table) for m in first.meetings},
    )
    where = {m.pair: (m.slot, m.table) for m in again.meetings}
    assert where[keep.pair] == (keep.slot, keep.table)


def test_a_large_instance_is_near_its_bound_quickly() -> None:
    problem = generate(participants=300, requests=1500, slots=12, tables=60, seed=9)
    schedule = solve(problem, time_limit=4)
    assert violations(problem, schedule.meetings) == []
    assert schedule.seconds < 5
    assert schedule.gap is not None
    assert schedule.gap <= 0.01
