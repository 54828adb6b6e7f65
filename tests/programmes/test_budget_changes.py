"""A budget change request moves money between budget items when the operator approves it, and only then.

The consortium's budget (tests.programmes.conftest.good_budget, 100M national): national funds all on
outsourced development (100,000,000), private cash 28,571,428 and in-kind 14,285,714 on labour.
"""

from __future__ import annotations

import datetime
import itertools

import pytest
from auditlog.models import LogEntry
from django.core.exceptions import ValidationError
from django.db import connection
from django.urls import reverse
from django.utils import translation

from dxhub.programmes import services_agreements as svc
from dxhub.programmes.models import Agreement, Application, BudgetLine, ChangeRequest, LedgerEntry
from tests.programmes.conftest import M
from tests.programmes.helpers import parallel

pytestmark = pytest.mark.django_db

START = {
    ("outsourcing", "national"): 100 * M,
    ("labour", "cash"): 28_571_428,
    ("labour", "inkind"): 14_285_714,
}


@pytest.fixture
def agreement(consortium, operator) -> Agreement:
    Application.objects.filter(pk=consortium.pk).update(status=Application.Status.SELECTED)
    agreement = svc.agreement_create(
        consortium, starts_on=datetime.date(2026, 3, 1), ends_on=datetime.date(2026, 11, 30)
    )
    return svc.agreement_sign(agreement, user=operator)


def lines(agreement: Agreement) -> dict[tuple[str, str], int]:
    rows = BudgetLine.objects.filter(application_id=agreement.application_id)
    return {(b.item, b.source): b.amount for b in rows}


def totals_by_source(agreement: Agreement) -> dict[str, int]:
    out: dict[str, int] = {}
    for (_item, source), amount in lines(agreement).items():
        out[source] = out.get(source, 0) + amount
    return out


def budget_change(
    agreement: Agreement, amount: int, *, origin: str = "outsourcing", target: str = "equipment"
):
    return svc.change_request_create(
        agreement,
        kind="budget",
        description="검사 장비 구매",
        source="national",
        from_item=origin,
        to_item=target,
        amount=amount,
    )


def test_approval_through_the_pages_moves_the_money_and_keeps_each_source_total(
    client, agreement, demander, operator
):
    assert lines(agreement) == START
    entries_before = LedgerEntry.objects.count()
    client.force_login(demander)
    client.post(
        reverse("programmes:agreement_action", args=[agreement.pk, "change"]),
        {
            "kind": "budget",
            "description": "검사 장비 구매",
            "source": "national",
            "from_item": "outsourcing",
            "to_item": "equipment",
            "amount": "30000000",
        },
    )
    change = ChangeRequest.objects.get(agreement=agreement)
    assert (change.source, change.from_item, change.to_item, change.amount) == (
        "national",
        "outsourcing",
        "equipment",
        30 * M,
    )
    assert lines(agreement) == START  # requested, not yet approved: nothing moves

    client.force_login(operator)
    client.post(reverse("programmes:change_decide", args=[agreement.pk, change.pk]), {"decision": "approve"})
    change.refresh_from_db()
    assert change.status == ChangeRequest.Status.APPROVED and change.decided_at is not None
    assert lines(agreement) == {
        ("outsourcing", "national"): 70 * M,
        ("equipment", "national"): 30 * M,  # the line did not exist: created
        ("labour", "cash"): 28_571_428,
        ("labour", "inkind"): 14_285_714,
    }
    assert totals_by_source(agreement) == {"national": 100 * M, "cash": 28_571_428, "inkind": 14_285_714}
    # The agreement's amounts and the ledger (commitment = national funds) are untouched.
    agreement.refresh_from_db()
    assert (agreement.national, agreement.private_cash, agreement.private_in_kind) == (
        100 * M,
        28_571_428,
        14_285_714,
    )
    assert LedgerEntry.objects.count() == entries_before
    ledger = svc.books(agreement.application.hub, 2026)
    assert ledger.violations() == [] and ledger.accounts[agreement.pk].committed == 100 * M
    # Each line's change is in the audit log, with the operator who approved it.
    moved = LogEntry.objects.get_for_model(BudgetLine).filter(action=LogEntry.Action.UPDATE)
    assert [(e.actor_id, e.changes_dict["amount"]) for e in moved] == [
        (operator.pk, [str(100 * M), str(70 * M)])
    ]


def test_a_transfer_into_an_existing_line_adds_to_it(agreement):
    svc.change_request_decide(budget_change(agreement, 30 * M), approve=True)
    svc.change_request_decide(
        budget_change(agreement, 10 * M, origin="equipment", target="outsourcing"), approve=True
    )
    assert lines(agreement)[("outsourcing", "national")] == 80 * M
    assert lines(agreement)[("equipment", "national")] == 20 * M
    assert totals_by_source(agreement)["national"] == 100 * M


def test_other_sources_move_too_and_only_their_own_lines(agreement):
    change = svc.change_request_create(
        agreement,
        kind="budget",
        description="민간 현금 일부를 SW 이용료로",
        source="cash",
        from_item="labour",
        to_item="software",
        amount=8_571_428,
    )
    svc.change_request_decide(change, approve=True)
    assert lines(agreement) == {
        ("outsourcing", "national"): 100 * M,
        ("labour", "cash"): 20 * M,
        ("software", "cash"): 8_571_428,
        ("labour", "inkind"): 14_285_714,
    }
    assert totals_by_source(agreement) == {"national": 100 * M, "cash": 28_571_428, "inkind": 14_285_714}


def test_approving_twice_moves_once_and_a_decided_change_stays_decided(agreement):
    change = budget_change(agreement, 30 * M)
    svc.change_request_decide(change, approve=True)
    again = svc.change_request_decide(change, approve=True)  # a double click
    assert again.status == ChangeRequest.Status.APPROVED
    assert lines(agreement)[("outsourcing", "national")] == 70 * M
    assert lines(agreement)[("equipment", "national")] == 30 * M
    with pytest.raises(ValidationError, match="already decided"):
        svc.change_request_decide(change, approve=False)
    assert lines(agreement)[("outsourcing", "national")] == 70 * M


def test_rejection_moves_nothing(agreement):
    change = budget_change(agreement, 30 * M)
    assert svc.change_request_decide(change, approve=False).status == ChangeRequest.Status.REJECTED
    assert lines(agreement) == START
    with pytest.raises(ValidationError, match="already decided"):
        svc.change_request_decide(change, approve=True)
    assert lines(agreement) == START


def test_scope_and_schedule_changes_move_nothing(client, agreement, demander):
    with pytest.raises(ValidationError, match="Only a budget change moves money"):
        svc.change_request_create(agreement, kind="scope", description="범위", source="national", amount=M)
    client.force_login(demander)
    for kind in ("scope", "schedule"):
        # A browser may still send the hidden transfer fields: for these kinds they mean nothing.
        client.post(
            reverse("programmes:agreement_action", args=[agreement.pk, "change"]),
            {
                "kind": kind,
                "description": "검사 대상 품목 추가",
                "source": "national",
                "from_item": "outsourcing",
                "to_item": "equipment",
                "amount": "30000000",
            },
        )
    changes = ChangeRequest.objects.filter(agreement=agreement).order_by("id")
    assert [(c.kind, c.amount, c.source, c.from_item, c.to_item) for c in changes] == [
        ("scope", None, "", "", ""),
        ("schedule", None, "", "", ""),
    ]
    for change in changes:
        assert svc.change_request_decide(change, approve=True).status == ChangeRequest.Status.APPROVED
    assert lines(agreement) == START


def test_a_budget_change_needs_its_transfer(client, agreement, demander):
    with pytest.raises(ValidationError, match="more than 0 won"):
        budget_change(agreement, 0)
    with pytest.raises(ValidationError, match="names the source"):
        svc.change_request_create(agreement, kind="budget", description="장비 구매", amount=M)
    client.force_login(demander)
    url = reverse("programmes:agreement_action", args=[agreement.pk, "change"])
    page = client.post(url, {"kind": "budget", "description": "장비 구매"}, follow=True).content.decode()
    assert "예산 변경에는 재원, 보내는 비목, 받는 비목과 이동 금액을 모두 적어야 합니다." in page
    same = {
        "kind": "budget",
        "description": "장비 구매",
        "source": "national",
        "from_item": "outsourcing",
        "to_item": "outsourcing",
        "amount": "1000000",
    }
    page = client.post(url, same, follow=True).content.decode()
    assert "보내는 비목과 받는 비목이 달라야 합니다." in page
    assert not ChangeRequest.objects.exists()


def test_overdraw_is_refused_with_the_line_named(client, agreement, demander):
    with pytest.raises(ValidationError) as refused:
        budget_change(agreement, 100 * M + 1)
    assert refused.value.messages == [
        "outsourced development · national funds holds 100,000,000 won: "
        "100,000,001 won cannot be moved from it."
    ]
    with pytest.raises(ValidationError, match="software and cloud · national funds holds 0 won"):
        budget_change(agreement, M, origin="software")
    client.force_login(demander)
    page = client.post(
        reverse("programmes:agreement_action", args=[agreement.pk, "change"]),
        {
            "kind": "budget",
            "description": "장비 구매",
            "source": "national",
            "from_item": "outsourcing",
            "to_item": "equipment",
            "amount": str(100 * M + 1),
        },
        follow=True,
    ).content.decode()
    assert "외주 개발비 · 국비 예산이 100,000,000원이라 100,000,001원을 옮길 수 없습니다." in page
    assert not ChangeRequest.objects.exists() and lines(agreement) == START


def test_two_approvals_that_together_overdraw_the_second_is_refused(client, agreement, operator):
    first, second = budget_change(agreement, 60 * M), budget_change(agreement, 60 * M)  # each fits alone
    svc.change_request_decide(first, approve=True)
    client.force_login(operator)
    page = client.post(
        reverse("programmes:change_decide", args=[agreement.pk, second.pk]),
        {"decision": "approve"},
        follow=True,
    ).content.decode()
    assert "외주 개발비 · 국비 예산이 40,000,000원이라 60,000,000원을 옮길 수 없습니다." in page
    second.refresh_from_db()
    assert second.status == ChangeRequest.Status.PENDING and second.decided_at is None
    assert lines(agreement)[("outsourcing", "national")] == 40 * M
    assert lines(agreement)[("equipment", "national")] == 60 * M
    assert totals_by_source(agreement)["national"] == 100 * M


@pytest.mark.django_db(transaction=True)
def test_two_approvals_at_once_do_not_overdraw(agreement):
    changes = [budget_change(agreement, 60 * M), budget_change(agreement, 60 * M)]
    if connection.vendor == "sqlite":
        # SQLite has no row locks (select_for_update is a no-op) and serialises writers on the file
        # instead; the sequential pair is what can be checked there.
        errors: list[BaseException] = []
        for change in changes:
            try:
                svc.change_request_decide(change, approve=True)
            except ValidationError as exc:
                errors.append(exc)
    else:
        turn = itertools.count()

        def approve_next() -> None:
            with translation.override("en"):  # the language is per thread
                svc.change_request_decide(changes[next(turn)], approve=True)

        errors = parallel(approve_next)
    assert len(errors) == 1 and isinstance(errors[0], ValidationError)
    assert "holds 40,000,000 won" in errors[0].messages[0]
    statuses = sorted(ChangeRequest.objects.values_list("status", flat=True))
    assert statuses == [ChangeRequest.Status.APPROVED, ChangeRequest.Status.PENDING]
    assert lines(agreement)[("outsourcing", "national")] == 40 * M
    assert lines(agreement)[("equipment", "national")] == 60 * M


def test_a_budget_change_recorded_without_a_transfer_is_not_approved_empty(agreement):
    # Recorded before transfers existed: approving it would move nothing while saying it did.
    legacy = ChangeRequest.objects.create(agreement=agreement, kind="budget", description="인건비 → 외주비")
    with pytest.raises(ValidationError, match="names no transfer"):
        svc.change_request_decide(legacy, approve=True)
    legacy.refresh_from_db()
    assert legacy.status == ChangeRequest.Status.PENDING
    assert svc.change_request_decide(legacy, approve=False).status == ChangeRequest.Status.REJECTED
    assert lines(agreement) == START


def test_the_agreement_page_shows_each_move_and_the_lines_after_it(client, agreement, demander):
    svc.change_request_decide(budget_change(agreement, 5 * M), approve=True)
    pending = budget_change(agreement, 2 * M, origin="outsourcing", target="software")
    client.force_login(demander)
    page = client.get(reverse("programmes:agreement", args=[agreement.pk])).content.decode()
    assert "외주 개발비 → 장비·재료비, 국비 5,000,000원" in page
    assert (
        f'id="change-{pending.pk}"' in page and "외주 개발비 → SW·클라우드 이용료, 국비 2,000,000원" in page
    )
    table = page[page.index('id="budget-lines"') : page.index("</table>", page.index('id="budget-lines"'))]
    rows = [
        row.split("<td")[1:]
        for row in table.split("<tr>")[2:]  # after the header row
    ]
    cells = [[c.split(">", 1)[1].split("<", 1)[0] for c in row] for row in rows]
    assert cells == [
        ["인건비", "민간부담금(현금)", "28,571,428"],
        ["인건비", "민간부담금(현물)", "14,285,714"],
        ["장비·재료비", "국비", "5,000,000"],
        ["외주 개발비", "국비", "95,000,000"],
    ]
    # The transfer fields are on the form, shown only for a budget change.
    assert 'class="budget-transfer"' in page and 'name="from_item"' in page and 'name="amount"' in page


def test_another_hub_cannot_see_or_decide_a_budget_change(
    client, agreement, ochang_member, busan_operator, demander
):
    change = budget_change(agreement, 30 * M)
    page_url = reverse("programmes:agreement", args=[agreement.pk])
    decide_url = reverse("programmes:change_decide", args=[agreement.pk, change.pk])
    request_url = reverse("programmes:agreement_action", args=[agreement.pk, "change"])
    for outsider in (ochang_member, busan_operator):
        client.force_login(outsider)
        assert client.get(page_url).status_code == 404
        assert client.post(decide_url, {"decision": "approve"}).status_code == 404
        assert client.post(request_url, {"kind": "budget", "description": "x"}).status_code == 404
    client.force_login(demander)  # the consortium reads it but does not decide it
    assert client.post(decide_url, {"decision": "approve"}).status_code == 403
    change.refresh_from_db()
    assert change.status == ChangeRequest.Status.PENDING
    assert lines(agreement) == START and ChangeRequest.objects.count() == 1
