"""Contact details stay hidden from other companies until both sides agree (taking or erasing one's own
data is in tests/accounts/test_my_data.py)."""

from __future__ import annotations

from django.urls import reverse

from dxhub.accounts.models import ApiToken
from dxhub.companies.services import contact_consent_give
from tests.factories import ContactFactory


def test_contacts_hidden_until_both_agree(client, demander_company, supplier_company, supplier):
    ContactFactory(company=demander_company, name="김담당", email="kim@precision.kr", phone="010-2222-3333")
    url = reverse("companies:detail", args=[demander_company.pk])
    client.force_login(supplier)

    page = client.get(url).content.decode()
    assert "kim@precision.kr" not in page and "010-2222-3333" not in page

    contact_consent_give(company=supplier_company, with_company=demander_company)
    assert "kim@precision.kr" not in client.get(url).content.decode()  # one side only

    contact_consent_give(company=demander_company, with_company=supplier_company)
    assert "kim@precision.kr" in client.get(url).content.decode()


def test_contacts_hidden_in_api_and_exports(client, demander_company, supplier):
    ContactFactory(company=demander_company, email="kim@precision.kr", phone="010-2222-3333")
    _token, raw = ApiToken.issue(supplier)
    body = client.get(
        f"/api/companies/{demander_company.pk}", headers={"Authorization": f"Bearer {raw}"}
    ).json()
    assert body["contacts"] is None
    client.force_login(supplier)
    export = client.get(reverse("companies:list") + "?format=xlsx").content
    assert b"kim@precision.kr" not in export


def test_own_members_and_hub_operator_see_contacts(
    client, demander_company, demander, operator, busan_operator
):
    ContactFactory(company=demander_company, email="kim@precision.kr")
    url = reverse("companies:detail", args=[demander_company.pk])
    for person, visible in [(demander, True), (operator, True), (busan_operator, False)]:
        client.force_login(person)
        assert ("kim@precision.kr" in client.get(url).content.decode()) is visible, person
