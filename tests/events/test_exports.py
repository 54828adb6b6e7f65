"""The operator's registrations page exports to .xlsx: one row per registration, an answer column per
question, Korean headers, and no email address or phone number of anyone."""

from __future__ import annotations

import datetime
from io import BytesIO

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from dxhub.core.export import XLSX
from dxhub.events import services
from dxhub.events.models import Registration
from tests.factories import CompanyFactory, UserFactory

pytestmark = pytest.mark.django_db

HEADERS = ["참가자", "기업", "참가자 유형", "상태", "신청 일시", "체크인 일시", "참석 목적", "관심 분야"]


def _sheet(response) -> list[tuple]:
    assert response.status_code == 200
    assert response["Content-Type"] == XLSX
    return list(load_workbook(BytesIO(response.content)).active.iter_rows(values_only=True))


def _answers(event, purpose: str, field: str = "") -> dict[str, str]:
    first, second = event.questions.all()
    return {str(first.pk): purpose, str(second.pk): field}


@pytest.fixture
def registered(briefing, demander, supplier, ochang_member, operator):
    """The demander checked in, the supplier confirmed, the Ochang member waitlisted (two places),
    and a nameless member who registered and then cancelled."""
    demander.phone = "010-9876-5432"
    demander.save()
    services.register(event=briefing, user=demander, answers=_answers(briefing, "입주 검토", "AI 비전"))
    services.register(event=briefing, user=supplier, answers=_answers(briefing, "지원사업 정보"))
    services.register(event=briefing, user=ochang_member, answers=_answers(briefing, "장비 활용 상담"))
    nameless = UserFactory(name="", email="noname@quiet.kr", company=CompanyFactory(name="경남금형"))
    mine = services.register(event=briefing, user=nameless, answers=_answers(briefing, "견학"))
    services.cancel_registration(mine, user=nameless)
    row = Registration.objects.get(event=briefing, user=demander)
    services.check_in(briefing, user=operator, code=services.checkin_code(row))
    return briefing


def test_operator_exports_registrations_with_answers(client, registered, operator, demander, supplier):
    client.force_login(operator)
    url = reverse("events:manage", args=[registered.pk])
    page = client.get(url).content.decode()
    assert "?format=xlsx" in page and "엑셀 내려받기" in page
    header, *rows = _sheet(client.get(url, {"format": "xlsx"}))
    assert list(header) == HEADERS
    by_name = {r[0]: r for r in rows}
    assert len(rows) == 4
    checked = Registration.objects.get(event=registered, user=demander)
    row = by_name[demander.name]
    assert row[1:4] == ("창원정밀기계", "수요기업(제조)", "체크인 완료")
    assert row[6:] == ("입주 검토", "AI 비전")
    local = timezone.localtime(checked.checked_in_at).replace(tzinfo=None)
    assert abs(row[5] - local) < datetime.timedelta(seconds=1)
    assert abs(row[4] - timezone.localtime(checked.created_at).replace(tzinfo=None)) < datetime.timedelta(
        seconds=1
    )
    supplier_row = by_name[supplier.name]
    assert supplier_row[1:4] == ("창원비전AI", "공급기업(SW/AI)", "참가 확정")
    assert supplier_row[5] is None and supplier_row[6] == "지원사업 정보"
    assert by_name["(이름 미입력)"][1] == "경남금형" and by_name["(이름 미입력)"][3] == "취소됨"
    assert {r[3] for r in rows} == {"체크인 완료", "참가 확정", "대기", "취소됨"}


def test_export_carries_no_email_or_phone(client, registered, operator):
    client.force_login(operator)
    rows = _sheet(client.get(reverse("events:manage", args=[registered.pk]), {"format": "xlsx"}))
    cells = " ".join(str(v) for row in rows for v in row if v is not None)
    assert "@" not in cells
    assert "010-" not in cells
    assert "noname" not in cells


def test_only_the_event_runners_get_the_export(client, registered, busan_operator, supplier):
    url = reverse("events:manage", args=[registered.pk])
    for person in (busan_operator, supplier):
        client.force_login(person)
        assert client.get(url).status_code == 403
        response = client.get(url, {"format": "xlsx"})
        assert response.status_code == 403
        assert response.get("Content-Type") != XLSX
    client.logout()
    response = client.get(url, {"format": "xlsx"})
    assert response.status_code == 302 and "login" in response["Location"]
