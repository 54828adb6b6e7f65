"""The need list: filters by status and Korean keyword search."""

from __future__ import annotations

from django.urls import reverse

from tests.factories import NeedFactory


def test_need_filters_and_status(client, demander, demander_company):
    NeedFactory(company=demander_company, title="프레스 설비 예지보전", status="published")
    NeedFactory(company=demander_company, title="도장 공정 최적화", status="draft")
    client.force_login(demander)
    url = reverse("needs:list")
    titles = {n.title for n in client.get(url, {"status": "draft"}).context["page_obj"]}
    assert titles == {"도장 공정 최적화"}
    titles = {n.title for n in client.get(url, {"q": "예지보전"}).context["page_obj"]}
    assert titles == {"프레스 설비 예지보전"}
