"""`dxhub bench select`: the optimiser beside the greedy pick on seeded, plausible applications."""

from __future__ import annotations

import random
import time
from typing import Any, TextIO

from optimize.selection.explain import explain
from optimize.selection.problem import Candidate, CountQuota, SelectionProblem, ShareBase, ShareQuota
from optimize.selection.solve import SelectionResult, greedy, solve

MILLION = 1_000_000


def generate(n: int, seed: int) -> SelectionProblem:
    """n applications of 30–200 million won (in steps of a million), scores around 78 ± 8 points,
    about 40 % regional and 25 % young firms; a budget for about a third of the requests, a cap of
    180 million (so some requests are over it), a pass mark of 60, and two quotas."""
    rng = random.Random(seed)
    candidates = []
    for i in range(n):
        amount = rng.randint(30, 200) * MILLION
        score = max(0.0, min(100.0, rng.gauss(78, 8)))
        groups = set()
        if rng.random() < 0.4:
            groups.add("regional")
        if rng.random() < 0.25:
            groups.add("young")
        candidates.append(
            Candidate(
                id=f"A{i + 1:04d}",
                amount=amount,
                score=round(score * 100),
                submitted=rng.randint(0, 14 * 24 * 3600),
                groups=frozenset(groups),
            )
        )
    total = sum(c.amount for c in candidates)
    budget = (total // 3) // (100 * MILLION) * (100 * MILLION) or 100 * MILLION
    return SelectionProblem(
        candidates=candidates,
        budget=budget,
        cap=180 * MILLION,
        min_score=6000,
        count_quotas=(CountQuota("young", max(1, n // 20)),),
        share_quotas=(ShareQuota("regional", 4000, ShareBase.AWARDED),),
    )


def _line(r: SelectionResult) -> str:
    return (
        f"{r.method:8} status={r.status:10} total_score={r.total_score / 100:10.2f} selected={r.count:4d} "
        f"money={r.total_amount:>15,} won  seconds={r.seconds:.3f}"
        + (f"  breaks={','.join(r.quota_shortfalls)}" if r.quota_shortfalls else "")
    )


def run_select_bench(options: dict[str, Any], out: TextIO) -> None:
    n, seed = int(options["applications"]), int(options["seed"])
    if n < 1:
        out.write("--applications must be at least 1\n")
        return
    problem = generate(n, seed)
    started = time.perf_counter()
    opt = solve(problem)
    base = greedy(problem)
    elapsed = time.perf_counter() - started
    ineligible = problem.ineligible()
    out.write(
        f"applications={n} seed={seed} budget={problem.budget:,} won cap={problem.cap:,} won "
        f"eligible={n - len(ineligible)} quotas: young>={problem.count_quotas[0].at_least} selected, "
        f"regional>=40% of money awarded\n"
    )
    out.write(_line(opt) + "\n")
    out.write(_line(base) + "\n")
    diff = explain(problem, opt, base)
    out.write(
        f"difference: +{(opt.total_score - base.total_score) / 100:.2f} points; optimiser swapped in "
        f"{len(diff.swapped_in)}, swapped out {len(diff.swapped_out)}\n"
    )
    for line in diff.summary()[:6]:
        out.write(f"  {line}\n")
    out.write(f"tie-break: {opt.tie_break}\nwall seconds (both): {elapsed:.3f}\n")
