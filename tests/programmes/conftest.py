"""A Changwon call with a rubric, quotas and one required document; helpers to build consortia."""

from __future__ import annotations

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from dxhub.companies.models import Company
from dxhub.programmes import services
from dxhub.programmes.models import Application, Call
from tests.factories import CompanyFactory, UserFactory

M = 1_000_000
DOC = "사업계획서"


@pytest.fixture
def open_call(operator, hubs, demander_company, supplier_company) -> Call:
    # The call limits employees: the personas' companies need a head count on their profiles.
    for company, staff in ((demander_company, 85), (supplier_company, 24)):
        company.employees = staff
        company.save()
    call = services.call_create(
        user=operator,
        hubs=[hubs["changwon"]],
        title="2026 제조 현장 문제해결형 DX 과제",
        year=2026,
        opens_at=timezone.now() - datetime.timedelta(days=1),
        deadline=timezone.now() + datetime.timedelta(days=14),
        total_budget=300 * M,
        cap_per_project=150 * M,
        region_prefixes="48",
        max_employees=300,
        required_documents=DOC,
        criteria=[("문제 정의", 30), ("해결 방안", 40), ("성과 목표", 30)],
        quotas=[("regional", "count", 1)],
    )
    return services.call_publish(call)


def good_budget(national: int = 100 * M) -> dict[tuple[str, str], int]:
    """National 70 %, private cash 20 %, in-kind 10 % of the project cost."""
    total = national * 10 // 7
    return {
        ("outsourcing", "national"): national,
        ("labour", "cash"): total * 2 // 10,
        ("labour", "inkind"): total - national - total * 2 // 10,
    }


def ready_application(
    call: Call, lead_user, supplier: Company, *, national: int = 100 * M, title: str = ""
) -> Application:
    """A complete draft: plan, budget within the shares, the required document."""
    application = services.application_create(
        call=call, user=lead_user, supplier=supplier, title=title or f"{lead_user.company.name} 비전 검사"
    )
    services.application_update(
        application,
        budget=good_budget(national),
        problem="용접 비드 외관 불량 누락",
        target_kpi="불량 유출률 50% 감소",
        scope="비전 검사 시스템 구축",
        schedule_months=8,
    )
    services.application_attach(
        application, kind=DOC, file=SimpleUploadedFile("계획서.pdf", b"%PDF-1.4 plan")
    )
    return application


@pytest.fixture
def consortium(open_call, demander, supplier_company) -> Application:
    return ready_application(open_call, demander, supplier_company)


def another_lead(name: str, **company_fields) -> object:
    company = CompanyFactory(name=name, kind=Company.Kind.DEMANDER, **{"employees": 50, **company_fields})
    return UserFactory(company=company, is_company_owner=True)


@pytest.fixture
def evaluators(db):
    from dxhub.accounts.models import User

    return [UserFactory(email=f"eval{i}@univ.ac.kr", role=User.Role.EVALUATOR) for i in range(4)]


@pytest.fixture(autouse=True)
def media_in_tmp(settings, tmp_path):
    """Uploaded documents go to the test's own directory, not the project's media/."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def english_messages():
    """Service messages are matched in English here; pages still render Korean (the middleware decides)."""
    from django.utils import translation

    with translation.override("en"):
        yield
