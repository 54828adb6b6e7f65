"""A call's applicant rules over plain records, each failure as a reason code with its parameters.

The Django layer turns the codes into Korean sentences; this module only decides.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Applicant:
    name: str
    region_code: str  # 시군구 code, e.g. "48123"; "" when unknown
    employees: int | None
    ksic_codes: Sequence[str]
    tenancy: str
    founded_year: int | None


@dataclass(frozen=True)
class Rules:
    region_prefixes: Sequence[str] = ()  # "48" = all of 경상남도; empty = anywhere
    max_employees: int | None = None  # e.g. 300 for an SME
    min_employees: int | None = None
    ksic_prefixes: Sequence[str] = ()  # "29" = machinery; empty = any industry
    tenancies: Sequence[str] = ()  # empty = any
    max_years_since_founding: int | None = None  # e.g. 7 for a young firm


@dataclass(frozen=True)
class Reason:
    code: str  # region, employees_over, employees_under, employees_unknown, industry, tenancy, founded_unknown, too_old
    applicant: str
    params: dict[str, object] = field(default_factory=dict)


def check(applicant: Applicant, rules: Rules, *, year: int) -> list[Reason]:
    """Every rule `applicant` fails for a call in `year` (empty: eligible)."""
    out: list[Reason] = []
    name = applicant.name
    if rules.region_prefixes and not any(applicant.region_code.startswith(p) for p in rules.region_prefixes):
        out.append(Reason("region", name, {"allowed": list(rules.region_prefixes)}))
    if rules.max_employees is not None or rules.min_employees is not None:
        if applicant.employees is None:
            out.append(Reason("employees_unknown", name))
        elif rules.max_employees is not None and applicant.employees > rules.max_employees:
            out.append(
                Reason("employees_over", name, {"have": applicant.employees, "max": rules.max_employees})
            )
        elif rules.min_employees is not None and applicant.employees < rules.min_employees:
            out.append(
                Reason("employees_under", name, {"have": applicant.employees, "min": rules.min_employees})
            )
    if rules.ksic_prefixes and not any(
        code.startswith(p) for code in applicant.ksic_codes for p in rules.ksic_prefixes
    ):
        out.append(Reason("industry", name, {"allowed": list(rules.ksic_prefixes)}))
    if rules.tenancies and applicant.tenancy not in rules.tenancies:
        out.append(Reason("tenancy", name, {"have": applicant.tenancy, "allowed": list(rules.tenancies)}))
    if rules.max_years_since_founding is not None:
        if applicant.founded_year is None:
            out.append(Reason("founded_unknown", name))
        elif year - applicant.founded_year > rules.max_years_since_founding:
            out.append(
                Reason(
                    "too_old",
                    name,
                    {"years": year - applicant.founded_year, "max": rules.max_years_since_founding},
                )
            )
    return out


def is_young(founded_year: int | None, *, year: int, within: int = 7) -> bool:
    return founded_year is not None and year - founded_year <= within
