"""Table numbers are given after the slots are chosen: any set of ≤ `tables` meetings in a slot fits."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from optimize.schedule.problem import Meeting, Pair, Problem, Request


def assign_tables(
    problem: Problem,
    placed: Iterable[tuple[Request, int]],
    *,
    previous: Mapping[Pair, tuple[int, int]] | None = None,
) -> tuple[Meeting, ...]:
    """Locked meetings keep their table; a meeting that stays in the slot it had before keeps its
    table too (`previous`: pair → (slot, table)), so a re-run changes as little of the printed plan
    as it can; the rest take the lowest free numbers."""
    previous = previous or {}
    locks = {lk.pair: lk for lk in problem.locked}
    taken: set[tuple[int, int]] = set()
    fixed: dict[Pair, int] = {}
    items = list(placed)
    # Locked tables first, then tables kept from the previous run, then the rest.
    for req, slot in items:
        lk = locks.get(req.pair)
        if lk is not None and lk.table is not None:
            fixed[req.pair] = lk.table
            taken.add((slot, lk.table))
    for req, slot in items:
        if req.pair in fixed:
            continue
        prev = previous.get(req.pair)
        if (
            prev is not None
            and prev[0] == slot
            and 1 <= prev[1] <= problem.tables
            and (slot, prev[1]) not in taken
        ):
            fixed[req.pair] = prev[1]
            taken.add((slot, prev[1]))
    next_free: dict[int, int] = {}
    meetings = []
    for req, slot in sorted(items, key=lambda item: (item[1], str(item[0].a), str(item[0].b))):
        table = fixed.get(req.pair)
        if table is None:
            table = next_free.get(slot, 1)
            while (slot, table) in taken:
                table += 1
            next_free[slot] = table + 1
            taken.add((slot, table))
        meetings.append(Meeting(req.a, req.b, slot, table, req.weight, locked=req.pair in locks))
    return tuple(meetings)
