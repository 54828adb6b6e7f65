"""Writes to companies go through here: views, API handlers and imports stay thin.

One at a time (`company_create`, `company_update`) or in bulk (`companies_bulk_write`, for imports).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from typing import Any

from django.db import transaction
from django.utils import timezone

from dxhub.companies.hooks import companies_bulk_saved, company_saved
from dxhub.companies.models import Company, ContactConsent, ContactPerson, ProjectReference, Solution
from dxhub.companies.rows import CompanyRow
from dxhub.companies.text import company_search_parts
from dxhub.core.bulk import BATCH, CREATE, UPDATE, AuditBatch, Written, chunks
from dxhub.core.search import index_text, index_texts
from dxhub.reference.models import Capability, KsicCode

# Company.FIELDS, with foreign keys also by id.
COMPANY_FIELDS = (*Company.FIELDS, "region_id", "hub_id")


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


@transaction.atomic
def companies_bulk_write(
    rows: list[CompanyRow],
    *,
    actor: Any = None,
    note: dict[str, Any] | None = None,
    capabilities: Mapping[int, Capability] | None = None,
    ksic_names: Mapping[str, str] | None = None,
) -> Written:
    """Create new companies, update changed ones, leave identical ones alone, in a few bulk statements.

    A 10,000-row batch becomes about a dozen INSERT/UPDATE batches: companies, their KSIC and
    capability links, primary contacts and audit entries (`note` goes on each, e.g. the import job).
    Search text comes from `company_search_parts`; one `companies_bulk_saved` is announced for the
    batch. `capabilities` (by id) and `ksic_names` (by code) spare a caller that has them a reload.
    """
    if capabilities is None:
        capabilities = {c.pk: c for c in Capability.objects.all()}
    if ksic_names is None:
        ksic_names = dict(KsicCode.objects.values_list("code", "name"))
    audit = AuditBatch(actor=actor, note=note or {})
    creates = [r for r in rows if r.is_new]
    updates = [r for r in rows if not r.is_new and not r.is_unchanged]
    changes = {r.row: r.changes() for r in (*creates, *updates)}
    companies: dict[int, Company] = {}
    for r in creates:
        companies[r.row] = Company(brn=r.brn, **r.values())
    changed_fields: set[str] = set()
    for r in updates:
        assert r.existing is not None
        for name, value in r.values().items():
            setattr(r.existing, name, value)
        changed_fields.update(k for k in changes[r.row] if k not in ("ksic_codes", "capabilities"))
        r.existing.updated_at = timezone.now()
        companies[r.row] = r.existing
    _bulk_search_text([*creates, *updates], companies, capabilities, ksic_names)

    Company.objects.bulk_create([companies[r.row] for r in creates], batch_size=BATCH)
    _ensure_pks([companies[r.row] for r in creates])
    Company.objects.bulk_update(
        [companies[r.row] for r in updates],
        fields=sorted(changed_fields | {"search_text", "updated_at"}),
        batch_size=BATCH // 2,
    )
    _bulk_links([*creates, *updates], companies)
    _bulk_contacts([*creates, *updates], companies, audit)
    for r in creates:
        audit.add(companies[r.row], CREATE, changes[r.row])
    for r in updates:
        if changes[r.row]:
            audit.add(companies[r.row], UPDATE, changes[r.row])
    audit.save()
    if creates or updates:
        # One announcement for the batch: matching rebuilds once, not once per row.
        companies_bulk_saved.announce(created=len(creates), updated=len(updates))
    return Written(
        created=len(creates), updated=len(updates), unchanged=len(rows) - len(creates) - len(updates)
    )


def _ensure_pks(created: list[Company]) -> None:
    """Databases that cannot return ids from a bulk INSERT get them looked up by number."""
    missing = {c.brn: c for c in created if c.pk is None}
    for batch in chunks(list(missing)):
        for brn, pk in Company.objects.filter(brn__in=batch).values_list("brn", "pk"):
            missing[brn].pk = pk


def _bulk_search_text(
    rows: list[CompanyRow],
    companies: dict[int, Company],
    capabilities: Mapping[int, Capability],
    ksic_names: Mapping[str, str],
) -> None:
    """`company_search_parts` for every row, analysed in one batch."""
    solutions: dict[int, list[Solution]] = defaultdict(list)
    references: dict[int, list[ProjectReference]] = defaultdict(list)
    stored_ids = [r.existing.pk for r in rows if r.existing is not None]
    for batch in chunks(stored_ids):
        for s in Solution.objects.filter(company_id__in=batch).order_by("name"):
            solutions[s.company_id].append(s)
        for p in ProjectReference.objects.filter(company_id__in=batch).order_by("-year", "id"):
            references[p.company_id].append(p)
    parts_per_row: list[list[str | None]] = []
    for r in rows:
        company = companies[r.row]
        cap_ids = r.capability_ids if r.capability_ids is not None else r.old_capabilities
        codes = sorted(r.ksic_codes if r.ksic_codes is not None else r.old_ksic)
        parts_per_row.append(
            company_search_parts(
                company,
                capabilities=sorted((capabilities[i] for i in cap_ids), key=lambda c: c.name_ko),
                solutions=solutions.get(company.pk, []),
                references=references.get(company.pk, []),
                ksic_names=[ksic_names[code] for code in codes],
            )
        )
    for r, text in zip(rows, index_texts(parts_per_row), strict=True):
        companies[r.row].search_text = text


def _bulk_links(rows: list[CompanyRow], companies: dict[int, Company]) -> None:
    """Replace the KSIC and capability links of rows that set them, through-table rows in batches."""
    ksic_through = Company.ksic_codes.through
    caps_through = Company.capabilities.through
    ksic_rows = [r for r in rows if r.ksic_codes is not None and set(r.ksic_codes) != r.old_ksic]
    cap_rows = [
        r for r in rows if r.capability_ids is not None and set(r.capability_ids) != r.old_capabilities
    ]
    for batch in chunks([r.existing.pk for r in ksic_rows if r.existing is not None]):
        ksic_through.objects.filter(company_id__in=batch).delete()
    for batch in chunks([r.existing.pk for r in cap_rows if r.existing is not None]):
        caps_through.objects.filter(company_id__in=batch).delete()
    ksic_through.objects.bulk_create(
        [
            ksic_through(company_id=companies[r.row].pk, ksiccode_id=code)
            for r in ksic_rows
            for code in r.ksic_codes or ()
        ],
        batch_size=BATCH,
    )
    caps_through.objects.bulk_create(
        [
            caps_through(company_id=companies[r.row].pk, capability_id=cap_id)
            for r in cap_rows
            for cap_id in r.capability_ids or ()
        ],
        batch_size=BATCH,
    )


def _bulk_contacts(rows: list[CompanyRow], companies: dict[int, Company], audit: AuditBatch) -> None:
    """Create or update each company's primary contact from the rows' contact values."""
    new: list[tuple[ContactPerson, dict[str, list[str | None]]]] = []
    changed: list[tuple[ContactPerson, dict[str, list[str | None]]]] = []
    for r in rows:
        diff = r.contact_changes()
        if not diff:
            continue
        if r.old_contact is None:
            new.append((ContactPerson(company=companies[r.row], is_primary=True, **r.contact), diff))
        else:
            for name, value in r.contact.items():
                setattr(r.old_contact, name, value)
            changed.append((r.old_contact, diff))
    ContactPerson.objects.bulk_create([c for c, _ in new], batch_size=BATCH)
    if changed:
        fields = sorted({name for _, diff in changed for name in diff})
        ContactPerson.objects.bulk_update([c for c, _ in changed], fields=fields, batch_size=BATCH)
    for contact, diff in new:
        audit.add(contact, CREATE, diff)
    for contact, diff in changed:
        audit.add(contact, UPDATE, diff)
