from __future__ import annotations

import io

from optimize.selection.bench import generate, run_select_bench
from optimize.selection.solve import greedy, solve


def test_bench_prints_both_totals_and_times() -> None:
    out = io.StringIO()
    run_select_bench({"applications": 60, "seed": 3}, out)
    text = out.getvalue()
    assert "optimal  status=optimal" in text and "greedy" in text and "seconds=" in text
    assert "difference: +" in text


def test_generated_applications_are_plausible_and_seeded() -> None:
    p = generate(200, 11)
    assert all(30_000_000 <= c.amount <= 200_000_000 for c in p.candidates)
    assert generate(200, 11) == p and generate(200, 12) != p
    opt, base = solve(p), greedy(p)
    assert opt.status == "optimal" and opt.total_amount <= p.budget
    assert opt.total_score >= base.total_score
