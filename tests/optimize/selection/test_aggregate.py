from __future__ import annotations

import pytest

from optimize.selection.aggregate import aggregate, trimmed_mean, weighted_total
from optimize.selection.problem import scale_score


def test_plain_mean() -> None:
    scores = {"e1": {"a": 80, "b": 70}, "e2": {"a": 90, "b": 60}}
    assert aggregate(scores, "mean") == {"a": 85.0, "b": 65.0}


def test_trimmed_mean_drops_highest_and_lowest_from_three() -> None:
    scores = {"e1": {"a": 95}, "e2": {"a": 80}, "e3": {"a": 40}, "e4": {"a": 82}}
    assert aggregate(scores, "trimmed") == {"a": 81.0}
    assert trimmed_mean([70.0, 90.0]) == 80.0  # fewer than three: plain mean


def test_zscore_makes_a_strict_and_a_lenient_evaluator_count_alike() -> None:
    # e1 is lenient (90/80), e2 strict (60/50): both rank a above b by the same margin in their own scale.
    scores = {"e1": {"a": 90, "b": 80}, "e2": {"a": 60, "b": 50}, "e3": {"c": 70}}
    out = aggregate(scores, "zscore")
    assert out["a"] > out["b"]
    assert out["a"] - 70 == pytest.approx(70 - out["b"])  # symmetric around the panel's mean (70)
    assert out["c"] == pytest.approx(70.0)  # one score only: no information about e3's scale


def test_zscore_differs_from_mean_when_evaluators_see_different_applications() -> None:
    # a is scored only by the strict evaluator, b only by the lenient one.
    scores = {"strict": {"a": 70, "x": 50}, "lenient": {"b": 80, "y": 90}}
    plain = aggregate(scores, "mean")
    z = aggregate(scores, "zscore")
    assert plain["b"] > plain["a"]
    assert z["a"] > z["b"]  # a is the strict evaluator's best; b is the lenient one's worst


def test_unknown_method_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown aggregation method"):
        aggregate({}, "median")


def test_weighted_total_and_its_checks() -> None:
    assert weighted_total({"need": 8, "plan": 10}, {"need": 40, "plan": 60}) == 92.0
    with pytest.raises(ValueError, match="no points"):
        weighted_total({"need": 8}, {"need": 40, "plan": 60})
    with pytest.raises(ValueError, match="between 0 and 10"):
        weighted_total({"need": 11}, {"need": 100})


def test_scale_score_rounds_half_away_from_zero() -> None:
    assert scale_score(0.125) == 13  # exactly representable: the half goes up
    assert scale_score(87.25) == 8725
    assert scale_score(-1.006) == -101
