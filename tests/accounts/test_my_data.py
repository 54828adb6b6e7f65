"""People can take their data with them (a JSON download) or erase it."""

from __future__ import annotations

import json

from django.urls import reverse

from dxhub.accounts.models import ApiToken, User
from dxhub.companies.models import ContactPerson
from tests.factories import ContactFactory


def test_download_my_data(client, demander):
    ContactFactory(company=demander.company, user=demander, email=demander.email, name="박대표")
    client.force_login(demander)
    response = client.get(reverse("accounts:export"))
    assert response["Content-Disposition"].startswith("attachment")
    data = json.loads(response.content)
    assert data["account"]["email"] == demander.email
    assert data["contact_records"][0]["name"] == "박대표"


def test_delete_my_data(client, demander):
    ContactFactory(company=demander.company, user=demander, email=demander.email, phone="010-9999-0000")
    ApiToken.issue(demander)
    client.force_login(demander)
    assert client.post(reverse("accounts:delete"), {}).status_code == 302
    demander.refresh_from_db()
    assert demander.is_active  # not confirmed: nothing happened

    response = client.post(reverse("accounts:delete"), {"confirm": "delete"})
    assert response.status_code == 302
    user = User.objects.get(pk=demander.pk)
    assert not user.is_active and not user.has_usable_password()
    assert "precision" not in user.email and user.phone == ""
    assert not ContactPerson.objects.filter(phone="010-9999-0000").exists()
    assert not ApiToken.objects.filter(user=user).exists()
    # Signed out, and the old password no longer works.
    assert client.get(reverse("dashboard")).status_code == 302
