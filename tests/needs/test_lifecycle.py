from __future__ import annotations

import pytest
from django.urls import reverse

from dxhub.needs.models import Need
from dxhub.reference.models import Capability


def need_form(**overrides):
    data = {
        "title": "2공장 용접 비드 외관 불량 자동 검출",
        "ksic_code": "29271",
        "site": "2공장 용접 라인",
        "problem": "용접 비드의 기공·언더컷을 작업자가 육안으로 검사해 불량 유출이 월 20건 발생합니다.",
        "current_practice": "작업자 2명이 교대로 육안 검사",
        "data_kinds": "라인 카메라 이미지",
        "data_volume": "하루 3,000장",
        "data_access": "사내 서버, 반출 불가",
        "target_kpi": "불량 유출 80% 감소",
        "budget_min": "30000000",
        "budget_max": "80000000",
        "timeline_months": "6",
        "required_capabilities": [Capability.objects.get(slug="vision-inspection").pk],
        "visibility": "hub",
    }
    data.update(overrides)
    return data


def test_demander_creates_draft_then_publishes(client, demander):
    client.force_login(demander)
    response = client.post(reverse("needs:create"), need_form())
    need = Need.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("needs:detail", args=[need.pk])
    assert need.status == Need.Status.DRAFT
    assert need.company == demander.company and need.hub == demander.company.hub
    assert need.ksic_id == "29271"
    assert list(need.required_capabilities.values_list("slug", flat=True)) == ["vision-inspection"]
    assert "용접" in need.search_text

    client.post(reverse("needs:publish", args=[need.pk]))
    need.refresh_from_db()
    assert need.status == Need.Status.PUBLISHED and need.published_at is not None
    first_published = need.published_at

    # A second click (or a second tab) publishes once.
    client.post(reverse("needs:publish", args=[need.pk]))
    need.refresh_from_db()
    assert need.published_at == first_published


def test_budget_range_must_be_ordered(client, demander):
    client.force_login(demander)
    response = client.post(reverse("needs:create"), need_form(budget_min="90000000", budget_max="10000000"))
    assert response.status_code == 200
    assert not Need.objects.exists()
    assert "budget_max" in response.context["form"].errors


def test_unknown_ksic_is_a_form_error(client, demander):
    client.force_login(demander)
    response = client.post(reverse("needs:create"), need_form(ksic_code="99999"))
    assert response.status_code == 200 and not Need.objects.exists()
    assert "ksic_code" in response.context["form"].errors


def test_close_needs_a_reason_and_blocks_edits(client, demander):
    client.force_login(demander)
    client.post(reverse("needs:create"), need_form())
    need = Need.objects.get()
    client.post(reverse("needs:publish", args=[need.pk]))
    client.post(reverse("needs:close", args=[need.pk]), {"reason": ""})
    need.refresh_from_db()
    assert need.status == Need.Status.PUBLISHED

    client.post(reverse("needs:close", args=[need.pk]), {"reason": "solved", "note": "공급기업 선정"})
    need.refresh_from_db()
    assert need.status == Need.Status.CLOSED and need.close_reason == "solved"

    # A closed need cannot be edited or published without reopening it first.
    response = client.post(reverse("needs:edit", args=[need.pk]), need_form(title="바뀐 제목"))
    need.refresh_from_db()
    assert need.title != "바뀐 제목"
    assert response.status_code == 200
    client.post(reverse("needs:publish", args=[need.pk]))
    need.refresh_from_db()
    assert need.status == Need.Status.CLOSED

    client.post(reverse("needs:reopen", args=[need.pk]))
    need.refresh_from_db()
    assert need.status == Need.Status.DRAFT and need.close_reason == ""


@pytest.mark.parametrize("field", ["site", "problem"])
def test_required_template_fields(client, demander, field):
    client.force_login(demander)
    response = client.post(reverse("needs:create"), need_form(**{field: ""}))
    assert response.status_code == 200 and not Need.objects.exists()


def test_supplier_cannot_post_needs(client, supplier):
    client.force_login(supplier)
    assert client.post(reverse("needs:create"), need_form()).status_code == 403
    assert not Need.objects.exists()


def test_attachment_is_served_through_access_check(client, demander, ochang_member, settings, tmp_path):
    from django.core.files.uploadedfile import SimpleUploadedFile

    settings.MEDIA_ROOT = tmp_path
    client.force_login(demander)
    client.post(reverse("needs:create"), need_form())
    need = Need.objects.get()
    client.post(reverse("needs:publish", args=[need.pk]))
    upload = SimpleUploadedFile("공정도.txt", "공정 설명".encode())
    client.post(reverse("needs:attach", args=[need.pk]), {"file": upload})
    attachment = need.attachments.get()
    url = reverse("needs:attachment", args=[need.pk, attachment.pk])
    assert client.get(url).status_code == 200
    client.force_login(ochang_member)
    assert client.get(url).status_code == 404
