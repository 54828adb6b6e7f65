"""Eligibility on submission: the call's rules, co-funding shares, documents, duplicate support."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from dxhub.programmes import services
from dxhub.programmes.models import Application
from dxhub.reference.models import Region
from tests.programmes.conftest import M, another_lead, good_budget, ready_application

pytestmark = pytest.mark.django_db


def test_an_eligible_consortium_submits_and_is_locked(consortium):
    submitted = services.application_submit(consortium)
    assert submitted.status == Application.Status.SUBMITTED and submitted.submitted_at
    assert services.application_submit(consortium).status == Application.Status.SUBMITTED  # double submit
    with pytest.raises(ValidationError, match="locked"):
        services.application_update(submitted, title="바꾼 제목")


def test_an_out_of_region_and_too_large_lead_is_told_why(open_call, supplier_company):
    lead = another_lead("서울대형제조", employees=900, region=Region.objects.get(code="11680"))
    application = ready_application(open_call, lead, supplier_company)
    with pytest.raises(services.Ineligible) as err:
        services.application_submit(application)
    reasons = " ".join(err.value.messages)
    assert "서울대형제조" in reasons
    assert "900" in reasons and "300" in reasons  # employees: have and allowed
    application.refresh_from_db()
    assert application.status == Application.Status.DRAFT  # still editable


def test_the_page_shows_the_reasons(client, open_call, supplier_company):
    lead = another_lead("서울대형제조", employees=900, region=Region.objects.get(code="11680"))
    application = ready_application(open_call, lead, supplier_company)
    client.force_login(lead)
    response = client.post(reverse("programmes:application_submit", args=[application.pk]), follow=True)
    assert response.status_code == 200
    page = response.content.decode()
    assert 'id="ineligible"' in page and "서울대형제조" in page


def test_co_funding_shares_cap_and_missing_documents(open_call, demander, supplier_company):
    application = services.application_create(
        call=open_call, user=demander, supplier=supplier_company, title="과제"
    )
    services.application_update(application, budget={("outsourcing", "national"): 200 * M})
    with pytest.raises(services.Ineligible) as err:
        services.application_submit(application)
    text = " ".join(err.value.messages)
    assert "200,000,000" in text and "150,000,000" in text  # national 200M over the 150M cap
    assert "Required document missing: 사업계획서" in text
    assert len(err.value.messages) >= 3  # cap, national share over 75 %, private cash under 10 %, document


def test_duplicate_support_same_company_in_another_active_award(
    open_call, consortium, demander, supplier_company
):
    Application.objects.filter(pk=consortium.pk).update(status=Application.Status.SELECTED)
    lead = another_lead("김해정밀")
    second = ready_application(open_call, lead, supplier_company, title="두번째 과제")
    with pytest.raises(services.Ineligible) as err:
        services.application_submit(second)
    assert any(supplier_company.name in m for m in err.value.messages)


def test_budget_validation(consortium):
    with pytest.raises(ValidationError):
        services.application_update(consortium, budget={("labour", "nowhere"): 1})
    with pytest.raises(ValidationError):
        services.application_update(consortium, budget={("labour", "cash"): -5})
    assert consortium.requested == 100 * M
    assert good_budget()[("outsourcing", "national")] == 100 * M
