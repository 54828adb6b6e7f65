"""The programme journey in Korean, in Debian's chromium:

an operator publishes a call → a consortium applies → an ineligible applicant is told why → evaluators
(one with a conflict of interest, who is never assigned) score → the selection within the budget is shown
beside the greedy pick and announced → agreement → a milestone is reported, approved and paid → the result
is recorded.
"""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from dxhub.accounts.models import User
from dxhub.programmes import services, services_review
from dxhub.programmes.models import Application, Call, LedgerEntry, Review
from tests.browser.conftest import sign_in
from tests.conftest import PASSWORD
from tests.factories import UserFactory
from tests.programmes.conftest import M, another_lead, ready_application

pytestmark = pytest.mark.django_db(transaction=True)


def test_call_to_paid_milestone(
    new_page, live_server, tmp_path, settings, operator, demander, supplier_company, ochang_member
):
    settings.MEDIA_ROOT = tmp_path / "media"  # uploads stay in the test's own directory
    demander.company.employees, supplier_company.employees = 85, 24
    demander.company.save()
    supplier_company.save()
    ochang_member.company.employees = 40
    ochang_member.company.save()
    evaluators = [
        UserFactory(email=f"panel{i}@univ.ac.kr", name=f"평가위원{i}", role=User.Role.EVALUATOR)
        for i in range(4)
    ]
    conflicted = evaluators[3]
    conflicted.company = demander.company  # works at the lead: must never see its application
    conflicted.save()

    # 1. The operator writes the call and publishes it.
    op = new_page()
    sign_in(op, live_server, operator.email, PASSWORD)
    op.goto(f"{live_server.url}/programmes/calls/new/")
    op.fill("input[name=title]", "2026 창원 제조 현장 문제해결형 DX 과제")
    op.fill("input[name=year]", "2026")
    now = timezone.localtime()
    op.fill("input[name=opens_at]", (now - datetime.timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M"))
    op.fill("input[name=deadline]", (now + datetime.timedelta(days=7)).strftime("%Y-%m-%dT%H:%M"))
    op.fill("input[name=total_budget]", str(300 * M))
    op.fill("input[name=cap_per_project]", str(150 * M))
    op.fill("input[name=region_prefixes]", "48")
    op.fill("input[name=max_employees]", "300")
    op.fill("textarea[name=required_documents]", "사업계획서")
    op.fill("textarea[name=criteria]", "문제 정의 | 30\n해결 방안 | 40\n성과 목표 | 30")
    op.select_option("select[name=hubs]", [str(operator.hub_id)])
    op.click("#call-form button[type=submit]")
    op.click("#publish-call")
    assert op.locator("#call-status").inner_text().strip() == "접수 중"
    call = Call.objects.get(title="2026 창원 제조 현장 문제해결형 DX 과제")

    # 2. The demander's consortium applies from scratch: plan, budget, document, submit.
    dm = new_page()
    sign_in(dm, live_server, demander.email, PASSWORD)
    dm.goto(f"{live_server.url}/programmes/calls/{call.pk}/")
    dm.fill("#apply-form input[name=title]", "용접 비드 외관 검사 자동화")
    dm.select_option("#apply-form select[name=supplier]", str(supplier_company.pk))
    dm.click("#apply-form button[type=submit]")
    dm.fill("textarea[name=problem]", "용접 비드 불량을 육안으로 검사해 누락이 잦습니다.")
    dm.fill("input[name=target_kpi]", "불량 유출률 50% 감소")
    dm.fill("textarea[name=scope]", "비전 검사 장비와 판정 모델 구축")
    dm.fill("input[name=budget_outsourcing_national]", str(100 * M))
    dm.fill("input[name=budget_labour_cash]", str(30 * M))
    dm.fill("input[name=budget_labour_inkind]", str(12 * M))
    dm.click("#save-draft")
    dm.goto(
        f"{live_server.url}/programmes/applications/{Application.objects.get(call=call, lead=demander.company).pk}/edit/"
    )
    plan = tmp_path / "사업계획서.pdf"
    plan.write_bytes(b"%PDF-1.4 plan")
    dm.set_input_files("#document-form input[type=file]", str(plan))
    dm.click("#document-form button[type=submit]")
    dm.click("#submit-application")
    assert dm.locator("#application-status").inner_text().strip() == "제출됨"

    # 3. A firm outside the call's region is told why, in Korean, and stays a draft.
    oc = new_page()
    sign_in(oc, live_server, ochang_member.email, PASSWORD)
    oc.goto(f"{live_server.url}/programmes/calls/{call.pk}/")
    oc.fill("#apply-form input[name=title]", "배터리 소재 공정 데이터 수집")
    oc.select_option("#apply-form select[name=supplier]", str(supplier_company.pk))
    oc.click("#apply-form button[type=submit]")
    oc.click("#submit-application")
    reasons = oc.locator("#ineligible").inner_text()
    assert "오창배터리소재" in reasons and "지원 가능 지역" in reasons
    assert Application.objects.get(lead=ochang_member.company).status == Application.Status.DRAFT

    # Two more eligible consortia (made directly), then the deadline passes.
    for name, national in (("진해정밀", 140 * M), ("마산기계", 100 * M)):
        services.application_submit(
            ready_application(call, another_lead(name), supplier_company, national=national)
        )
    Call.objects.filter(pk=call.pk).update(deadline=timezone.now() - datetime.timedelta(minutes=1))

    # 4. Review: a panel of four, one with a conflict; assignment excludes them from the lead's application.
    op.goto(f"{live_server.url}/programmes/calls/{call.pk}/")
    op.click("#close-call")
    op.select_option("#panel-form select[name=evaluators]", [str(e.pk) for e in evaluators])
    op.fill("#panel-form input[name=per_application]", "2")
    op.click("#panel-form button[type=submit]")
    op.click(".assign-panel")
    lead_app = Application.objects.get(call=call, lead=demander.company)
    assert not Review.objects.filter(application=lead_app, evaluator=conflicted).exists()
    assert Review.objects.filter(application=lead_app).count() == 2

    # The conflicted evaluator never sees the lead's application.
    cf = new_page()
    sign_in(cf, live_server, conflicted.email, PASSWORD)
    cf.goto(f"{live_server.url}/programmes/reviews/")
    assert "용접 비드 외관 검사 자동화" not in cf.locator("#reviews").inner_text()
    assert cf.goto(f"{live_server.url}/programmes/applications/{lead_app.pk}/").status == 404

    # One assigned evaluator scores the lead's application in the browser; the rest score directly.
    first = Review.objects.filter(application=lead_app).order_by("id").first()
    ev = new_page()
    sign_in(ev, live_server, first.evaluator.email, PASSWORD)
    ev.goto(f"{live_server.url}/programmes/reviews/{first.pk}/")
    for box in ev.locator("#score-form input[type=number]").all():
        box.fill("9")
    ev.fill("#comment", "현장 문제 정의가 구체적이고 KPI가 측정 가능합니다.")
    ev.click("#submit-score")
    assert ev.locator("#review-status").inner_text().strip() == "제출됨"
    for review in Review.objects.exclude(pk=first.pk):
        points = {str(c.pk): 8 if review.application_id == lead_app.pk else 7 for c in call.criteria.all()}
        services_review.review_save(review, points=points, comment="적정합니다.", submit=True)

    # 5. Selection within the budget, beside the greedy pick, then announced.
    op.goto(f"{live_server.url}/programmes/calls/{call.pk}/selection")
    op.click("#run-selection")
    assert op.locator("#optimal").is_visible() and op.locator("#greedy").is_visible()
    assert "총점" in op.locator("#selection-summary").inner_text()
    op.click("#confirm-selection")
    assert op.locator("#announced").is_visible()
    lead_app.refresh_from_db()
    assert lead_app.status == Application.Status.SELECTED
    dm.goto(f"{live_server.url}/programmes/applications/{lead_app.pk}/")
    assert "현장 문제 정의가 구체적" in dm.locator("#result").inner_text()  # the panel's comment reaches them

    # 6. Agreement, a milestone reported by the consortium, approved and paid by the operator.
    op.goto(f"{live_server.url}/programmes/applications/{lead_app.pk}/")
    op.fill("#agreement-form input[name=starts_on]", "2026-03-01")
    op.fill("#agreement-form input[name=ends_on]", "2026-11-30")
    op.click("#agreement-form button[type=submit]")
    op.click("#sign-agreement")
    assert op.locator("#agreement-status").inner_text().strip() == "협약 체결"
    op.fill("#milestone-form input[name=title]", "1차 점검: 시제품")
    op.fill("#milestone-form input[name=due_on]", "2026-06-30")
    op.fill("#milestone-form input[name=amount]", str(60 * M))
    op.click("#milestone-form button[type=submit]")
    agreement_url = op.url
    dm.goto(agreement_url)
    dm.fill("#milestones textarea[name=report]", "시제품 설치와 1차 판정 정확도 92% 확인")
    dm.click("#milestones button[type=submit]")
    op.goto(agreement_url)
    op.click(".approve-milestone")
    op.click(".pay-milestone")
    assert op.locator(".milestone-status").first.inner_text().strip() == "지급됨"
    assert LedgerEntry.objects.filter(kind="pay", amount=60 * M).count() == 1

    # 7. The result against the target KPI.
    op.fill("#result-form input[name=kpi_achieved]", "불량 유출률 55% 감소")
    op.check("#result-form input[name=achieved]")
    op.click("#result-form button[type=submit]")
    assert "목표 달성" in op.locator("#project-result").inner_text()
