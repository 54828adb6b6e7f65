"""Every role × every page and API endpoint, read and write.

Statuses: 200 page shown, 302 redirect (to sign-in for visitors, to the object after a write),
403 visible but not yours to change, 404 not visible at all.
"""

from __future__ import annotations

import json

import pytest
from django.urls import reverse

from dxhub.accounts.models import ApiToken
from dxhub.needs.models import Need
from tests.factories import NeedFactory

ROLES = [
    "anon",
    "ministry",
    "operator",
    "busan_operator",
    "demander",
    "supplier",
    "ochang_member",
    "evaluator",
]


@pytest.fixture
def world(request, hubs, demander_company, supplier_company, ochang_company):
    people = {role: (None if role == "anon" else request.getfixturevalue(role)) for role in ROLES}
    need = NeedFactory(company=demander_company, visibility=Need.Visibility.HUB)
    draft = NeedFactory(company=demander_company, status=Need.Status.DRAFT, title="초안 수요")
    public = NeedFactory(company=ochang_company, visibility=Need.Visibility.PUBLIC, title="공개 수요")
    return {
        "people": people,
        "need": need,
        "draft": draft,
        "public": public,
        "company": demander_company,
        "hub": hubs["changwon"],
    }


# (name, method, url builder, expected per role in ROLES order)
PAGES = [
    ("dashboard", "get", lambda w: reverse("dashboard"), [302, 200, 200, 200, 200, 200, 200, 200]),
    ("company list", "get", lambda w: reverse("companies:list"), [302, 200, 200, 200, 200, 200, 200, 200]),
    (
        "company export",
        "get",
        lambda w: reverse("companies:list") + "?format=xlsx",
        [302, 200, 200, 200, 200, 200, 200, 200],
    ),
    (
        "company detail",
        "get",
        lambda w: reverse("companies:detail", args=[w["company"].pk]),
        [302, 200, 200, 200, 200, 200, 200, 200],
    ),
    (
        "company edit form",
        "get",
        lambda w: reverse("companies:edit", args=[w["company"].pk]),
        [302, 200, 200, 403, 200, 403, 403, 403],
    ),
    (
        "company edit save",
        "post",
        lambda w: reverse("companies:edit", args=[w["company"].pk]),
        [302, 200, 200, 403, 200, 403, 403, 403],
    ),
    (
        "company create form",
        "get",
        lambda w: reverse("companies:create"),
        [302, 200, 200, 200, 403, 403, 403, 403],
    ),
    (
        "company invite",
        "post",
        lambda w: reverse("companies:invite", args=[w["company"].pk]),
        [302, 302, 302, 403, 302, 403, 403, 403],
    ),
    ("need list", "get", lambda w: reverse("needs:list"), [200, 200, 200, 200, 200, 200, 200, 200]),
    (
        "need export",
        "get",
        lambda w: reverse("needs:list") + "?format=xlsx",
        [200, 200, 200, 200, 200, 200, 200, 200],
    ),
    (
        "hub-only need",
        "get",
        lambda w: reverse("needs:detail", args=[w["need"].pk]),
        [404, 200, 200, 404, 200, 200, 404, 404],
    ),
    (
        "draft need",
        "get",
        lambda w: reverse("needs:detail", args=[w["draft"].pk]),
        [404, 200, 200, 404, 200, 404, 404, 404],
    ),
    (
        "public need",
        "get",
        lambda w: reverse("needs:detail", args=[w["public"].pk]),
        [200, 200, 200, 200, 200, 200, 200, 200],
    ),
    (
        "need edit form",
        "get",
        lambda w: reverse("needs:edit", args=[w["need"].pk]),
        [302, 200, 200, 404, 200, 403, 404, 404],
    ),
    (
        "need edit save",
        "post",
        lambda w: reverse("needs:edit", args=[w["need"].pk]),
        [302, 200, 200, 404, 200, 403, 404, 404],
    ),
    (
        "need publish",
        "post",
        lambda w: reverse("needs:publish", args=[w["draft"].pk]),
        [302, 302, 302, 404, 302, 404, 404, 404],
    ),
    (
        "need close",
        "post",
        lambda w: reverse("needs:close", args=[w["need"].pk]),
        [302, 302, 302, 404, 302, 403, 404, 404],
    ),
    (
        "need attach",
        "post",
        lambda w: reverse("needs:attach", args=[w["need"].pk]),
        [302, 302, 302, 404, 302, 403, 404, 404],
    ),
    ("need create form", "get", lambda w: reverse("needs:create"), [302, 403, 403, 403, 200, 403, 200, 403]),
    (
        "need shortlist",
        "get",
        lambda w: reverse("matches:need", args=[w["need"].pk]),
        [302, 200, 200, 404, 200, 403, 404, 404],
    ),
    (
        "draft shortlist",
        "get",
        lambda w: reverse("matches:need", args=[w["draft"].pk]),
        [302, 200, 200, 404, 200, 404, 404, 404],
    ),
    (
        "recommendations",
        "get",
        lambda w: reverse("matches:company", args=[w["company"].pk]),
        [302, 200, 200, 403, 200, 403, 403, 403],
    ),
    ("hub list", "get", lambda w: reverse("hubs:list"), [200, 200, 200, 200, 200, 200, 200, 200]),
    (
        "hub detail",
        "get",
        lambda w: reverse("hubs:detail", args=[w["hub"].pk]),
        [200, 200, 200, 200, 200, 200, 200, 200],
    ),
    (
        "hub edit",
        "get",
        lambda w: reverse("hubs:edit", args=[w["hub"].pk]),
        [302, 200, 200, 403, 403, 403, 403, 403],
    ),
    ("hub create", "get", lambda w: reverse("hubs:create"), [302, 200, 200, 200, 403, 403, 403, 403]),
    ("taxonomy", "get", lambda w: reverse("hubs:capabilities"), [302, 200, 200, 200, 200, 200, 200, 200]),
    (
        "taxonomy add",
        "post",
        lambda w: reverse("hubs:capabilities"),
        [302, 200, 200, 200, 403, 403, 403, 403],
    ),
    ("import", "get", lambda w: reverse("imports:upload"), [302, 200, 200, 200, 403, 403, 403, 403]),
    ("my account", "get", lambda w: reverse("accounts:me"), [302, 200, 200, 200, 200, 200, 200, 200]),
    ("my data", "get", lambda w: reverse("accounts:export"), [302, 200, 200, 200, 200, 200, 200, 200]),
]


@pytest.mark.parametrize(("name", "method", "url", "expected"), PAGES, ids=[p[0] for p in PAGES])
def test_page_matrix(client, world, name, method, url, expected):
    for role, want in zip(ROLES, expected, strict=True):
        client.logout()
        person = world["people"][role]
        if person is not None:
            client.force_login(person)
        response = getattr(client, method)(url(world), {})
        got = response.status_code
        if want == 302 and role == "anon":
            assert got == 302 and "/accounts/login/" in response["Location"], f"{name}: {role}"
        else:
            assert got == want, f"{name}: {role} got {got}, expected {want}"
        # A successful write by one role must not change what the next role is tested against.
        Need.objects.filter(pk=world["draft"].pk).update(status=Need.Status.DRAFT)
        Need.objects.filter(pk=world["need"].pk).update(status=Need.Status.PUBLISHED, close_reason="")


API = [
    ("list companies", "get", lambda w: "/api/companies", None, [401, 200, 200, 200, 200, 200, 200, 200]),
    (
        "one company",
        "get",
        lambda w: f"/api/companies/{w['company'].pk}",
        None,
        [401, 200, 200, 200, 200, 200, 200, 200],
    ),
    (
        "patch company",
        "patch",
        lambda w: f"/api/companies/{w['company'].pk}",
        {"address": "창원시 성산구 공단로 1"},
        [401, 200, 200, 403, 200, 403, 403, 403],
    ),
    ("create company", "post", lambda w: "/api/companies", {}, [401, 422, 422, 422, 422, 422, 422, 422]),
    (
        "need matches",
        "get",
        lambda w: f"/api/needs/{w['need'].pk}/matches",
        None,
        [401, 200, 200, 404, 200, 403, 404, 404],
    ),
    (
        "recommendations",
        "get",
        lambda w: f"/api/companies/{w['company'].pk}/recommendations",
        None,
        [401, 200, 200, 403, 200, 403, 403, 403],
    ),
    ("list needs", "get", lambda w: "/api/needs", None, [401, 200, 200, 200, 200, 200, 200, 200]),
    (
        "hub-only need",
        "get",
        lambda w: f"/api/needs/{w['need'].pk}",
        None,
        [401, 200, 200, 404, 200, 200, 404, 404],
    ),
    (
        "draft need",
        "get",
        lambda w: f"/api/needs/{w['draft'].pk}",
        None,
        [401, 200, 200, 404, 200, 404, 404, 404],
    ),
    (
        "public need",
        "get",
        lambda w: f"/api/needs/{w['public'].pk}",
        None,
        [401, 200, 200, 200, 200, 200, 200, 200],
    ),
    (
        "patch need",
        "patch",
        lambda w: f"/api/needs/{w['need'].pk}",
        {"target_kpi": "불량률 50% 감소"},
        [401, 200, 200, 404, 200, 403, 404, 404],
    ),
    (
        "publish draft",
        "post",
        lambda w: f"/api/needs/{w['draft'].pk}/publish",
        None,
        [401, 200, 200, 404, 200, 404, 404, 404],
    ),
    (
        "close need",
        "post",
        lambda w: f"/api/needs/{w['need'].pk}/close",
        {"reason": "solved"},
        [401, 200, 200, 404, 200, 403, 404, 404],
    ),
    (
        "create need",
        "post",
        lambda w: "/api/needs",
        {"title": "설비 예지보전", "site": "1공장 프레스", "problem": "프레스 고장으로 라인이 멈춥니다."},
        [401, 403, 403, 403, 201, 403, 201, 403],
    ),
]


@pytest.mark.parametrize(("name", "method", "url", "body", "expected"), API, ids=[a[0] for a in API])
def test_api_matrix(client, world, name, method, url, body, expected):
    for role, want in zip(ROLES, expected, strict=True):
        person = world["people"][role]
        headers = {}
        if person is not None:
            _token, raw = ApiToken.issue(person)
            headers["Authorization"] = f"Bearer {raw}"
        kwargs = {"headers": headers}
        if body is not None:
            kwargs.update(data=json.dumps(body), content_type="application/json")
        response = getattr(client, method)(url(world), **kwargs)
        assert response.status_code == want, (
            f"{name}: {role} got {response.status_code}: {response.content[:200]!r}"
        )
        # Writes that succeed change state for the next role: restore what the next row expects.
        if name == "publish draft" and want == 200:
            Need.objects.filter(pk=world["draft"].pk).update(status=Need.Status.DRAFT)
        if name == "close need" and want == 200:
            Need.objects.filter(pk=world["need"].pk).update(status=Need.Status.PUBLISHED, close_reason="")


def test_page_writes_restore_between_roles(client, world, demander):
    """The page matrix posts empty forms: the need publish/close by the first allowed role must really happen."""
    client.force_login(demander)
    client.post(reverse("needs:publish", args=[world["draft"].pk]))
    world["draft"].refresh_from_db()
    assert world["draft"].status == Need.Status.PUBLISHED
