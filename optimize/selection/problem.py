"""Plain records of a selection problem and the one stated tie-break order.

Amounts are integers in won. Scores are integers in hundredths of a point (87.25 → 8725), so the
optimiser compares exactly what a person reads on the result page.

Tie-break rule (stated on every result):
1. the largest total score;
2. then the least money for that score;
3. then the set whose applications rank best: applications are ranked by score (higher first), then
   requested amount (lower first), then submission time (earlier first), then id; the set with the larger
   sum of rank points wins (the best-ranked application is worth n points, the worst 1);
4. if sets still tie, compare them application by application in rank order and prefer the one that
   funds the better-ranked application first (lexicographic).
"""

from __future__ import annotations

import enum
from collections.abc import Hashable, Sequence
from dataclasses import dataclass, field

TIE_BREAK_RULE = (
    "max total score; then least money; then the larger sum of rank points "
    "(rank: higher score, lower amount, earlier submission, lower id); then lexicographic in rank order"
)


def scale_score(points: float) -> int:
    """87.254 points → 8725 (hundredths, rounded half away from zero)."""
    scaled = abs(points) * 100 + 0.5
    return int(scaled) if points >= 0 else -int(scaled)


@dataclass(frozen=True)
class Candidate:
    """One application as the optimiser sees it."""

    id: Hashable
    amount: int  # requested support in won
    score: int  # hundredths of a point
    submitted: int = 0  # any sortable stamp: epoch seconds, a sequence number
    groups: frozenset[str] = frozenset()  # e.g. {"regional", "young"}


@dataclass(frozen=True)
class CountQuota:
    """At least `at_least` selected applications belong to `group`."""

    group: str
    at_least: int


class ShareBase(enum.Enum):
    BUDGET = "budget"  # a share of the programme's budget
    AWARDED = "awarded"  # a share of the money actually awarded


@dataclass(frozen=True)
class ShareQuota:
    """At least `basis_points`/10000 of the money (of the budget, or of what is awarded) goes to `group`."""

    group: str
    basis_points: int
    of: ShareBase = ShareBase.BUDGET


@dataclass(frozen=True)
class SelectionProblem:
    candidates: Sequence[Candidate]
    budget: int
    cap: int | None = None  # per-project cap in won: a larger request is ineligible
    min_score: int | None = None  # a pass mark in hundredths: lower scores are ineligible
    count_quotas: Sequence[CountQuota] = field(default_factory=tuple)
    share_quotas: Sequence[ShareQuota] = field(default_factory=tuple)

    def ineligible(self) -> dict[Hashable, str]:
        """Candidates the optimiser may not pick, with a reason code: 'over_cap', 'below_pass_mark', 'no_amount'."""
        out: dict[Hashable, str] = {}
        for c in self.candidates:
            if c.amount <= 0:
                out[c.id] = "no_amount"
            elif self.cap is not None and c.amount > self.cap:
                out[c.id] = "over_cap"
            elif self.min_score is not None and c.score < self.min_score:
                out[c.id] = "below_pass_mark"
        return out

    def eligible(self) -> list[Candidate]:
        bad = self.ineligible()
        return [c for c in self.candidates if c.id not in bad]


def rank_order(candidates: Sequence[Candidate]) -> list[Candidate]:
    """Higher score, then lower amount, then earlier submission, then id (as text, so any ids compare)."""
    return sorted(candidates, key=lambda c: (-c.score, c.amount, c.submitted, str(c.id)))


def rank_points(candidates: Sequence[Candidate]) -> dict[Hashable, int]:
    ordered = rank_order(candidates)
    n = len(ordered)
    return {c.id: n - i for i, c in enumerate(ordered)}


def quota_shortfalls(problem: SelectionProblem, chosen: Sequence[Candidate]) -> list[str]:
    """Human-neutral descriptions of the quotas that `chosen` breaks (empty when all hold)."""
    problems: list[str] = []
    awarded = sum(c.amount for c in chosen)
    for q in problem.count_quotas:
        have = sum(1 for c in chosen if q.group in c.groups)
        if have < q.at_least:
            problems.append(f"count:{q.group}:{have}<{q.at_least}")
    for s in problem.share_quotas:
        money = sum(c.amount for c in chosen if s.group in c.groups)
        base = problem.budget if s.of is ShareBase.BUDGET else awarded
        if money * 10_000 < s.basis_points * base:
            problems.append(f"share:{s.group}:{s.of.value}:{money}/{base}<{s.basis_points}bp")
    return problems
