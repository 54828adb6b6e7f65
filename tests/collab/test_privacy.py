"""Contact details stay hidden before mutual interest: on pages, in the API, in exports and in notifications."""

from __future__ import annotations

from django.core import mail
from django.urls import reverse

from dxhub.accounts.models import ApiToken
from dxhub.collab import services
from dxhub.notifications.models import Notification

SECRETS = ["kim@precision.kr", "010-2222-3333", "lee@vision.kr", "010-4444-5555"]


def shown(text: str) -> list[str]:
    return [s for s in SECRETS if s in text]


def test_page_hides_contacts_until_mutual(client, journey, contacts, demander, supplier):
    c = journey("interest")
    url = reverse("collab:detail", args=[c.pk])
    for person in (supplier, demander):
        client.force_login(person)
        page = client.get(url).content.decode()
        # Each side sees its own company's contacts, never the other's.
        own = ["lee@vision.kr"] if person == supplier else ["kim@precision.kr"]
        assert [s for s in shown(page) if "@" in s] == own
    services.accept(c, user=demander)
    client.force_login(supplier)
    assert "kim@precision.kr" in client.get(url).content.decode()


def test_api_hides_contacts_until_mutual(client, journey, contacts, demander, supplier):
    c = journey("interest")
    _t, raw = ApiToken.issue(supplier)
    headers = {"Authorization": f"Bearer {raw}"}
    body = client.get(f"/api/collaborations/{c.pk}", headers=headers).json()
    assert body["contacts"]["demander"] is None
    assert shown(str(client.get("/api/collaborations", headers=headers).json())) == []
    services.accept(c, user=demander)
    body = client.get(f"/api/collaborations/{c.pk}", headers=headers).json()
    assert body["contacts"]["demander"][0]["email"] == "kim@precision.kr"


def test_company_export_hides_contacts_before_mutual(client, journey, contacts, supplier):
    journey("interest")
    client.force_login(supplier)
    export = client.get(reverse("companies:list") + "?format=xlsx").content
    assert b"kim@precision.kr" not in export


def test_notifications_and_emails_carry_no_contact_details(
    journey, contacts, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        journey("verified")
    assert len(mail.outbox) > 5
    texts = [n.text + n.link for n in Notification.objects.all()]
    assert texts, "the journey notified people"
    assert shown(" ".join(texts)) == []
    assert shown(" ".join(m.subject + m.body for m in mail.outbox)) == []


def test_pages_and_api_of_strangers_show_nothing(
    client, journey, contacts, ochang_member, busan_operator, evaluator
):
    c = journey("mutual")
    for person in (ochang_member, busan_operator, evaluator):
        client.force_login(person)
        assert client.get(reverse("collab:detail", args=[c.pk])).status_code == 404
        _t, raw = ApiToken.issue(person)
        assert (
            client.get(f"/api/collaborations/{c.pk}", headers={"Authorization": f"Bearer {raw}"}).status_code
            == 404
        )


def test_collaboration_export_carries_names_not_contacts(client, journey, contacts, operator):
    c = journey("mutual")
    client.force_login(operator)
    response = client.get(reverse("collab:list") + "?format=xlsx")
    assert response.status_code == 200
    from io import BytesIO

    from openpyxl import load_workbook

    sheet = load_workbook(BytesIO(response.content)).active
    cells = " ".join(str(v) for row in sheet.iter_rows(values_only=True) for v in row)
    assert c.need.title in cells and c.supplier.name in cells
    assert shown(cells) == []
