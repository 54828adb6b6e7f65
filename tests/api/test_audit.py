"""Writes through the API are in the audit log under the token's user, like writes from the pages."""

from __future__ import annotations

from auditlog.models import LogEntry

from dxhub.needs.models import Need
from tests.factories import NeedFactory


def test_company_patch_is_logged_with_the_token_user(api, operator, demander_company):
    response = api(operator).patch(f"/companies/{demander_company.pk}", {"employees": 120})
    assert response.status_code == 200
    entry = LogEntry.objects.get_for_object(demander_company).latest("timestamp")
    assert entry.actor == operator
    assert entry.changes_dict["employees"] == ["None", "120"]


def test_need_publish_is_logged_with_the_token_user(api, demander, demander_company):
    need = NeedFactory(company=demander_company, status=Need.Status.DRAFT)
    assert api(demander).post(f"/needs/{need.pk}/publish").status_code == 200
    entry = LogEntry.objects.get_for_object(need).latest("timestamp")
    assert entry.actor == demander
    assert entry.changes_dict["status"] == ["draft", "published"]


def test_created_need_is_logged_with_the_token_user(api, demander):
    response = api(demander).post(
        "/needs", {"title": "설비 예지보전", "site": "프레스 라인", "problem": "고장"}
    )
    need = Need.objects.get(pk=response.json()["id"])
    assert LogEntry.objects.get_for_object(need).get(action=LogEntry.Action.CREATE).actor == demander
