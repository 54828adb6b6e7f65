"""Small random instances for property tests: locks are taken from a valid schedule, so always feasible."""

from __future__ import annotations

import itertools

from hypothesis import strategies as st

from optimize.schedule import Locked, Participant, Problem, Request, greedy_place


@st.composite
def problems(draw: st.DrawFn, *, max_people: int = 7, max_slots: int = 4, locks: bool = True) -> Problem:
    n = draw(st.integers(2, max_people))
    slots = draw(st.integers(1, max_slots))
    tables = draw(st.integers(0, 3))
    people = tuple(
        Participant(i, frozenset(draw(st.sets(st.integers(0, slots - 1), max_size=slots)))) for i in range(n)
    )
    all_pairs = list(itertools.combinations(range(n), 2))
    chosen = draw(st.lists(st.sampled_from(all_pairs), unique=True, max_size=min(len(all_pairs), 9)))
    requests = tuple(Request(a, b, draw(st.sampled_from([1, 3]))) for a, b in chosen)
    problem = Problem(slots=slots, tables=tables, participants=people, requests=requests)
    if locks and requests:
        placed = greedy_place(problem)
        keep = draw(st.lists(st.booleans(), min_size=len(placed), max_size=len(placed)))
        with_table = draw(st.booleans())
        locked = []
        for (r, s), k in zip(placed, keep, strict=True):
            if k:
                # Tables of locks are numbered in order within their slot, so they never collide.
                table = sum(1 for lk in locked if lk.slot == s) + 1 if with_table else None
                locked.append(Locked(r.b, r.a, s, table))
        problem = Problem(slots, tables, people, requests, tuple(locked))
    return problem
