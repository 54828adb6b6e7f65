"""REST endpoints for companies: the same access helper and filters as the pages."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from ninja import Field, Router, Schema

from dxhub.api import ERRORS
from dxhub.companies.access import can_see_contacts, get_company_for_user
from dxhub.companies.models import Company
from dxhub.companies.selectors import company_list
from dxhub.companies.services import company_create, company_update
from dxhub.core.api_schemas import PageOut, page_of, resolve
from dxhub.hubs.models import Hub
from dxhub.reference.models import Capability, KsicCode, Region

router = Router(tags=["companies"])


class ContactOut(Schema):
    name: str
    title: str
    email: str
    phone: str


class CompanyOut(Schema):
    id: int
    brn: str
    name: str
    name_en: str
    kind: str
    region_code: str
    region: str
    address: str
    employees: int | None
    founded_year: int | None
    revenue_band: str
    hub: str | None
    tenancy: str
    ksic_codes: list[str]
    capabilities: list[str]
    description: str
    website: str
    contacts: list[ContactOut] | None = Field(None, description="null unless the reader may see contacts")


class CompanyIn(Schema):
    brn: str
    name: str = Field(..., min_length=1, max_length=120)
    name_en: str = ""
    kind: Company.Kind
    region_code: str
    address: str = ""
    employees: int | None = Field(None, ge=0)
    founded_year: int | None = Field(None, ge=1900, le=2100)
    revenue_band: str = ""
    hub: str | None = Field(None, description="hub slug")
    tenancy: Company.Tenancy = Company.Tenancy.REGIONAL
    ksic_codes: list[str] = []
    capabilities: list[str] = Field([], description="capability slugs")
    description: str = ""
    website: str = ""


class CompanyPatch(Schema):
    name: str | None = Field(None, min_length=1, max_length=120)
    name_en: str | None = None
    kind: Company.Kind | None = None
    region_code: str | None = None
    address: str | None = None
    employees: int | None = Field(None, ge=0)
    founded_year: int | None = Field(None, ge=1900, le=2100)
    revenue_band: str | None = None
    tenancy: Company.Tenancy | None = None
    ksic_codes: list[str] | None = None
    capabilities: list[str] | None = None
    description: str | None = None
    website: str | None = None


def serialize(company: Company, user: Any) -> dict[str, Any]:
    contacts = None
    if can_see_contacts(user, company):
        contacts = [
            {"name": c.name, "title": c.title, "email": c.email, "phone": c.phone}
            for c in company.contacts.all()
        ]
    return {
        "id": company.pk,
        "brn": company.brn,
        "name": company.name,
        "name_en": company.name_en,
        "kind": company.kind,
        "region_code": company.region_id,
        "region": company.region.full_name,
        "address": company.address,
        "employees": company.employees,
        "founded_year": company.founded_year,
        "revenue_band": company.revenue_band,
        "hub": company.hub.slug if company.hub else None,
        "tenancy": company.tenancy,
        "ksic_codes": [k.code for k in company.ksic_codes.all()],
        "capabilities": [c.slug for c in company.capabilities.all()],
        "description": company.description,
        "website": company.website,
        "contacts": contacts,
    }


def _relations(payload: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if payload.get("region_code") is not None:
        out["region"] = resolve(Region, "code", [payload.pop("region_code")], "region_code")[0]
    else:
        payload.pop("region_code", None)
    if "hub" in payload:
        slug = payload.pop("hub")
        out["hub"] = resolve(Hub, "slug", [slug], "hub")[0] if slug else None
    if payload.get("ksic_codes") is not None:
        out["ksic_codes"] = resolve(KsicCode, "code", payload.pop("ksic_codes"), "ksic_codes")
    else:
        payload.pop("ksic_codes", None)
    if payload.get("capabilities") is not None:
        out["capabilities"] = resolve(Capability, "slug", payload.pop("capabilities"), "capabilities")
    else:
        payload.pop("capabilities", None)
    return out


@router.get("", response={200: PageOut[CompanyOut], **ERRORS}, summary="List companies")
def list_companies(
    request: HttpRequest,
    page: int = 1,
    q: str = "",
    hub: int | None = None,
    region: str = "",
    ksic: str = "",
    capability: str = "",
    kind: str = "",
    tenancy: str = "",
) -> Any:
    _, rows = company_list(request.user, request.GET)
    return page_of(rows.prefetch_related("contacts"), page, lambda c: serialize(c, request.user))


@router.get("/{company_id}", response={200: CompanyOut, **ERRORS}, summary="One company")
def get_company(request: HttpRequest, company_id: int) -> Any:
    return serialize(get_company_for_user(request.user, company_id), request.user)


@router.post("", response={201: CompanyOut, **ERRORS}, summary="Register a company (operators)")
def create_company(request: HttpRequest, body: CompanyIn) -> Any:
    if not request.user.has_perm("companies.add_company"):
        raise PermissionDenied("only hub operators and ministry staff register companies")
    payload = body.dict()
    relations = _relations(payload)
    if request.user.is_operator and relations.get("hub") is None:
        relations["hub"] = request.user.hub  # type: ignore[union-attr]
    company = company_create(**payload, **relations)
    return 201, serialize(company, request.user)


@router.patch("/{company_id}", response={200: CompanyOut, **ERRORS}, summary="Change a company")
def update_company(request: HttpRequest, company_id: int, body: CompanyPatch) -> Any:
    company = get_company_for_user(request.user, company_id, write=True)
    payload = body.dict(exclude_unset=True)
    relations = _relations(payload)
    company = company_update(company, **payload, **relations)
    return serialize(company, request.user)
