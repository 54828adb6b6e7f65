"""404, 403, 500 and CSRF failures are Korean pages in the site's layout with a way back."""

from __future__ import annotations

import pytest
from django.test import Client, RequestFactory
from django.urls import reverse

from dxhub.core.errors import server_error

pytestmark = pytest.mark.django_db


def test_an_unknown_address_is_a_korean_404_with_the_header_and_a_link_back(client):
    response = client.get("/no-such-page/")
    page = response.content.decode()
    assert response.status_code == 404
    assert "페이지를 찾을 수 없습니다" in page and "처음 화면으로" in page
    assert 'class="brand"' in page  # the site's header, not Django's bare page


def test_a_forbidden_action_says_why_in_korean(client, supplier, operator):
    client.force_login(supplier)
    response = client.get(reverse("collab:board"))
    page = response.content.decode()
    assert response.status_code == 403
    assert "권한이 없습니다" in page and "처음 화면으로" in page


def test_a_server_error_page_renders_in_the_layout():
    request = RequestFactory().get("/")
    from django.contrib.auth.models import AnonymousUser

    request.user = AnonymousUser()
    response = server_error(request)
    assert response.status_code == 500
    assert "일시적인 오류가 발생했습니다" in response.content.decode()


def test_an_expired_form_is_explained_not_djangos_english_csrf_page(supplier):
    client = Client(enforce_csrf_checks=True)
    client.force_login(supplier)
    response = client.post(reverse("accounts:token_create"), {"name": "x"})
    page = response.content.decode()
    assert response.status_code == 403
    assert "유효 시간이 지났습니다" in page and "CSRF verification failed" not in page
