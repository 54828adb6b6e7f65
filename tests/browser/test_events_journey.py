"""The matchmaking-day journey in Korean, in Debian's chromium:

a supplier and a manufacturer register for the Changwon matchmaking day; the supplier asks the
manufacturer for a "must meet" meeting, the manufacturer accepts; the hub operator runs the scheduler;
each side sees the meeting on their agenda and downloads it as an .ics calendar file.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from dxhub.events import services
from dxhub.events.models import Event, MeetingRequest, ScheduledMeeting
from tests.browser.conftest import sign_in
from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def matchmaking_day(operator, hubs):
    start = datetime(2026, 12, 10, 14, 0, tzinfo=ZoneInfo("Asia/Seoul"))
    event = services.event_create(
        user=operator,
        hub=hubs["changwon"],
        title="창원 제조 DX 매칭데이",
        kind=Event.Kind.MATCHMAKING,
        venue="창원컨벤션센터 2층",
        starts_at=start,
        ends_at=start + timedelta(hours=2),
        capacity=30,
        tables=3,
        slot_minutes=20,
        slot_count=4,
    )
    return services.event_set_status(event, user=operator, status=Event.Status.OPEN)


def test_register_request_accept_schedule_agenda(
    new_page, live_server, matchmaking_day, operator, supplier, demander
):
    url = f"{live_server.url}/events/{matchmaking_day.pk}/"

    # 1. Both register from the event page (Korean interface).
    pages = {}
    for person in (supplier, demander):
        page = new_page()
        sign_in(page, live_server, person.email, PASSWORD)
        page.goto(url)
        assert page.locator("html").get_attribute("lang") == "ko"
        page.click("#register")
        assert page.locator("#my-status").inner_text().strip() == "참가 확정"
        pages[person.email] = page
    sp, dm = pages[supplier.email], pages[demander.email]

    # 2. The supplier browses the participants and asks the manufacturer for a must-meet meeting.
    sp.click("#browse")
    card = sp.locator(".participant", has_text=demander.company.name)
    card.locator("select[name=priority]").select_option("3")
    card.locator("input[name=message]").fill("용접 비드 검사 사례를 소개드리고 싶습니다.")
    card.locator(".request-meeting").click()
    assert "미팅을 요청했습니다" in sp.locator(".messages").inner_text()

    # 3. The manufacturer sees the request with its message and accepts it.
    dm.goto(url)
    dm.click("#my-requests")
    incoming = dm.locator("[id^=incoming-]").first
    assert "용접 비드 검사 사례" in incoming.inner_text() and "꼭 만나야 함" in incoming.inner_text()
    incoming.locator(".accept").click()
    assert "수락됨" in dm.locator("[id^=incoming-]").first.inner_text()
    assert MeetingRequest.objects.get().status == "accepted"

    # 4. The operator runs the scheduler and reads the table plan.
    op = new_page()
    sign_in(op, live_server, operator.email, PASSWORD)
    op.goto(url)
    op.click("#schedule")
    op.click("#run-schedule")
    assert "배정했습니다" in op.locator(".messages").inner_text()
    plan = op.locator("#table-plan").inner_text()
    assert supplier.company.name in plan and demander.company.name in plan
    meeting = ScheduledMeeting.objects.get()
    local = meeting.slot.starts_at.astimezone(ZoneInfo("Asia/Seoul")).strftime("%H:%M")

    # 5. Each side sees the meeting on their agenda and downloads it as .ics.
    for page, other in ((sp, demander.company.name), (dm, supplier.company.name)):
        page.goto(url)
        page.click("#my-agenda")
        agenda = page.locator("#agenda").inner_text()
        assert other in agenda and local in agenda and "꼭 만나야 함" in agenda
        with page.expect_download() as info:
            page.click("#download-ics")
        body = Path(info.value.path()).read_text(encoding="utf-8")
        assert body.count("BEGIN:VEVENT") == 1
        assert other in body.replace("\r\n ", "")
