"""Bearer-token authentication: no token, a wrong token, an inactive user's token, last use."""

from __future__ import annotations

import pytest

from dxhub.accounts.models import ApiToken

ENDPOINTS = ["/companies", "/needs", "/companies/1", "/needs/1"]


@pytest.mark.parametrize("path", ENDPOINTS)
def test_no_token_is_401(api, path):
    response = api(None).get(path)
    assert response.status_code == 401
    assert response.json() == {"detail": "a valid API token is required"}
    assert response["WWW-Authenticate"].startswith("Bearer")


@pytest.mark.parametrize(
    "header",
    ["Bearer dxh_not-a-real-token", "Bearer ", "Token dxh_abc", "dxh_abc", "Basic dXNlcjpwYXNz"],
)
def test_bad_token_is_401(api, demander, header):
    client = api(None)
    client.headers["Authorization"] = header
    response = client.get("/companies")
    assert response.status_code == 401
    assert "detail" in response.json()


def test_write_without_token_is_401_and_changes_nothing(api, demander):
    response = api(None).post("/needs", {"title": "t", "site": "s", "problem": "p"})
    assert response.status_code == 401
    assert not demander.company.needs.exists()


def test_valid_token_is_accepted(api, demander):
    response = api(demander).get("/companies")
    assert response.status_code == 200


def test_inactive_users_token_is_401(api, demander):
    client = api(demander)
    demander.is_active = False
    demander.save(update_fields=["is_active"])
    response = client.get("/companies")
    assert response.status_code == 401


def test_token_of_a_deleted_token_row_is_401(api, demander):
    client = api(demander)
    ApiToken.objects.filter(user=demander).delete()
    assert client.get("/companies").status_code == 401


def test_use_records_last_used_at(api, demander):
    client = api(demander)
    token = ApiToken.objects.get(user=demander)
    assert token.last_used_at is None
    assert client.get("/needs").status_code == 200
    token.refresh_from_db()
    assert token.last_used_at is not None


def test_failed_attempt_records_nothing(api, demander):
    api(demander)
    client = api(None)
    client.headers["Authorization"] = "Bearer dxh_wrong"
    client.get("/needs")
    assert ApiToken.objects.get(user=demander).last_used_at is None


def test_token_post_needs_no_csrf_cookie(api, demander):
    # The fixture's client enforces CSRF; a bearer-token write goes through without a cookie.
    response = api(demander).post("/needs", {"title": "검사 자동화", "site": "1공장", "problem": "불량 검출"})
    assert response.status_code == 201
