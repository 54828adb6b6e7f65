"""A company owner invites a colleague, who joins the company through the emailed link."""

from __future__ import annotations

import re

from django.core import mail
from django.urls import reverse

from dxhub.accounts.models import Invitation, User


def test_owner_invites_and_colleague_joins(client, demander, demander_company):
    client.force_login(demander)
    response = client.post(
        reverse("companies:invite", args=[demander_company.pk]), {"email": "New@Precision.kr"}
    )
    assert response.status_code == 302
    invitation = Invitation.objects.get()
    assert invitation.email == "new@precision.kr"
    assert len(mail.outbox) == 1 and invitation.url() in mail.outbox[0].body

    client.logout()
    page = client.get(invitation.url())
    assert page.status_code == 200 and demander_company.name in page.content.decode()
    response = client.post(invitation.url(), {"name": "이신입", "password": "새비밀번호-2026"})
    assert response.status_code == 302
    colleague = User.objects.get(email="new@precision.kr")
    assert colleague.company == demander_company and not colleague.is_company_owner
    assert colleague.role == User.Role.MEMBER

    # The link works once.
    assert client.get(invitation.url()).status_code == 404
    assert client.login(request=None, email="new@precision.kr", password="새비밀번호-2026")


def test_plain_member_cannot_invite(client, supplier, supplier_company):
    client.force_login(supplier)  # a member, not the owner
    response = client.post(reverse("companies:invite", args=[supplier_company.pk]), {"email": "x@vision.kr"})
    assert response.status_code == 403
    assert not Invitation.objects.exists()


def test_inviting_an_existing_account_is_refused_with_a_message(client, demander, demander_company, supplier):
    client.force_login(demander)
    response = client.post(
        reverse("companies:invite", args=[demander_company.pk]), {"email": supplier.email}, follow=True
    )
    assert not Invitation.objects.exists()
    assert re.search("error", response.content.decode())


def test_unknown_invitation_token_is_404(client, db):
    assert client.get(reverse("accounts:invitation", args=["nope"])).status_code == 404
