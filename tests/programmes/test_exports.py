"""The operator's call page exports its applications to .xlsx: companies, money, eligibility, scores and
results with Korean headers; never an evaluator, an email address or a phone number."""

from __future__ import annotations

import datetime
from io import BytesIO

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from dxhub.core.export import XLSX
from dxhub.programmes import services, services_agreements, services_review
from dxhub.programmes.models import Application, Call, Review
from tests.programmes.conftest import M, another_lead, ready_application

pytestmark = pytest.mark.django_db

HEADERS = [
    "과제명",
    "신청기업(주관기관)",
    "컨소시엄 참여기업",
    "상태",
    "제출 일시",
    "신청 국비(원)",
    "지원 요건",
    "지원 요건 미충족 사유",
    "최종 점수",
    "선정 결과",
    "지원 국비(원)",
]


def _sheet(response) -> list[tuple]:
    assert response.status_code == 200
    assert response["Content-Type"] == XLSX
    return list(load_workbook(BytesIO(response.content)).active.iter_rows(values_only=True))


@pytest.fixture
def decided(open_call, demander, supplier_company, evaluators, operator):
    """Three applications scored 90 (140M), 80 (100M) and 50 (60M, under the pass mark of 60);
    the selection is announced and the first has its agreement."""
    demander.phone = "010-2222-3333"
    demander.save()
    plan = [
        (demander, 140 * M, 9),
        (another_lead("진해정밀"), 100 * M, 8),
        (another_lead("김해부품"), 60 * M, 5),
    ]
    apps = []
    for user, national, _score in plan:
        a = ready_application(
            open_call, user, supplier_company, national=national, title=f"{user.company.name} 과제"
        )
        apps.append(services.application_submit(a))
    Call.objects.filter(pk=open_call.pk).update(deadline=timezone.now() - datetime.timedelta(minutes=1))
    services.call_close(open_call)
    panel = services_review.panel_create(
        call=open_call, stage="document", evaluators=evaluators, per_application=3
    )
    services_review.panel_assign(panel)
    by_app = {a.pk: score for a, (_u, _n, score) in zip(apps, plan, strict=True)}
    for review in Review.objects.filter(panel=panel):
        points = {str(c.pk): by_app[review.application_id] for c in open_call.criteria.all()}
        services_review.review_save(review, points=points, comment="평가위원 의견", submit=True)
    services_review.selection_confirm(services_review.selection_run(open_call, user=operator))
    winner = Application.objects.get(pk=apps[0].pk)
    services_agreements.agreement_create(
        winner, starts_on=datetime.date(2026, 3, 1), ends_on=datetime.date(2026, 11, 30)
    )
    return apps


def test_operator_exports_the_calls_applications(client, open_call, decided, operator):
    client.force_login(operator)
    url = reverse("programmes:call", args=[open_call.pk])
    page = client.get(url).content.decode()
    assert 'id="export-applications"' in page and "엑셀 내려받기" in page
    header, *rows = _sheet(client.get(url, {"format": "xlsx"}))
    assert list(header) == HEADERS
    by_lead = {r[1]: r for r in rows}
    assert set(by_lead) == {"창원정밀기계", "진해정밀", "김해부품"}

    first = by_lead["창원정밀기계"]
    assert first[0] == "창원정밀기계 과제"
    assert first[2] == "창원비전AI (공급기업)"
    assert first[3] == "선정"
    submitted = Application.objects.get(pk=decided[0].pk).submitted_at
    assert abs(first[4] - timezone.localtime(submitted).replace(tzinfo=None)) < datetime.timedelta(seconds=1)
    assert first[5] == 140 * M
    assert first[6:8] == ("지원 요건 충족", None)
    assert first[8] == 90
    assert first[9] == "선정"
    assert first[10] == 140 * M  # from the agreement

    second = by_lead["진해정밀"]
    assert (second[5], second[8], second[9], second[10]) == (100 * M, 80, "선정", 100 * M)

    third = by_lead["김해부품"]
    assert third[3] == "미선정"
    assert third[8] == 50
    assert third[9] == "미선정 (합격 기준 점수 미달)"
    assert third[10] is None


def test_export_names_no_evaluator_and_no_contact(client, open_call, decided, operator, evaluators, demander):
    client.force_login(operator)
    rows = _sheet(client.get(reverse("programmes:call", args=[open_call.pk]), {"format": "xlsx"}))
    cells = " ".join(str(v) for row in rows for v in row if v is not None)
    assert "@" not in cells
    assert "010-" not in cells
    assert demander.name not in cells
    for person in evaluators:
        assert person.name not in cells
    assert "평가위원 의견" not in cells


def test_only_the_calls_operators_get_the_export(
    client, open_call, decided, busan_operator, demander, evaluators, operator, hubs
):
    url = reverse("programmes:call", args=[open_call.pk])
    for person in (busan_operator, demander, evaluators[0]):
        client.force_login(person)
        page = client.get(url)
        assert page.status_code == 200 and "call-applications" not in page.content.decode()
        response = client.get(url, {"format": "xlsx"})
        assert response.status_code == 403
        assert response.get("Content-Type") != XLSX
    client.logout()
    assert client.get(url, {"format": "xlsx"}).status_code == 403

    draft = services.call_create(
        user=operator,
        hubs=[hubs["changwon"]],
        title="초안 공고",
        year=2026,
        deadline=timezone.now() + datetime.timedelta(days=30),
        total_budget=100 * M,
        cap_per_project=50 * M,
        criteria=[("문제 정의", 100)],
        quotas=[],
    )
    client.force_login(busan_operator)
    draft_url = reverse("programmes:call", args=[draft.pk])
    assert client.get(draft_url).status_code == 404
    assert client.get(draft_url, {"format": "xlsx"}).status_code == 404
