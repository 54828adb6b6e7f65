"""Each role's dashboard starts with what waits for them; ministry staff see national totals."""

from __future__ import annotations

import pytest
from django.urls import reverse

from dxhub.collab import services
from tests.factories import NeedFactory

pytestmark = pytest.mark.django_db


def todos(client, user) -> dict[str, int]:
    client.force_login(user)
    response = client.get(reverse("dashboard"))
    assert response.status_code == 200
    return {t.label: t.count for t in response.context["todos"]}


def test_a_demander_sees_interest_waiting_for_an_answer(client, demander, supplier, demander_company):
    need = NeedFactory(company=demander_company)
    assert todos(client, demander)["답변을 기다리는 관심 표명"] == 0
    services.express_interest(user=supplier, need=need, supplier=supplier.company, message="관심 있습니다")
    seen = todos(client, demander)
    assert seen["답변을 기다리는 관심 표명"] == 1 and seen["진행 중인 협업"] == 1
    # The supplier started it: nothing waits on the supplier's side.
    assert todos(client, supplier)["답변을 기다리는 관심 표명"] == 0


def test_an_operator_sees_the_hubs_drafts_and_links_to_them(client, operator, demander_company):
    NeedFactory(company=demander_company, status="draft")
    NeedFactory(company=demander_company, status="published")
    client.force_login(operator)
    page = client.get(reverse("dashboard"))
    counts = {t.label: (t.count, t.url) for t in page.context["todos"]}
    assert counts["거점의 작성 중인 수요"] == (1, reverse("needs:list") + "?status=draft")
    assert "검증할 성과" in counts and "검토할 신청서" in counts
    assert "처리할 일" in page.content.decode()


def test_an_evaluator_without_reviews_sees_zero_and_the_explanation(client, evaluator):
    assert todos(client, evaluator) == {"채점할 평가": 0}


def test_ministry_staff_see_a_total_row_summing_every_hub(client, ministry, demander_company):
    NeedFactory(company=demander_company, status="published")
    client.force_login(ministry)
    page = client.get(reverse("dashboard"))
    figures, totals = page.context["figures"], page.context["totals"]
    assert totals["open"] == sum(f["open"] for f in figures) == 1
    assert totals["total"] == sum(f["total"] for f in figures)
    assert "전체 거점 합계" in page.content.decode()
