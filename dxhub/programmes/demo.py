"""Demo story: Changwon calls with applications at every stage (`dxhub demo` runs it through EXTRAS).

The first call has been through review, selection and agreements (one milestone paid, one result);
the second is open, with the demo demander's draft. Everything goes through the services, so the
eligibility checks, the assignment and the ledger behave as they do for real users.
"""

from __future__ import annotations

import datetime
import random

from django.contrib.auth.hashers import make_password
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from dxhub.accounts.models import User
from dxhub.companies.models import Company
from dxhub.demo.accounts import DEMO_PASSWORD
from dxhub.hubs.models import Hub
from dxhub.programmes import services, services_agreements, services_review
from dxhub.programmes.models import Application, Call, Review

M = 1_000_000
FIRST = "2026 창원 제조 현장 문제해결형 DX 과제 (1차)"
SECOND = "2026 창원 제조 현장 문제해결형 DX 과제 (2차)"
DOC = "사업계획서"
RUBRIC = [("현장 문제 정의", 25), ("해결 방안의 적정성", 35), ("성과 목표와 확산", 25), ("수행 역량", 15)]
TITLES = ["용접 비드 외관 검사", "설비 예지보전", "공정 데이터 수집·시각화", "도장 색차 판정", "가공 공구 마모 예측",
          "MES 작업지시 연계", "조립 라인 병목 분석", "품질 성적서 자동화", "사출 성형 조건 최적화", "창고 재고 위치 추적"]  # fmt: skip


def _call(operator: User, hub: Hub, title: str, deadline: datetime.datetime, *, young: bool) -> Call:
    return services.call_create(
        user=operator,
        hubs=[hub],
        title=title,
        summary="창원 거점 제조기업의 현장 문제를 공급기업과 함께 해결하는 과제를 공모합니다.",
        year=2026,
        opens_at=timezone.now() - datetime.timedelta(days=30),
        deadline=deadline,
        total_budget=600 * M,
        cap_per_project=150 * M,
        region_prefixes="48",
        max_employees=300,
        required_documents=DOC,
        criteria=RUBRIC,
        quotas=[("regional", "share", 50), *([("young", "count", 1)] if young else [])],
    )


def _apply(call: Call, lead_user: User, supplier: Company, national: int, title: str) -> Application:
    application = services.application_create(call=call, user=lead_user, supplier=supplier, title=title)
    total = national * 10 // 7
    services.application_update(
        application,
        budget={
            ("outsourcing", "national"): national,
            ("labour", "cash"): total * 2 // 10,
            ("labour", "inkind"): total - national - total * 2 // 10,
        },
        problem=f"{title}: 작업자 경험에 의존해 불량과 정지 시간이 반복됩니다.",
        target_kpi="불량률 30% 감소",
        scope="데이터 수집, 모델 개발, 현장 적용과 교육",
        schedule_months=8,
    )
    services.application_attach(
        application, kind=DOC, file=ContentFile(b"%PDF-1.4 demo", name="사업계획서.pdf")
    )
    return application


def _lead(company: Company) -> User:
    user = User.objects.filter(company=company).first()
    if user is None:
        user = User.objects.create(
            email=f"lead{company.pk}@demo.dxhub.kr", name=f"{company.name} 대표", company=company,
            is_company_owner=True, password=make_password(None),
        )  # fmt: skip
    return user


@transaction.atomic
def load(seed: int) -> str:
    if Call.objects.filter(title=FIRST).exists():
        return "  programme calls          0 created  (already there)"
    hub = Hub.objects.get(slug="changwon")
    operator = User.objects.filter(role=User.Role.OPERATOR, hub=hub).order_by("pk").first()
    if operator is None:
        return "  programme calls          0 created  (no Changwon operator)"
    rng = random.Random(seed * 104_729 + 5)
    eligible = Company.objects.filter(
        hub=hub, kind=Company.Kind.DEMANDER, region__code__startswith="48", employees__lte=300
    ).order_by("pk")
    # A young firm or two among the applicants, so the call's young-firm quota can be met.
    young = list(eligible.filter(founded_year__gte=2019)[:2])
    demanders = list(dict.fromkeys([*eligible[:1], *young, *eligible[1:12]]))[:12]
    suppliers = list(
        Company.objects.filter(hub=hub, kind=Company.Kind.SUPPLIER, employees__lte=300).order_by("pk")[:6]
    )
    if len(demanders) < 6 or not suppliers:
        return "  programme calls          0 created  (too few Changwon companies)"
    password = make_password(DEMO_PASSWORD)
    evaluators = list(User.objects.filter(email="evaluator@dxhub.kr"))
    for i in range(2, 6):
        user, _ = User.objects.get_or_create(
            email=f"evaluator{i}@dxhub.kr",
            defaults={"name": f"평가위원{i}", "role": User.Role.EVALUATOR, "password": password},
        )
        evaluators.append(user)

    # The first call: applied, reviewed, selected, contracted.
    soon = timezone.now() + datetime.timedelta(days=1)
    first = services.call_publish(_call(operator, hub, FIRST, soon, young=bool(young)))
    demo_lead = demanders[0]
    applications = []
    for i, company in enumerate(demanders[1:10]):
        national = rng.randrange(60, 151, 5) * M
        supplier = suppliers[i % len(suppliers)]
        try:
            app = _apply(
                first, _lead(company), supplier, national, f"{company.name} {TITLES[i % len(TITLES)]}"
            )
            services.application_submit(app)
            applications.append(app)
        except services.Ineligible:
            continue  # a company the rules exclude keeps its draft, as a real one would
    Call.objects.filter(pk=first.pk).update(deadline=timezone.now() - datetime.timedelta(days=20))
    first.refresh_from_db()
    services.call_close(first)
    panel = services_review.panel_create(
        call=first, stage="document", evaluators=evaluators, per_application=3
    )
    services_review.panel_assign(panel)
    for review in Review.objects.filter(panel=panel):
        base = rng.uniform(5.5, 9.5)
        points = {
            str(c.pk): round(min(10, max(0, base + rng.uniform(-1, 1))) * 2) / 2 for c in first.criteria.all()
        }
        services_review.review_save(
            review,
            points=points,
            comment="현장 적용 계획이 구체적입니다. 성과 측정 방법을 보완하세요.",
            submit=True,
        )
    run = services_review.selection_run(first, user=operator)
    agreements = 0
    if run.status == "optimal":
        services_review.selection_confirm(run)
        for k, app in enumerate(
            Application.objects.filter(call=first, status=Application.Status.SELECTED)[:3]
        ):
            agreement = services_agreements.agreement_create(
                app, starts_on=datetime.date(2026, 3, 1), ends_on=datetime.date(2026, 11, 30)
            )
            services_agreements.agreement_sign(agreement, user=operator)
            agreements += 1
            half = agreement.national // 2
            milestone = services_agreements.milestone_add(
                agreement,
                title="1차 점검: 시제품 적용",
                due_on=datetime.date(2026, 6, 30),
                amount=half,
                user=operator,
            )
            if k < 2:
                services_agreements.milestone_report(
                    milestone, report="시제품을 설치하고 1차 데이터를 수집했습니다."
                )
                services_agreements.milestone_approve(milestone, user=operator)
                services_agreements.milestone_pay(milestone, user=operator)
                services_agreements.money_record(
                    agreement, kind="spend", amount=half // 2, evidence="세금계산서 2026-0415", user=operator
                )
            if k == 0:
                services_agreements.result_record(agreement, kpi_achieved="불량률 34% 감소", achieved=True)

    # The second call: open, with the demo demander's draft.
    later = timezone.now() + datetime.timedelta(days=21)
    second = services.call_publish(_call(operator, hub, SECOND, later, young=bool(young)))
    demo_user = User.objects.filter(email="demander@dxhub.kr").first() or _lead(demo_lead)
    if demo_user.company is not None and demo_user.company.is_demander:
        _apply(second, demo_user, suppliers[0], 120 * M, "용접 라인 외관 불량 검출 자동화")
    return (
        f"  programme calls          2 created  ({len(applications)} applications reviewed, "
        f"{len(run.chosen)} selected, {agreements} agreements)"
    )
