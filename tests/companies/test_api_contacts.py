"""Contacts in the company JSON: shown only where dxhub.companies.access.can_see_contacts allows."""

from __future__ import annotations

import pytest

from dxhub.companies.services import contact_consent_give
from tests.factories import ContactFactory


@pytest.fixture
def contact(supplier_company):
    return ContactFactory(company=supplier_company, name="김담당", email="kim@vision.kr")


def contacts_seen(client, company):
    response = client.get(f"/companies/{company.pk}")
    assert response.status_code == 200
    return response.json()["contacts"]


def listed_contacts(client, company):
    rows = client.get("/companies", {"q": company.name}).json()["results"]
    return next(r["contacts"] for r in rows if r["id"] == company.pk)


@pytest.mark.parametrize("persona", ["ochang_member", "demander", "busan_operator", "evaluator"])
def test_hidden_from_outsiders(api, request, supplier_company, contact, persona):
    client = api(request.getfixturevalue(persona))
    assert contacts_seen(client, supplier_company) is None
    assert listed_contacts(client, supplier_company) is None


@pytest.mark.parametrize("persona", ["supplier", "supplier_owner", "operator", "ministry"])
def test_shown_to_own_members_hub_operator_and_ministry(api, request, supplier_company, contact, persona):
    client = api(request.getfixturevalue(persona))
    expected = [{"name": "김담당", "title": "", "email": "kim@vision.kr", "phone": "010-1234-5678"}]
    assert contacts_seen(client, supplier_company) == expected
    assert listed_contacts(client, supplier_company) == expected


def test_one_sided_consent_is_not_enough(api, supplier_company, ochang_company, ochang_member, contact):
    contact_consent_give(company=supplier_company, with_company=ochang_company)
    assert contacts_seen(api(ochang_member), supplier_company) is None


def test_mutual_consent_shows_contacts_both_ways(
    api, supplier, supplier_company, ochang_company, ochang_member, contact
):
    ContactFactory(company=ochang_company, name="박배터리", email="park@battery.kr")
    contact_consent_give(company=supplier_company, with_company=ochang_company)
    contact_consent_give(company=ochang_company, with_company=supplier_company)
    assert [c["name"] for c in contacts_seen(api(ochang_member), supplier_company)] == ["김담당"]
    assert [c["name"] for c in contacts_seen(api(supplier), ochang_company)] == ["박배터리"]


def test_consent_with_one_company_shows_nothing_to_a_third(
    api, supplier_company, ochang_company, demander, contact
):
    contact_consent_give(company=supplier_company, with_company=ochang_company)
    contact_consent_give(company=ochang_company, with_company=supplier_company)
    assert contacts_seen(api(demander), supplier_company) is None


def test_company_list_costs_no_query_per_row_for_contacts(client, supplier, hubs):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from dxhub.accounts.models import ApiToken
    from tests.factories import CompanyFactory, ContactFactory

    _token, raw = ApiToken.issue(supplier)
    headers = {"Authorization": f"Bearer {raw}"}
    ContactFactory(company=CompanyFactory(hub=hubs["changwon"]))
    with CaptureQueriesContext(connection) as few:
        client.get("/api/companies", headers=headers)
    for _ in range(10):
        ContactFactory(company=CompanyFactory(hub=hubs["changwon"]))
    with CaptureQueriesContext(connection) as many:
        client.get("/api/companies", headers=headers)
    assert len(many) == len(few)
