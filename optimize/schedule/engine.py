"""The scheduler: CP-SAT over boolean x[request, slot], warm-started with the greedy schedule."""

from __future__ import annotations

import time
from collections.abc import Mapping

from ortools.sat.python import cp_model

from optimize.schedule.bound import matching_bound
from optimize.schedule.greedy import greedy_place
from optimize.schedule.improve import improve
from optimize.schedule.model import candidates, simple_bound
from optimize.schedule.problem import Pair, ParticipantId, Problem, Request, Schedule, unscheduled
from optimize.schedule.tables import assign_tables

# Local search gets this share of the time and CP-SAT the rest: on large instances the moves find
# nearly all of the improvement, CP-SAT proves optimality on small and medium ones.
_search_share = 0.5


def solve(
    problem: Problem,
    *,
    time_limit: float = 10.0,
    workers: int = 2,
    seed: int = 0,
    previous: Mapping[Pair, tuple[int, int]] | None = None,
) -> Schedule:
    """Maximise the weighted number of meetings: at most one slot per request, a person in at most one
    meeting per slot, at most `tables` meetings per slot, locked meetings where they are. Returns the
    best schedule found within `time_limit` seconds (all of it: building, solving, tables) and the
    best upper bound proven. `previous` (pair → (slot, table)) keeps tables stable across re-runs."""
    started = time.perf_counter()
    c = candidates(problem)
    ceiling = simple_bound(c)
    lp = matching_bound(c, time_limit=max(0.5, 0.2 * time_limit))
    if lp is not None:
        ceiling = min(ceiling, lp)
    # Start from the better of the two greedy schedules, so the engine never ends below the baseline.
    start = {
        r.pair: s
        for r, s in max(
            greedy_place(problem, by_weight=True),
            greedy_place(problem),
            key=lambda placed: sum(r.weight for r, _ in placed),
        )
    }
    slot_of = improve(
        c,
        [start.get(r.pair, -1) for r in c.free],
        seconds=_search_share * time_limit,
        seed=seed,
        target=ceiling - c.locked_weight,
    )
    hint = {r.pair: s for r, s in zip(c.free, slot_of, strict=True) if s >= 0}
    hint.update((r.pair, s) for r, s in c.locked)
    if c.locked_weight + sum(r.weight for r in c.free if r.pair in hint) >= ceiling:
        # The warm start already meets the simple bound: it is optimal, no search needed.
        done = [(r, hint[r.pair]) for r in problem.requests if r.pair in hint]
        return _schedule(problem, done, ceiling, "optimal", started, previous)
    model = cp_model.CpModel()
    x: list[list[tuple[int, cp_model.IntVar]]] = []
    per_person_slot: dict[tuple[ParticipantId, int], list[cp_model.IntVar]] = {}
    per_slot: list[list[cp_model.IntVar]] = [[] for _ in range(problem.slots)]
    objective = []
    for i, (r, slots) in enumerate(zip(c.free, c.slots, strict=True)):
        row = []
        for s in slots:
            v = model.new_bool_var(f"x{i}_{s}")
            row.append((s, v))
            per_slot[s].append(v)
            per_person_slot.setdefault((r.a, s), []).append(v)
            per_person_slot.setdefault((r.b, s), []).append(v)
            objective.append(r.weight * v)
            model.add_hint(v, hint.get(r.pair) == s)
        if len(row) > 1:
            model.add_at_most_one(v for _, v in row)
        x.append(row)
    for group in per_person_slot.values():
        if len(group) > 1:
            model.add_at_most_one(group)
    for s, group in enumerate(per_slot):
        if len(group) > c.room[s]:
            model.add(sum(group) <= c.room[s])
    model.maximize(sum(objective))
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = max(1, workers)
    solver.parameters.random_seed = seed
    solver.parameters.max_time_in_seconds = max(0.1, time_limit - (time.perf_counter() - started) - 0.5)
    status = solver.solve(model, _StopAt(ceiling - c.locked_weight))
    placed: list[tuple[Request, int]] = list(c.locked)
    if status in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        for r, row in zip(c.free, x, strict=True):
            for s, v in row:
                if solver.boolean_value(v):
                    placed.append((r, s))
        bound = c.locked_weight + int(solver.best_objective_bound + 1e-6)
        state = "optimal" if status == cp_model.OPTIMAL else "feasible"
    else:
        # No answer within the time: the greedy warm start is still a valid schedule.
        placed = [(r, hint[r.pair]) for r in problem.requests if r.pair in hint]
        bound, state = ceiling, "greedy"
    bound = min(bound, ceiling)
    weight = sum(r.weight for r, _ in placed)
    if weight >= bound:
        state = "optimal"
    return _schedule(problem, placed, bound, state, started, previous)


class _StopAt(cp_model.CpSolverSolutionCallback):
    """Stop as soon as a solution reaches a bound known from outside the solver."""

    def __init__(self, target: int) -> None:
        super().__init__()
        self.target = target

    def on_solution_callback(self) -> None:
        if self.objective_value >= self.target - 1e-6:
            self.stop_search()


def _schedule(
    problem: Problem,
    placed: list[tuple[Request, int]],
    bound: int,
    state: str,
    started: float,
    previous: Mapping[Pair, tuple[int, int]] | None,
) -> Schedule:
    meetings = assign_tables(problem, placed, previous=previous)
    return Schedule(
        meetings=meetings,
        bound=bound,
        status=state,
        seconds=time.perf_counter() - started,
        unscheduled=unscheduled(problem, (m.pair for m in meetings)),
    )
