"""Selection under budget from real scores, then agreement → milestone → payment → result, with the ledger."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from dxhub.programmes import services, services_agreements, services_review
from dxhub.programmes.models import Application, Call, LedgerEntry, Milestone, Review
from dxhub.programmes.services_agreements import books
from tests.programmes.conftest import M, another_lead, ready_application

pytestmark = pytest.mark.django_db


@pytest.fixture
def scored(open_call, demander, supplier_company, evaluators, operator):
    """Four applications: 140M scoring 90, two of 100M scoring 80 and 78, and 60M scoring 70;
    the call's budget is 300M with a cap of 150M."""
    plan = [
        (demander, 140 * M, 9),
        (another_lead("진해정밀"), 100 * M, 8),
        (another_lead("마산기계"), 100 * M, 7.8),
    ]
    plan.append((another_lead("김해부품"), 60 * M, 7))
    apps = []
    for user, national, _score in plan:
        a = ready_application(
            open_call, user, supplier_company, national=national, title=f"{user.company.name} 과제"
        )
        services.application_submit(a)
        apps.append(a)
    Call.objects.filter(pk=open_call.pk).update(deadline=timezone.now() - datetime.timedelta(minutes=1))
    services.call_close(open_call)
    panel = services_review.panel_create(
        call=open_call, stage="document", evaluators=evaluators, per_application=3
    )
    services_review.panel_assign(panel)
    by_app = {a.pk: s for a, (_u, _n, s) in zip(apps, plan, strict=True)}
    for review in Review.objects.filter(panel=panel):
        points = {str(c.pk): by_app[review.application_id] for c in open_call.criteria.all()}
        services_review.review_save(review, points=points, comment="검토 의견", submit=True)
    return apps


def test_selection_is_optimal_within_budget_and_explained(client, open_call, scored, operator):
    run = services_review.selection_run(open_call, user=operator)
    a90, a80, a78, a70 = (a.pk for a in scored)
    # Greedy: 90 (140M) + 80 (100M), then 78 (100M) does not fit, 70 (60M) does: 300M, 240 points.
    assert run.greedy == [a90, a80, a70]
    # Nothing beats it here (80 + 78 + 70 = 228 points), so both pick the same.
    assert run.chosen == [a90, a80, a70] and run.status == "optimal"
    assert run.total_amount <= open_call.total_budget
    client.force_login(operator)
    page = client.get(reverse("programmes:selection", args=[open_call.pk])).content.decode()
    assert 'id="optimal"' in page and 'id="greedy"' in page
    services_review.selection_confirm(run)
    statuses = dict(Application.objects.filter(call=open_call).values_list("pk", "status"))
    assert statuses[a78] == Application.Status.NOT_SELECTED and statuses[a90] == Application.Status.SELECTED


def test_optimiser_swaps_when_greedy_wastes_money(open_call, scored, operator):
    # With 260M the greedy walk takes 90 (140M) and 80 (100M), and the 20M left fund nothing: 170 points.
    # Leaving out the 90 funds 80 + 78 + 70 with all 260M: 228 points.
    Call.objects.filter(pk=open_call.pk).update(total_budget=260 * M)
    open_call.refresh_from_db()
    run = services_review.selection_run(open_call, user=operator)
    a90, a80, a78, a70 = (a.pk for a in scored)
    assert run.greedy == [a90, a80] and float(run.greedy_score) == 170
    assert run.chosen == [a80, a78, a70] and float(run.total_score) == 228
    assert [s["id"] for s in run.explanation["swapped_out"]] == [a90]
    swapped_in = {s["id"]: s for s in run.explanation["swapped_in"]}
    assert set(swapped_in) == {a78, a70}
    assert swapped_in[a78]["reason"] == "packing" and swapped_in[a78]["left_at_turn"] == 20 * M


def test_agreement_milestone_payment_and_ledger(client, open_call, scored, operator, demander):
    run = services_review.selection_run(open_call, user=operator)
    services_review.selection_confirm(run)
    winner = Application.objects.get(pk=scored[0].pk)
    agreement = services_agreements.agreement_create(
        winner, starts_on=datetime.date(2026, 3, 1), ends_on=datetime.date(2026, 11, 30)
    )
    assert agreement.national == 140 * M
    services_agreements.agreement_sign(agreement, user=operator)
    services_agreements.agreement_sign(agreement, user=operator)  # twice: one commitment
    assert LedgerEntry.objects.filter(kind="commit", agreement=agreement).count() == 1
    m1 = services_agreements.milestone_add(
        agreement, title="1차 점검", due_on=datetime.date(2026, 6, 30), amount=70 * M, user=operator
    )
    with pytest.raises(ValidationError, match="approved milestone"):
        services_agreements.milestone_pay(m1, user=operator)
    with pytest.raises(ValidationError):
        services_agreements.milestone_add(
            agreement, title="과다", due_on=datetime.date(2026, 9, 30), amount=71 * M + 1, user=operator
        )
    client.force_login(demander)
    client.post(
        reverse("programmes:milestone_action", args=[agreement.pk, m1.pk, "report"]),
        {"report": "1차 개발 완료"},
    )
    m1.refresh_from_db()
    assert m1.status == Milestone.Status.REPORTED
    client.force_login(operator)
    client.post(reverse("programmes:milestone_action", args=[agreement.pk, m1.pk, "approve"]))
    client.post(reverse("programmes:milestone_action", args=[agreement.pk, m1.pk, "pay"]))
    client.post(reverse("programmes:milestone_action", args=[agreement.pk, m1.pk, "pay"]))  # double click
    assert LedgerEntry.objects.filter(kind="pay").count() == 1
    services_agreements.money_record(
        agreement, kind="spend", amount=50 * M, evidence="세금계산서 2026-0412", user=operator
    )
    with pytest.raises(ValidationError):
        services_agreements.money_record(
            agreement, kind="spend", amount=21 * M, evidence="초과", user=operator
        )
    services_agreements.money_record(agreement, kind="return", amount=20 * M, evidence="", user=operator)
    ledger = books(winner.hub, 2026)
    assert ledger.violations() == []
    t = ledger.totals(winner.hub.pk, 2026)
    assert (t.committed, t.paid, t.spent, t.returned) == (140 * M, 70 * M, 50 * M, 20 * M)
    assert t.remaining == winner.hub.budget_won // 3 - 120 * M
    page = client.get(reverse("programmes:ledger", args=[winner.hub.slug, 2026])).content.decode()
    assert 'id="remaining"' in page
    services_agreements.result_record(agreement, kpi_achieved="불량 유출률 55% 감소", achieved=True)
    services_agreements.followup_record(agreement, months=6, sales=300 * M, jobs=3, investment=0)
    agreement.refresh_from_db()
    assert agreement.result.achieved and agreement.followups.get().jobs == 3


def test_ledger_pages_are_for_the_hub(client, demander, busan_operator, hubs):
    client.force_login(demander)
    assert client.get(reverse("programmes:ledger", args=["changwon", 2026])).status_code == 403
    client.force_login(busan_operator)
    assert client.get(reverse("programmes:ledger", args=["changwon", 2026])).status_code == 403


def test_change_requests_are_decided_by_the_operator(open_call, scored, operator):
    run = services_review.selection_run(open_call, user=operator)
    services_review.selection_confirm(run)
    agreement = services_agreements.agreement_create(
        Application.objects.get(pk=scored[0].pk),
        starts_on=datetime.date(2026, 3, 1),
        ends_on=datetime.date(2026, 11, 30),
    )
    services_agreements.agreement_sign(agreement, user=operator)
    change = services_agreements.change_request_create(
        agreement,
        kind="budget",
        description="인건비 → 외주비 1천만 원",
        source="cash",
        from_item="labour",
        to_item="outsourcing",
        amount=10 * M,
    )
    assert services_agreements.change_request_decide(change, approve=True).status == "approved"
    with pytest.raises(ValidationError):
        services_agreements.change_request_decide(change, approve=False)
