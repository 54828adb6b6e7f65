"""Running the demo command again changes nothing; the fast search text stays close to the exact one."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from dxhub.accounts.models import User
from dxhub.companies.models import Certification, Company, ContactPerson, ProjectReference, Solution
from dxhub.companies.services import company_index_text
from dxhub.demo.accounts import DEMO_PASSWORD
from dxhub.needs.models import Need
from dxhub.needs.services import need_index_text

SMALL = ("--companies", "60", "--needs", "30", "--quiet")


def _counts() -> dict[str, int]:
    models = [Company, Need, ContactPerson, Solution, ProjectReference, Certification, User]
    counts = {m.__name__: m.objects.count() for m in models}
    counts["company ksic"] = Company.ksic_codes.through.objects.count()
    counts["company capabilities"] = Company.capabilities.through.objects.count()
    counts["need capabilities"] = Need.required_capabilities.through.objects.count()
    return counts


def _demo(*args: str) -> str:
    out = StringIO()
    call_command("demo", *args, stdout=out)
    return out.getvalue()


@pytest.mark.django_db
def test_running_twice_leaves_the_same_counts():
    _demo(*SMALL)
    first = _counts()
    assert first["Company"] == 60 and first["Need"] == 30
    # The ten printed accounts, plus the people the demo stories need (a programme's evaluators).
    assert User.objects.filter(email__endswith="@dxhub.kr").count() >= 10 and first["User"] >= 10
    output = _demo(*SMALL)
    assert _counts() == first
    assert "60 already there" in output


@pytest.mark.django_db
def test_a_rerun_keeps_edits_and_repairs_demo_accounts():
    _demo(*SMALL)
    demander = User.objects.get(email="demander@dxhub.kr")
    company = demander.company
    company.description = "데모 중에 고친 소개"
    company.save()
    demander.set_password("changed-during-the-demo")
    demander.is_company_owner = False
    demander.save()
    _demo(*SMALL)
    company.refresh_from_db()
    demander.refresh_from_db()
    assert company.description == "데모 중에 고친 소개"
    assert demander.check_password(DEMO_PASSWORD) and demander.is_company_owner


@pytest.mark.django_db
def test_fast_search_text_agrees_with_the_services_on_nearly_every_term():
    _demo("--companies", "40", "--needs", "20", "--index", "fast", "--quiet")
    shared = total = 0
    for company in Company.objects.prefetch_related("capabilities", "solutions", "references", "ksic_codes"):
        exact, fast = set(company_index_text(company).split()), set(company.search_text.split())
        shared += len(exact & fast)
        total += len(exact | fast)
    for need in Need.objects.prefetch_related("required_capabilities"):
        exact, fast = set(need_index_text(need).split()), set(need.search_text.split())
        shared += len(exact & fast)
        total += len(exact | fast)
    assert shared / total > 0.99


@pytest.mark.django_db
def test_bad_arguments_are_refused():
    with pytest.raises(CommandError):
        _demo("--companies", "-1")
    with pytest.raises(CommandError):
        _demo("--batch-size", "0")
