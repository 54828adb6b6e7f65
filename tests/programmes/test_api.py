"""The programmes API: the same access rules, state machine and deadline as the pages."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from dxhub.programmes.models import Application, Call
from tests.programmes.conftest import M

pytestmark = pytest.mark.django_db


def _call_body(**over):
    now = timezone.now()
    body = {
        "title": "2026 오창 이차전지 DX 과제",
        "hubs": ["changwon"],
        "year": 2026,
        "opens_at": now.isoformat(),
        "deadline": (now + datetime.timedelta(days=10)).isoformat(),
        "total_budget": 500 * M,
        "cap_per_project": 150 * M,
        "criteria": [{"name": "필요성", "weight": 50}, {"name": "실현 가능성", "weight": 50}],
        "quotas": [{"group": "young", "kind": "count", "value": 1}],
    }
    body.update(over)
    return body


def test_operator_creates_and_publishes_a_call(api, operator, demander):
    op = api(operator)
    created = op.post("/programmes/calls", _call_body())
    assert created.status_code == 201, created.content
    call_id = created.json()["id"]
    assert api(demander).get(f"/programmes/calls/{call_id}").status_code == 404  # a draft is the hub's own
    published = op.post(f"/programmes/calls/{call_id}/publish")
    assert published.status_code == 200 and published.json()["status"] == "open"
    assert api(demander).get(f"/programmes/calls/{call_id}").status_code == 200


def test_bad_calls_are_4xx_with_a_message(api, operator, busan_operator, demander):
    op = api(operator)
    weights = op.post(
        "/programmes/calls", _call_body(criteria=[{"name": "a", "weight": 60}, {"name": "b", "weight": 30}])
    )
    assert weights.status_code == 201  # saved as a draft; publishing checks the sum
    r = op.post(f"/programmes/calls/{weights.json()['id']}/publish")
    assert r.status_code == 400 and "100" in r.json()["detail"]
    assert op.post("/programmes/calls", _call_body(hubs=["atlantis"])).status_code == 400
    assert api(busan_operator).post("/programmes/calls", _call_body()).status_code == 403
    assert api(demander).post("/programmes/calls", _call_body()).status_code == 403
    past = _call_body(deadline=(timezone.now() - datetime.timedelta(days=1)).isoformat())
    assert op.post("/programmes/calls", past).status_code == 400


def test_application_life_through_the_api(
    api, open_call, demander, supplier_company, supplier, ochang_member
):
    dm = api(demander)
    created = dm.post(
        f"/programmes/calls/{open_call.pk}/applications",
        {"title": "용접 비전 검사", "supplier_id": supplier_company.pk},
    )
    assert created.status_code == 201, created.content
    app_id = created.json()["id"]
    patch = dm.patch(
        f"/programmes/applications/{app_id}",
        {"budget": [{"item": "outsourcing", "source": "national", "amount": 100 * M}], "schedule_months": 8},
    )
    assert patch.status_code == 200 and patch.json()["requested"] == 100 * M
    check = dm.get(f"/programmes/applications/{app_id}/check")
    assert check.status_code == 200 and check.json()["eligible"] is False and check.json()["reasons"]
    refused = dm.post(f"/programmes/applications/{app_id}/submit")
    assert refused.status_code == 400 and refused.json()["detail"]
    assert api(supplier).get(f"/programmes/applications/{app_id}").status_code == 200  # a member reads
    assert api(supplier).patch(f"/programmes/applications/{app_id}", {"title": "x"}).status_code == 403
    assert api(ochang_member).get(f"/programmes/applications/{app_id}").status_code == 404
    listed = api(ochang_member).get("/programmes/applications").json()
    assert listed["count"] == 0


def test_submitted_applications_are_locked_in_the_api(api, consortium, demander):
    dm = api(demander)
    assert dm.post(f"/programmes/applications/{consortium.pk}/submit").status_code == 200
    assert dm.post(f"/programmes/applications/{consortium.pk}/submit").status_code == 200  # idempotent
    r = dm.patch(f"/programmes/applications/{consortium.pk}", {"title": "바꾼 제목"})
    assert r.status_code == 400
    assert Application.objects.get(pk=consortium.pk).status == Application.Status.SUBMITTED
    assert Call.objects.get(pk=consortium.call_id).status == Call.Status.OPEN


def test_api_enums_match_the_models():
    from typing import get_args

    from dxhub.programmes import api as programmes_api
    from dxhub.programmes.models import BudgetLine, CallQuota

    def values(schema, name):
        return set(get_args(schema.model_fields[name].annotation))

    assert values(programmes_api.QuotaIn, "group") == set(CallQuota.Group.values)
    assert values(programmes_api.QuotaIn, "kind") == set(CallQuota.Kind.values)
    assert values(programmes_api.CallIn, "aggregation") == set(Call.Aggregation.values)
    assert values(programmes_api.BudgetLineIO, "item") == set(BudgetLine.Item.values)
    assert values(programmes_api.BudgetLineIO, "source") == set(BudgetLine.Source.values)
