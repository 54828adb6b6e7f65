"""The candidate (request, slot) pairs every exact method works on, after the locks are taken out."""

from __future__ import annotations

from dataclasses import dataclass

from optimize.schedule.problem import ParticipantId, Problem, Request


@dataclass(frozen=True)
class Candidates:
    """`free` are the unlocked requests; `slots[i]` the slots request `free[i]` could take;
    `room[s]` the tables left in slot s after the locked meetings; `locked_weight` their total."""

    free: tuple[Request, ...]
    slots: tuple[tuple[int, ...], ...]
    room: tuple[int, ...]
    locked: tuple[tuple[Request, int], ...]
    locked_weight: int

    @property
    def size(self) -> int:
        return sum(len(s) for s in self.slots)


def candidates(problem: Problem) -> Candidates:
    problem.check()
    avail = problem.available()
    by_pair = {r.pair: r for r in problem.requests}
    busy: set[tuple[ParticipantId, int]] = set()
    room = [problem.tables] * problem.slots
    locked = []
    for lk in problem.locked:
        busy.update(((lk.a, lk.slot), (lk.b, lk.slot)))
        room[lk.slot] -= 1
        locked.append((by_pair[lk.pair], lk.slot))
    pinned = {lk.pair for lk in problem.locked}
    free, slots = [], []
    for r in problem.requests:
        if r.pair in pinned:
            continue
        ok = tuple(
            s
            for s in sorted(avail[r.a] & avail[r.b])
            if room[s] > 0 and (r.a, s) not in busy and (r.b, s) not in busy
        )
        free.append(r)
        slots.append(ok)
    return Candidates(
        free=tuple(free),
        slots=tuple(slots),
        room=tuple(room),
        locked=tuple(locked),
        locked_weight=sum(r.weight for r, _ in locked),
    )


def simple_bound(c: Candidates) -> int:
    """No schedule holds more meetings than there are tables left, nor a person more meetings than
    the slots they are free in: take the heaviest requests that fit both counts (a greedy upper bound
    on a relaxation, so still an upper bound)."""
    capacity = sum(c.room)
    weights = sorted((r.weight for r, s in zip(c.free, c.slots, strict=True) if s), reverse=True)
    return c.locked_weight + sum(weights[:capacity])
