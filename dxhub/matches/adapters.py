"""Django models → the engine's plain profiles (matching.engine.profiles). No engine logic here."""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from itertools import islice

from django.db.models import Count, Q, QuerySet

from dxhub.collab.selectors import TrackRecord, track_records
from dxhub.companies.models import Company
from dxhub.companies.text import company_engine_text
from dxhub.hubs.models import Hub
from dxhub.needs.models import Need
from dxhub.needs.text import need_engine_text
from dxhub.reference.models import Capability, KsicCode
from matching.engine.explain import Names
from matching.engine.profiles import NeedProfile, ReferenceSummary, SupplierProfile


def supplier_queryset() -> QuerySet[Company]:
    return (
        Company.objects.filter(kind__in=[Company.Kind.SUPPLIER, Company.Kind.BOTH])
        .select_related("region", "hub")
        .prefetch_related("capabilities", "ksic_codes", "solutions", "references", "hub__linked_hubs")
        .annotate(open_needs=Count("needs", filter=Q(needs__status=Need.Status.IN_DISCUSSION)))
        .order_by("pk")
    )


def need_queryset() -> QuerySet[Need]:
    return (
        Need.objects.open()
        .select_related("company", "company__region", "hub")
        .prefetch_related("required_capabilities", "hub__linked_hubs")
        .order_by("pk")
    )


def _linked(hub: Hub | None) -> frozenset[str]:
    return frozenset(h.slug for h in hub.linked_hubs.all()) if hub else frozenset()


def supplier_profile(company: Company, record: TrackRecord | None = None) -> SupplierProfile:
    """What the engine knows of a supplier: its text, capabilities, industries, place and record.

    `record` comes from `collab.selectors.track_records` (in bulk when iterating); alone, one query.
    """
    if record is None:
        record = track_records([company.pk]).get(company.pk, TrackRecord())
    references = list(company.references.all())
    text = company_engine_text(company, solutions=company.solutions.all(), references=references)
    return SupplierProfile(
        id=str(company.pk),
        text=text,
        capabilities=frozenset(c.slug for c in company.capabilities.all()),
        ksic_codes=tuple(k.code for k in company.ksic_codes.all()),
        reference_ksic=tuple(r.client_ksic_id for r in references if r.client_ksic_id),
        region_code=company.region_id,
        lat=company.region.lat,
        lon=company.region.lon,
        hub=company.hub.slug if company.hub else "",
        linked_hubs=_linked(company.hub),
        employees=company.employees,
        revenue_band=company.revenue_band,
        open_engagements=record.open_engagements,
        completed_projects=record.completed_projects,
        rating=record.rating,
        references=tuple(
            ReferenceSummary(
                id=str(r.pk), text=f"{r.problem} {r.result}".strip(), ksic=r.client_ksic_id or ""
            )
            for r in references
        ),
    )


def need_profile(need: Need) -> NeedProfile:
    """What the engine knows of a need: the template's text, capabilities, industry, place and budget."""
    text = need_engine_text(need)
    company = need.company
    return NeedProfile(
        id=str(need.pk),
        text=text,
        required_capabilities=frozenset(c.slug for c in need.required_capabilities.all()),
        ksic_code=need.ksic_id or "",
        region_code=company.region_id,
        lat=company.region.lat,
        lon=company.region.lon,
        hub=need.hub.slug,
        linked_hubs=_linked(need.hub),
        budget_min=need.budget_min,
        budget_max=need.budget_max,
        company_employees=company.employees,
    )


def iter_suppliers(batch: int = 1000) -> Iterator[SupplierProfile]:
    # Track records are read per batch (one query each), not per supplier.
    companies = supplier_queryset().iterator(chunk_size=batch)
    while chunk := list(islice(companies, batch)):
        records = track_records(c.pk for c in chunk)
        for company in chunk:
            yield supplier_profile(company, records.get(company.pk, TrackRecord()))


def iter_needs(batch: int = 1000) -> Iterator[NeedProfile]:
    for need in need_queryset().iterator(chunk_size=batch):
        yield need_profile(need)


@lru_cache(maxsize=1)
def _names_cached(stamp: tuple[int, int, int]) -> Names:
    del stamp
    ksic = dict(KsicCode.objects.values_list("code", "name"))
    sections = dict(KsicCode.objects.filter(level=KsicCode.Level.DIVISION).values_list("code", "section"))
    return Names(
        ksic=ksic,
        ksic_section=sections,
        capabilities=dict(Capability.objects.values_list("slug", "name_ko")),
        hubs=dict(Hub.objects.values_list("slug", "name")),
    )


def names() -> Names:
    """Display names for explanations; reloaded when the taxonomy or the hubs change in size."""
    stamp = (KsicCode.objects.count(), Capability.objects.count(), Hub.objects.count())
    return _names_cached(stamp)
