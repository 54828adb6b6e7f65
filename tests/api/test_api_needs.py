"""DX needs over the API: who may post, the draft → published → closed life cycle, who sees what."""

from __future__ import annotations

import pytest

from dxhub.needs.models import Need
from tests.factories import NeedFactory

NEW_NEED = {
    "title": "용접 비드 외관 불량 자동 검출",
    "site": "본사 2공장 용접 라인",
    "problem": "작업자 육안 검사로 불량 누락이 잦습니다.",
    "budget_min": 50_000_000,
    "budget_max": 120_000_000,
    "timeline_months": 6,
    "required_capabilities": ["vision-inspection"],
    "ksic": "29120",
}


def ids(response) -> set[int]:
    assert response.status_code == 200, response.content
    return {row["id"] for row in response.json()["results"]}


@pytest.fixture
def draft(demander_company, demander):
    return NeedFactory(company=demander_company, status=Need.Status.DRAFT, created_by=demander)


@pytest.fixture
def hub_only(demander_company):
    return NeedFactory(company=demander_company, visibility=Need.Visibility.HUB)


@pytest.fixture
def public(demander_company):
    return NeedFactory(company=demander_company, visibility=Need.Visibility.PUBLIC)


def test_demander_member_creates_a_draft(api, demander, demander_company):
    response = api(demander).post("/needs", NEW_NEED)
    assert response.status_code == 201, response.content
    body = response.json()
    assert (body["status"], body["hub"], body["company_id"]) == ("draft", "changwon", demander_company.pk)
    assert body["required_capabilities"] == ["vision-inspection"]
    need = Need.objects.get(pk=body["id"])
    assert need.created_by == demander
    assert need.ksic_id == "29120"
    assert "용접" in need.search_text


def test_ksic_defaults_to_the_companys_first_code(api, demander, demander_company):
    demander_company.ksic_codes.add("29120")
    payload = {k: v for k, v in NEW_NEED.items() if k != "ksic"}
    response = api(demander).post("/needs", payload)
    assert response.status_code == 201
    assert response.json()["ksic"] == "29120"


@pytest.mark.parametrize("persona", ["supplier", "operator", "ministry", "evaluator"])
def test_others_may_not_create(api, request, persona):
    response = api(request.getfixturevalue(persona)).post("/needs", NEW_NEED)
    assert response.status_code == 403
    assert "detail" in response.json()
    assert not Need.objects.exists()


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"ksic": "99999"}, "ksic"),
        ({"required_capabilities": ["time-travel"]}, "required_capabilities"),
        ({"budget_min": 200, "budget_max": 100}, "__all__"),
    ],
)
def test_invalid_need_is_400(api, demander, overrides, field):
    response = api(demander).post("/needs", {**NEW_NEED, **overrides})
    assert response.status_code == 400, response.content
    assert field in response.json()["errors"]
    assert not Need.objects.exists()


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"visibility": "everyone"}, "visibility"),
        ({"timeline_months": 0}, "timeline_months"),
        ({"budget_min": -1}, "budget_min"),
        ({"title": ""}, "title"),
    ],
)
def test_bad_enum_or_range_is_422(api, demander, overrides, field):
    response = api(demander).post("/needs", {**NEW_NEED, **overrides})
    assert response.status_code == 422
    assert field in response.json()["errors"]


def test_patch_budget_below_the_floor_is_400(api, demander, draft):
    api(demander).patch(f"/needs/{draft.pk}", {"budget_min": 100})
    response = api(demander).patch(f"/needs/{draft.pk}", {"budget_max": 50})
    assert response.status_code == 400
    draft.refresh_from_db()
    assert draft.budget_max is None


def test_publish_then_close(api, demander, draft):
    client = api(demander)
    published = client.post(f"/needs/{draft.pk}/publish")
    assert published.status_code == 200, published.content
    assert published.json()["status"] == "published"
    assert published.json()["published_at"] is not None
    closed = client.post(f"/needs/{draft.pk}/close", {"reason": "solved", "note": "공급기업 선정"})
    assert closed.status_code == 200
    assert (closed.json()["status"], closed.json()["close_reason"]) == ("closed", "solved")
    draft.refresh_from_db()
    assert (draft.status, draft.close_note) == (Need.Status.CLOSED, "공급기업 선정")


def test_publishing_twice_publishes_once(api, demander, draft):
    client = api(demander)
    first = client.post(f"/needs/{draft.pk}/publish").json()
    second = client.post(f"/needs/{draft.pk}/publish")
    assert second.status_code == 200
    assert second.json()["published_at"] == first["published_at"]


def test_draft_may_be_closed(api, demander, draft):
    response = api(demander).post(f"/needs/{draft.pk}/close", {"reason": "cancelled"})
    assert response.status_code == 200
    assert response.json()["status"] == "closed"


def test_publishing_a_closed_need_is_400_with_the_transition_message(api, demander, draft):
    client = api(demander)
    client.headers["Accept-Language"] = "en"
    client.post(f"/needs/{draft.pk}/close", {"reason": "budget"})
    response = client.post(f"/needs/{draft.pk}/publish")
    assert response.status_code == 400
    assert response.json()["detail"] == "A need in state “closed” cannot become “published”."
    draft.refresh_from_db()
    assert draft.status == Need.Status.CLOSED


def test_closing_a_closed_need_is_400(api, demander, draft):
    client = api(demander)
    client.post(f"/needs/{draft.pk}/close", {"reason": "budget"})
    response = client.post(f"/needs/{draft.pk}/close", {"reason": "solved"})
    assert response.status_code == 400
    assert response.json()["detail"]
    draft.refresh_from_db()
    assert draft.close_reason == "budget"


def test_editing_a_closed_need_is_400(api, demander, draft):
    client = api(demander)
    client.post(f"/needs/{draft.pk}/close", {"reason": "other"})
    response = client.patch(f"/needs/{draft.pk}", {"title": "다시"})
    assert response.status_code == 400
    assert response.json()["detail"]


@pytest.mark.parametrize("body", [None, {}, {"reason": "bored"}, {"reason": "other", "note": "x" * 301}])
def test_close_needs_a_known_reason(api, demander, draft, body):
    response = api(demander).post(f"/needs/{draft.pk}/close", body)
    assert response.status_code == 422
    draft.refresh_from_db()
    assert draft.status == Need.Status.DRAFT


def test_patch_changes_only_what_is_sent(api, demander, draft):
    response = api(demander).patch(
        f"/needs/{draft.pk}", {"target_kpi": "불량 검출률 95%", "visibility": "public"}
    )
    assert response.status_code == 200, response.content
    draft.refresh_from_db()
    assert (draft.target_kpi, draft.visibility) == ("불량 검출률 95%", "public")
    assert draft.title.startswith("용접 라인")


@pytest.mark.parametrize("persona", ["operator", "ministry"])
def test_hub_operator_and_ministry_may_publish(api, request, draft, persona):
    response = api(request.getfixturevalue(persona)).post(f"/needs/{draft.pk}/publish")
    assert response.status_code == 200


def test_supplier_who_can_read_a_need_may_not_change_it(api, supplier, hub_only):
    client = api(supplier)
    assert client.get(f"/needs/{hub_only.pk}").status_code == 200
    assert client.patch(f"/needs/{hub_only.pk}", {"title": "x"}).status_code == 403
    assert client.post(f"/needs/{hub_only.pk}/close", {"reason": "other"}).status_code == 403
    hub_only.refresh_from_db()
    assert hub_only.status == Need.Status.PUBLISHED


def test_hub_only_need_is_404_for_another_hubs_member(api, ochang_member, hub_only):
    client = api(ochang_member)
    assert client.get(f"/needs/{hub_only.pk}").status_code == 404
    assert hub_only.pk not in ids(client.get("/needs"))
    assert client.patch(f"/needs/{hub_only.pk}", {"title": "x"}).status_code == 404
    assert client.post(f"/needs/{hub_only.pk}/publish").status_code == 404


@pytest.mark.parametrize("persona", ["supplier", "operator", "ministry", "demander"])
def test_hub_only_need_is_visible_in_its_hub(api, request, hub_only, persona):
    client = api(request.getfixturevalue(persona))
    assert client.get(f"/needs/{hub_only.pk}").status_code == 200
    assert hub_only.pk in ids(client.get("/needs"))


@pytest.mark.parametrize("persona", ["evaluator", "busan_operator"])
def test_hub_only_need_is_404_outside_the_hub(api, request, hub_only, persona):
    assert api(request.getfixturevalue(persona)).get(f"/needs/{hub_only.pk}").status_code == 404


@pytest.mark.parametrize("persona", ["evaluator", "ochang_member", "busan_operator", "supplier"])
def test_public_need_is_visible_to_everyone_signed_in(api, request, public, persona):
    client = api(request.getfixturevalue(persona))
    assert client.get(f"/needs/{public.pk}").status_code == 200
    assert public.pk in ids(client.get("/needs"))


@pytest.mark.parametrize("persona", ["demander", "operator", "ministry"])
def test_draft_is_visible_to_its_company_hub_operator_and_ministry(api, request, draft, persona):
    client = api(request.getfixturevalue(persona))
    assert client.get(f"/needs/{draft.pk}").status_code == 200
    assert draft.pk in ids(client.get("/needs"))


@pytest.mark.parametrize("persona", ["supplier", "ochang_member", "busan_operator", "evaluator"])
def test_draft_is_404_for_everyone_else(api, request, draft, persona):
    client = api(request.getfixturevalue(persona))
    assert client.get(f"/needs/{draft.pk}").status_code == 404
    assert draft.pk not in ids(client.get("/needs"))
    assert client.post(f"/needs/{draft.pk}/publish").status_code == 404


def test_list_filters(api, ministry, draft, hub_only, public, ochang_company):
    other = NeedFactory(
        company=ochang_company, title="배터리 셀 외관 검사", visibility=Need.Visibility.ALL_HUBS
    )
    client = api(ministry)
    assert ids(client.get("/needs", {"status": "draft"})) == {draft.pk}
    assert ids(client.get("/needs", {"visibility": "public"})) == {public.pk}
    assert ids(client.get("/needs", {"region": "43"})) == {other.pk}
    assert ids(client.get("/needs", {"company": ochang_company.pk})) == {other.pk}
    assert ids(client.get("/needs", {"q": "배터리"})) == {other.pk}
    assert client.get("/needs", {"status": "pending"}).status_code == 422
    assert client.get("/needs", {"capability": "nope"}).status_code == 400
