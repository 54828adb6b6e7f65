"""Exact selection under budget (OR-Tools CP-SAT) and the naive greedy baseline.

Why CP-SAT rather than a dynamic programme: a knapsack DP over the budget is exact too, but every quota
adds a dimension (a count per group, money per group), and 500 applications × a budget of billions of won
in units of a million × group counts is already too large for memory; CP-SAT keeps the quotas as plain
linear constraints, proves optimality, and reports infeasibility. The tie-break is done by solving again
with the earlier objectives fixed (lexicographic optimisation), so the chosen set is unique whenever each
stage is proven optimal.
"""

from __future__ import annotations

import time
from collections.abc import Hashable, Sequence
from dataclasses import dataclass, field
from typing import Any, cast

from ortools.sat.python import cp_model

from optimize.selection.problem import (
    TIE_BREAK_RULE,
    Candidate,
    SelectionProblem,
    ShareBase,
    quota_shortfalls,
    rank_order,
)


@dataclass
class SelectionResult:
    method: str  # "optimal" (CP-SAT) or "greedy"
    status: str  # "optimal", "feasible" (time limit hit: best found, not proven), "infeasible"
    chosen: list[Hashable]  # in rank order
    total_score: int = 0  # hundredths
    total_amount: int = 0
    seconds: float = 0.0
    ineligible: dict[Hashable, str] = field(default_factory=dict)
    infeasible_reasons: list[str] = field(default_factory=list)
    quota_shortfalls: list[str] = field(default_factory=list)  # quotas this pick breaks (greedy)
    tie_break: str = TIE_BREAK_RULE

    @property
    def count(self) -> int:
        return len(self.chosen)


def _summarise(
    method: str, status: str, problem: SelectionProblem, chosen_ids: set[Hashable]
) -> SelectionResult:
    by_rank = [c for c in rank_order(problem.eligible()) if c.id in chosen_ids]
    return SelectionResult(
        method=method,
        status=status,
        chosen=[c.id for c in by_rank],
        total_score=sum(c.score for c in by_rank),
        total_amount=sum(c.amount for c in by_rank),
        ineligible=problem.ineligible(),
        quota_shortfalls=quota_shortfalls(problem, by_rank),
    )


def explain_infeasible(problem: SelectionProblem) -> list[str]:
    """Why no set meets every quota within the budget: each quota alone, then the quotas together."""
    pool = problem.eligible()
    reasons: list[str] = []
    for q in problem.count_quotas:
        members = sorted(c.amount for c in pool if q.group in c.groups)
        if len(members) < q.at_least:
            reasons.append(f"count:{q.group}:only {len(members)} eligible, {q.at_least} required")
        elif sum(members[: q.at_least]) > problem.budget:
            reasons.append(
                f"count:{q.group}:the {q.at_least} cheapest cost {sum(members[: q.at_least])}"
                f" > budget {problem.budget}"
            )
    for s in problem.share_quotas:
        money = sum(c.amount for c in pool if s.group in c.groups)
        if s.of is ShareBase.BUDGET and money * 10_000 < s.basis_points * problem.budget:
            reasons.append(
                f"share:{s.group}:all eligible requests total {money},"
                f" below {s.basis_points / 100:g}% of budget {problem.budget}"
            )
        if s.of is ShareBase.AWARDED and money == 0 and s.basis_points > 0:
            reasons.append(f"share:{s.group}:no eligible application in the group")
    if not reasons:
        reasons.append("combined: each quota can be met alone, but not all together within the budget")
    return reasons


class _Model:
    def __init__(self, problem: SelectionProblem) -> None:
        self.pool = rank_order(problem.eligible())
        self.model = cp_model.CpModel()
        self.x = [self.model.new_bool_var(f"x{i}") for i in range(len(self.pool))]
        m, x, pool = self.model, self.x, self.pool
        self.amount = sum(c.amount * v for c, v in zip(pool, x, strict=True))
        self.score = sum(c.score * v for c, v in zip(pool, x, strict=True))
        n = len(pool)
        self.points = sum((n - i) * v for i, v in enumerate(x))
        m.add(self.amount <= problem.budget)
        for q in problem.count_quotas:
            m.add(sum(v for c, v in zip(pool, x, strict=True) if q.group in c.groups) >= q.at_least)
        for s in problem.share_quotas:
            group = sum(c.amount * v for c, v in zip(pool, x, strict=True) if s.group in c.groups)
            if s.of is ShareBase.BUDGET:
                m.add(group * 10_000 >= s.basis_points * problem.budget)
            else:
                m.add(group * 10_000 >= s.basis_points * self.amount)

    def run(self, time_limit: float, workers: int) -> tuple[int, list[int]]:
        solver = cp_model.CpSolver()
        solver.parameters.max_time_in_seconds = time_limit
        solver.parameters.num_workers = workers
        solver.parameters.random_seed = 7
        status = solver.solve(self.model)
        values = (
            [int(solver.value(v)) for v in self.x] if status in (cp_model.OPTIMAL, cp_model.FEASIBLE) else []
        )
        return int(status), values

    def hint(self, values: list[int]) -> None:
        cast(Any, self.model).clear_hints()  # untyped in OR-Tools' stubs
        for v, val in zip(self.x, values, strict=True):
            self.model.add_hint(v, val)


def solve(problem: SelectionProblem, *, time_limit: float = 30.0, workers: int = 2) -> SelectionResult:
    """The exact optimum under the stated tie-break; `time_limit` seconds per stage."""
    started = time.perf_counter()
    built = _Model(problem)
    m = built.model
    status, values = built.run(time_limit, workers)
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        result = SelectionResult(
            method="optimal",
            status="infeasible" if status == cp_model.INFEASIBLE else "unknown",
            chosen=[],
            ineligible=problem.ineligible(),
            infeasible_reasons=explain_infeasible(problem) if status == cp_model.INFEASIBLE else [],
        )
        result.seconds = time.perf_counter() - started
        return result
    proven = status == cp_model.OPTIMAL
    # Stages 2–4 fix what the earlier ones proved and break ties; each starts from the last solution.
    for expr, sense in ((built.score, "max"), (built.amount, "min"), (built.points, "max")):
        if not proven:
            break
        if sense == "max":
            m.maximize(expr)
        else:
            m.minimize(expr)
        built.hint(values)
        status, new_values = built.run(time_limit, workers)
        if status != cp_model.OPTIMAL:
            proven = False
            values = new_values if status == cp_model.FEASIBLE else values
            break
        values = new_values
        m.add(expr == _value(built, expr, values))
    if proven:
        values = _lexicographic(built, values, time_limit, workers)
    cast(Any, m).clear_objective()
    chosen = {c.id for c, v in zip(built.pool, values, strict=True) if v}
    result = _summarise("optimal", "optimal" if proven else "feasible", problem, chosen)
    result.seconds = time.perf_counter() - started
    return result


def _value(built: _Model, expr: object, values: list[int]) -> int:
    n = len(built.pool)
    if expr is built.score:
        return sum(c.score for c, v in zip(built.pool, values, strict=True) if v)
    if expr is built.amount:
        return sum(c.amount for c, v in zip(built.pool, values, strict=True) if v)
    return sum(n - i for i, v in enumerate(values) if v)  # the pool is in rank order: points n..1


def _lexicographic(built: _Model, values: list[int], time_limit: float, workers: int) -> list[int]:
    """Rule 4: only runs when another set ties on score, money and rank points (rare)."""
    m, x = built.model, built.x
    cast(Any, m).clear_objective()
    other = m.new_bool_var("another_set")
    m.add(sum(v if not val else 1 - v for v, val in zip(x, values, strict=True)) >= 1).only_enforce_if(other)
    m.add_assumptions([other])
    status, _ = built.run(time_limit, workers)
    m.clear_assumptions()
    m.add(other == 0)
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return values  # no other set ties: the common case
    for i, v in enumerate(x):
        if not values[i]:
            # Can the better-ranked application i join, keeping every earlier decision?
            m.add_assumptions([v])
            built.hint(values)
            status, new_values = built.run(time_limit, workers)
            m.clear_assumptions()
            if status in (cp_model.OPTIMAL, cp_model.FEASIBLE):
                values = new_values
        m.add(v == values[i])
    return values


def greedy(problem: SelectionProblem) -> SelectionResult:
    """The naive pick, stated exactly: walk the eligible applications in rank order (higher score, lower
    amount, earlier submission) and take each one whose request still fits in the remaining money,
    skipping those that do not. It ignores the quotas; the result lists the quotas it breaks."""
    started = time.perf_counter()
    left = problem.budget
    chosen: set[Hashable] = set()
    for c in rank_order(problem.eligible()):
        if c.amount <= left:
            chosen.add(c.id)
            left -= c.amount
    result = _summarise("greedy", "feasible", problem, chosen)
    result.seconds = time.perf_counter() - started
    return result


def brute_force(problem: SelectionProblem) -> list[Candidate] | None:
    """Every subset, best by the stated rule (None when no subset meets the quotas): tests only, 2^n."""
    from itertools import combinations

    pool = rank_order(problem.eligible())
    points = {c.id: len(pool) - i for i, c in enumerate(pool)}
    best_key: tuple[int, int, int, tuple[int, ...]] | None = None
    best: list[Candidate] | None = None
    for k in range(len(pool) + 1):
        for combo in combinations(range(len(pool)), k):
            chosen = [pool[i] for i in combo]
            amount = sum(c.amount for c in chosen)
            if amount > problem.budget or quota_shortfalls(problem, chosen):
                continue
            flags = tuple(1 if i in combo else 0 for i in range(len(pool)))
            key = (sum(c.score for c in chosen), -amount, sum(points[c.id] for c in chosen), flags)
            if best_key is None or key > best_key:
                best_key, best = key, chosen
    return best


def compare_sets(a: Sequence[Hashable], b: Sequence[Hashable]) -> tuple[list[Hashable], list[Hashable]]:
    """(in a but not b, in b but not a), each in the order given."""
    sb, sa = set(b), set(a)
    return [i for i in a if i not in sb], [i for i in b if i not in sa]
