"""Who may see and run calls, applications, reviews and agreements (tests/access.py).

The world: an open Changwon call with the Changwon demander's draft application (supplier company as
member); a second Changwon call, closed, whose submitted application from the same consortium has a
document review assigned to the evaluator persona, then was selected, has a signed agreement with a
milestone and a pending change request.
"""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from dxhub.programmes import services, services_agreements, services_review
from dxhub.programmes.models import Application, Call, Review
from tests import access
from tests.access import LOGIN, op, page
from tests.programmes.conftest import M, ready_application

SIGNED_IN = {"anonymous": LOGIN}
# A call's runners: ministry and the operators of its hubs; other operators read it (403 on writes).
RUN = {"default": 403, "anonymous": LOGIN, "ministry": 302, "operator": 302}
# A draft application: its consortium members and ministry (operators see applications once submitted).
DRAFT = {
    "default": 404,
    "anonymous": LOGIN,
    "ministry": 200,
    "demander": 200,
    "supplier": 200,
    "supplier_owner": 200,
}
# Writing a draft: the lead company's members only (a consortium member reads, 403).
LEAD = {**DRAFT, "ministry": 403, "supplier": 403, "supplier_owner": 403}
# A submitted application or its agreement: also the call's hub operator and the assigned evaluator.
SUBMITTED = {**DRAFT, "operator": 200, "evaluator": 200}


def call_body(w):
    now = timezone.now()
    return {
        "title": "2026 창원 DX 과제",
        "hubs": ["changwon"],
        "year": 2026,
        "opens_at": now.isoformat(),
        "deadline": (now + datetime.timedelta(days=10)).isoformat(),
        "total_budget": 500 * M,
        "cap_per_project": 150 * M,
        "criteria": [{"name": "필요성", "weight": 50}, {"name": "실현 가능성", "weight": 50}],
        "quotas": [],
    }


@pytest.fixture
def world(open_call, operator, hubs, demander, supplier_company, evaluator):
    draft = ready_application(open_call, demander, supplier_company)
    closed = services.call_publish(
        services.call_create(
            user=operator,
            hubs=[hubs["changwon"]],
            title="2026 상반기 DX 과제",
            year=2026,
            opens_at=timezone.now() - datetime.timedelta(days=1),
            deadline=timezone.now() + datetime.timedelta(days=14),
            total_budget=300 * M,
            cap_per_project=150 * M,
            region_prefixes="48",
            max_employees=300,
            required_documents="사업계획서",
            criteria=[("문제 정의", 50), ("해결 방안", 50)],
            quotas=[],
        )
    )
    submitted = ready_application(closed, demander, supplier_company, title="상반기 비전 검사")
    services.application_submit(submitted)
    Call.objects.filter(pk=closed.pk).update(deadline=timezone.now() - datetime.timedelta(minutes=1))
    services.call_close(closed)
    closed.refresh_from_db()
    panel = services_review.panel_create(
        call=closed, stage="document", evaluators=[evaluator], per_application=1
    )
    services_review.panel_assign(panel)
    review = Review.objects.get(panel=panel)
    Application.objects.filter(pk=submitted.pk).update(status=Application.Status.SELECTED)
    agreement = services_agreements.agreement_create(
        submitted, starts_on=datetime.date(2026, 3, 1), ends_on=datetime.date(2026, 11, 30)
    )
    agreement = services_agreements.agreement_sign(agreement, user=operator)
    milestone = services_agreements.milestone_add(
        agreement, title="1차 점검", due_on=datetime.date(2026, 6, 30), amount=10 * M, user=operator
    )
    change = services_agreements.change_request_create(agreement, kind="scope", description="범위 조정")
    return {
        "call": open_call,
        "closed": closed,
        "draft": draft,
        "submitted": submitted,
        "document": draft.documents.first(),
        "panel": panel,
        "review": review,
        "agreement": agreement,
        "milestone": milestone,
        "change": change,
        "hub": hubs["changwon"],
    }


def call(w):
    return [w["call"].pk]


def closed(w):
    return [w["closed"].pk]


def draft(w):
    return [w["draft"].pk]


def agreement(w):
    return [w["agreement"].pk]


ACCESS = [
    page("programmes:calls"),
    page("programmes:call", call),
    page(
        "programmes:call_create", default=403, anonymous=LOGIN, ministry=200, operator=200, busan_operator=200
    ),
    page("programmes:call_state", lambda w: [w["call"].pk, "close"], method="post", **RUN),
    page("programmes:apply", call, method="post", default=302, **SIGNED_IN),
    page("programmes:panel_create", closed, method="post", **RUN),
    page("programmes:panel_assign", lambda w: [w["closed"].pk, w["panel"].pk], method="post", **RUN),
    page("programmes:selection", closed, **{**RUN, "ministry": 200, "operator": 200}),
    page(
        "programmes:selection_confirm",
        lambda w: [w["closed"].pk, 0],
        method="post",
        case="no such run",
        **{**RUN, "ministry": 404, "operator": 404},
    ),
    page("programmes:applications", **SIGNED_IN),
    # The application page and its documents need no sign-in of their own: a visitor sees nothing (404).
    page("programmes:application", draft, case="draft", **{**DRAFT, "anonymous": 404}),
    page(
        "programmes:application",
        lambda w: [w["submitted"].pk],
        case="submitted",
        **{**SUBMITTED, "anonymous": 404},
    ),
    page("programmes:application_edit", draft, **LEAD),
    page("programmes:application_edit", draft, method="post", **LEAD),
    page("programmes:application_attach", draft, method="post", **{**LEAD, "demander": 302}),
    page("programmes:document", lambda w: [w["draft"].pk, w["document"].pk], **{**DRAFT, "anonymous": 404}),
    page("programmes:application_submit", draft, method="post", **{**LEAD, "demander": 302}),
    page(
        "programmes:agreement_create",
        lambda w: [w["submitted"].pk],
        method="post",
        **{
            **SUBMITTED,
            "default": 404,
            "ministry": 302,
            "operator": 302,
            "demander": 403,
            "supplier": 403,
            "supplier_owner": 403,
            "evaluator": 403,
        },
    ),
    page("programmes:reviews", default=403, anonymous=LOGIN, evaluator=200),
    # A review is read by the call's runners and scored only by its evaluator.
    page(
        "programmes:review",
        lambda w: [w["review"].pk],
        default=404,
        anonymous=LOGIN,
        ministry=200,
        operator=200,
        evaluator=200,
    ),
    page(
        "programmes:review",
        lambda w: [w["review"].pk],
        method="post",
        default=404,
        anonymous=LOGIN,
        ministry=403,
        operator=403,
        evaluator=302,
    ),
    page(
        "programmes:review_reopen",
        lambda w: [w["review"].pk],
        method="post",
        default=404,
        anonymous=LOGIN,
        ministry=302,
        operator=302,
        evaluator=403,
    ),
    page("programmes:agreement", agreement, **{**SUBMITTED, "anonymous": 404}),
    page(
        "programmes:agreement_action",
        lambda w: [w["agreement"].pk, "money"],
        method="post",
        case="operator's",
        **{
            **SUBMITTED,
            "ministry": 302,
            "operator": 302,
            "demander": 403,
            "supplier": 403,
            "supplier_owner": 403,
            "evaluator": 403,
        },
    ),
    page(
        "programmes:agreement_action",
        lambda w: [w["agreement"].pk, "change"],
        method="post",
        case="consortium's",
        **{
            **SUBMITTED,
            "ministry": 403,
            "operator": 403,
            "demander": 302,
            "supplier": 302,
            "supplier_owner": 302,
            "evaluator": 403,
        },
    ),
    page(
        "programmes:milestone_action",
        lambda w: [w["agreement"].pk, w["milestone"].pk, "report"],
        method="post",
        **{
            **SUBMITTED,
            "ministry": 403,
            "operator": 403,
            "demander": 302,
            "supplier": 302,
            "supplier_owner": 302,
            "evaluator": 403,
        },
    ),
    page(
        "programmes:milestone_action",
        lambda w: [w["agreement"].pk, w["milestone"].pk, "approve"],
        method="post",
        case="approve",
        **{
            **SUBMITTED,
            "ministry": 302,
            "operator": 302,
            "demander": 403,
            "supplier": 403,
            "supplier_owner": 403,
            "evaluator": 403,
        },
    ),
    page(
        "programmes:change_decide",
        lambda w: [w["agreement"].pk, w["change"].pk],
        method="post",
        **{
            **SUBMITTED,
            "ministry": 302,
            "operator": 302,
            "demander": 403,
            "supplier": 403,
            "supplier_owner": 403,
            "evaluator": 403,
        },
    ),
    page(
        "programmes:ledger",
        lambda w: [w["hub"].slug, 2026],
        default=403,
        anonymous=LOGIN,
        ministry=200,
        operator=200,
    ),
    op("GET /api/programmes/calls"),
    op("POST /api/programmes/calls", body=call_body, default=403, ministry=201, operator=201),
    op("GET /api/programmes/calls/{call_id}", lambda w: {"call_id": w["call"].pk}),
    op(
        "POST /api/programmes/calls/{call_id}/publish",
        lambda w: {"call_id": w["call"].pk},
        default=403,
        ministry=200,  # publishing an open call again changes nothing
        operator=200,
    ),
    op("GET /api/programmes/applications"),
    op(
        "GET /api/programmes/applications/{application_id}",
        lambda w: {"application_id": w["draft"].pk},
        **{**DRAFT, "anonymous": 401},
    ),
    op(
        "PATCH /api/programmes/applications/{application_id}",
        lambda w: {"application_id": w["draft"].pk},
        body={"title": "바뀐 제목"},
        **{**LEAD, "anonymous": 401},
    ),
    # Only a demander member leads a consortium; anyone else is refused by the service with a 400 and
    # its message, not a 403.
    op(
        "POST /api/programmes/calls/{call_id}/applications",
        lambda w: {"call_id": w["call"].pk},
        body=lambda w: {
            "title": "새 과제",
            "supplier_id": w["draft"].members.get(role="supplier").company_id,
        },
        default=400,
        demander=201,
        ochang_member=201,
    ),
    # The eligibility check is the lead's, like editing (the other members read the application).
    op(
        "GET /api/programmes/applications/{application_id}/check",
        lambda w: {"application_id": w["draft"].pk},
        **{**LEAD, "anonymous": 401},
    ),
    # The lead passes the access check and meets the rule that a firm already funded by the same
    # consortium's selected project cannot submit again (400).
    op(
        "POST /api/programmes/applications/{application_id}/submit",
        lambda w: {"application_id": w["draft"].pk},
        **{**LEAD, "anonymous": 401, "demander": 400},
    ),
]


@pytest.mark.parametrize("row", access.params(ACCESS))
def test_access(row, world, request):
    access.check(row, world, access.people(request))
