"""Writes validated company rows with a handful of bulk statements instead of one save per row.

Called inside the import's transaction. A 10,000-row file becomes about a dozen INSERT/UPDATE
batches: companies, their KSIC and capability links, primary contacts and audit entries.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from django.utils import timezone

from dxhub.companies.models import Company, ContactPerson, ProjectReference, Solution
from dxhub.core.search import index_texts
from dxhub.imports.audit import CREATE, UPDATE, AuditBatch
from dxhub.imports.company_rows import CompanyRow
from dxhub.imports.lookups import Reference, chunks

BATCH = 1000


@dataclass
class Written:
    created: int = 0
    updated: int = 0
    unchanged: int = 0


def write_companies(rows: list[CompanyRow], *, ref: Reference, audit: AuditBatch) -> Written:
    """Create new companies, update changed ones, leave identical ones alone."""
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
    _set_search_text([*creates, *updates], companies, ref)

    Company.objects.bulk_create([companies[r.row] for r in creates], batch_size=BATCH)
    _ensure_pks([companies[r.row] for r in creates])
    Company.objects.bulk_update(
        [companies[r.row] for r in updates],
        fields=sorted(changed_fields | {"search_text", "updated_at"}),
        batch_size=BATCH // 2,
    )
    _write_links([*creates, *updates], companies)
    _write_contacts([*creates, *updates], companies, audit)
    for r in creates:
        audit.add(companies[r.row], CREATE, changes[r.row])
    for r in updates:
        if changes[r.row]:
            audit.add(companies[r.row], UPDATE, changes[r.row])
    return Written(
        created=len(creates), updated=len(updates), unchanged=len(rows) - len(creates) - len(updates)
    )


def _ensure_pks(created: list[Company]) -> None:
    """Databases that cannot return ids from a bulk INSERT get them looked up by number."""
    missing = {c.brn: c for c in created if c.pk is None}
    for batch in chunks(list(missing)):
        for brn, pk in Company.objects.filter(brn__in=batch).values_list("brn", "pk"):
            missing[brn].pk = pk


def _set_search_text(rows: list[CompanyRow], companies: dict[int, Company], ref: Reference) -> None:
    """The parts `company_index_text` reads, analysed in one batch."""
    solutions: dict[int, list[str]] = defaultdict(list)
    references: dict[int, list[str]] = defaultdict(list)
    stored_ids = [r.existing.pk for r in rows if r.existing is not None]
    for batch in chunks(stored_ids):
        for s in Solution.objects.filter(company_id__in=batch).order_by("name"):
            solutions[s.company_id].append(s.name + " " + s.description)
        for p in ProjectReference.objects.filter(company_id__in=batch).order_by("-year", "id"):
            references[p.company_id].append(p.problem + " " + p.result)
    parts_per_row: list[list[str | None]] = []
    for r in rows:
        company = companies[r.row]
        cap_ids = r.capability_ids if r.capability_ids is not None else r.old_capabilities
        caps = sorted((ref.capability_by_id[i] for i in cap_ids), key=lambda c: c.name_ko)
        codes = sorted(r.ksic_codes if r.ksic_codes is not None else r.old_ksic)
        parts: list[str | None] = [company.name, company.name_en, company.description]
        parts += [c.name_ko + " " + c.keywords for c in caps]
        parts += solutions.get(company.pk, []) + references.get(company.pk, [])
        parts += [ref.ksic[code] for code in codes]
        parts_per_row.append(parts)
    for r, text in zip(rows, index_texts(parts_per_row), strict=True):
        companies[r.row].search_text = text


def _write_links(rows: list[CompanyRow], companies: dict[int, Company]) -> None:
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


def _write_contacts(rows: list[CompanyRow], companies: dict[int, Company], audit: AuditBatch) -> None:
    """Create or update each company's primary contact from the 담당자 columns."""
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
