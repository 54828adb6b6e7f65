"""From a shortlist to a verified outcome, in Korean, in Debian's chromium.

A demander and a supplier, each in their own browser context, take one pair through interest, mutual
interest (contacts appear), a meeting, a proposal, the agreement, the project and its outcome; the
Changwon operator's pipeline board moves at each step, and the operator verifies the outcome.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from dxhub.collab.models import Collaboration, Meeting
from dxhub.matches.models import MatchResult
from tests.browser.conftest import sign_in
from tests.conftest import PASSWORD
from tests.factories import ContactFactory, NeedFactory

pytestmark = pytest.mark.django_db(transaction=True)


def board_count(page, live_server, stage: str) -> int:
    page.goto(f"{live_server.url}/collaborations/board/")
    return int(page.locator(f'#stages [data-stage="{stage}"] .count').inner_text())


def funnel(page, step: str) -> int:
    return int(page.locator(f'#funnel [data-step="{step}"] .stat').inner_text())


def stage_of(page) -> str:
    return page.locator("#stage").get_attribute("data-stage") or ""


def test_shortlist_to_verified_outcome(new_page, live_server, demander, supplier, operator):
    need = NeedFactory(
        company=demander.company, title="프레스 금형 마모 예측", target_kpi="돌발 정지 50% 감소"
    )
    MatchResult.objects.create(direction="need", need=need, company=supplier.company, rank=1, score=0.91)
    ContactFactory(company=demander.company, name="박수요", email="park@precision.kr", phone="010-7777-8888")

    op = new_page()
    sign_in(op, live_server, operator.email, PASSWORD)
    assert board_count(op, live_server, "interest") == 0

    # 1. The demander opens the need's shortlist and expresses interest in the supplier.
    dm = new_page()
    sign_in(dm, live_server, demander.email, PASSWORD)
    dm.goto(f"{live_server.url}/matches/needs/{need.pk}/")
    dm.locator("#engine-list a.express-interest").first.click()
    dm.fill("textarea[name=message]", "금형 마모 예측 경험이 있으시면 함께 검토하고 싶습니다.")
    dm.click("#express-interest")
    dm.locator("#stage").wait_for()
    assert stage_of(dm) == "interest" and "관심 표명" in dm.locator("#stage").inner_text()
    assert board_count(op, live_server, "interest") == 1

    # 2. The supplier finds it through the notification bell, accepts; contacts appear.
    sp = new_page()
    sign_in(sp, live_server, supplier.email, PASSWORD)
    assert sp.locator("#bell-count").inner_text() == "1"
    sp.goto(f"{live_server.url}/notifications/")
    sp.locator("#notifications button").first.click()
    sp.locator("#accept").wait_for()
    assert "park@precision.kr" not in sp.content()
    sp.click("#accept")
    sp.locator("#meeting-propose").wait_for()
    assert stage_of(sp) == "mutual" and "park@precision.kr" in sp.locator("#contacts").inner_text()

    # 3. The supplier proposes a meeting on site; the demander accepts the time.
    when = (timezone.localtime() + timedelta(days=3)).replace(hour=10, minute=0)
    sp.select_option("select[name=mode]", "onsite")
    sp.fill("input[name=location]", "창원시 성산구 공단로 100, 2공장 회의실")
    sp.fill("#meeting-propose input[name=option1]", when.strftime("%Y-%m-%dT%H:%M"))
    sp.click("#meeting-propose button[type=submit]")
    sp.locator("#meetings .meeting").wait_for()
    dm.reload()
    dm.locator(".accept-time").first.click()
    dm.locator("#meetings .meeting[data-status=accepted]").wait_for()
    assert stage_of(dm) == "meeting"
    assert board_count(op, live_server, "meeting") == 1

    # 4. The meeting takes place (time moves on); the demander records notes and what comes next.
    Meeting.objects.filter(collaboration__need=need).update(starts_at=timezone.now() - timedelta(hours=1))
    dm.reload()
    dm.fill(".meeting-notes textarea[name=notes]", "현장 프레스 3대 확인, 진동 데이터 수집 가능")
    dm.fill(".meeting-notes input[name=next_steps]", "공급기업이 2주 안에 제안서 제출")
    dm.click(".meeting-notes button[type=submit]")
    dm.locator("#meetings .meeting[data-status=held]").wait_for()
    op.reload()
    assert funnel(op, "meeting") == 1

    # 5. The supplier submits a proposal; the demander accepts it.
    sp.reload()
    form = sp.locator("#proposal-form")
    form.locator("textarea[name=scope]").fill("진동 센서 기반 금형 마모 예측 모델 개발 및 현장 적용")
    form.locator("textarea[name=deliverables]").fill("예측 모델, 모니터링 대시보드, 운영 매뉴얼")
    form.locator("textarea[name=schedule]").fill("1개월 데이터 수집, 2개월 모델 개발, 1개월 현장 적용")
    form.locator("input[name=duration_months]").fill("4")
    form.locator("input[name=price]").fill("85000000")
    form.locator("button[type=submit]").click()
    sp.locator("#proposals .proposal").wait_for()
    assert stage_of(sp) == "proposal"
    dm.reload()
    dm.click("#proposal-accept")
    dm.locator("#agreement").wait_for()
    assert stage_of(dm) == "agreement"
    assert board_count(op, live_server, "agreement") == 1

    # 6. Both confirm the agreement: the project starts; the supplier adds a milestone.
    dm.click("#confirm")
    dm.locator("#agreement").wait_for()
    sp.reload()
    sp.click("#confirm")
    sp.locator("#milestones").wait_for()
    assert stage_of(sp) == "project"
    sp.fill("#milestone-form input[name=title]", "PoC 결과 보고")
    sp.click("#milestone-form button[type=submit]")
    sp.locator("#milestones .milestone").wait_for()
    assert board_count(op, live_server, "project") == 1

    # 7. The demander records the outcome against the target KPI; both rate each other.
    dm.reload()
    assert "돌발 정지 50% 감소" in dm.locator("#complete").inner_text()
    dm.fill("#complete input[name=achieved_kpi]", "돌발 정지 62% 감소")
    dm.click("#complete-submit")
    dm.locator("#rate-form").wait_for()
    dm.select_option("#rate-form select[name=rating]", "5")
    dm.fill("#rate-form textarea[name=review]", "현장 이해도가 높고 일정을 지켰습니다.")
    dm.click("#rate-submit")
    sp.reload()
    sp.select_option("#rate-form select[name=rating]", "4")
    sp.click("#rate-submit")
    sp.locator("#outcome").wait_for()
    assert board_count(op, live_server, "completed") == 1

    # 8. The operator verifies the outcome; the board counts a verified outcome.
    c = Collaboration.objects.get(need=need)
    op.goto(f"{live_server.url}/collaborations/{c.pk}/")
    op.click("#verify")
    op.locator("#verified").wait_for()
    assert stage_of(op) == "verified" and "✔" in op.locator("#verified").inner_text()
    assert board_count(op, live_server, "verified") == 1
    assert funnel(op, "verified") == 1 and funnel(op, "agreement") == 1
    assert [
        e for e in c.events.values_list("kind", flat=True) if e in ("mutual", "agreement", "verified")
    ] == [
        "mutual",
        "agreement",
        "verified",
    ]
