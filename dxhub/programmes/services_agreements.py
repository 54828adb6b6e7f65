"""Agreements, milestones, change requests, the programme ledger, results and follow-ups.

Every movement of money is a `LedgerEntry`. Before one is written, the hub row is locked, the hub-year's
entries are replayed into `optimize.selection.ledger.Ledger`, and the new entry is applied there: the
pure ledger refuses anything that would break its invariants (payment without an approved milestone,
spending more than was paid, committing beyond the budget), so the stored books always balance.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from dxhub.hubs.models import Hub
from dxhub.programmes.models import (
    Agreement,
    Application,
    BudgetLine,
    ChangeRequest,
    FollowUp,
    LedgerEntry,
    Milestone,
    ProjectResult,
)
from optimize.selection.ledger import Entry, Kind, Ledger, LedgerError

YEARS_OF_PROGRAMME = 3  # a hub's programme budget (Hub.budget_won) covers three years

LEDGER_MESSAGES = {
    "not_approved": gettext_lazy("Payments are made only against an approved milestone."),
    "over_milestone": gettext_lazy("The payment exceeds what is due on this milestone."),
    "over_budget": gettext_lazy("Not enough programme budget remains for this commitment."),
    "over_held": gettext_lazy("The project does not hold that much unspent money."),
    "milestones_over_commitment": gettext_lazy(
        "The milestones would add up to more than the national funds agreed."
    ),
}


def _entry(e: LedgerEntry) -> Entry:
    return Entry(Kind(e.kind), e.hub_id, e.year, e.amount, e.agreement_id, e.milestone_id)


def books(hub: Hub, year: int) -> Ledger:
    """The hub-year's books: its stored entries replayed (reads; no lock)."""
    return Ledger(_entry(e) for e in LedgerEntry.objects.filter(hub=hub, year=year))


def _post(
    *,
    hub: Hub,
    year: int,
    kind: str,
    amount: int = 0,
    agreement: Any = None,
    milestone: Any = None,
    user: Any = None,
    evidence: str = "",
) -> LedgerEntry:
    Hub.objects.select_for_update().get(pk=hub.pk)  # one writer per hub: the replay below stays true
    ledger = books(hub, year)
    if (hub.pk, year) not in ledger.budgets:
        default = hub.budget_won // YEARS_OF_PROGRAMME
        ledger.apply(Entry(Kind.BUDGET, hub.pk, year, default))
        LedgerEntry.objects.create(hub=hub, year=year, kind="budget", amount=default, created_by=user)
    entry = LedgerEntry(
        hub=hub,
        year=year,
        kind=kind,
        amount=amount,
        agreement=agreement,
        milestone=milestone,
        created_by=user,
        evidence=evidence,
    )
    try:
        ledger.apply(_entry(entry))
    except LedgerError as exc:
        raise ValidationError(str(LEDGER_MESSAGES.get(exc.code, exc))) from None
    entry.save()
    return entry


def _year(agreement: Agreement) -> int:
    return agreement.application.call.year


@transaction.atomic
def agreement_create(
    application: Application, *, starts_on: datetime.date, ends_on: datetime.date
) -> Agreement:
    locked = Application.objects.select_for_update().get(pk=application.pk)
    if locked.status != Application.Status.SELECTED:
        raise ValidationError(_("Only a selected application gets an agreement."))
    existing = Agreement.objects.filter(application=locked).first()
    if existing is not None:
        return existing
    by_source: dict[str, int] = {}
    for line in locked.budget_lines.all():
        by_source[line.source] = by_source.get(line.source, 0) + line.amount
    agreement = Agreement(
        application=locked,
        national=by_source.get("national", 0),
        local=by_source.get("local", 0),
        private_cash=by_source.get("cash", 0),
        private_in_kind=by_source.get("inkind", 0),
        starts_on=starts_on,
        ends_on=ends_on,
    )
    agreement.full_clean()
    agreement.save()
    return agreement


@transaction.atomic
def agreement_sign(agreement: Agreement, *, user: Any) -> Agreement:
    locked = (
        Agreement.objects.select_for_update()
        .select_related("application__call", "application__hub")
        .get(pk=agreement.pk)
    )
    if locked.status != Agreement.Status.DRAFT:
        return locked
    _post(
        hub=locked.application.hub,
        year=_year(locked),
        kind="commit",
        amount=locked.national,
        agreement=locked,
        user=user,
    )
    locked.status, locked.signed_at = Agreement.Status.SIGNED, timezone.now()
    locked.save(update_fields=["status", "signed_at"])
    return locked


def _signed(agreement: Agreement) -> Agreement:
    locked = (
        Agreement.objects.select_for_update()
        .select_related("application__call", "application__hub")
        .get(pk=agreement.pk)
    )
    if locked.status != Agreement.Status.SIGNED:
        raise ValidationError(_("The agreement must be signed (and not yet settled)."))
    return locked


@transaction.atomic
def milestone_add(
    agreement: Agreement, *, title: str, due_on: datetime.date, amount: int, user: Any
) -> Milestone:
    locked = _signed(agreement)
    milestone = Milestone(agreement=locked, title=title, due_on=due_on, amount=amount)
    milestone.full_clean()
    milestone.save()
    _post(
        hub=locked.application.hub,
        year=_year(locked),
        kind="milestone",
        amount=amount,
        agreement=locked,
        milestone=milestone,
        user=user,
    )
    return milestone


@transaction.atomic
def milestone_report(milestone: Milestone, *, report: str) -> Milestone:
    locked = Milestone.objects.select_for_update().get(pk=milestone.pk)
    if locked.status not in (Milestone.Status.PLANNED, Milestone.Status.REPORTED):
        raise ValidationError(_("This milestone is already approved."))
    if not report.strip():
        raise ValidationError(_("Write the checkpoint report."))
    locked.report, locked.status, locked.reported_at = report, Milestone.Status.REPORTED, timezone.now()
    locked.save()
    return locked


@transaction.atomic
def milestone_approve(milestone: Milestone, *, user: Any) -> Milestone:
    locked = Milestone.objects.select_for_update().select_related("agreement").get(pk=milestone.pk)
    if locked.status in (Milestone.Status.APPROVED, Milestone.Status.PAID):
        return locked
    if locked.status != Milestone.Status.REPORTED:
        raise ValidationError(_("A milestone is approved after its checkpoint report."))
    agreement = _signed(locked.agreement)
    _post(
        hub=agreement.application.hub,
        year=_year(agreement),
        kind="approve",
        agreement=agreement,
        milestone=locked,
        user=user,
    )
    locked.status, locked.approved_at = Milestone.Status.APPROVED, timezone.now()
    locked.save()
    return locked


@transaction.atomic
def milestone_pay(milestone: Milestone, *, user: Any) -> Milestone:
    locked = Milestone.objects.select_for_update().select_related("agreement").get(pk=milestone.pk)
    if locked.status == Milestone.Status.PAID:
        return locked  # paid once, whatever the clicks
    agreement = _signed(locked.agreement)
    _post(
        hub=agreement.application.hub,
        year=_year(agreement),
        kind="pay",
        amount=locked.amount,
        agreement=agreement,
        milestone=locked,
        user=user,
    )
    locked.status = Milestone.Status.PAID
    locked.save(update_fields=["status"])
    return locked


@transaction.atomic
def money_record(agreement: Agreement, *, kind: str, amount: int, evidence: str, user: Any) -> LedgerEntry:
    """Spending with evidence, or unspent money returned."""
    if kind not in ("spend", "return"):
        raise ValidationError(_("Record spending or a return."))
    if kind == "spend" and not evidence.strip():
        raise ValidationError(_("Spending is recorded with its evidence (e.g. the invoice number)."))
    locked = _signed(agreement)
    return _post(
        hub=locked.application.hub,
        year=_year(locked),
        kind=kind,
        amount=amount,
        agreement=locked,
        user=user,
        evidence=evidence,
    )


@transaction.atomic
def change_request_create(
    agreement: Agreement,
    *,
    kind: str,
    description: str,
    source: str = "",
    from_item: str = "",
    to_item: str = "",
    amount: int | None = None,
) -> ChangeRequest:
    """A change request; a budget change names its transfer (source, from item, to item, amount)."""
    locked = _signed(agreement)
    change = ChangeRequest(
        agreement=locked,
        kind=kind,
        description=description,
        source=source,
        from_item=from_item,
        to_item=to_item,
        amount=amount,
    )
    if kind == ChangeRequest.Kind.BUDGET:
        _check_transfer(change)
        # Checked now so the consortium hears at once; checked again on approval, when it counts.
        lines = _lines_of(locked, change.source, lock=False)
        _check_covered(change, lines.get(change.from_item))
    elif change.is_transfer or source or from_item or to_item:
        raise ValidationError(_("Only a budget change moves money between items."))
    change.full_clean()
    change.save()
    return change


def _check_transfer(change: ChangeRequest) -> None:
    if change.amount is None or not (change.source and change.from_item and change.to_item):
        raise ValidationError(
            _(
                "A budget change names the source, the item the money leaves, the item it goes to and the amount."
            )
        )
    if change.source not in BudgetLine.Source.values or not {change.from_item, change.to_item} <= set(
        BudgetLine.Item.values
    ):
        raise ValidationError(_("Unknown budget item or source."))
    if change.from_item == change.to_item:
        raise ValidationError(_("The money moves between two different items."))
    if change.amount <= 0:
        raise ValidationError(_("The amount to move must be more than 0 won."))


def _lines_of(agreement: Agreement, source: str, *, lock: bool) -> dict[str, BudgetLine]:
    rows = BudgetLine.objects.filter(application_id=agreement.application_id, source=source)
    return {line.item: line for line in (rows.select_for_update() if lock else rows)}


def _check_covered(change: ChangeRequest, origin: BudgetLine | None) -> None:
    have = origin.amount if origin is not None else 0
    if change.amount is not None and change.amount > have:
        line = f"{BudgetLine.Item(change.from_item).label} · {BudgetLine.Source(change.source).label}"
        raise ValidationError(
            _("%(line)s holds %(have)s won: %(amount)s won cannot be moved from it.")
            % {"line": line, "have": f"{have:,}", "amount": f"{change.amount:,}"}
        )


def _apply_transfer(agreement: Agreement, change: ChangeRequest) -> None:
    """Moves the change's amount between two lines of one source; the source's total stays put.

    No ledger entry: the ledger keeps money per project (commitment = national funds, milestones,
    payments), not per item, and a transfer inside one source leaves every amount it knows unchanged.
    """
    if not change.is_transfer:
        raise ValidationError(
            _(
                "This budget change names no transfer: reject it and request it again with the items and the amount."
            )
        )
    assert change.amount is not None  # for the type checker: is_transfer says so
    lines = _lines_of(agreement, change.source, lock=True)
    before = sum(line.amount for line in lines.values())
    origin = lines.get(change.from_item)
    _check_covered(change, origin)
    assert origin is not None  # _check_covered refuses a missing line (it holds 0 won)
    origin.amount -= change.amount
    origin.save(update_fields=["amount"])  # save(), not update(): auditlog records each line's change
    target = lines.get(change.to_item)
    if target is None:
        BudgetLine.objects.create(
            application_id=agreement.application_id,
            item=change.to_item,
            source=change.source,
            amount=change.amount,
        )
    else:
        target.amount += change.amount
        target.save(update_fields=["amount"])
    after = BudgetLine.objects.filter(
        application_id=agreement.application_id, source=change.source
    ).aggregate(total=Sum("amount"))["total"]
    if after != before:  # the agreement's amount per source (and the ledger's commitment) rest on this
        raise RuntimeError(
            f"budget transfer {change.pk} changed the {change.source} total: {before} → {after}"
        )


@transaction.atomic
def change_request_decide(change: ChangeRequest, *, approve: bool) -> ChangeRequest:
    # The agreement row first: approvals of its budget changes queue, each seeing the lines the last one left.
    agreement = Agreement.objects.select_for_update().get(pk=change.agreement_id)
    locked = ChangeRequest.objects.select_for_update().get(pk=change.pk)
    target = ChangeRequest.Status.APPROVED if approve else ChangeRequest.Status.REJECTED
    if locked.status == target:
        return locked
    if locked.status != ChangeRequest.Status.PENDING:
        raise ValidationError(_("This change request was already decided."))
    if approve and locked.kind == ChangeRequest.Kind.BUDGET:
        _apply_transfer(agreement, locked)
    locked.status, locked.decided_at = target, timezone.now()
    locked.save(update_fields=["status", "decided_at"])
    return locked


@transaction.atomic
def result_record(
    agreement: Agreement, *, kpi_achieved: str, achieved: bool, note: str = ""
) -> ProjectResult:
    locked = Agreement.objects.select_for_update().select_related("application").get(pk=agreement.pk)
    if locked.status == Agreement.Status.DRAFT:
        raise ValidationError(_("Results are recorded for a signed agreement."))
    result, _created = ProjectResult.objects.update_or_create(
        agreement=locked,
        defaults={
            "kpi_target": locked.application.target_kpi or "-",
            "kpi_achieved": kpi_achieved,
            "achieved": achieved,
            "note": note,
        },
    )
    return result


@transaction.atomic
def followup_record(
    agreement: Agreement, *, months: int, sales: int, jobs: int, investment: int, note: str = ""
) -> FollowUp:
    if months not in (6, 12):
        raise ValidationError(_("Follow-ups are at 6 and 12 months."))
    locked = Agreement.objects.select_for_update().get(pk=agreement.pk)
    if not ProjectResult.objects.filter(agreement=locked).exists():
        raise ValidationError(_("Record the project's result before its follow-ups."))
    followup, _created = FollowUp.objects.update_or_create(
        agreement=locked,
        months=months,
        defaults={"sales": sales, "jobs": jobs, "investment": investment, "note": note},
    )
    return followup
