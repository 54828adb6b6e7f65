"""Programme money per project and per hub-year: committed, paid, spent with evidence, returned.

Every change is an `Entry`; `Ledger.apply` refuses one that would break an invariant (raising
`LedgerError` with a code) and leaves the ledger unchanged. The Django layer replays a hub-year's stored
entries into a `Ledger`, applies the new one here, and saves it only if this accepted it.

Invariants (checked by `Ledger.violations`, which must always be empty):
- per project: 0 ≤ spent + returned ≤ paid ≤ committed (money held by the project = paid − spent − returned);
- per milestone: paid against it ≤ its amount, and nothing is paid against one that is not approved;
  the milestones' amounts add up to at most the commitment;
- per hub-year: Σ (committed − returned) ≤ budget, and budget = remaining + Σ (committed − returned):
  returned money goes back to the programme and can be committed again.
"""

from __future__ import annotations

import enum
from collections.abc import Hashable, Iterable
from dataclasses import dataclass, field


class Kind(enum.Enum):
    BUDGET = "budget"  # the hub-year's programme budget is set (amount = the new budget)
    COMMIT = "commit"  # an agreement commits money to a project
    MILESTONE = "milestone"  # a milestone of `amount` is planned
    APPROVE = "approve"  # the operator approves a milestone (amount 0)
    PAY = "pay"  # money paid to the project against an approved milestone
    SPEND = "spend"  # the project spent money, with evidence
    RETURN = "return"  # unspent money returned to the programme


@dataclass(frozen=True)
class Entry:
    kind: Kind
    hub: Hashable
    year: int
    amount: int = 0
    project: Hashable = None
    milestone: Hashable = None


class LedgerError(ValueError):
    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


@dataclass
class Milestone:
    amount: int
    approved: bool = False
    paid: int = 0


@dataclass
class Account:
    hub: Hashable
    year: int
    committed: int = 0
    paid: int = 0
    spent: int = 0
    returned: int = 0
    milestones: dict[Hashable, Milestone] = field(default_factory=dict)

    @property
    def held(self) -> int:
        return self.paid - self.spent - self.returned


@dataclass(frozen=True)
class Totals:
    budget: int
    committed: int
    paid: int
    spent: int
    returned: int

    @property
    def net_committed(self) -> int:
        return self.committed - self.returned

    @property
    def remaining(self) -> int:
        return self.budget - self.net_committed


class Ledger:
    def __init__(self, entries: Iterable[Entry] = ()) -> None:
        self.budgets: dict[tuple[Hashable, int], int] = {}
        self.accounts: dict[Hashable, Account] = {}
        for entry in entries:
            self.apply(entry)

    def totals(self, hub: Hashable, year: int) -> Totals:
        accts = [a for a in self.accounts.values() if a.hub == hub and a.year == year]
        return Totals(
            budget=self.budgets.get((hub, year), 0),
            committed=sum(a.committed for a in accts),
            paid=sum(a.paid for a in accts),
            spent=sum(a.spent for a in accts),
            returned=sum(a.returned for a in accts),
        )

    def account(self, project: Hashable) -> Account:
        try:
            return self.accounts[project]
        except KeyError:
            raise LedgerError("no_project", f"project {project!r} has no commitment") from None

    def apply(self, e: Entry) -> None:
        if e.amount < 0:
            raise LedgerError("negative", "amounts are positive; use a return to give money back")
        if e.kind is Kind.BUDGET:
            used = self.totals(e.hub, e.year).net_committed
            if e.amount < used:
                raise LedgerError(
                    "budget_below_committed", f"the budget cannot go below {used} already committed"
                )
            self.budgets[(e.hub, e.year)] = e.amount
            return
        if e.kind is Kind.COMMIT:
            acct = self.accounts.get(e.project)
            if acct is not None and (acct.hub, acct.year) != (e.hub, e.year):
                raise LedgerError("other_year", "a project's money belongs to one hub and year")
            if e.amount == 0:
                raise LedgerError("zero", "commit a positive amount")
            left = self.totals(e.hub, e.year).remaining
            if e.amount > left:
                raise LedgerError("over_budget", f"only {left} won remain in the programme budget")
            acct = acct or self.accounts.setdefault(e.project, Account(hub=e.hub, year=e.year))
            acct.committed += e.amount
            return
        acct = self.account(e.project)
        if e.kind is Kind.MILESTONE:
            planned = sum(m.amount for m in acct.milestones.values())
            if e.milestone in acct.milestones:
                raise LedgerError("milestone_exists", "this milestone is already planned")
            if planned + e.amount > acct.committed:
                raise LedgerError("milestones_over_commitment", "milestones would exceed the commitment")
            acct.milestones[e.milestone] = Milestone(amount=e.amount)
        elif e.kind is Kind.APPROVE:
            self._milestone(acct, e.milestone).approved = True
        elif e.kind is Kind.PAY:
            ms = self._milestone(acct, e.milestone)
            if not ms.approved:
                raise LedgerError("not_approved", "payments are made only against an approved milestone")
            if e.amount == 0 or ms.paid + e.amount > ms.amount:
                raise LedgerError(
                    "over_milestone", f"at most {ms.amount - ms.paid} won is due on this milestone"
                )
            ms.paid += e.amount
            acct.paid += e.amount
        elif e.kind in (Kind.SPEND, Kind.RETURN):
            if e.amount == 0 or e.amount > acct.held:
                raise LedgerError("over_held", f"the project holds {acct.held} won")
            if e.kind is Kind.SPEND:
                acct.spent += e.amount
            else:
                acct.returned += e.amount

    @staticmethod
    def _milestone(acct: Account, key: Hashable) -> Milestone:
        try:
            return acct.milestones[key]
        except KeyError:
            raise LedgerError("no_milestone", "no such milestone") from None

    def violations(self) -> list[str]:
        out: list[str] = []
        for key, a in self.accounts.items():
            if not 0 <= a.spent + a.returned <= a.paid <= a.committed:
                out.append(f"{key}: spent+returned ≤ paid ≤ committed broken")
            if sum(m.paid for m in a.milestones.values()) != a.paid:
                out.append(f"{key}: milestone payments do not add up")
            if sum(m.amount for m in a.milestones.values()) > a.committed:
                out.append(f"{key}: milestones exceed the commitment")
            for mk, m in a.milestones.items():
                if m.paid > m.amount or (m.paid and not m.approved):
                    out.append(f"{key}/{mk}: paid beyond or before approval")
        for hub, year in {(a.hub, a.year) for a in self.accounts.values()} | set(self.budgets):
            t = self.totals(hub, year)
            if t.remaining < 0 or t.budget != t.remaining + t.net_committed:
                out.append(f"{hub}/{year}: the programme budget does not balance")
        return out
