"""What the optimiser changed compared with the greedy pick, and why, as structured data.

The Django layer words it in Korean; `Difference.summary()` gives English lines for the console bench.
"""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass, field

from optimize.selection.problem import SelectionProblem, rank_order
from optimize.selection.solve import SelectionResult


@dataclass(frozen=True)
class Swap:
    id: Hashable
    score: int
    amount: int
    rank: int  # 1 = best-ranked eligible application
    reason: str  # see Difference
    left_at_turn: int = 0  # money the greedy walk still had when it reached this application
    group: str = ""  # the quota group that made the optimiser take it, if any


@dataclass
class Difference:
    """Reasons: swapped in — "quota" (the greedy pick breaks a quota this application helps meet) or
    "packing" (the greedy walk skipped it because the money left at its turn was too little, or had run
    out; the optimiser frees money by leaving out a costlier one); swapped out — "displaced" (its money
    funds swapped-in applications that together score more, or meet a quota)."""

    score_gain: int  # hundredths
    money_optimal: int
    money_greedy: int
    budget: int
    swapped_in: list[Swap] = field(default_factory=list)
    swapped_out: list[Swap] = field(default_factory=list)
    greedy_breaks: list[str] = field(default_factory=list)

    def summary(self) -> list[str]:
        lines = [
            f"optimiser {self.money_optimal:,} won of {self.budget:,}; greedy {self.money_greedy:,} won"
            f" (left unused: {self.budget - self.money_optimal:,} vs {self.budget - self.money_greedy:,})"
        ]
        if self.greedy_breaks:
            lines.append("greedy breaks quotas: " + ", ".join(self.greedy_breaks))
        for s in self.swapped_out:
            lines.append(
                f"out {s.id} (rank {s.rank}, {s.score / 100:.2f} pts, {s.amount:,} won): its money funds"
                " swapped-in applications that score more together"
            )
        for s in self.swapped_in:
            why = (
                f"needed for the {s.group} quota"
                if s.reason == "quota"
                else f"greedy skipped it: {s.left_at_turn:,} won left at its turn"
            )
            lines.append(f"in  {s.id} (rank {s.rank}, {s.score / 100:.2f} pts, {s.amount:,} won): {why}")
        return lines


def explain(problem: SelectionProblem, optimal: SelectionResult, base: SelectionResult) -> Difference:
    ordered = rank_order(problem.eligible())
    rank = {c.id: i + 1 for i, c in enumerate(ordered)}
    left_at: dict[Hashable, int] = {}
    left = problem.budget
    for c in ordered:  # replay the greedy walk to know what it had at each turn
        left_at[c.id] = left
        if c.amount <= left:
            left -= c.amount
    by_id = {c.id: c for c in ordered}
    broken_groups = {b.split(":")[1] for b in base.quota_shortfalls}
    opt_set, base_set = set(optimal.chosen), set(base.chosen)
    diff = Difference(
        score_gain=optimal.total_score - base.total_score,
        money_optimal=optimal.total_amount,
        money_greedy=base.total_amount,
        budget=problem.budget,
        greedy_breaks=list(base.quota_shortfalls),
    )
    for cid in optimal.chosen:
        if cid in base_set:
            continue
        c = by_id[cid]
        quota_group = next((g for g in sorted(c.groups) if g in broken_groups), "")
        diff.swapped_in.append(
            Swap(
                id=cid,
                score=c.score,
                amount=c.amount,
                rank=rank[cid],
                reason="quota" if quota_group else "packing",
                left_at_turn=left_at[cid],
                group=quota_group,
            )
        )
    for cid in base.chosen:
        if cid in opt_set:
            continue
        c = by_id[cid]
        diff.swapped_out.append(
            Swap(
                id=cid,
                score=c.score,
                amount=c.amount,
                rank=rank[cid],
                reason="displaced",
                left_at_turn=left_at[cid],
            )
        )
    return diff
