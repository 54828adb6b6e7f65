"""The optimiser against brute force on small random cases: same set, every quota respected."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from optimize.selection.problem import (
    Candidate,
    CountQuota,
    SelectionProblem,
    ShareBase,
    ShareQuota,
    quota_shortfalls,
)
from optimize.selection.solve import brute_force, greedy, solve

M = 1_000_000

candidates = st.lists(
    st.builds(
        lambda amount, score, submitted, regional, young: (amount * M, score, submitted, regional, young),
        st.integers(30, 200),
        st.sampled_from([6000, 7000, 7550, 8000, 8000, 8500, 9200]),  # repeats make ties likely
        st.integers(0, 3),
        st.booleans(),
        st.booleans(),
    ),
    max_size=9,
)


@st.composite
def problems(draw: st.DrawFn) -> SelectionProblem:
    rows = draw(candidates)
    cands = [
        Candidate(
            id=f"A{i}",
            amount=a,
            score=s,
            submitted=t,
            groups=frozenset(g for g, on in (("regional", r), ("young", y)) if on),
        )
        for i, (a, s, t, r, y) in enumerate(rows)
    ]
    counts = draw(
        st.lists(st.builds(CountQuota, st.sampled_from(["regional", "young"]), st.integers(0, 3)), max_size=2)
    )
    shares = draw(
        st.lists(
            st.builds(
                ShareQuota,
                st.sampled_from(["regional", "young"]),
                st.sampled_from([0, 2000, 5000]),
                st.sampled_from(list(ShareBase)),
            ),
            max_size=1,
        )
    )
    return SelectionProblem(
        candidates=cands,
        budget=draw(st.integers(0, 800)) * M,
        cap=draw(st.one_of(st.none(), st.just(150 * M))),
        min_score=draw(st.one_of(st.none(), st.just(7000))),
        count_quotas=counts,
        share_quotas=shares,
    )


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(problems())
def test_optimiser_matches_brute_force_and_respects_quotas(problem: SelectionProblem) -> None:
    result = solve(problem, workers=1)
    best = brute_force(problem)
    if best is None:
        assert result.status == "infeasible"
        assert result.chosen == [] and result.infeasible_reasons
        return
    assert result.status == "optimal"
    assert result.chosen == [c.id for c in best]  # the same set, not just the same score
    chosen = [c for c in problem.candidates if c.id in set(result.chosen)]
    assert sum(c.amount for c in chosen) <= problem.budget
    assert quota_shortfalls(problem, chosen) == []
    ineligible = problem.ineligible()
    assert not set(result.chosen) & set(ineligible)
    # The greedy pick is never better, whatever quotas it breaks... unless it breaks them.
    base = greedy(problem)
    if not base.quota_shortfalls:
        assert base.total_score <= result.total_score


def test_over_cap_requests_are_ineligible_and_named() -> None:
    p = SelectionProblem(
        candidates=[Candidate("big", 190 * M, 9900), Candidate("ok", 100 * M, 7000)],
        budget=500 * M,
        cap=150 * M,
    )
    r = solve(p)
    assert r.chosen == ["ok"]
    assert r.ineligible == {"big": "over_cap"}


def test_optimiser_beats_greedy_on_the_classic_packing_case() -> None:
    # Greedy takes the 90-point 160M project and then nothing else fits; two 80s fit in the same money.
    p = SelectionProblem(
        candidates=[
            Candidate("A", 160 * M, 9000),
            Candidate("B", 100 * M, 8000),
            Candidate("C", 100 * M, 8000),
        ],
        budget=200 * M,
    )
    assert greedy(p).chosen == ["A"]
    r = solve(p)
    assert r.chosen == ["B", "C"] and r.total_score == 16000


def test_infeasible_quota_is_reported_with_reasons() -> None:
    p = SelectionProblem(
        candidates=[
            Candidate("A", 100 * M, 9000, groups=frozenset({"young"})),
            Candidate("B", 100 * M, 8000),
        ],
        budget=300 * M,
        count_quotas=[CountQuota("young", 2)],
        share_quotas=[ShareQuota("regional", 1000)],
    )
    r = solve(p)
    assert r.status == "infeasible" and r.chosen == []
    assert any(reason.startswith("count:young:only 1 eligible") for reason in r.infeasible_reasons)
    assert any(reason.startswith("share:regional") for reason in r.infeasible_reasons)


def test_quotas_that_only_fail_together_are_reported_as_combined() -> None:
    p = SelectionProblem(
        candidates=[
            Candidate("Y", 150 * M, 9000, groups=frozenset({"young"})),
            Candidate("R", 150 * M, 8000, groups=frozenset({"regional"})),
        ],
        budget=200 * M,
        count_quotas=[CountQuota("young", 1), CountQuota("regional", 1)],
    )
    r = solve(p)
    assert r.status == "infeasible"
    assert r.infeasible_reasons == [
        "combined: each quota can be met alone, but not all together within the budget"
    ]


def test_share_of_awarded_money_is_respected() -> None:
    p = SelectionProblem(
        candidates=[
            Candidate("A", 100 * M, 9500),
            Candidate("B", 100 * M, 9400),
            Candidate("R", 50 * M, 6000, groups=frozenset({"regional"})),
        ],
        budget=200 * M,
        share_quotas=[ShareQuota("regional", 3000, ShareBase.AWARDED)],
    )
    r = solve(p)
    # 30 % of what is awarded: R (50M) with one of A/B (100M) is 33 %; A+B alone is 0 %.
    assert r.chosen == ["A", "R"]
    assert greedy(p).quota_shortfalls
