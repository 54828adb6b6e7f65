"""Plain records the demo generator yields and the loader writes: no Django, so the generator can stream.

Codes are kept as strings (KSIC codes, 시군구 codes, capability slugs, hub slugs); the loader resolves them.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class ContactSpec:
    """A person at a company; the first one of a company is its primary contact."""

    name: str
    title: str
    email: str
    phone: str
    is_primary: bool


@dataclass(frozen=True, slots=True)
class SolutionSpec:
    """A product a supplier sells, tagged with capability slugs."""

    name: str
    description: str
    capabilities: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ReferenceSpec:
    """A past project of a supplier: the client's industry, the problem and a result with numbers."""

    client_name: str
    client_ksic: str
    year: int
    problem: str
    result: str


@dataclass(frozen=True, slots=True)
class CertificationSpec:
    """A certification such as 벤처기업, 이노비즈 or ISO 9001."""

    name: str
    issuer: str
    year: int


@dataclass(frozen=True, slots=True)
class CompanySpec:
    """One generated company, keyed by its (deterministic) 사업자등록번호.

    `industry` is the demand-side industry key for manufacturers ("" for pure suppliers) and `archetype`
    the supplier specialisation ("" for pure manufacturers); `persona` marks the companies the demo accounts
    belong to ("demander", "supplier", "ochang").
    """

    brn: str
    name: str
    name_en: str
    kind: str
    hub: str
    region: str
    address: str
    employees: int
    founded_year: int
    revenue_band: str
    tenancy: str
    ksic_codes: tuple[str, ...]
    capabilities: tuple[str, ...]
    description: str
    website: str
    age_days: int
    industry: str = ""
    archetype: str = ""
    product: str = ""
    persona: str = ""
    contacts: tuple[ContactSpec, ...] = ()
    solutions: tuple[SolutionSpec, ...] = ()
    references: tuple[ReferenceSpec, ...] = ()
    certifications: tuple[CertificationSpec, ...] = ()


@dataclass(frozen=True, slots=True)
class NeedSpec:
    """One DX need of a manufacturer, keyed by (company BRN, title).

    Times are relative (days before the load) so the demo always looks current while the data stays
    reproducible: `age_days` is when it was written, `published_after_days` how long it stayed a draft.
    """

    company_brn: str
    hub: str
    industry: str
    scenario: str
    title: str
    ksic: str
    site: str
    problem: str
    current_practice: str
    data_kinds: str
    data_volume: str
    data_access: str
    target_kpi: str
    budget_min: int | None
    budget_max: int | None
    timeline_months: int
    required_capabilities: tuple[str, ...]
    status: str
    visibility: str
    age_days: int
    published_after_days: int | None
    close_reason: str = ""
    close_note: str = ""


@dataclass(slots=True)
class DemoBatch:
    """Companies and the needs that belong to them, written together by the loader."""

    companies: list[CompanySpec] = field(default_factory=list)
    needs: list[NeedSpec] = field(default_factory=list)
