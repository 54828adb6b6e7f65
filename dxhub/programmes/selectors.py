"""Reads for programme pages and the API."""

from __future__ import annotations

from typing import Any, cast

from django.db.models import QuerySet

from dxhub.hubs.models import Hub
from dxhub.programmes.access import applications_visible_to, calls_visible_to, reviews_visible_to
from dxhub.programmes.models import Agreement, Application, Call, LedgerEntry, Review, SelectionRun
from dxhub.programmes.services_agreements import books


def call_list(user: Any) -> QuerySet[Call]:
    return calls_visible_to(user).prefetch_related("hubs")


def application_list(user: Any, call: Call | None = None) -> QuerySet[Application]:
    rows = applications_visible_to(user).select_related("call", "lead", "hub")
    return rows.filter(call=call) if call is not None else rows


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
