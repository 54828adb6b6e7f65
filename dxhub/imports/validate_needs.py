"""Checks every row of a needs sheet. A need belongs to an existing demander, found by business number."""

from __future__ import annotations

from collections import defaultdict

from django.utils.translation import gettext as _

from dxhub.companies.brn import brn_problem, normalize_brn
from dxhub.companies.models import Company
from dxhub.core.bulk import chunks
from dxhub.imports.cells import Cells, Scope
from dxhub.imports.columns import NEED_REQUIRED
from dxhub.imports.lookups import Reference, choice_map, parse_won
from dxhub.imports.parsing import RowError, Sheet
from dxhub.needs.columns import NEED_COLUMNS
from dxhub.needs.models import Need
from dxhub.needs.rows import NeedRow
from dxhub.needs.services import BULK_STATUSES

VISIBILITY_WORDS = {"거점": "hub", "거점내": "hub", "소속거점": "hub", "전체거점": "hubs", "공개": "public"}
STATUS_WORDS = {"임시저장": "draft", "초안": "draft", "공개": "published", "게시": "published"}
MAX_BUDGET = 10**13
# Columns read the way they declare (dxhub.needs.columns); the others have their rules below.
PLAIN_COLUMNS = tuple(c for c in NEED_COLUMNS if c.read in ("text", "long_text"))


class Stored:
    """Companies named in the file, their needs and links, loaded in a few batched queries."""

    def __init__(self, sheet: Sheet) -> None:
        brns = sorted({normalize_brn(r.get("사업자등록번호")) for r in sheet.rows} - {""})
        self.companies: dict[str, Company] = {}
        for brn_batch in chunks(brns):
            self.companies.update((c.brn, c) for c in Company.objects.filter(brn__in=brn_batch))
        ids = [c.pk for c in self.companies.values()]
        self.needs: dict[tuple[int, str], list[Need]] = defaultdict(list)
        self.first_ksic: dict[int, str] = {}
        self.capabilities: dict[int, set[int]] = defaultdict(set)
        through = Need.required_capabilities.through
        for batch in chunks(ids):
            for need in Need.objects.filter(company_id__in=batch).order_by("pk"):
                self.needs[(need.company_id, need.title)].append(need)
            links = Company.ksic_codes.through.objects.filter(company_id__in=batch)
            for company_id, code in links.order_by("ksiccode_id").values_list("company_id", "ksiccode_id"):
                self.first_ksic.setdefault(company_id, code)
        need_ids = [n.pk for found in self.needs.values() for n in found]
        for need_batch in chunks(need_ids):
            for need_id, cap_id in through.objects.filter(need_id__in=need_batch).values_list(
                "need_id", "capability_id"
            ):
                self.capabilities[need_id].add(cap_id)


def validate_needs(sheet: Sheet, ref: Reference, scope: Scope) -> tuple[list[NeedRow], list[RowError]]:
    """Valid rows and every problem found."""
    errors = list(sheet.errors)
    if not sheet.header_row or not all(sheet.has(c) for c in NEED_REQUIRED):
        return [], errors
    stored = Stored(sheet)
    maps = {
        "visibility": choice_map(Need.Visibility, VISIBILITY_WORDS),
        "status": choice_map(Need.Status, STATUS_WORDS),
    }
    seen: dict[tuple[int, str], int] = {}
    rows: list[NeedRow] = []
    for row in sheet.rows:
        cells = Cells(sheet, row, errors, ref)
        parsed = _need_row(cells, stored, maps, seen, scope)
        if parsed is not None and not cells.failed:
            rows.append(parsed)
    return rows, errors


def _company(cells: Cells, stored: Stored) -> Company | None:
    raw = cells.required("사업자등록번호")
    if raw is None:
        return None
    problem = brn_problem(raw)
    if problem:
        cells.error("사업자등록번호", problem)
        return None
    company = stored.companies.get(normalize_brn(raw))
    if company is None:
        cells.error(
            "사업자등록번호",
            _("No company has the business registration number %(brn)s; import the company first.")
            % {"brn": raw},
        )
    elif not company.is_demander:
        cells.error(
            "사업자등록번호",
            _("%(name)s is not a demander (manufacturer); only demanders post needs.")
            % {"name": company.name},
        )
        return None
    return company


def _need_row(
    cells: Cells,
    stored: Stored,
    maps: dict[str, dict[str, str]],
    seen: dict[tuple[int, str], int],
    scope: Scope,
) -> NeedRow | None:
    company = _company(cells, stored)
    title = cells.required("제목")
    if title is not None:
        title = cells.text("제목", Need, "title")
    if company is None or title is None:
        return None
    key = (company.pk, title)
    if key in seen:
        cells.error(
            "제목", _("The same company and title already appear in row %(row)d.") % {"row": seen[key]}
        )
    seen.setdefault(key, cells.row.number)
    matches = stored.needs.get(key, [])
    if len(matches) > 1:
        cells.error(
            "제목", _("%(n)d needs of this company have this title; rename one first.") % {"n": len(matches)}
        )
    existing = matches[0] if len(matches) == 1 else None
    parsed = NeedRow(row=cells.row.number, company_id=company.pk, title=title, existing=existing)
    for plain in PLAIN_COLUMNS:
        setattr(parsed, plain.field, cells.read(plain, Need))
    if existing is None:
        for column, value in (("현장/공정", parsed.site), ("문제", parsed.problem)):
            if value is None and not cells.raw(column):
                cells.error(column, _("A new need must describe this."))
    else:
        parsed.old_capabilities = stored.capabilities.get(existing.pk, set())
    _budget(cells, parsed)
    parsed.timeline_months = cells.read(NEED_COLUMNS["기간(개월)"], Need)
    parsed.capability_ids = cells.read(NEED_COLUMNS["필요 기술"], Need)
    parsed.visibility = cells.choice("공개범위", maps["visibility"], allowed="거점, 전체 거점, 공개")
    parsed.status = _status(cells, maps["status"], existing)
    parsed.ksic_id = _ksic(cells) or (stored.first_ksic.get(company.pk) if existing is None else None)
    parsed.hub_id = _hub(cells, company, existing, scope)
    if existing is not None and existing.status == Need.Status.CLOSED and parsed.changes():
        cells.error("제목", _("A closed need cannot be edited; reopen it as a draft first."))
    return parsed


def _budget(cells: Cells, parsed: NeedRow) -> None:
    for column, attr in (("예산 하한(원)", "budget_min"), ("예산 상한(원)", "budget_max")):
        value = cells.raw(column)
        if not value:
            continue
        try:
            amount = parse_won(value)
        except ValueError:
            cells.error(
                column,
                _("“%(value)s” is not an amount in won (e.g. 30000000, 3,000만원, 1억).") % {"value": value},
            )
            continue
        if not 0 <= amount <= MAX_BUDGET:
            cells.error(column, _("The amount is out of range."))
            continue
        setattr(parsed, attr, amount)
    low = parsed.budget_min if parsed.budget_min is not None else getattr(parsed.existing, "budget_min", None)
    high = (
        parsed.budget_max if parsed.budget_max is not None else getattr(parsed.existing, "budget_max", None)
    )
    if low is not None and high is not None and low > high:
        cells.error("예산 상한(원)", _("The upper budget is below the lower budget."))


def _status(cells: Cells, mapping: dict[str, str], existing: Need | None) -> str | None:
    """Imports create drafts or published needs; discussion and closing happen on the platform."""
    status = cells.choice("상태", mapping, allowed="임시저장, 공개")
    current = existing.status if existing else None
    if status is None:
        return Need.Status.DRAFT if existing is None and not cells.raw("상태") else None
    if status == current:
        return status
    if status not in BULK_STATUSES or (current is not None and current not in BULK_STATUSES):
        cells.error("상태", _("An import can only make a need a draft or published."))
        return None
    return status


def _ksic(cells: Cells) -> str | None:
    value = cells.raw("업종(KSIC)")
    if not value:
        return None
    code = cells.ref.ksic_code(value)
    if code is None:
        cells.error("업종(KSIC)", _("unknown KSIC code %(code)s") % {"code": value})
    return code


def _hub(cells: Cells, company: Company, existing: Need | None, scope: Scope) -> int | None:
    """The 거점 written, else the need's hub, else the importer's hub, else the company's."""
    if cells.raw("거점"):
        hub_id = cells.hub_id("거점")
        if hub_id is None:
            return None
    elif existing is not None:
        hub_id = existing.hub_id
    else:
        hub_id = scope.default_hub_id or company.hub_id
    if hub_id is None:
        cells.error("거점", _("The company belongs to no hub: fill in 거점 for this need."))
        return None
    cells.hub_allowed(
        scope,
        hub_id,
        existing.hub_id if existing else None,
        _("This need belongs to the hub %(hub)s; an operator imports only for their own hub."),
    )
    return hub_id
