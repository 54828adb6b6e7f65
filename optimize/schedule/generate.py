"""The seeded benchmark generator from issue 6 (reproducible for a given seed)."""

from __future__ import annotations

import random

from optimize.schedule.problem import Pair, Participant, Problem, Request, pair

MUST_MEET = 3
WOULD_LIKE = 1


def generate(*, participants: int, requests: int, slots: int, tables: int, seed: int = 2026) -> Problem:
    """Each person is free in a random 60–90% of the slots; 30% of the requests are "must meet"
    (weight 3), the rest weight 1; pairs are distinct and never a person with themselves.
    Requests come in arrival order, which is what the first-come baseline follows."""
    if participants < 2 and requests > 0:
        raise ValueError("requests need at least two participants")
    if requests > participants * (participants - 1) // 2:
        raise ValueError(
            f"{participants} participants allow at most {participants * (participants - 1) // 2} pairs"
        )
    if slots < 1 or tables < 0 or requests < 0:
        raise ValueError("slots must be ≥ 1, tables and requests ≥ 0")
    rng = random.Random(seed)
    people = []
    for pid in range(1, participants + 1):
        share = rng.uniform(0.6, 0.9)
        k = max(1, round(share * slots))
        people.append(Participant(pid, frozenset(rng.sample(range(slots), k))))
    seen: set[Pair] = set()
    pairs: list[tuple[int, int]] = []
    while len(pairs) < requests:
        a, b = rng.randint(1, participants), rng.randint(1, participants)
        if a == b or pair(a, b) in seen:
            continue
        seen.add(pair(a, b))
        pairs.append((a, b))
    must = set(rng.sample(range(requests), round(0.3 * requests)))
    reqs = tuple(Request(a, b, MUST_MEET if i in must else WOULD_LIKE) for i, (a, b) in enumerate(pairs))
    return Problem(slots=slots, tables=tables, participants=tuple(people), requests=reqs)
