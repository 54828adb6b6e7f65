"""Programme pages per role, the autosave partial, and document access."""

from __future__ import annotations

import pytest
from django.urls import reverse

from dxhub.programmes.models import Application

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("persona", "status"),
    [("operator", 200), ("demander", 200), ("evaluator", 200), ("ochang_member", 200), (None, 200)],
)
def test_published_call_is_public(client, request, open_call, persona, status):
    if persona:
        client.force_login(request.getfixturevalue(persona))
    assert client.get(reverse("programmes:call", args=[open_call.pk])).status_code == status
    assert client.get(reverse("programmes:calls")).status_code == 200


def test_call_create_page_for_operators_only(client, operator, demander, evaluator):
    url = reverse("programmes:call_create")
    client.force_login(operator)
    assert client.get(url).status_code == 200
    for person in (demander, evaluator):
        client.force_login(person)
        assert client.get(url).status_code == 403


def test_call_form_creates_a_draft_with_rubric_and_quotas(client, operator, hubs):
    client.force_login(operator)
    response = client.post(
        reverse("programmes:call_create"),
        {
            "title": "창원 스마트 제조 DX 과제",
            "year": 2026,
            "opens_at": "2026-01-05T09:00",
            "deadline": "2099-02-05T18:00",
            "total_budget": 2_000_000_000,
            "cap_per_project": 200_000_000,
            "national_share_max": 75,
            "local_share_min": 0,
            "private_cash_min": 10,
            "private_in_kind_max": 15,
            "aggregation": "trimmed",
            "pass_mark": 60,
            "hubs": [hubs["changwon"].pk],
            "criteria": "문제 정의 | 30\n해결 방안 | 40\n성과 | 30",
            "quotas": "young, count, 1\nregional, share, 40",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    from dxhub.programmes.models import Call

    call = Call.objects.get(title="창원 스마트 제조 DX 과제")
    assert call.criteria.count() == 3 and call.quotas.count() == 2 and call.status == "draft"


def test_autosave_returns_the_partial_and_saves(client, consortium, demander):
    client.force_login(demander)
    url = reverse("programmes:application_edit", args=[consortium.pk])
    assert client.get(url).status_code == 200
    response = client.post(url, {"title": "자동 저장된 제목", "problem": "바뀐 문제"}, HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    assert 'id="autosave-status"' in response.content.decode() and "자동 저장" in response.content.decode()
    consortium.refresh_from_db()
    assert consortium.title == "자동 저장된 제목"


def test_documents_are_served_through_the_access_check(client, consortium, demander, ochang_member):
    doc = consortium.documents.get()
    url = reverse("programmes:document", args=[consortium.pk, doc.pk])
    client.force_login(demander)
    assert client.get(url).status_code == 200
    client.force_login(ochang_member)
    assert client.get(url).status_code == 404


def test_submitted_application_edit_page_redirects(client, consortium, demander):
    Application.objects.filter(pk=consortium.pk).update(status=Application.Status.SUBMITTED)
    client.force_login(demander)
    response = client.get(reverse("programmes:application_edit", args=[consortium.pk]))
    assert response.status_code == 302


def test_reviews_page_is_for_evaluators(client, evaluator, demander):
    client.force_login(evaluator)
    assert client.get(reverse("programmes:reviews")).status_code == 200
    client.force_login(demander)
    assert client.get(reverse("programmes:reviews")).status_code == 403
