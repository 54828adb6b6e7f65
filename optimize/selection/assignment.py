"""Evaluators onto applications: each application gets `per_application` evaluators, none with a conflict,
and the heaviest load is as small as possible (then the loads as even as possible).

CP-SAT rather than scipy's linear_sum_assignment: that one matches each row to one column, so giving an
application several distinct evaluators would need side constraints it cannot express.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence, Set
from dataclasses import dataclass, field

from ortools.sat.python import cp_model


@dataclass
class Assignment[A: Hashable, E: Hashable]:
    status: str  # "optimal", "feasible", "infeasible"
    pairs: dict[A, list[E]] = field(default_factory=dict)  # application → evaluators
    loads: dict[E, int] = field(default_factory=dict)
    short: dict[A, int] = field(default_factory=dict)  # application → evaluators it could not get


def assign[A: Hashable, E: Hashable](
    applications: Sequence[A],
    evaluators: Sequence[E],
    conflicts: Mapping[E, Set[A]],  # evaluator → applications they must not see
    *,
    per_application: int,
    time_limit: float = 10.0,
) -> Assignment[A, E]:
    eligible = {a: [e for e in evaluators if a not in conflicts.get(e, set())] for a in applications}
    short = {a: per_application - len(es) for a, es in eligible.items() if len(es) < per_application}
    if short:
        return Assignment(status="infeasible", short=short)
    if not applications:
        return Assignment(status="optimal", loads=dict.fromkeys(evaluators, 0))
    m = cp_model.CpModel()
    x = {(a, e): m.new_bool_var("") for a in applications for e in eligible[a]}
    for a in applications:
        m.add(sum(x[a, e] for e in eligible[a]) == per_application)
    loads = {e: sum(v for (a, e2), v in x.items() if e2 == e) for e in evaluators}
    heaviest = m.new_int_var(0, len(applications), "heaviest")
    lightest = m.new_int_var(0, len(applications), "lightest")
    for load in loads.values():
        m.add(heaviest >= load)
        m.add(lightest <= load)
    # The heaviest load first (weight larger than any spread), then the spread.
    m.minimize(heaviest * (len(applications) + 1) + heaviest - lightest)
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = time_limit
    solver.parameters.num_workers = 1
    solver.parameters.random_seed = 7
    status = solver.solve(m)
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return Assignment(status="infeasible")
    pairs = {a: [e for e in eligible[a] if solver.value(x[a, e])] for a in applications}
    return Assignment(
        status="optimal" if status == cp_model.OPTIMAL else "feasible",
        pairs=pairs,
        loads={e: sum(1 for a in applications if e in pairs[a]) for e in evaluators},
    )
