"""The one access helper for companies: every page and API handler gets a company through here."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404

from dxhub.companies.models import Company, ContactConsent


def companies_visible_to(user: Any) -> QuerySet[Company]:
    """Company profiles are the platform's directory: every signed-in person may read them.

    Contact details are a separate question (`can_see_contacts`).
    """
    if not getattr(user, "is_authenticated", False):
        return Company.objects.none()
    return Company.objects.all()


def can_see_contacts(user: Any, company: Company, *, partners: set[int] | None = None) -> bool:
    """Contacts are private until both companies have agreed to share (or the reader runs the hub).

    For a list, pass `partners=consented_partners(user)` so that each row costs no query.
    """
    if not getattr(user, "is_authenticated", False):
        return False
    if user.is_ministry or (user.is_operator and company.hub_id == user.hub_id):
        return True
    if not user.is_member:
        return False
    if user.company_id == company.pk:
        return True
    if partners is not None:
        return company.pk in partners
    return mutual_consent(user.company_id, company.pk)


def consented_partners(user: Any) -> set[int]:
    """Companies that agreed with the user's company, both ways, to share contacts (one query)."""
    company_id = getattr(user, "company_id", None)
    if not getattr(user, "is_member", False) or company_id is None:
        return set()
    rows = ContactConsent.objects.filter(company_id=company_id) | ContactConsent.objects.filter(
        with_company_id=company_id
    )
    given, received = set(), set()
    for a, b in rows.values_list("company_id", "with_company_id"):
        if a == company_id:
            given.add(b)
        else:
            received.add(a)
    return given & received


def mutual_consent(company_a: int, company_b: int) -> bool:
    pairs = set(
        ContactConsent.objects.filter(
            company_id__in=(company_a, company_b), with_company_id__in=(company_a, company_b)
        ).values_list("company_id", "with_company_id")
    )
    return (company_a, company_b) in pairs and (company_b, company_a) in pairs


def get_company_for_user(user: Any, pk: int | str, *, write: bool = False) -> Company:
    """The company `pk` if `user` may read it (404 otherwise) and, with write=True, change it (403)."""
    try:
        company = companies_visible_to(user).select_related("hub", "region").get(pk=pk)
    except (Company.DoesNotExist, ValueError, TypeError):
        raise Http404("company not found") from None
    if write and not user.has_perm("companies.change_company", company):
        raise PermissionDenied("you may not change this company")
    return company
