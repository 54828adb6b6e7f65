"""Bad requests get a 4xx with a `detail`, never a 500: malformed bodies, wrong types, odd ids and pages."""

from __future__ import annotations

import pytest

from dxhub.needs.models import Need
from tests.factories import NeedFactory

HUGE = "9" * 30


@pytest.fixture
def need(demander_company):
    return NeedFactory(company=demander_company, status=Need.Status.DRAFT)


def assert_client_error(response, status: int | None = None) -> dict:
    assert 400 <= response.status_code < 500, (response.status_code, response.content)
    if status is not None:
        assert response.status_code == status, response.content
    body = response.json()
    assert isinstance(body["detail"], str) and body["detail"]
    return body


@pytest.mark.parametrize(
    "raw",
    [
        b"{bad json",
        b'{"title": "unterminated',
        b"\xff\xfe not utf-8",
        b"",
        b"   ",
        b"[1, 2, 3]",
        b"null",
        b'"a string"',
        b"42",
        b'{"title": NaN}',
    ],
)
@pytest.mark.parametrize("path", ["/needs", "/companies"])
def test_malformed_bodies(api, ministry, demander, raw, path):
    user = demander if path == "/needs" else ministry
    assert_client_error(api(user).send("post", path, raw))


@pytest.mark.parametrize("raw", [b"{bad", b"[]", b"null"])
def test_malformed_patch_and_close_bodies(api, demander, need, raw):
    client = api(demander)
    assert_client_error(client.send("patch", f"/needs/{need.pk}", raw))
    assert_client_error(client.send("post", f"/needs/{need.pk}/close", raw))


@pytest.mark.parametrize(
    "body",
    [
        {"title": 123, "site": "s", "problem": "p"},
        {"title": ["list"], "site": "s", "problem": "p"},
        {"title": {"nested": 1}, "site": "s", "problem": "p"},
        {"title": "t", "site": "s", "problem": "p", "budget_min": "a lot"},
        {"title": "t", "site": "s", "problem": "p", "budget_min": 1.5},
        {"title": "t", "site": "s", "problem": "p", "budget_min": 10**30},
        {"title": "t", "site": "s", "problem": "p", "required_capabilities": "vision-inspection"},
        {"title": "t", "site": "s", "problem": "p", "required_capabilities": [1, 2]},
        {"title": "t", "site": "s", "problem": "p", "visibility": None},
        {"title": "t\x00", "site": "s", "problem": "p"},
        {"title": "t" * 151, "site": "s", "problem": "p"},
    ],
)
def test_wrong_types_are_422(api, demander, body):
    body = assert_client_error(api(demander).post("/needs", body), 422)
    assert body["errors"]
    assert not Need.objects.exists()


@pytest.mark.parametrize(
    "body",
    [
        {"name": None},
        {"employees": "many"},
        {"employees": 2**40},
        {"ksic_codes": None, "capabilities": "mes-mom"},
        {"description": "\x00"},
        {"kind": "robot"},
    ],
)
def test_wrong_company_patches_are_4xx(api, supplier, supplier_company, body):
    assert_client_error(api(supplier).patch(f"/companies/{supplier_company.pk}", body))
    supplier_company.refresh_from_db()
    assert supplier_company.name == "창원비전AI"


@pytest.mark.parametrize(
    "body",
    [{"title": None}, {"problem": None}, {"current_practice": None}, {"ksic": "nope"}, {"budget_max": -5}],
)
def test_wrong_need_patches_are_4xx(api, demander, need, body):
    assert_client_error(api(demander).patch(f"/needs/{need.pk}", body))


@pytest.mark.parametrize("page", ["2", "99", "100000", HUGE])
def test_pages_past_the_end_give_the_last_page(api, evaluator, page):
    response = api(evaluator).get("/companies", {"page": page})
    assert response.status_code == 200
    assert response.json()["page"] == response.json()["pages"]


@pytest.mark.parametrize("page", ["0", "-1", "abc", "1.5", "", "1e3"])
def test_bad_page_numbers_are_422(api, evaluator, page):
    assert_client_error(api(evaluator).get("/needs", {"page": page}), 422)


@pytest.mark.parametrize(
    "params",
    [
        {"hub": "changwon"},
        {"hub": HUGE},
        {"company": "x"},
        {"status": "open"},
        {"capability": "unknown"},
        {"q": "\x00"},
        {"region": "\x00"},
        {"ksic": "\x00"},
    ],
)
def test_bad_list_parameters_are_4xx(api, evaluator, params):
    assert_client_error(api(evaluator).get("/needs", params))


@pytest.mark.parametrize("params", [{"q": "' OR 1=1 --"}, {"q": "%_"}, {"region": "4" * 50}, {"ksic": "?"}])
def test_odd_but_harmless_parameters_are_200(api, evaluator, params):
    assert api(evaluator).get("/companies", params).status_code == 200


@pytest.mark.parametrize("company_id", ["123456", "0", "-1", HUGE, f"-{HUGE}"])
def test_unknown_ids_are_404(api, ministry, company_id):
    client = api(ministry)
    assert_client_error(client.get(f"/companies/{company_id}"), 404)
    assert_client_error(client.patch(f"/companies/{company_id}", {"name": "x"}), 404)
    assert_client_error(client.get(f"/needs/{company_id}"), 404)
    assert_client_error(client.patch(f"/needs/{company_id}", {"title": "x"}), 404)
    assert_client_error(client.post(f"/needs/{company_id}/publish"), 404)
    assert_client_error(client.post(f"/needs/{company_id}/close", {"reason": "other"}), 404)


@pytest.mark.parametrize("bad_id", ["abc", "1.5", "1e3", "%20", "0x10", "１"])
def test_non_numeric_ids_are_4xx(api, ministry, bad_id):
    client = api(ministry)
    assert_client_error(client.get(f"/companies/{bad_id}"))
    assert_client_error(client.patch(f"/companies/{bad_id}", {"name": "x"}))
    assert_client_error(client.get(f"/needs/{bad_id}"))
    assert_client_error(client.post(f"/needs/{bad_id}/publish"))
    assert_client_error(client.post(f"/needs/{bad_id}/close", {"reason": "other"}))


def test_permission_and_visibility_errors_have_detail(api, supplier, ochang_member, need, supplier_company):
    assert_client_error(api(supplier).post("/needs", {"title": "t", "site": "s", "problem": "p"}), 403)
    assert_client_error(api(ochang_member).patch(f"/companies/{supplier_company.pk}", {"name": "x"}), 403)
    assert_client_error(api(ochang_member).get(f"/needs/{need.pk}"), 404)
    assert_client_error(api(None).get("/needs"), 401)


@pytest.mark.parametrize("name", ["hub", "company"])
@pytest.mark.parametrize("value", [str(2**63), HUGE, "0", "-3"])
def test_out_of_range_ids_in_filters_are_422(api, evaluator, name, value):
    # Found by the property-based run: 10**30 used to reach SQLite and overflow.
    assert_client_error(api(evaluator).get("/needs", {name: value}), 422)
