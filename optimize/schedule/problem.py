"""The meeting-scheduling problem of a matchmaking day as plain data.

A day has `slots` time slots (0-based indexes) and `tables` tables (1-based numbers) in every slot.
Participants say in which slots they are free; requests are unordered pairs with an integer weight
(3 for "must meet", 1 for "would like to meet" in the product); locked meetings are pairs an operator
has fixed to a slot (and possibly a table) that a re-run must not move.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

ParticipantId = int | str
Pair = frozenset[ParticipantId]


class ProblemError(ValueError):
    """The instance itself breaks a rule (unknown person, self-pair, infeasible lock, …)."""


def pair(a: ParticipantId, b: ParticipantId) -> Pair:
    return frozenset((a, b))


@dataclass(frozen=True, slots=True)
class Participant:
    id: ParticipantId
    available: frozenset[int]


@dataclass(frozen=True, slots=True)
class Request:
    a: ParticipantId
    b: ParticipantId
    weight: int = 1

    @property
    def pair(self) -> Pair:
        return pair(self.a, self.b)


@dataclass(frozen=True, slots=True)
class Locked:
    a: ParticipantId
    b: ParticipantId
    slot: int
    table: int | None = None

    @property
    def pair(self) -> Pair:
        return pair(self.a, self.b)


@dataclass(frozen=True, slots=True)
class Meeting:
    a: ParticipantId
    b: ParticipantId
    slot: int
    table: int
    weight: int
    locked: bool = False

    @property
    def pair(self) -> Pair:
        return pair(self.a, self.b)


@dataclass(frozen=True, slots=True)
class Problem:
    slots: int
    tables: int
    participants: tuple[Participant, ...]
    requests: tuple[Request, ...]
    locked: tuple[Locked, ...] = ()

    def available(self) -> dict[ParticipantId, frozenset[int]]:
        return {p.id: p.available for p in self.participants}

    def check(self) -> None:
        """Raise ProblemError naming the first broken rule; a checked problem always has a schedule."""
        if self.slots < 1:
            raise ProblemError("slots must be at least 1")
        if self.tables < 0:
            raise ProblemError("tables must not be negative")
        avail: dict[ParticipantId, frozenset[int]] = {}
        for p in self.participants:
            if p.id in avail:
                raise ProblemError(f"participant {p.id!r} appears twice")
            bad = [s for s in p.available if not 0 <= s < self.slots]
            if bad:
                raise ProblemError(f"participant {p.id!r}: slot {bad[0]} is outside 0..{self.slots - 1}")
            avail[p.id] = p.available
        seen: set[Pair] = set()
        for r in self.requests:
            for who in (r.a, r.b):
                if who not in avail:
                    raise ProblemError(f"request {r.a!r}-{r.b!r}: unknown participant {who!r}")
            if r.a == r.b:
                raise ProblemError(f"request {r.a!r}-{r.b!r}: a person cannot meet themselves")
            if r.weight < 1:
                raise ProblemError(f"request {r.a!r}-{r.b!r}: weight must be a positive integer")
            if r.pair in seen:
                raise ProblemError(f"request {r.a!r}-{r.b!r} appears twice")
            seen.add(r.pair)
        busy: set[tuple[ParticipantId, int]] = set()
        per_slot: dict[int, int] = {}
        tables_used: set[tuple[int, int]] = set()
        locked_pairs: set[Pair] = set()
        for lk in self.locked:
            name = f"locked meeting {lk.a!r}-{lk.b!r}"
            if lk.pair not in seen:
                raise ProblemError(f"{name}: there is no request for this pair")
            if lk.pair in locked_pairs:
                raise ProblemError(f"{name}: locked twice")
            locked_pairs.add(lk.pair)
            if not 0 <= lk.slot < self.slots:
                raise ProblemError(f"{name}: slot {lk.slot} is outside 0..{self.slots - 1}")
            for who in (lk.a, lk.b):
                if lk.slot not in avail[who]:
                    raise ProblemError(f"{name}: {who!r} is not available in slot {lk.slot}")
                if (who, lk.slot) in busy:
                    raise ProblemError(f"{name}: {who!r} has another locked meeting in slot {lk.slot}")
                busy.add((who, lk.slot))
            per_slot[lk.slot] = per_slot.get(lk.slot, 0) + 1
            if per_slot[lk.slot] > self.tables:
                raise ProblemError(f"{name}: slot {lk.slot} has more locked meetings than tables")
            if lk.table is not None:
                if not 1 <= lk.table <= self.tables:
                    raise ProblemError(f"{name}: table {lk.table} is outside 1..{self.tables}")
                if (lk.slot, lk.table) in tables_used:
                    raise ProblemError(f"{name}: table {lk.table} in slot {lk.slot} is taken twice")
                tables_used.add((lk.slot, lk.table))


@dataclass(frozen=True)
class Schedule:
    """A solution: meetings with slot and table, the proven upper bound on the weight, and how it ended."""

    meetings: tuple[Meeting, ...]
    bound: int | None = None
    status: str = "feasible"  # optimal | feasible | greedy
    seconds: float = 0.0
    unscheduled: tuple[Request, ...] = field(default=())

    @property
    def weight(self) -> int:
        return sum(m.weight for m in self.meetings)

    @property
    def gap(self) -> float | None:
        """Relative distance to the bound (0.0 = proven optimal)."""
        if self.bound is None:
            return None
        if self.bound == 0:
            return 0.0
        return (self.bound - self.weight) / self.bound


def unscheduled(problem: Problem, placed: Iterable[Pair]) -> tuple[Request, ...]:
    done = set(placed)
    return tuple(r for r in problem.requests if r.pair not in done)
