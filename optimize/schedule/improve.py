"""Augmenting moves on a schedule (Kempe-chain style): an unscheduled request takes a slot by moving
the meetings that block it to other slots, a few levels deep, or by bumping a lighter meeting.

CP-SAT alone stalls on large instances where people, not tables, are the scarce resource; these
moves close most of that gap in well under a second and hand CP-SAT a much better warm start.
"""

from __future__ import annotations

import random
import time

from optimize.schedule.model import Candidates
from optimize.schedule.problem import ParticipantId


class _State:
    def __init__(self, c: Candidates, slot_of: list[int]) -> None:
        self.c = c
        self.slot_of = slot_of  # -1: unscheduled
        self.load = [0] * len(c.room)
        self.at: dict[tuple[ParticipantId, int], int] = {}
        self.members: list[set[int]] = [set() for _ in c.room]
        self.journal: list[tuple[int, int]] = []  # (request, previous slot)
        for i, s in enumerate(slot_of):
            if s >= 0:
                self._put(i, s)

    def _put(self, i: int, s: int) -> None:
        r = self.c.free[i]
        self.slot_of[i] = s
        self.load[s] += 1
        self.members[s].add(i)
        self.at[(r.a, s)] = i
        self.at[(r.b, s)] = i

    def _take(self, i: int) -> None:
        r = self.c.free[i]
        s = self.slot_of[i]
        self.slot_of[i] = -1
        self.load[s] -= 1
        self.members[s].discard(i)
        del self.at[(r.a, s)]
        del self.at[(r.b, s)]

    def move(self, i: int, s: int) -> None:
        self.journal.append((i, self.slot_of[i]))
        if self.slot_of[i] >= 0:
            self._take(i)
        if s >= 0:
            self._put(i, s)

    def undo(self, mark: int) -> None:
        while len(self.journal) > mark:
            i, s = self.journal.pop()
            if self.slot_of[i] >= 0:
                self._take(i)
            if s >= 0:
                self._put(i, s)

    def blockers(self, i: int, s: int) -> set[int]:
        r = self.c.free[i]
        return {j for j in (self.at.get((r.a, s)), self.at.get((r.b, s))) if j is not None}

    def place(self, i: int, depth: int, path: set[int], rng: random.Random) -> bool:
        """Give unscheduled request i a slot, moving blockers (never those on `path`) up to `depth` deep."""
        options = list(self.c.slots[i])
        rng.shuffle(options)
        for s in options:
            if self.load[s] < self.c.room[s] and not self.blockers(i, s):
                self.move(i, s)
                return True
        if depth == 0:
            return False
        for s in options:
            blocking = self.blockers(i, s)
            if blocking & path:
                continue
            if self.load[s] - len(blocking) >= self.c.room[s]:
                # A full slot: one more meeting has to leave it to free a table; try a few.
                others = list(self.members[s] - blocking - path)
                if not others:
                    continue
                blocking = blocking | {rng.choice(others)}
            mark = len(self.journal)
            for j in blocking:
                self.move(j, -1)
            self.move(i, s)
            if all(self.place(j, depth - 1, path | {i}, rng) for j in blocking):
                return True
            self.undo(mark)
        return False


def improve(
    c: Candidates,
    slot_of: list[int],
    *,
    seconds: float,
    depth: int = 3,
    seed: int = 0,
    target: int | None = None,
    patience: int = 300,
) -> list[int]:
    """Repeatedly try to schedule every unscheduled request (heaviest first); stop when a full pass
    finds nothing, then perturb and repeat until the time is up, `target` weight is reached or
    `patience` perturbations in a row found nothing better. Returns the slot per request (-1 = none)."""
    deadline = time.perf_counter() + seconds
    rng = random.Random(seed)
    if target is not None and _weight(c, slot_of) >= target:
        return list(slot_of)
    best = _descend(_State(c, list(slot_of)), depth, rng, deadline)
    best_weight = _weight(c, best)
    # Iterated local search: unschedule a few light meetings at random and descend again;
    # keep the result when it is at least as good (sideways moves help to leave a plateau).
    stale = 0
    while time.perf_counter() < deadline and stale < patience:
        if target is not None and best_weight >= target:
            break
        trial = list(best)
        light = [i for i, s in enumerate(trial) if s >= 0 and c.free[i].weight == 1]
        for i in rng.sample(light, min(len(light), max(2, len(light) // 100))):
            trial[i] = -1
        trial = _descend(_State(c, trial), depth, rng, deadline)
        weight = _weight(c, trial)
        stale = 0 if weight > best_weight else stale + 1
        if weight >= best_weight:
            best, best_weight = trial, weight
    return best


def _weight(c: Candidates, slot_of: list[int]) -> int:
    return sum(r.weight for r, s in zip(c.free, slot_of, strict=True) if s >= 0)


def _descend(state: _State, depth: int, rng: random.Random, deadline: float) -> list[int]:
    c = state.c
    improved = True
    while improved and time.perf_counter() < deadline:
        improved = False
        waiting = [i for i, s in enumerate(state.slot_of) if s < 0 and c.slots[i]]
        waiting.sort(key=lambda i: -c.free[i].weight)
        for i in waiting:
            if time.perf_counter() >= deadline:
                break
            state.journal.clear()
            if state.place(i, depth, set(), rng):
                improved = True
                continue
            state.journal.clear()
            if _bump(state, i):
                improved = True
        state.journal.clear()
    return state.slot_of


def _bump(state: _State, i: int) -> bool:
    """Schedule request i in place of lighter meetings when that raises the total weight."""
    c = state.c
    best: tuple[int, int] | None = None
    for s in c.slots[i]:
        blocking = state.blockers(i, s)
        if state.load[s] - len(blocking) >= c.room[s]:
            # A full slot: the lightest other meeting there gives up its table.
            others = state.members[s] - blocking
            if not others:
                continue
            blocking = blocking | {min(others, key=lambda j: c.free[j].weight)}
        lost = sum(c.free[j].weight for j in blocking)
        gain = c.free[i].weight - lost
        if gain > 0 and (best is None or gain > best[0]):
            best = (gain, s)
    if best is None:
        return False
    s = best[1]
    blocking = state.blockers(i, s)
    for j in blocking:
        state.move(j, -1)
    if state.load[s] >= c.room[s]:
        state.move(min(state.members[s], key=lambda j: c.free[j].weight), -1)
    state.move(i, s)
    return True
