"""Reads for programme pages and the API."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, cast

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from dxhub.hubs.models import Hub
from dxhub.programmes.access import applications_visible_to, calls_visible_to, reviews_visible_to
from dxhub.programmes.models import (
    Agreement,
    Application,
    BudgetLine,
    Call,
    ChangeRequest,
    LedgerEntry,
    Review,
    SelectionRun,
)
from dxhub.programmes.services_agreements import books


def call_list(user: Any) -> QuerySet[Call]:
    return calls_visible_to(user).prefetch_related("hubs")


def application_list(user: Any, call: Call | None = None) -> QuerySet[Application]:
    rows = applications_visible_to(user).select_related("call", "lead", "hub")
    return rows.filter(call=call) if call is not None else rows


def application_export_headers() -> list[str]:
    return [
        _("Project title"),
        _("Applicant (lead company)"),
        _("Consortium members"),
        _("Status"),
        _("Submitted at"),
        _("Requested national funds (won)"),
        _("Eligibility"),
        _("Eligibility reasons"),
        _("Final score"),
        _("Selection result"),
        _("Awarded national funds (won)"),
    ]


def _excluded_by_optimiser() -> dict[str, str]:
    # The optimiser's codes (optimize.selection.problem.SelectionProblem.ineligible), worded for people.
    return {
        "below_pass_mark": _("below the pass mark"),
        "over_cap": _("over the cap per project"),
        "no_amount": _("no national funds requested"),
    }


def application_export_rows(applications: QuerySet[Application], call: Call) -> Iterator[list[Any]]:
    """A call's applications for the hub's spreadsheet: companies, money, eligibility and results.

    Evaluators are left out on purpose (scores are aggregated, reviewers anonymous), and so are
    contact details: only company names leave the system.
    """
    run = latest_run(call)
    excluded = {int(k): v for k, v in (run.explanation.get("ineligible", {}) if run else {}).items()}
    reasons_for = _excluded_by_optimiser()
    rows = applications.select_related("lead", "agreement").prefetch_related(
        "members__company", "budget_lines"
    )
    for a in rows:
        members = [m for m in a.members.all() if m.company_id != a.lead_id]
        eligible = ""
        if a.status != Application.Status.DRAFT:  # checked at submission: drafts have no verdict yet
            failed = a.status == Application.Status.INELIGIBLE or bool(a.eligibility_reasons)
            eligible = _("not eligible") if failed else _("eligible")
        result = ""
        if a.status == Application.Status.SELECTED:
            result = _("selected")
        elif a.status == Application.Status.NOT_SELECTED:
            why = reasons_for.get(excluded.get(a.pk, ""), "")
            result = f"{_('not selected')} ({why})" if why else _("not selected")
        awarded: int | str = ""
        agreement = getattr(a, "agreement", None)
        if agreement is not None:
            awarded = agreement.national
        elif a.status == Application.Status.SELECTED:
            awarded = a.requested  # the selection funds the request; the agreement is not drawn up yet
        yield [
            a.title,
            a.lead.name,
            ", ".join(f"{m.company.name} ({m.get_role_display()})" for m in members),
            a.get_status_display(),
            a.submitted_at,
            a.requested,
            eligible,
            "\n".join(str(r) for r in a.eligibility_reasons),
            a.final_score,
            result,
            awarded,
        ]


def my_reviews(user: Any) -> QuerySet[Review]:
    return reviews_visible_to(user).filter(evaluator=user).order_by("status", "panel__call__deadline", "id")


def feedback(application: Application) -> list[dict[str, Any]]:
    """The submitted reviews the applicant sees once results are announced: evaluators numbered, not named."""
    if application.call.status != Call.Status.SELECTED:
        return []
    rows = (
        application.reviews.filter(status=Review.Status.SUBMITTED)
        .select_related("panel")
        .order_by("panel__stage", "id")
    )
    return [
        {"n": i + 1, "stage": r.panel.get_stage_display(), "total": r.total, "comment": r.comment}
        for i, r in enumerate(rows)
    ]


def selection_view(call: Call) -> dict[str, Any]:
    run = call.selection_runs.order_by("-created_at", "-id").first()
    if run is None:
        return {"run": None}
    apps = {a.pk: a for a in call.applications.select_related("lead").prefetch_related("budget_lines")}

    def rows(ids: list[int]) -> list[Application]:
        return [apps[i] for i in ids if i in apps]

    swaps_in = [{**s, "app": apps.get(s["id"])} for s in run.explanation.get("swapped_in", [])]
    swaps_out = [{**s, "app": apps.get(s["id"])} for s in run.explanation.get("swapped_out", [])]
    return {
        "run": run,
        "chosen": rows(run.chosen),
        "greedy": rows(run.greedy),
        "swaps_in": swaps_in,
        "swaps_out": swaps_out,
        "score_gain": run.total_score - run.greedy_score,
        "left_optimal": call.total_budget - run.total_amount,
        "left_greedy": call.total_budget - run.greedy_amount,
    }


def latest_run(call: Call) -> SelectionRun | None:
    return call.selection_runs.order_by("-created_at", "-id").first()


def project_ledger(agreement: Agreement) -> dict[str, Any]:
    ledger = books(agreement.application.hub, agreement.application.call.year)
    account = ledger.accounts.get(agreement.pk)
    return {
        "entries": LedgerEntry.objects.filter(agreement=agreement).select_related("milestone"),
        "account": account,
        "held": account.held if account else 0,
    }


def agreement_budget(agreement: Agreement) -> dict[str, Any]:
    """The budget lines as approved budget changes left them, in the form's order, and the changes."""
    items, sources = BudgetLine.Item.values, BudgetLine.Source.values
    lines = sorted(
        BudgetLine.objects.filter(application_id=agreement.application_id),
        key=lambda line: (items.index(line.item), sources.index(line.source)),
    )
    return {
        "budget_lines": lines,
        "changes": ChangeRequest.objects.filter(agreement=agreement),
    }


def hub_ledger(hub: Hub, year: int) -> dict[str, Any]:
    ledger = books(hub, year)
    totals = ledger.totals(hub.pk, year)
    agreements = {
        a.pk: a
        for a in Agreement.objects.filter(pk__in=list(ledger.accounts)).select_related(
            "application", "application__lead"
        )
    }
    projects = [
        {"agreement": agreements.get(cast(int, key)), "account": acct}
        for key, acct in ledger.accounts.items()
        if acct.hub == hub.pk and acct.year == year
    ]
    return {"totals": totals, "projects": projects, "violations": ledger.violations()}
