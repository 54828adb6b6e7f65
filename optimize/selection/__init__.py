"""Selection of programme applications under a budget, and the pure arithmetic around it.

- `problem`: the plain records (candidates, quotas, the problem) and the stated tie-break rule.
- `solve`: the exact optimiser (OR-Tools CP-SAT) and `greedy`: the naive baseline.
- `explain`: what the optimiser swapped in and out compared with the greedy pick, and why.
- `aggregate`: evaluators' scores → one score per application (mean, trimmed mean, z-score).
- `eligibility`: a call's applicant rules over plain applicant records, with reason codes.
- `assignment`: evaluators onto applications, conflicts excluded, loads balanced.
- `ledger`: committed / paid / spent / returned money per project and hub-year, with its invariants.
"""

from optimize.selection.problem import (
    Candidate,
    CountQuota,
    SelectionProblem,
    ShareBase,
    ShareQuota,
)
from optimize.selection.solve import SelectionResult, greedy, solve

__all__ = [
    "Candidate",
    "CountQuota",
    "SelectionProblem",
    "SelectionResult",
    "ShareBase",
    "ShareQuota",
    "greedy",
    "solve",
]
