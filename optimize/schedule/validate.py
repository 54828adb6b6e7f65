"""Check any schedule against every rule of the problem; an empty list means it is valid."""

from __future__ import annotations

from collections.abc import Iterable

from optimize.schedule.problem import Meeting, Pair, ParticipantId, Problem


def violations(problem: Problem, meetings: Iterable[Meeting]) -> list[str]:
    avail = problem.available()
    weights = {r.pair: r.weight for r in problem.requests}
    found: list[str] = []
    seen: set[Pair] = set()
    busy: set[tuple[ParticipantId, int]] = set()
    tables: set[tuple[int, int]] = set()
    where: dict[Pair, tuple[int, int]] = {}
    for m in meetings:
        name = f"{m.a!r}-{m.b!r}"
        if m.pair not in weights:
            found.append(f"{name}: no such request")
        elif m.weight != weights[m.pair]:
            found.append(f"{name}: weight {m.weight} differs from the request's {weights[m.pair]}")
        if m.pair in seen:
            found.append(f"{name}: scheduled twice")
        seen.add(m.pair)
        if not 0 <= m.slot < problem.slots:
            found.append(f"{name}: slot {m.slot} does not exist")
        if not 1 <= m.table <= problem.tables:
            found.append(f"{name}: table {m.table} does not exist")
        if (m.slot, m.table) in tables:
            found.append(f"{name}: table {m.table} in slot {m.slot} is double-booked")
        tables.add((m.slot, m.table))
        for who in (m.a, m.b):
            if m.slot not in avail.get(who, frozenset()):
                found.append(f"{name}: {who!r} is not available in slot {m.slot}")
            if (who, m.slot) in busy:
                found.append(f"{name}: {who!r} is double-booked in slot {m.slot}")
            busy.add((who, m.slot))
        where[m.pair] = (m.slot, m.table)
    for lk in problem.locked:
        got = where.get(lk.pair)
        name = f"locked {lk.a!r}-{lk.b!r}"
        if got is None:
            found.append(f"{name}: missing")
        elif got[0] != lk.slot or (lk.table is not None and got[1] != lk.table):
            found.append(f"{name}: moved to slot {got[0]} table {got[1]}")
    return found
