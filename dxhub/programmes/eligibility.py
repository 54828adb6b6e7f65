"""The call's applicant rules applied to the consortium's companies, with reasons in plain Korean."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from dxhub.programmes.models import Application, Call
from optimize.selection.eligibility import Applicant, Reason, Rules, check, is_young

CAPITAL_AREA = ("11", "28", "41")  # Seoul, Incheon, Gyeonggi


def rules_of(call: Call) -> Rules:
    return Rules(
        region_prefixes=call.split("region_prefixes"),
        max_employees=call.max_employees,
        ksic_prefixes=call.split("ksic_prefixes"),
        tenancies=call.split("tenancies"),
        max_years_since_founding=call.max_years_since_founding,
    )


def applicant_of(company: Any) -> Applicant:
    return Applicant(
        name=company.name,
        region_code=company.region.code if company.region_id else "",
        employees=company.employees,
        ksic_codes=[k.code for k in company.ksic_codes.all()],
        tenancy=company.tenancy,
        founded_year=company.founded_year,
    )


def is_regional(company: Any) -> bool:
    return bool(company.region_id) and not company.region.code.startswith(CAPITAL_AREA)


def groups_of(application: Application) -> frozenset[str]:
    """Quota groups, decided by the lead (the demander), as programmes count them."""
    lead = application.lead
    out = set()
    if is_regional(lead):
        out.add("regional")
    if is_young(lead.founded_year, year=application.call.year):
        out.add("young")
    return frozenset(out)


def describe(reason: Reason) -> str:
    p: dict[str, Any] = {"company": reason.applicant, **reason.params}
    for key in ("allowed",):
        if isinstance(p.get(key), list):
            p[key] = ", ".join(str(v) for v in p[key])
    messages = {
        "region": _("%(company)s is not located in the eligible regions (%(allowed)s)."),
        "employees_over": _("%(company)s has %(have)s employees; the call allows at most %(max)s."),
        "employees_under": _("%(company)s has %(have)s employees; the call requires at least %(min)s."),
        "employees_unknown": _("%(company)s has no number of employees on its profile."),
        "industry": _("%(company)s is not in the eligible industries (KSIC %(allowed)s)."),
        "tenancy": _("%(company)s's tenancy is not among those eligible (%(allowed)s)."),
        "founded_unknown": _("%(company)s has no founding year on its profile."),
        "too_old": _("%(company)s was founded %(years)s years ago; the call allows at most %(max)s."),
    }
    return messages[reason.code] % p


def eligibility_reasons(application: Application) -> list[str]:
    """Every reason the consortium cannot apply: each member against the rules, then the plan's own."""
    call = application.call
    rules = rules_of(call)
    out: list[str] = []
    for member in application.members.select_related("company", "company__region"):
        out.extend(describe(r) for r in check(applicant_of(member.company), rules, year=call.year))
    roles = set(application.members.values_list("role", flat=True))
    if "demander" not in roles or "supplier" not in roles:
        out.append(_("A consortium needs a demander (the lead) and at least one supplier."))
    out.extend(budget_problems(application))
    present = set(application.documents.values_list("kind", flat=True))
    for doc in call.documents_list():
        if doc not in present:
            out.append(_("Required document missing: %(doc)s") % {"doc": doc})
    return out


def budget_problems(application: Application) -> list[str]:
    call = application.call
    lines = list(application.budget_lines.all())
    total = sum(line.amount for line in lines)
    if total <= 0:
        return [_("The budget has no amounts.")]
    by_source: dict[str, int] = {}
    for line in lines:
        by_source[line.source] = by_source.get(line.source, 0) + line.amount
    out = []
    national = by_source.get("national", 0)
    if national > call.cap_per_project:
        out.append(
            _("National funds requested (%(have)s won) exceed the cap per project (%(cap)s won).")
            % {"have": f"{national:,}", "cap": f"{call.cap_per_project:,}"}
        )
    checks = [
        ("national", call.national_share_max, "max", _("national funds")),
        ("local", call.local_share_min, "min", _("local government funds")),
        ("cash", call.private_cash_min, "min", _("private cash")),
        ("inkind", call.private_in_kind_max, "max", _("private in-kind")),
    ]
    for source, percent, sense, label in checks:
        share = by_source.get(source, 0) * 100
        if sense == "max" and share > percent * total:
            out.append(
                _("%(source)s may be at most %(pct)s%% of the project cost.")
                % {"source": label, "pct": percent}
            )
        if sense == "min" and share < percent * total:
            out.append(
                _("%(source)s must be at least %(pct)s%% of the project cost.")
                % {"source": label, "pct": percent}
            )
    return out


def duplicate_support(application: Application) -> list[str]:
    """The same company or the same need already in another active award (selected, agreement not settled)."""
    from dxhub.programmes.models import Application as App

    active = (
        App.objects.filter(status=App.Status.SELECTED)
        .exclude(pk=application.pk)
        .exclude(agreement__status="closed")
    )
    out = []
    companies = list(application.members.values_list("company_id", "company__name"))
    for company_id, name in companies:
        other = active.filter(members__company_id=company_id).first()
        if other is not None:
            out.append(
                _("%(company)s already has active support in “%(other)s”.")
                % {"company": name, "other": other.title}
            )
    if application.need_id and active.filter(need_id=application.need_id).exists():
        out.append(_("This need is already funded by another active award."))
    return out
