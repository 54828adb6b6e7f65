"""Korean first; English through the same gettext catalogues."""

from __future__ import annotations

from django.urls import reverse


def test_korean_is_the_default(client, demander):
    client.force_login(demander)
    page = client.get(reverse("needs:list")).content.decode()
    assert 'lang="ko"' in page
    assert "DX 수요" in page and "DX needs" not in page


def test_english_by_language_switch(client, demander):
    client.force_login(demander)
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    page = client.get(reverse("needs:list")).content.decode()
    assert 'lang="en"' in page and "DX needs" in page


def test_phone_width_viewport_and_korean_line_breaking(client, db):
    page = client.get(reverse("needs:list")).content.decode()
    assert 'name="viewport"' in page
    css = client.get("/static/css/dxhub.css")
    body = b"".join(css.streaming_content) if css.streaming else css.content
    assert b"word-break: keep-all" in body and b"@media (max-width: 640px)" in body
