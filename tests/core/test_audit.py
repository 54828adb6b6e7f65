"""Every write is audited: who, when, what changed."""

from __future__ import annotations

from auditlog.models import LogEntry
from django.urls import reverse

from dxhub.companies.models import Company
from dxhub.needs.models import Need
from tests.factories import NeedFactory


def test_profile_edit_is_audited_with_actor_and_changes(client, demander, demander_company):
    client.force_login(demander)
    form = client.get(reverse("companies:edit", args=[demander_company.pk])).context["form"]
    data = {
        k: v for k, v in form.initial.items() if v is not None and k not in ("capabilities", "ksic_codes")
    }
    data.update(
        brn=demander_company.brn,
        region=demander_company.region_id,
        hub=demander_company.hub_id,
        ksic="29271",
        address="경남 창원시 성산구 공단로 100",
        employees="85",
    )
    for prefix in ("contacts", "solutions", "references", "certifications"):
        data.update({f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0"})
    response = client.post(reverse("companies:edit", args=[demander_company.pk]), data)
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    demander_company.refresh_from_db()
    assert demander_company.employees == 85
    updates = LogEntry.objects.get_for_object(demander_company).filter(action=LogEntry.Action.UPDATE)
    entry = next(e for e in updates if "employees" in e.changes_dict)
    assert entry.actor == demander and entry.changes_dict["employees"][1] == "85"
    assert any("ksic_codes" in e.changes_dict for e in updates)  # many-to-many changes too

    # The owner sees the history on the profile page.
    page = client.get(reverse("companies:detail", args=[demander_company.pk])).content.decode()
    assert "85" in page and demander.email in page


def test_need_state_changes_are_audited(client, demander, demander_company):
    need = NeedFactory(company=demander_company, status=Need.Status.DRAFT)
    client.force_login(demander)
    client.post(reverse("needs:publish", args=[need.pk]))
    entry = LogEntry.objects.get_for_object(need).latest("timestamp")
    assert entry.actor == demander and entry.changes_dict["status"] == ["draft", "published"]


def test_api_writes_are_audited(client, operator, demander_company):
    from dxhub.accounts.models import ApiToken

    _t, raw = ApiToken.issue(operator)
    response = client.patch(
        f"/api/companies/{demander_company.pk}",
        data='{"employees": 120}',
        content_type="application/json",
        headers={"Authorization": f"Bearer {raw}"},
    )
    assert response.status_code == 200
    assert Company.objects.get(pk=demander_company.pk).employees == 120
    entry = next(
        e for e in LogEntry.objects.get_for_object(demander_company) if "employees" in e.changes_dict
    )
    assert entry.changes_dict["employees"][1] == "120"
    assert entry.actor == operator
