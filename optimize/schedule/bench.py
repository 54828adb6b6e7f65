"""`dxhub bench schedule`: the engine against the first-come baseline and the proven bound."""

from __future__ import annotations

import time
from typing import Any, TextIO

from optimize.schedule.engine import solve
from optimize.schedule.generate import generate
from optimize.schedule.greedy import greedy_place
from optimize.schedule.instance import read_instance
from optimize.schedule.problem import Problem, ProblemError
from optimize.schedule.tables import assign_tables
from optimize.schedule.validate import violations


class BenchError(ValueError):
    """Bad options or a bad instance file; the message says which."""


def load_problem(options: dict[str, Any]) -> Problem:
    if options.get("instance"):
        try:
            return read_instance(options["instance"])
        except ProblemError as exc:
            raise BenchError(str(exc)) from None
    try:
        return generate(
            participants=int(options["participants"]),
            requests=int(options["requests"]),
            slots=int(options["slots"]),
            tables=int(options["tables"]),
            seed=int(options["seed"]),
        )
    except ValueError as exc:
        raise BenchError(str(exc)) from None


def run_schedule_bench(options: dict[str, Any], out: TextIO) -> dict[str, float]:
    time_limit = float(options.get("time_limit") or 10.0)
    if time_limit <= 0:
        raise BenchError("--time-limit must be positive")
    problem = load_problem(options)
    source = options.get("instance") or (
        f"generated seed={options['seed']}: each person free in 60–90% of slots, 30% must-meet (weight 3)"
    )
    out.write(
        f"instance: {source}\n"
        f"participants={len(problem.participants)} requests={len(problem.requests)} "
        f"slots={problem.slots} tables={problem.tables} locked={len(problem.locked)}\n"
    )
    started = time.perf_counter()
    baseline = assign_tables(problem, greedy_place(problem))
    greedy_seconds = time.perf_counter() - started
    greedy = sum(m.weight for m in baseline)
    schedule = solve(problem, time_limit=time_limit)
    broken = violations(problem, schedule.meetings) + violations(problem, baseline)
    if broken:
        raise BenchError("invalid schedule: " + "; ".join(broken[:5]))
    must = sum(1 for m in schedule.meetings if m.weight > 1)
    out.write(
        f"greedy (first-come): {greedy} weighted meetings, {len(baseline)} meetings, {greedy_seconds:.3f}s\n"
        f"engine: {schedule.weight} weighted meetings, {len(schedule.meetings)} meetings "
        f"({must} must-meet), status {schedule.status}\n"
        f"bound: {schedule.bound}  gap {100 * (schedule.gap or 0.0):.2f}%\n"
        f"engine={schedule.weight} greedy={greedy} bound={schedule.bound} seconds={schedule.seconds:.2f}\n"
    )
    return {
        "engine": schedule.weight,
        "greedy": greedy,
        "bound": float(schedule.bound or 0),
        "seconds": schedule.seconds,
    }
