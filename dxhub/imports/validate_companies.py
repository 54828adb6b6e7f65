"""Checks every row of a companies sheet and collects every problem, not just the first."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from dxhub.companies.brn import brn_problem, normalize_brn
from dxhub.companies.columns import COMPANY_COLUMNS
from dxhub.companies.models import Company, ContactPerson
from dxhub.companies.rows import CompanyRow
from dxhub.core.bulk import chunks
from dxhub.imports.cells import Cells, Scope
from dxhub.imports.columns import COMPANY_REQUIRED
from dxhub.imports.lookups import Reference, choice_map, norm, parse_won
from dxhub.imports.parsing import RowError, Sheet

KIND_WORDS = {
    "공급": "supplier",
    "공급기업": "supplier",
    "수요": "demander",
    "수요기업": "demander",
    "공급·수요": "both",
    "공급/수요": "both",
    "공급,수요": "both",
    "공급및수요": "both",
    "공급수요": "both",
    "수요·공급": "both",
}
TENANCY_WORDS = {
    "입주": "tenant",
    "입주기업": "tenant",
    "이전예정": "relocating",
    "이전예정기업": "relocating",
    "지역기업": "regional",
    "지역": "regional",
    "수도권기업": "capital",
    "수도권": "capital",
}
REVENUE_WORDS = {
    "10억미만": "lt1b",
    "10억~100억": "1b-10b",
    "10~100억": "1b-10b",
    "100억~500억": "10b-50b",
    "100~500억": "10b-50b",
    "500억~1000억": "50b-100b",
    "500~1000억": "50b-100b",
    "500억~1,000억": "50b-100b",
    "1000억이상": "gt100b",
    "1,000억이상": "gt100b",
}
REVENUE_BANDS = ((10**9, "lt1b"), (10**10, "1b-10b"), (5 * 10**10, "10b-50b"), (10**11, "50b-100b"))
# The company's own columns read the way they declare (dxhub.companies.columns); the primary
# contact's columns fill ContactPerson; the others have their rules below.
PLAIN_COLUMNS = tuple(
    c for c in COMPANY_COLUMNS if c.read in Cells.READERS and not c.field.startswith("contact.")
)
CONTACT_COLUMNS = tuple(c for c in COMPANY_COLUMNS if c.field.startswith("contact."))


def revenue_band(amount: int) -> str:
    """The band of a revenue written as an amount ('35억' → 10–50 billion won)."""
    for bound, band in REVENUE_BANDS:
        if amount < bound:
            return band
    return "gt100b"


def validate_companies(sheet: Sheet, ref: Reference, scope: Scope) -> tuple[list[CompanyRow], list[RowError]]:
    """Valid rows and every problem found; rows are only worth writing when the problem list is empty."""
    errors = list(sheet.errors)
    if not sheet.header_row or not all(sheet.has(c) for c in COMPANY_REQUIRED):
        return [], errors
    existing = _existing(sheet)
    stored = _stored_relations(list(existing.values()))
    maps = {
        "kind": choice_map(Company.Kind, KIND_WORDS),
        "tenancy": choice_map(Company.Tenancy, TENANCY_WORDS),
        "revenue": choice_map(Company.RevenueBand, REVENUE_WORDS),
    }
    seen: dict[str, int] = {}
    rows: list[CompanyRow] = []
    for row in sheet.rows:
        cells = Cells(sheet, row, errors, ref)
        parsed = _company_row(cells, maps, existing, seen, scope)
        if parsed.existing is not None:
            pk = parsed.existing.pk
            parsed.old_ksic = stored.ksic.get(pk, set())
            parsed.old_capabilities = stored.capabilities.get(pk, set())
            parsed.old_contact = stored.contacts.get(pk)
        if parsed.contact and parsed.old_contact is None and "name" not in parsed.contact:
            cells.error("담당자명", _("A new contact person needs a name."))
        if not cells.failed:
            rows.append(parsed)
    return rows, errors


def _existing(sheet: Sheet) -> dict[str, Company]:
    brns = {normalize_brn(r.get("사업자등록번호")) for r in sheet.rows}
    found: dict[str, Company] = {}
    for batch in chunks(sorted(b for b in brns if b)):
        found.update((c.brn, c) for c in Company.objects.filter(brn__in=batch))
    return found


def _company_row(
    cells: Cells,
    maps: dict[str, dict[str, str]],
    existing: dict[str, Company],
    seen: dict[str, int],
    scope: Scope,
) -> CompanyRow:
    raw_brn = cells.required("사업자등록번호")
    brn = normalize_brn(raw_brn or "")
    if raw_brn is not None:
        problem = brn_problem(raw_brn)
        if problem:
            cells.error("사업자등록번호", problem)
        elif brn in seen:
            cells.error(
                "사업자등록번호",
                _("The business registration number %(brn)s already appears in row %(row)d.")
                % {"brn": raw_brn, "row": seen[brn]},
            )
        else:
            seen[brn] = cells.row.number
    stored = existing.get(brn)
    name = cells.required("기업명")
    if name is not None:
        name = cells.text("기업명", Company, "name")
    kind = cells.choice("구분", maps["kind"], allowed="공급, 수요, 공급·수요")
    if kind is None and stored is None and not cells.raw("구분"):
        cells.error("구분", _("Say whether a new company is a supplier, a demander or both."))
    region_id = _region(cells, stored)
    if cells.raw("거점"):
        hub_id = cells.hub_id("거점")
    else:
        hub_id = stored.hub_id if stored and stored.hub_id else scope.default_hub_id
    cells.hub_allowed(
        scope,
        hub_id,
        stored.hub_id if stored else None,
        _("This company belongs to the hub %(hub)s; an operator imports only for their own hub."),
    )
    revenue = None
    if cells.raw("매출규모"):
        revenue = maps["revenue"].get(norm(cells.raw("매출규모")))
        if revenue is None:
            revenue = _revenue_from_amount(cells)
    parsed = CompanyRow(
        row=cells.row.number,
        brn=brn,
        name=name or "",
        kind=kind,
        region_id=region_id,
        revenue_band=revenue,
        hub_id=hub_id,
        tenancy=cells.choice("입주상태", maps["tenancy"], allowed="입주, 이전예정, 지역기업, 수도권기업"),
        existing=stored,
    )
    for column in PLAIN_COLUMNS:
        setattr(parsed, column.field, cells.read(column, Company))
    for column in CONTACT_COLUMNS:
        attr = column.field.removeprefix("contact.")
        value = cells.read(column, ContactPerson, attr)
        if value is not None:
            parsed.contact[attr] = value
    return parsed


def _revenue_from_amount(cells: Cells) -> str | None:
    try:
        return revenue_band(parse_won(cells.raw("매출규모")))
    except ValueError:
        cells.error(
            "매출규모",
            _("“%(value)s” is not one of: %(allowed)s.")
            % {
                "value": cells.raw("매출규모"),
                "allowed": "10억 미만, 10억~100억, 100억~500억, 500억~1000억, 1000억 이상",
            },
        )
        return None


def _region(cells: Cells, stored: Company | None) -> str | None:
    """The 시군구 code from 지역코드, or from the 시도 and 시군구 names."""
    code, sido, sigungu = cells.raw("지역코드"), cells.raw("시도"), cells.raw("시군구")
    if code:
        region = cells.ref.regions.get(code.zfill(5) if code.isdigit() else code)
        if region is None or region.level != "sigungu":
            cells.error("지역코드", _("unknown 시군구 code %(code)s") % {"code": code})
            return None
        return region.code
    if sigungu:
        found = cells.ref.find_sigungu(sido, sigungu)
        if len(found) == 1:
            return found[0].code
        column = "시군구"
        if not found and sido and cells.ref.sido_code(sido) is None:
            column = "시도"
        if not found:
            cells.error(column, _("unknown region %(name)s") % {"name": f"{sido} {sigungu}".strip()})
        else:
            cells.error(
                column, _("%(name)s exists in several provinces: fill in 시도 too.") % {"name": sigungu}
            )
        return None
    if sido:
        cells.error("시군구", _("Fill in the 시군구 as well: a company is placed in a 시군구."))
    elif stored is None:
        cells.error("시군구", _("A new company needs its 시도 and 시군구 (or a 지역코드)."))
    return None


@dataclass
class StoredRelations:
    """What companies being updated already have, so a row's changes can be listed."""

    ksic: dict[int, set[str]] = field(default_factory=lambda: defaultdict(set))
    capabilities: dict[int, set[int]] = field(default_factory=lambda: defaultdict(set))
    contacts: dict[int, ContactPerson] = field(default_factory=dict)  # the oldest primary contact


def _stored_relations(companies: list[Company]) -> StoredRelations:
    stored = StoredRelations()
    ksic_through = Company.ksic_codes.through
    caps_through = Company.capabilities.through
    for batch in chunks([c.pk for c in companies]):
        for company_id, code in ksic_through.objects.filter(company_id__in=batch).values_list(
            "company_id", "ksiccode_id"
        ):
            stored.ksic[company_id].add(code)
        for company_id, cap_id in caps_through.objects.filter(company_id__in=batch).values_list(
            "company_id", "capability_id"
        ):
            stored.capabilities[company_id].add(cap_id)
        for contact in ContactPerson.objects.filter(company_id__in=batch, is_primary=True).order_by("pk"):
            stored.contacts.setdefault(contact.company_id, contact)
    return stored
