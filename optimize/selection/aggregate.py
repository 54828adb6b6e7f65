"""Evaluators' scores → one score per application, by the method the programme names.

- "mean": the plain mean of the evaluators' totals;
- "trimmed": drop one highest and one lowest total when at least 3 evaluators scored, then the mean
  (as many Korean programmes do: 최고·최저 점수 제외 평균); with fewer than 3 it is the plain mean;
- "zscore": each evaluator's totals are turned into z-scores over the applications that evaluator scored
  (a strict and a lenient evaluator then count alike), averaged per application, and mapped back onto the
  panel's overall mean and spread so the result still reads as points. An evaluator who scored one
  application, or gave every one the same total, contributes z = 0 (no information about their scale).
"""

from __future__ import annotations

import statistics
from collections.abc import Hashable, Mapping

METHODS = ("mean", "trimmed", "zscore")

Scores = Mapping[Hashable, Mapping[Hashable, float]]  # evaluator → application → total points


def by_application(scores: Scores) -> dict[Hashable, list[float]]:
    out: dict[Hashable, list[float]] = {}
    for per_app in scores.values():
        for app, total in per_app.items():
            out.setdefault(app, []).append(float(total))
    return out


def trimmed_mean(values: list[float]) -> float:
    if len(values) >= 3:
        values = sorted(values)[1:-1]
    return statistics.fmean(values)


def aggregate(scores: Scores, method: str) -> dict[Hashable, float]:
    """Application → aggregated points. Raises ValueError for an unknown method."""
    if method not in METHODS:
        raise ValueError(f"unknown aggregation method {method!r}; use one of {', '.join(METHODS)}")
    per_app = by_application(scores)
    if method == "mean":
        return {app: statistics.fmean(v) for app, v in per_app.items()}
    if method == "trimmed":
        return {app: trimmed_mean(v) for app, v in per_app.items()}
    everything = [t for v in per_app.values() for t in v]
    if not everything:
        return {}
    centre = statistics.fmean(everything)
    spread = statistics.pstdev(everything)
    zs: dict[Hashable, list[float]] = {}
    for per_eval in scores.values():
        totals = [float(t) for t in per_eval.values()]
        mean = statistics.fmean(totals) if totals else 0.0
        sd = statistics.pstdev(totals) if len(totals) > 1 else 0.0
        for app, total in per_eval.items():
            zs.setdefault(app, []).append((float(total) - mean) / sd if sd > 0 else 0.0)
    return {app: centre + spread * statistics.fmean(z) for app, z in zs.items()}


def weighted_total(points: Mapping[str, float], weights: Mapping[str, float]) -> float:
    """A rubric total: each criterion's points (0–10) × its weight / 10, so the weights sum to the maximum.
    Raises ValueError for a missing criterion or points outside 0–10."""
    total = 0.0
    for criterion, weight in weights.items():
        if criterion not in points:
            raise ValueError(f"no points for criterion {criterion!r}")
        p = points[criterion]
        if not 0 <= p <= 10:
            raise ValueError(f"points for {criterion!r} must be between 0 and 10")
        total += p * weight / 10
    return total
