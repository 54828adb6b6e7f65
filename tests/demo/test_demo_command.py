"""`manage.py demo` with the default set, loaded once for this module and rolled back afterwards."""

from __future__ import annotations

from collections import Counter
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import transaction
from django.urls import reverse

from dxhub.accounts.models import User
from dxhub.companies.brn import brn_problem
from dxhub.companies.models import Company, ContactPerson
from dxhub.companies.services import company_index_text
from dxhub.demo.accounts import ACCOUNTS, DEMO_PASSWORD
from dxhub.demo.vocab import INDUSTRIES
from dxhub.needs.models import Need
from dxhub.needs.services import need_index_text
from dxhub.reference.models import KsicCode, Region


@pytest.fixture(scope="module")
def demo_output(django_db_setup, django_db_blocker):
    """Loads the default set once; each test runs in a savepoint inside this transaction."""
    with django_db_blocker.unblock(), transaction.atomic():
        out = StringIO()
        call_command("demo", "--quiet", stdout=out)
        yield out.getvalue()
        transaction.set_rollback(True)


pytestmark = pytest.mark.usefixtures("demo_output")


@pytest.mark.django_db
def test_default_set_sizes_hubs_and_industries():
    assert Company.objects.count() >= 300
    hubs = Counter(Company.objects.values_list("hub__slug", flat=True))
    assert set(hubs) == {"changwon", "ochang", "busan-centum", "daegu-suseong"}
    assert Need.objects.count() >= 150
    industry_of = {code: key for key, info in INDUSTRIES.items() for _, code in info.products}
    per_industry = Counter(industry_of[code] for code in Need.objects.values_list("ksic_id", flat=True))
    assert set(per_industry) == set(INDUSTRIES)


@pytest.mark.django_db
def test_business_registration_numbers_are_valid():
    brns = list(Company.objects.values_list("brn", flat=True))
    assert all(brn_problem(b) is None for b in brns)
    assert len(set(brns)) == len(brns)


@pytest.mark.django_db
def test_codes_point_at_real_reference_rows():
    ksic_used = set(Company.ksic_codes.through.objects.values_list("ksiccode_id", flat=True))
    ksic_used |= set(Need.objects.values_list("ksic_id", flat=True))
    assert None not in ksic_used
    assert KsicCode.objects.filter(code__in=ksic_used, level=5).count() == len(ksic_used)
    regions = set(Company.objects.values_list("region_id", flat=True))
    assert Region.objects.filter(code__in=regions, level=Region.Level.SIGUNGU).count() == len(regions)


def _terms(text: str) -> set[str]:
    return set(text.split())


@pytest.mark.django_db
def test_search_text_holds_the_terms_the_services_write():
    # Same terms; their order follows the database's collation of solution names, so compare sets.
    companies = Company.objects.prefetch_related("capabilities", "solutions", "references", "ksic_codes")
    assert all(c.search_text and _terms(c.search_text) == _terms(company_index_text(c)) for c in companies)
    needs = Need.objects.prefetch_related("required_capabilities")
    assert all(n.search_text and _terms(n.search_text) == _terms(need_index_text(n)) for n in needs)


@pytest.mark.django_db
def test_history_looks_lived_in():
    dates = {c.created_at.date() for c in Company.objects.all()}
    assert len(dates) > 100
    for need in Need.objects.exclude(status=Need.Status.DRAFT):
        assert need.published_at is not None and need.published_at >= need.created_at
    assert not Need.objects.filter(status=Need.Status.DRAFT, published_at__isnull=False).exists()


@pytest.mark.django_db
def test_every_demo_account_signs_in(client):
    url = reverse("account_login")
    for spec in ACCOUNTS:
        client.logout()
        response = client.post(url, {"login": spec.email, "password": DEMO_PASSWORD, "next": "/"})
        assert response.status_code == 302, spec.email
        assert client.session["_auth_user_id"] == str(User.objects.get(email=spec.email).pk)


@pytest.mark.django_db
def test_accounts_have_their_roles_hubs_and_companies():
    users = {u.email: u for u in User.objects.select_related("hub", "company")}
    assert users["ministry@dxhub.kr"].is_ministry
    assert users["evaluator@dxhub.kr"].is_evaluator
    for slug, email in [
        ("changwon", "operator.changwon@dxhub.kr"),
        ("ochang", "operator.ochang@dxhub.kr"),
        ("busan-centum", "operator.busan@dxhub.kr"),
        ("daegu-suseong", "operator.daegu@dxhub.kr"),
    ]:
        assert users[email].is_operator and users[email].hub.slug == slug
    demander, colleague = users["demander@dxhub.kr"], users["colleague@dxhub.kr"]
    assert demander.is_member and demander.is_company_owner and not colleague.is_company_owner
    assert demander.company == colleague.company
    assert demander.company.hub.slug == "changwon" and demander.company.is_demander
    assert demander.company.needs.filter(status=Need.Status.PUBLISHED).exists()
    supplier = users["supplier@dxhub.kr"]
    assert supplier.company.hub.slug == "changwon" and supplier.company.kind == Company.Kind.SUPPLIER
    assert users["ochang.member@dxhub.kr"].company.hub.slug == "ochang"
    for email in ("demander@dxhub.kr", "colleague@dxhub.kr", "supplier@dxhub.kr", "ochang.member@dxhub.kr"):
        contact = ContactPerson.objects.get(user=users[email])
        assert contact.company == users[email].company
        assert contact.name == users[email].name


def test_output_lists_counts_and_accounts(demo_output):
    assert "companies" in demo_output and "needs" in demo_output
    for spec in ACCOUNTS:
        assert spec.email in demo_output
    assert demo_output.count(DEMO_PASSWORD) == len(ACCOUNTS)
