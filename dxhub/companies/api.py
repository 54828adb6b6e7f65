"""REST endpoints for companies: the same access helper and filters as the pages."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from ninja import Field, P, QueryEx, Router, Schema, Status

from dxhub.companies.access import can_see_contacts, consented_partners, get_company_for_user
from dxhub.companies.brn import normalize_brn
from dxhub.companies.models import Company
from dxhub.companies.selectors import company_list
from dxhub.companies.services import company_create, company_update
from dxhub.core.api_schemas import (
    ERRORS,
    INT32_MAX,
    INT64_MAX,
    MAX_KEYS,
    InputSchema,
    PageOut,
    Text,
    check_filters,
    page_of,
    patch_field,
    resolve,
)
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


class CompanyIn(InputSchema):
    brn: Text = Field(..., description="사업자등록번호, 10 digits (dashes allowed)")
    name: Text = Field(..., min_length=1, max_length=120)
    name_en: Text = Field("", max_length=120)
    kind: Company.Kind
    region_code: Text = Field(..., description="시군구 region code")
    address: Text = Field("", max_length=200)
    employees: int | None = Field(None, ge=0, le=INT32_MAX)
    founded_year: int | None = Field(None, ge=1900, le=2100)
    revenue_band: Company.RevenueBand | None = None
    hub: Text | None = Field(None, description="hub slug; an operator's own hub when left out")
    tenancy: Company.Tenancy = Company.Tenancy.REGIONAL
    ksic_codes: list[Text] = Field([], max_length=MAX_KEYS)
    capabilities: list[Text] = Field([], max_length=MAX_KEYS, description="capability slugs")
    description: Text = ""
    website: Text = Field("", max_length=200)


class CompanyPatch(InputSchema):
    """Only the fields sent change. Those typed without `| None` cannot be set to null."""

    name: Text = patch_field(min_length=1, max_length=120)
    name_en: Text = patch_field(max_length=120)
    kind: Company.Kind = patch_field()
    region_code: Text = patch_field(description="시군구 region code")
    address: Text = patch_field(max_length=200)
    employees: int | None = patch_field(ge=0, le=INT32_MAX)
    founded_year: int | None = patch_field(ge=1900, le=2100)
    revenue_band: Company.RevenueBand | None = patch_field(description="null clears it")
    tenancy: Company.Tenancy = patch_field()
    ksic_codes: list[Text] = patch_field(max_length=MAX_KEYS)
    capabilities: list[Text] = patch_field(max_length=MAX_KEYS, description="capability slugs")
    description: Text = patch_field()
    website: Text = patch_field(max_length=200)


def serialize(company: Company, user: Any, partners: set[int] | None = None) -> dict[str, Any]:
    contacts = None
    if can_see_contacts(user, company, partners=partners):
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
    """Pops the keys that name other rows from `payload` and returns those rows (400 if unknown)."""
    out: dict[str, Any] = {}
    region_code = payload.pop("region_code", None)
    if region_code is not None:
        out["region"] = resolve(Region, "code", [region_code], "region_code")[0]
    if "hub" in payload:
        slug = payload.pop("hub")
        out["hub"] = resolve(Hub, "slug", [slug], "hub")[0] if slug else None
    ksic_codes = payload.pop("ksic_codes", None)
    if ksic_codes is not None:
        out["ksic_codes"] = resolve(KsicCode, "code", ksic_codes, "ksic_codes")
    capabilities = payload.pop("capabilities", None)
    if capabilities is not None:
        out["capabilities"] = resolve(Capability, "slug", capabilities, "capabilities")
    return out


@router.get("", response={200: PageOut[CompanyOut], **ERRORS}, summary="List companies")
def list_companies(
    request: HttpRequest,
    page: QueryEx[int, P(ge=1)] = 1,
    q: str = "",
    hub: QueryEx[int | None, P(description="hub id", ge=1, le=INT64_MAX)] = None,
    region: QueryEx[str, P(description="region code (시도 or 시군구)")] = "",
    ksic: QueryEx[str, P(description="KSIC code; its sub-classes match too")] = "",
    capability: QueryEx[str, P(description="capability slug")] = "",
    kind: Company.Kind | None = None,
    tenancy: Company.Tenancy | None = None,
) -> Any:
    filterset, rows = company_list(request.user, request.GET)
    check_filters(filterset)
    partners = consented_partners(request.user)
    return page_of(rows.prefetch_related("contacts"), page, lambda c: serialize(c, request.user, partners))


@router.get("/{company_id}", response={200: CompanyOut, **ERRORS}, summary="One company")
def get_company(request: HttpRequest, company_id: int) -> Any:
    return serialize(get_company_for_user(request.user, company_id), request.user)


@router.post("", response={201: CompanyOut, **ERRORS}, summary="Register a company (operators, ministry)")
def create_company(request: HttpRequest, body: CompanyIn) -> Any:
    user: Any = request.user
    if not user.has_perm("companies.add_company"):
        raise PermissionDenied("only hub operators and ministry staff register companies")
    payload = body.model_dump()
    payload["brn"] = normalize_brn(payload["brn"])
    payload["revenue_band"] = payload["revenue_band"] or ""
    relations = _relations(payload)
    if user.is_operator:
        # Operators register companies in their own hub; only the ministry places one elsewhere.
        if relations.get("hub") not in (None, user.hub):
            raise PermissionDenied("operators register companies in their own hub")
        relations["hub"] = user.hub
    company = company_create(**payload, **relations)
    return Status(201, serialize(company, user))


@router.patch("/{company_id}", response={200: CompanyOut, **ERRORS}, summary="Change a company")
def update_company(request: HttpRequest, company_id: int, body: CompanyPatch) -> Any:
    company = get_company_for_user(request.user, company_id, write=True)
    payload = body.model_dump(exclude_unset=True)
    if "revenue_band" in payload:
        payload["revenue_band"] = payload["revenue_band"] or ""
    relations = _relations(payload)
    company = company_update(company, **payload, **relations)
    return serialize(company, request.user)
