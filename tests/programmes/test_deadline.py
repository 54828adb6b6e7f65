"""The server refuses late submissions, whatever the page showed."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from dxhub.accounts.models import ApiToken
from dxhub.programmes import services
from dxhub.programmes.models import Application, Call

pytestmark = pytest.mark.django_db


def _expire(call: Call) -> None:
    Call.objects.filter(pk=call.pk).update(deadline=timezone.now() - datetime.timedelta(seconds=1))


def test_service_refuses_after_the_deadline(consortium, open_call):
    _expire(open_call)
    with pytest.raises(ValidationError, match="late submissions"):
        services.application_submit(consortium)
    consortium.refresh_from_db()
    assert consortium.status == Application.Status.DRAFT


def test_page_refuses_after_the_deadline(client, consortium, open_call, demander):
    client.force_login(demander)
    _expire(open_call)
    response = client.post(reverse("programmes:application_submit", args=[consortium.pk]), follow=True)
    assert "마감" in response.content.decode() or "deadline" in response.content.decode()
    consortium.refresh_from_db()
    assert consortium.status == Application.Status.DRAFT


def test_api_refuses_after_the_deadline(client, consortium, open_call, demander):
    _, key = ApiToken.issue(demander)
    _expire(open_call)
    response = client.post(
        f"/api/programmes/applications/{consortium.pk}/submit", HTTP_AUTHORIZATION=f"Bearer {key}"
    )
    assert response.status_code == 400 and "detail" in response.json()


def test_no_new_applications_after_the_deadline(open_call, ochang_member, supplier_company):
    _expire(open_call)
    open_call.refresh_from_db()
    with pytest.raises(ValidationError, match="not open"):
        services.application_create(
            call=open_call, user=ochang_member, supplier=supplier_company, title="늦은 신청"
        )


def test_review_starts_only_after_the_deadline(open_call):
    with pytest.raises(ValidationError):
        services.call_close(open_call)
    _expire(open_call)
    assert services.call_close(open_call).status == Call.Status.REVIEW
