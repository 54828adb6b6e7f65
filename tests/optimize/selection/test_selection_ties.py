"""Ties are broken by the stated rule, whatever order the applications arrive in."""

from __future__ import annotations

import random

from optimize.selection.problem import TIE_BREAK_RULE, Candidate, SelectionProblem, rank_order
from optimize.selection.solve import solve

M = 1_000_000


def test_equal_totals_prefer_less_money() -> None:
    # {A} and {B, C} both score 160 points... A alone costs less.
    p = SelectionProblem(
        [Candidate("A", 100 * M, 16000), Candidate("B", 60 * M, 8000), Candidate("C", 60 * M, 8000)],
        budget=120 * M,
    )
    assert solve(p).chosen == ["A"]


def test_equal_score_and_money_prefer_earlier_submission() -> None:
    p = SelectionProblem(
        [Candidate("late", 100 * M, 8000, submitted=50), Candidate("early", 100 * M, 8000, submitted=10)],
        budget=150 * M,
    )
    r = solve(p)
    assert r.chosen == ["early"]
    assert "earlier submission" in r.tie_break and r.tie_break == TIE_BREAK_RULE


def test_equal_rank_points_fall_back_to_lexicographic_rank_order() -> None:
    # Ranks 1..4 by score; {1,4} and {2,3} tie on score (170), money (200M) and rank points (4+1 = 3+2).
    cands = [
        Candidate("r1", 150 * M, 9000),
        Candidate("r2", 100 * M, 8600),
        Candidate("r3", 100 * M, 8400),
        Candidate("r4", 50 * M, 8000),
    ]
    p = SelectionProblem(cands, budget=200 * M)  # {r1, r2} and {r1, r3} do not fit
    assert solve(p).chosen == ["r1", "r4"]


def test_input_order_does_not_change_the_result() -> None:
    rng = random.Random(5)
    cands = [
        Candidate(
            f"A{i}", rng.choice([50, 80, 100]) * M, rng.choice([7000, 8000]), submitted=rng.randint(0, 2)
        )
        for i in range(14)
    ]
    p = SelectionProblem(cands, budget=400 * M)
    first = solve(p).chosen
    for _ in range(3):
        shuffled = cands[:]
        rng.shuffle(shuffled)
        assert solve(SelectionProblem(shuffled, budget=400 * M)).chosen == first


def test_rank_order_is_score_then_amount_then_submission_then_id() -> None:
    cands = [
        Candidate("b", 100, 80, submitted=1),
        Candidate("a", 100, 80, submitted=1),
        Candidate("c", 90, 80, submitted=5),
        Candidate("d", 100, 90, submitted=9),
        Candidate("e", 100, 80, submitted=0),
    ]
    assert [c.id for c in rank_order(cands)] == ["d", "c", "e", "a", "b"]
