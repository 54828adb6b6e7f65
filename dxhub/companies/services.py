"""Writes to companies go through here: views, API handlers and imports stay thin."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db import transaction

from dxhub.companies.hooks import company_saved
from dxhub.companies.models import Company, ContactConsent, ContactPerson
from dxhub.companies.text import company_search_parts
from dxhub.core.search import index_text
from dxhub.reference.models import Capability, KsicCode

COMPANY_FIELDS = (
    "brn",
    "name",
    "name_en",
    "kind",
    "region",
    "region_id",
    "address",
    "employees",
    "founded_year",
    "revenue_band",
    "hub",
    "hub_id",
    "tenancy",
    "description",
    "website",
)


def company_index_text(company: Company) -> str:
    parts = company_search_parts(
        company,
        capabilities=company.capabilities.all(),
        solutions=company.solutions.all(),
        references=company.references.all(),
        ksic_names=(k.name for k in company.ksic_codes.all()),
    )
    return index_text(parts)


def company_refresh_search(company: Company) -> None:
    Company.objects.filter(pk=company.pk).update(search_text=company_index_text(company))


@transaction.atomic
def company_create(
    *,
    ksic_codes: Iterable[KsicCode] = (),
    capabilities: Iterable[Capability] = (),
    **fields: Any,
) -> Company:
    unknown = set(fields) - set(COMPANY_FIELDS)
    if unknown:
        raise TypeError(f"unknown company fields: {sorted(unknown)}")
    company = Company(**fields)
    company.full_clean()
    company.save()
    company.ksic_codes.set(list(ksic_codes))
    company.capabilities.set(list(capabilities))
    company_refresh_search(company)
    company_saved.announce(company_id=company.pk)
    return company


@transaction.atomic
def company_update(
    company: Company,
    *,
    ksic_codes: Iterable[KsicCode] | None = None,
    capabilities: Iterable[Capability] | None = None,
    **fields: Any,
) -> Company:
    unknown = set(fields) - set(COMPANY_FIELDS)
    if unknown:
        raise TypeError(f"unknown company fields: {sorted(unknown)}")
    for key, value in fields.items():
        setattr(company, key, value)
    company.full_clean()
    company.save()
    if ksic_codes is not None:
        company.ksic_codes.set(list(ksic_codes))
    if capabilities is not None:
        company.capabilities.set(list(capabilities))
    company_refresh_search(company)
    company_saved.announce(company_id=company.pk)
    return company


def contact_add(*, company: Company, **fields: Any) -> ContactPerson:
    contact = ContactPerson(company=company, **fields)
    contact.full_clean()
    contact.save()
    return contact


def contact_consent_give(*, company: Company, with_company: Company) -> ContactConsent:
    """One side agrees to share its contacts; contacts show when both sides have agreed."""
    consent, _ = ContactConsent.objects.get_or_create(company=company, with_company=with_company)
    return consent
