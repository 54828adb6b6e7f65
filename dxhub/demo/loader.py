"""Writes the generator's output to the database: in batches, idempotently, fast enough for 100,000 companies.

Companies are keyed by BRN and needs by (company, title): a second run skips what is there and adds only
what is missing, so edits made during a demo survive a re-run. One seed per database is the intended
use: another seed adds an independent set, and a BRN that happens to coincide keeps the first company.
Rows go in with bulk_create, which skips
model save() and signals, so django-auditlog records nothing for generated demo data. That is acceptable:
the audit trail is for changes people make, and 100,000 generated rows would only bury it.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Literal

from django.db import connection, transaction
from django.utils import timezone

from dxhub.companies.models import Certification, Company, ContactPerson, ProjectReference, Solution
from dxhub.core.search import index_texts
from dxhub.demo.generator import DemoGenerator
from dxhub.demo.search_text import FastIndexer
from dxhub.demo.specs import CompanySpec, DemoBatch, NeedSpec
from dxhub.hubs.models import Hub
from dxhub.needs.models import Need
from dxhub.reference.models import Capability, KsicCode

type IndexMode = Literal["auto", "exact", "fast"]
# Up to this many companies search_text comes from dxhub.core.search.index_texts over the same parts the
# services index (the terms an edit would write); above it, from the sentence cache, which is several
# times faster on big sets and agrees on >99% of terms.
EXACT_INDEX_MAX_COMPANIES = 2_000

CompanyKsic = Company.ksic_codes.through
CompanyCapability = Company.capabilities.through
SolutionCapability = Solution.capabilities.through
NeedCapability = Need.required_capabilities.through


@dataclass
class LoadReport:
    """What a run wrote and what it found already there."""

    companies_created: int = 0
    companies_existing: int = 0
    needs_created: int = 0
    needs_existing: int = 0
    contacts: int = 0
    solutions: int = 0
    references: int = 0
    certifications: int = 0
    seconds: float = 0.0
    index: str = ""
    personas: dict[str, str] = field(default_factory=dict)


class _Context:
    """Lookups every batch needs, read once: hub ids and the capability and KSIC texts for indexing."""

    def __init__(self, index: Literal["exact", "fast"]) -> None:
        self.now = timezone.now()
        self.hubs = dict(Hub.objects.values_list("slug", "id"))
        caps = Capability.objects.values_list("slug", "id", "name_ko", "keywords")
        self.cap_ids = {slug: pk for slug, pk, _, _ in caps}
        self.cap_texts = {slug: (name, f"{name} {keywords}") for slug, _, name, keywords in caps}
        self.ksic_names = dict(KsicCode.objects.filter(level=5).values_list("code", "name"))
        self.fast = FastIndexer() if index == "fast" else None

    def search_texts(self, rows: list[list[str]]) -> list[str]:
        return self.fast.texts(rows) if self.fast else index_texts(rows)

    def ago(self, days: int, minutes: int = 0) -> datetime:
        return self.now - timedelta(days=days, minutes=minutes)


def load_demo(
    generator: DemoGenerator,
    *,
    batch_size: int = 500,
    index: IndexMode = "auto",
    progress: Callable[[str], None] | None = None,
) -> LoadReport:
    """Writes every batch of `generator`, each in its own transaction, so an interrupted run resumes."""
    started = time.monotonic()
    mode: Literal["exact", "fast"]
    if index == "auto":
        mode = "exact" if generator.n_companies <= EXACT_INDEX_MAX_COMPANIES else "fast"
    else:
        mode = index
    context = _Context(mode)
    report = LoadReport(index=mode)
    done = 0
    for batch in generator.batches(size=batch_size):
        with transaction.atomic():
            _write_batch(batch, context, report)
        done += len(batch.companies)
        if progress is not None:
            progress(
                f"{done:,}/{generator.n_companies:,} companies, "
                f"{report.needs_created + report.needs_existing:,} needs ({time.monotonic() - started:.0f} s)"
            )
    report.seconds = time.monotonic() - started
    return report


def _write_batch(batch: DemoBatch, context: _Context, report: LoadReport) -> None:
    for spec in batch.companies:
        if spec.persona:
            report.personas[spec.persona] = spec.brn
    ids = dict(Company.objects.filter(brn__in=[c.brn for c in batch.companies]).values_list("brn", "id"))
    existing_ids = set(ids.values())
    new_specs = [c for c in batch.companies if c.brn not in ids]
    report.companies_existing += len(batch.companies) - len(new_specs)
    created = _create_companies(new_specs, context, report)
    ids.update({company.brn: company.pk for company in created})

    taken: set[tuple[int, str]] = set()
    if existing_ids:
        rows = Need.objects.filter(company_id__in=existing_ids).values_list("company_id", "title")
        taken = set(rows)
    new_needs = [n for n in batch.needs if (ids[n.company_brn], n.title) not in taken]
    report.needs_existing += len(batch.needs) - len(new_needs)
    needs = _create_needs(new_needs, ids, context)
    report.needs_created += len(needs)


def _create_companies(specs: list[CompanySpec], context: _Context, report: LoadReport) -> list[Company]:
    if not specs:
        return []
    texts = context.search_texts([_company_parts(c, context, split=context.fast is not None) for c in specs])
    companies = [
        Company(
            brn=c.brn,
            name=c.name,
            name_en=c.name_en,
            kind=c.kind,
            region_id=c.region,
            address=c.address,
            employees=c.employees,
            founded_year=c.founded_year,
            revenue_band=c.revenue_band,
            hub_id=context.hubs[c.hub],
            tenancy=c.tenancy,
            description=c.description,
            website=c.website,
            search_text=texts[i],
        )
        for i, c in enumerate(specs)
    ]
    Company.objects.bulk_create(companies)
    _require_ids(companies)
    _backdate(
        Company,
        [
            (c.pk, context.ago(s.age_days, minutes=int(s.brn[5:9]) % 600))
            for c, s in zip(companies, specs, strict=True)
        ],
    )

    pairs = list(zip(companies, specs, strict=True))
    CompanyKsic.objects.bulk_create(
        [CompanyKsic(company_id=c.pk, ksiccode_id=code) for c, s in pairs for code in s.ksic_codes]
    )
    CompanyCapability.objects.bulk_create(
        [
            CompanyCapability(company_id=c.pk, capability_id=context.cap_ids[slug])
            for c, s in pairs
            for slug in s.capabilities
        ]
    )
    contacts = [
        ContactPerson(
            company_id=c.pk, name=p.name, title=p.title, email=p.email, phone=p.phone, is_primary=p.is_primary
        )
        for c, s in pairs
        for p in s.contacts
    ]
    ContactPerson.objects.bulk_create(contacts)
    solution_specs = [(c, sol) for c, s in pairs for sol in s.solutions]
    solutions = [
        Solution(company_id=c.pk, name=sol.name, description=sol.description) for c, sol in solution_specs
    ]
    Solution.objects.bulk_create(solutions)
    _require_ids(solutions)
    SolutionCapability.objects.bulk_create(
        [
            SolutionCapability(solution_id=solution.pk, capability_id=context.cap_ids[slug])
            for solution, (_, sol) in zip(solutions, solution_specs, strict=True)
            for slug in sol.capabilities
        ]
    )
    references = [
        ProjectReference(
            company_id=c.pk,
            client_name=r.client_name,
            client_ksic_id=r.client_ksic,
            year=r.year,
            problem=r.problem,
            result=r.result,
        )
        for c, s in pairs
        for r in s.references
    ]
    ProjectReference.objects.bulk_create(references)
    certifications = [
        Certification(company_id=c.pk, name=x.name, issuer=x.issuer, year=x.year)
        for c, s in pairs
        for x in s.certifications
    ]
    Certification.objects.bulk_create(certifications)
    report.companies_created += len(companies)
    report.contacts += len(contacts)
    report.solutions += len(solutions)
    report.references += len(references)
    report.certifications += len(certifications)
    return companies


def _create_needs(specs: list[NeedSpec], company_ids: dict[str, int], context: _Context) -> list[Need]:
    if not specs:
        return []
    texts = context.search_texts([_need_parts(n, context) for n in specs])
    needs, created_times = [], []
    for i, n in enumerate(specs):
        created = context.ago(n.age_days, minutes=(i * 37) % 600)
        created_times.append(created)
        published = (
            None if n.published_after_days is None else created + timedelta(days=n.published_after_days)
        )
        needs.append(
            Need(
                company_id=company_ids[n.company_brn],
                hub_id=context.hubs[n.hub],
                title=n.title,
                ksic_id=n.ksic,
                site=n.site,
                problem=n.problem,
                current_practice=n.current_practice,
                data_kinds=n.data_kinds,
                data_volume=n.data_volume,
                data_access=n.data_access,
                target_kpi=n.target_kpi,
                budget_min=n.budget_min,
                budget_max=n.budget_max,
                timeline_months=n.timeline_months,
                status=n.status,
                close_reason=n.close_reason,
                close_note=n.close_note,
                visibility=n.visibility,
                published_at=published,
                search_text=texts[i],
            )
        )
    Need.objects.bulk_create(needs)
    _require_ids(needs)
    _backdate(Need, [(need.pk, created) for need, created in zip(needs, created_times, strict=True)])
    NeedCapability.objects.bulk_create(
        [
            NeedCapability(need_id=need.pk, capability_id=context.cap_ids[slug])
            for need, spec in zip(needs, specs, strict=True)
            for slug in spec.required_capabilities
        ]
    )
    return needs


def _backdate(model: type[Company] | type[Need], rows: list[tuple[int, datetime]]) -> None:
    """Sets created_at, which auto_now_add overwrote with "now" on insert, so the demo has a history.

    One parameterised UPDATE per row through executemany: bulk_update builds a CASE expression per row in
    Python and took a minute for 100,000 companies.
    """
    ops = connection.ops
    table = ops.quote_name(model._meta.db_table)
    column = ops.quote_name(str(model._meta.get_field("created_at").column))
    pk = ops.quote_name(str(model._meta.pk.column))
    params = [(ops.adapt_datetimefield_value(when), key) for key, when in rows]
    with connection.cursor() as cursor:
        # Identifiers come from the model's own metadata; values are parameters.
        cursor.executemany(f"UPDATE {table} SET {column} = %s WHERE {pk} = %s", params)  # noqa: S608


def _company_parts(spec: CompanySpec, context: _Context, *, split: bool = False) -> list[str]:
    """The parts company_index_text indexes, in the order the models' default orderings return them.

    With `split`, a solution's name and description stay apart (the service joins them with a space): the
    name carries the company's brand, and glued to the first sentence it would make every such sentence
    a miss in the fast indexer's cache.
    """
    caps = sorted(context.cap_texts[slug] for slug in spec.capabilities)
    parts = [spec.name, spec.name_en, spec.description]
    parts += [text for _, text in caps]
    for solution in sorted(spec.solutions, key=lambda s: s.name):
        parts += (
            [solution.name, solution.description] if split else [solution.name + " " + solution.description]
        )
    parts += [r.problem + " " + r.result for r in sorted(spec.references, key=lambda r: -r.year)]
    parts += [context.ksic_names[code] for code in sorted(spec.ksic_codes)]
    return parts


def _need_parts(spec: NeedSpec, context: _Context) -> list[str]:
    """The parts need_index_text indexes."""
    caps = sorted(context.cap_texts[slug] for slug in spec.required_capabilities)
    return [
        spec.title,
        spec.site,
        spec.problem,
        spec.current_practice,
        spec.data_kinds,
        spec.target_kpi,
        *(text for _, text in caps),
    ]


def _require_ids(objects: Iterable[object]) -> None:
    # SQLite ≥ 3.35 and PostgreSQL return primary keys from bulk inserts; the through rows depend on it.
    if any(getattr(o, "pk", None) is None for o in objects):
        raise RuntimeError("this database did not return ids from bulk_create")
