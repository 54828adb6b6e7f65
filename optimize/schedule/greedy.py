"""First-come greedy: the baseline the engine is measured against, and its warm start."""

from __future__ import annotations

from optimize.schedule.problem import ParticipantId, Problem, Request


def greedy_place(problem: Problem, *, by_weight: bool = False) -> list[tuple[Request, int]]:
    """Locked meetings first, then each request in arrival order (or heaviest first when
    `by_weight`) goes into a slot where both people are free and a table is left."""
    problem.check()
    avail = problem.available()
    by_pair = {r.pair: r for r in problem.requests}
    busy: set[tuple[ParticipantId, int]] = set()
    load = [0] * problem.slots
    placed: list[tuple[Request, int]] = []
    for lk in problem.locked:
        placed.append((by_pair[lk.pair], lk.slot))
        busy.update(((lk.a, lk.slot), (lk.b, lk.slot)))
        load[lk.slot] += 1
    locked = {lk.pair for lk in problem.locked}
    order = [r for r in problem.requests if r.pair not in locked]
    if by_weight:
        # Stable: equal weights keep their arrival order; scarce pairs (few common slots) go first.
        order.sort(key=lambda r: (-r.weight, len(avail[r.a] & avail[r.b])))
    for r in order:
        options = [
            s
            for s in sorted(avail[r.a] & avail[r.b])
            if load[s] < problem.tables and (r.a, s) not in busy and (r.b, s) not in busy
        ]
        if not options:
            continue
        # First-come takes the earliest slot, as a person booking by hand would; the weighted variant
        # (the engine's warm start) takes the emptiest, which keeps tables free for later requests.
        s = min(options, key=lambda s: load[s]) if by_weight else options[0]
        placed.append((r, s))
        busy.update(((r.a, s), (r.b, s)))
        load[s] += 1
    return placed
