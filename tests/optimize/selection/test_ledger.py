"""The ledger balances after any sequence of operations, and refuses the ones that would break it."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from optimize.selection.ledger import Entry, Kind, Ledger, LedgerError

M = 1_000_000
HUBS = ["changwon", "ochang"]
PROJECTS = ["p1", "p2", "p3"]
MILESTONES = ["m1", "m2"]

entries = st.builds(
    Entry,
    kind=st.sampled_from(list(Kind)),
    hub=st.sampled_from(HUBS),
    year=st.sampled_from([2026, 2027]),
    amount=st.integers(-5, 400).map(lambda n: n * M),
    project=st.sampled_from(PROJECTS),
    milestone=st.sampled_from(MILESTONES),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(entries, max_size=60))
def test_ledger_always_balances(ops: list[Entry]) -> None:
    ledger = Ledger()
    accepted: list[Entry] = []
    for op in ops:
        before = _snapshot(ledger)
        try:
            ledger.apply(op)
        except LedgerError:
            assert _snapshot(ledger) == before  # a refused entry changes nothing
        else:
            accepted.append(op)
        assert ledger.violations() == []
    # Replaying what was accepted gives the same books: the stored entries are the ledger.
    assert _snapshot(Ledger(accepted)) == _snapshot(ledger)
    for hub in HUBS:
        for year in (2026, 2027):
            t = ledger.totals(hub, year)
            assert t.remaining >= 0
            assert t.spent + t.returned <= t.paid <= t.committed


def _snapshot(ledger: Ledger) -> tuple[object, ...]:
    return (
        dict(ledger.budgets),
        {
            k: (
                a.hub,
                a.year,
                a.committed,
                a.paid,
                a.spent,
                a.returned,
                {m: vars(v).copy() for m, v in a.milestones.items()},
            )
            for k, a in ledger.accounts.items()
        },
    )


def _funded() -> Ledger:
    return Ledger(
        [
            Entry(Kind.BUDGET, "changwon", 2026, 1000 * M),
            Entry(Kind.COMMIT, "changwon", 2026, 300 * M, "p1"),
            Entry(Kind.MILESTONE, "changwon", 2026, 100 * M, "p1", "m1"),
        ]
    )


def test_payment_only_against_an_approved_milestone() -> None:
    ledger = _funded()
    with pytest.raises(LedgerError) as err:
        ledger.apply(Entry(Kind.PAY, "changwon", 2026, 100 * M, "p1", "m1"))
    assert err.value.code == "not_approved"
    ledger.apply(Entry(Kind.APPROVE, "changwon", 2026, 0, "p1", "m1"))
    ledger.apply(Entry(Kind.PAY, "changwon", 2026, 100 * M, "p1", "m1"))
    with pytest.raises(LedgerError) as err:
        ledger.apply(Entry(Kind.PAY, "changwon", 2026, 1, "p1", "m1"))
    assert err.value.code == "over_milestone"


def test_commitments_cannot_exceed_the_budget_and_returns_free_money() -> None:
    ledger = _funded()
    with pytest.raises(LedgerError) as err:
        ledger.apply(Entry(Kind.COMMIT, "changwon", 2026, 701 * M, "p2"))
    assert err.value.code == "over_budget"
    ledger.apply(Entry(Kind.APPROVE, "changwon", 2026, 0, "p1", "m1"))
    ledger.apply(Entry(Kind.PAY, "changwon", 2026, 100 * M, "p1", "m1"))
    ledger.apply(Entry(Kind.SPEND, "changwon", 2026, 70 * M, "p1"))
    ledger.apply(Entry(Kind.RETURN, "changwon", 2026, 30 * M, "p1"))
    t = ledger.totals("changwon", 2026)
    assert (t.committed, t.paid, t.spent, t.returned, t.remaining) == (
        300 * M,
        100 * M,
        70 * M,
        30 * M,
        730 * M,
    )
    with pytest.raises(LedgerError) as err:
        ledger.apply(Entry(Kind.SPEND, "changwon", 2026, 1, "p1"))
    assert err.value.code == "over_held"


def test_budget_cannot_be_cut_below_commitments() -> None:
    ledger = _funded()
    with pytest.raises(LedgerError) as err:
        ledger.apply(Entry(Kind.BUDGET, "changwon", 2026, 200 * M))
    assert err.value.code == "budget_below_committed"
