"""Who may read and act on a collaboration, by page and by API."""

from __future__ import annotations

import json

import pytest
from django.urls import reverse

from dxhub.accounts.models import ApiToken
from dxhub.collab.access import collaborations_visible_to

# role: (page status, may act)
EXPECTED = {
    "demander": (200, True),
    "supplier": (200, True),
    "operator": (200, True),
    "ministry": (200, False),
    "busan_operator": (404, False),
    "ochang_member": (404, False),
    "evaluator": (404, False),
}


@pytest.mark.parametrize("role", list(EXPECTED))
def test_read_access_per_role(client, request, journey, role):
    c = journey("mutual")
    person = request.getfixturevalue(role)
    status, _act = EXPECTED[role]
    client.force_login(person)
    assert client.get(reverse("collab:detail", args=[c.pk])).status_code == status
    assert collaborations_visible_to(person).filter(pk=c.pk).exists() is (status == 200)


@pytest.mark.parametrize("role", list(EXPECTED))
def test_write_access_per_role(client, request, journey, role):
    c = journey("mutual")
    person = request.getfixturevalue(role)
    status, may_act = EXPECTED[role]
    client.force_login(person)
    response = client.post(reverse("collab:act", args=[c.pk, "message"]), {"text": "안녕하세요"})
    want = 302 if may_act else (403 if status == 200 else 404)
    assert response.status_code == want
    _t, raw = ApiToken.issue(person)
    api = client.post(
        f"/api/collaborations/{c.pk}/messages",
        json.dumps({"text": "안녕하세요"}),
        content_type="application/json",
        headers={"Authorization": f"Bearer {raw}"},
    )
    assert api.status_code == (201 if may_act else want)


def test_visitors_are_sent_to_sign_in(client, journey):
    c = journey("interest")
    response = client.get(reverse("collab:detail", args=[c.pk]))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_attachments_go_through_the_access_check(client, journey, supplier, ochang_member):
    from django.core.files.uploadedfile import SimpleUploadedFile

    c = journey("mutual")
    client.force_login(supplier)
    upload = SimpleUploadedFile("사양서.txt", "비전 검사 사양".encode())
    client.post(reverse("collab:act", args=[c.pk, "message"]), {"text": "사양서 첨부", "attachment": upload})
    message = c.messages.get()
    url = reverse("collab:attachment", args=[c.pk, message.pk])
    assert client.get(url).status_code == 200
    client.force_login(ochang_member)
    assert client.get(url).status_code == 404


def test_the_board_is_for_operators_and_ministry(
    client, journey, operator, ministry, demander, busan_operator
):
    journey("held")
    for person, status in [(operator, 200), (ministry, 200), (demander, 403)]:
        client.force_login(person)
        assert client.get(reverse("collab:board")).status_code == status
    client.force_login(busan_operator)
    page = client.get(reverse("collab:board")).content.decode()
    assert "용접 라인" not in page  # another hub's pipeline
