"""Makes one demo company at a time: name, 사업자등록번호, place, size, profile, people and track record.

State is only what keeps companies unique (names and BRNs seen so far), so 100,000 companies stream
through in constant memory apart from those two sets.
"""

from __future__ import annotations

import random
import re

from dxhub.companies.brn import make_brn
from dxhub.demo.gen_needs import slot_values, weighted
from dxhub.demo.josa import attach, render
from dxhub.demo.scenarios import Scenario
from dxhub.demo.specs import CertificationSpec, CompanySpec, ContactSpec, ReferenceSpec, SolutionSpec
from dxhub.demo.vocab import CAPITAL_REGIONS, HUB_CAPABILITIES, HUB_PROFILES, INDUSTRIES, PLACES, Word
from dxhub.demo.vocab_names import (
    CERT_ISSUERS,
    COINED_FIRST,
    COINED_SECOND,
    DEMANDER_COMMON_CERTS,
    DEMANDER_TAILS,
    DEMANDER_TITLES_OTHER,
    DEMANDER_TITLES_PRIMARY,
    GIVEN_NAMES,
    ISO_ISSUERS,
    SIZE_CLASSES,
    SUPPLIER_CERTS,
    SUPPLIER_MODIFIERS,
    SUPPLIER_TAILS,
    SUPPLIER_TITLES_OTHER,
    SUPPLIER_TITLES_PRIMARY,
    SURNAMES,
)
from dxhub.demo.vocab_suppliers import ARCHETYPES, BOTH_EXTRA_KSIC, Archetype

CAPITAL_TAX_OFFICES = ("120", "211", "220", "129", "124", "113")
REGION_WORD = {"changwon": "경남", "ochang": "충북", "busan-centum": "부산", "daegu-suseong": "대구"}
DEMANDER_EXTRAS = (
    "스마트공장 기초 수준을 구축했고 고도화를 추진하고 있습니다.",
    "최근 생산능력을 늘리려고 공장을 증설했습니다.",
    "품질 데이터를 활용한 공정 개선에 관심이 많습니다.",
    "숙련 인력 고령화로 자동화와 디지털 전환을 서두르고 있습니다.",
    "수출 비중이 커지면서 고객사 인증 요구에 대응하고 있습니다.",
)


def _revenue_band(employees: int, per_employee: float) -> str:
    revenue = employees * per_employee  # in 억 원 (100 million won)
    for limit, band in ((10, "lt1b"), (100, "1b-10b"), (500, "10b-50b"), (1000, "50b-100b")):
        if revenue < limit:
            return band
    return "gt100b"


class CompanyMaker:
    """Generates companies for a hub and kind; `scenarios` feed the suppliers' project references."""

    def __init__(
        self,
        seed: int,
        *,
        region_names: dict[str, tuple[str, str]],
        scenarios: dict[str, list[Scenario]],
    ) -> None:
        self.rng = random.Random(f"dxhub-demo:{seed}:companies")
        self.region_names = region_names
        self.scenarios = scenarios
        self.names: set[str] = set()
        self.brns: set[str] = set()

    def make(self, hub: str, kind: str, persona: str = "") -> CompanySpec:
        rng = self.rng
        profile = HUB_PROFILES[hub]
        industry = weighted(rng, profile.industries) if kind != "supplier" else ""
        archetype = None
        if kind != "demander":
            archetype = weighted(rng, [(a, a.hubs.get(hub, 0)) for a in ARCHETYPES])
        if kind == "supplier":
            tenancy = "tenant" if persona else weighted(rng, profile.supplier_tenancy)
        else:
            tenancy = "regional"
        if kind != "supplier":
            region = weighted(rng, profile.industry_regions[industry])
        elif tenancy in ("tenant", "relocating"):
            region = profile.office_region
        elif tenancy == "capital":
            region = weighted(rng, CAPITAL_REGIONS)
        else:
            region = weighted(rng, profile.supplier_regions)
        supplierish = kind == "supplier"
        sizes = SIZE_CLASSES[:2] if tenancy == "tenant" else SIZE_CLASSES
        size = weighted(rng, [(s, s[3] if supplierish else s[4]) for s in sizes])
        employees = rng.randint(size[1], size[2])
        if supplierish:
            founded = max(2000, 2024 - int(rng.expovariate(1 / 5)))
            per_employee = rng.uniform(0.6, 2.0)
        else:
            founded = max(1974, 2021 - int(rng.expovariate(1 / 13)))
            per_employee = rng.uniform(1.5, 5.5)
        product, product_ksic = ("", "")
        if industry:
            product, product_ksic = rng.choice(INDUSTRIES[industry].products)
        corporate = rng.random() < 0.88 or employees >= 50
        name, name_en, slug = self._name(kind, hub, industry, archetype, corporate)
        office = rng.choice(CAPITAL_TAX_OFFICES if tenancy == "capital" else profile.tax_offices)
        contacts = self._contacts(slug, kind, 2 if persona == "demander" else rng.choice((1, 1, 2)))
        caps = self._capabilities(archetype, hub) if archetype else ()
        return CompanySpec(
            brn=self._brn(office, corporate, branch=tenancy == "relocating"),
            name=name,
            name_en=name_en,
            kind=kind,
            hub=hub,
            region=region,
            address=self._address(region),
            employees=employees,
            founded_year=founded,
            revenue_band=_revenue_band(employees, per_employee),
            tenancy=tenancy,
            ksic_codes=self._ksic(industry, product_ksic, archetype),
            capabilities=caps,
            description=self._description(kind, hub, tenancy, region, founded, product, industry, archetype),
            website=""
            if rng.random() < 0.1
            else f"https://www.{slug}.{rng.choice(('co.kr', 'co.kr', 'com'))}",
            age_days=rng.randint(3, 720),
            industry=industry,
            archetype=archetype.key if archetype else "",
            product=product,
            persona=persona,
            contacts=contacts,
            solutions=self._solutions(archetype, caps, name_en) if archetype else (),
            references=self._references(hub, caps, founded) if archetype else (),
            certifications=self._certifications(kind, industry, archetype, founded),
        )

    def _name(
        self, kind: str, hub: str, industry: str, archetype: Archetype | None, corporate: bool
    ) -> tuple[str, str, str]:
        """(Korean name with legal form, English name, domain label), unique over the whole run."""
        rng = self.rng
        prefixes = HUB_PROFILES[hub].prefixes
        parts: list[Word] = []
        for _attempt in range(40):
            prefix = rng.choice(prefixes) if rng.random() < 0.35 else self._coined()
            r = rng.random()
            if kind == "supplier" and archetype is not None:
                core = rng.choice(archetype.cores)
                if r < 0.2:
                    parts = [prefix, rng.choice(SUPPLIER_MODIFIERS), core]
                elif r < 0.3:
                    parts = [prefix, rng.choice(SUPPLIER_MODIFIERS), rng.choice(SUPPLIER_TAILS)]
                elif r < 0.65:
                    parts = [prefix, core]
                else:
                    parts = [prefix, core, rng.choice(SUPPLIER_TAILS)]
            else:
                core = rng.choice(INDUSTRIES[industry].cores)
                parts = [prefix, core] if r < 0.8 else [prefix, core, rng.choice(DEMANDER_TAILS)]
            if "".join(ko for ko, _ in parts) not in self.names:
                break
        base = "".join(ko for ko, _ in parts)
        base_en = " ".join(en for _, en in parts)
        n = 2
        while base in self.names:  # rare: forty draws all taken
            base, base_en = f"{base}{n}", f"{base_en} {n}"
            n += 1
        self.names.add(base)
        slug = re.sub(r"[^a-z0-9]", "", base_en.lower())
        if not corporate:
            return base, base_en, slug
        form = rng.random()
        name = f"(주){base}" if form < 0.6 else f"{base}(주)" if form < 0.78 else f"주식회사 {base}"
        return name, f"{base_en} Co., Ltd.", slug

    def _coined(self) -> Word:
        (a, a_en), (b, b_en) = self.rng.choice(COINED_FIRST), self.rng.choice(COINED_SECOND)
        return a + b, a_en + b_en

    def _brn(self, office: str, corporate: bool, *, branch: bool) -> str:
        """A valid, unused number: tax office, 81/86/87/88 for companies (85 a branch), 01–79 sole traders."""
        rng = self.rng
        for _ in range(10_000):
            if corporate:
                code = "85" if branch else rng.choice(("81", "86", "87", "88"))
            else:
                code = f"{rng.randint(1, 79):02d}"
            brn = make_brn(f"{office}{code}{rng.randint(1, 9999):04d}")
            if brn not in self.brns:
                self.brns.add(brn)
                return brn
        raise RuntimeError("no unused business registration number left for this tax office")

    def _address(self, region: str) -> str:
        sido, sigungu = self.region_names[region]
        sigungu = PLACES[region].address or sigungu
        road = self.rng.choice(PLACES[region].roads)
        number = self.rng.randint(5, 320)
        return f"{sido} {sigungu} {road} {number}"

    def _ksic(self, industry: str, product_ksic: str, archetype: Archetype | None) -> tuple[str, ...]:
        rng = self.rng
        codes: list[str] = []
        if industry:
            codes.append(product_ksic)
            other = rng.choice(INDUSTRIES[industry].products)[1]
            if rng.random() < 0.25 and other not in codes:
                codes.append(other)
            if archetype is not None:
                codes.append(rng.choice(BOTH_EXTRA_KSIC))
        elif archetype is not None:
            codes.append(weighted(rng, archetype.ksic))
            extra = rng.choice(("62090", *(code for code, _ in archetype.ksic)))
            if rng.random() < 0.3 and extra not in codes:
                codes.append(extra)
        return tuple(codes)

    def _capabilities(self, archetype: Archetype, hub: str) -> tuple[str, ...]:
        """2–4 slugs: the archetype's own first, then related ones, leaning to the hub's specialisation."""
        rng = self.rng
        caps = list(archetype.primary)
        target = max(len(caps), rng.choice((2, 2, 3, 3, 4)))
        pool = dict.fromkeys(archetype.secondary, 3)
        for slug in HUB_CAPABILITIES[hub]:
            pool[slug] = pool.get(slug, 0) + 1
        while len(caps) < target:
            options = [(slug, w) for slug, w in pool.items() if slug not in caps]
            caps.append(weighted(rng, options))
        return tuple(caps)

    def _description(
        self,
        kind: str,
        hub: str,
        tenancy: str,
        region: str,
        founded: int,
        product: str,
        industry: str,
        archetype: Archetype | None,
    ) -> str:
        rng = self.rng
        short = HUB_PROFILES[hub].short
        place = PLACES[region].name
        sentences: list[str] = []
        if industry:
            info = INDUSTRIES[industry]
            # Short sentences that repeat across firms keep the search-text cache warm on big sets.
            sentences.append(f"{founded}년 설립.")
            sentences.append(f"{place}에서 {attach(product, '을')} 생산하는 {info.label} 제조기업입니다.")
            sentences.append(f"{rng.choice(info.customers)} 등에 납품하고 있습니다.")
            sentences.append(rng.choice(DEMANDER_EXTRAS))
        if archetype is not None and kind == "both":
            sentences.append(f"자체 개발한 {archetype.label} 솔루션을 다른 제조기업에도 공급합니다.")
        elif archetype is not None:
            lead = rng.choice(
                (
                    f"{founded}년 설립된 {archetype.label} 전문 기업입니다.",
                    f"제조 현장을 위한 {archetype.label} 솔루션을 개발·공급합니다.",
                    f"{archetype.label} 분야에 집중해 온 {founded}년 창업 기업입니다.",
                )
            )
            sentences += [lead, *rng.sample(archetype.features, 2)]
            if tenancy == "tenant":
                sentences.append(f"{short} 디지털 혁신거점 공유오피스 입주기업입니다.")
            elif tenancy == "relocating":
                year = rng.randint(max(founded, 2023), 2026)
                sentences.append(
                    f"{year}년 수도권에서 {short} 거점으로 지사를 옮겨 지역 제조기업을 지원합니다."
                )
            elif tenancy == "capital":
                sentences.append(f"수도권 본사에서 {short} 거점 수요기업과 협업하고 있습니다.")
            else:
                sentences.append(f"{place} 지역 제조기업 {rng.randint(5, 60)}곳에 솔루션을 공급했습니다.")
            # The Changwon hub funds R&BD for 37 of its ~60 attracted firms.
            if hub == "changwon" and tenancy in ("tenant", "relocating") and rng.random() < 0.6:
                sentences.append("창원 거점 R&BD 지원과제 수행기업입니다.")
        return " ".join(sentences)

    def _contacts(self, slug: str, kind: str, count: int) -> tuple[ContactSpec, ...]:
        rng = self.rng
        supplierish = kind == "supplier"
        contacts: list[ContactSpec] = []
        locals_seen: set[str] = set()
        for i in range(count):
            surname, surname_en = weighted(rng, SURNAMES)
            given, given_en = rng.choice(GIVEN_NAMES)
            first, second = given_en.split("-")
            initials = first[0] + second[0]
            local = rng.choice(
                (f"{initials}.{surname_en}", f"{surname_en}{initials}", f"{first}{second}.{surname_en}")
            )
            while local in locals_seen:
                local += str(i + 1)
            locals_seen.add(local)
            if i == 0:
                title = rng.choice(SUPPLIER_TITLES_PRIMARY if supplierish else DEMANDER_TITLES_PRIMARY)
            else:
                title = rng.choice(SUPPLIER_TITLES_OTHER if supplierish else DEMANDER_TITLES_OTHER)
            contacts.append(
                ContactSpec(
                    name=surname + given,
                    title=title,
                    email=f"{local}@{slug}.co.kr",
                    phone=f"010-{rng.randint(2000, 9999)}-{rng.randint(0, 9999):04d}",
                    is_primary=i == 0,
                )
            )
        return tuple(contacts)

    def _solutions(
        self, archetype: Archetype, caps: tuple[str, ...], name_en: str
    ) -> tuple[SolutionSpec, ...]:
        rng = self.rng
        brand = name_en.split(" ")[0]
        count = min(len(archetype.products), rng.choice((1, 1, 2, 2, 3)))
        solutions = []
        for template in rng.sample(archetype.products, count):
            description = " ".join(rng.sample(archetype.features, rng.choice((2, 3))))
            tagged = caps[: rng.choice((1, 2))]
            solutions.append(SolutionSpec(template.format(brand=brand), description, tagged))
        return tuple(solutions)

    def _references(self, hub: str, caps: tuple[str, ...], founded: int) -> tuple[ReferenceSpec, ...]:
        """Past projects, told with the same scenarios manufacturers write their needs from."""
        rng = self.rng
        profile = HUB_PROFILES[hub]
        count = weighted(rng, ((1, 25), (2, 35), (3, 25), (4, 15)))
        used: set[str] = set()
        references = []
        for _ in range(count):
            industry = (
                weighted(rng, profile.industries) if rng.random() < 0.8 else rng.choice(list(INDUSTRIES))
            )
            pool = [s for s in self.scenarios[industry] if set(s.caps) & set(caps) and s.key not in used]
            scenario = rng.choice(pool or self.scenarios[industry])
            used.add(scenario.key)
            info = INDUSTRIES[industry]
            product, ksic = rng.choice(info.products)
            values = slot_values(
                rng,
                product=product,
                process=rng.choice(scenario.processes),
                place=REGION_WORD[hub],
                site=rng.choice(scenario.processes),
            )
            letter = chr(ord("A") + rng.randint(0, 7))
            client = rng.choice(
                (
                    f"{REGION_WORD[hub]} 소재 {info.client_label}",
                    f"{REGION_WORD[hub]} {letter}사 ({info.label})",
                    f"{info.client_label} {letter}사",
                )
            )
            results = rng.sample(scenario.results, rng.choice((1, 1, 2)))
            references.append(
                ReferenceSpec(
                    client_name=client,
                    client_ksic=ksic,
                    year=rng.randint(max(founded, 2018), 2025),
                    problem=render(rng.choice(scenario.symptoms), values),
                    result=", ".join(render(r, values) for r in results),
                )
            )
        return tuple(references)

    def _certifications(
        self, kind: str, industry: str, archetype: Archetype | None, founded: int
    ) -> tuple[CertificationSpec, ...]:
        rng = self.rng
        if kind == "supplier" and archetype is not None:
            pool = dict(SUPPLIER_CERTS)
            pool.update(archetype.certs)
            count = rng.choice((1, 1, 2, 2, 3, 4))
        else:
            pool = dict(INDUSTRIES[industry].certifications)
            pool.update(DEMANDER_COMMON_CERTS)
            count = rng.choice((1, 2, 2, 3, 3, 4))
        certs = []
        for _ in range(count):
            if not pool:
                break
            name = weighted(rng, list(pool.items()))
            del pool[name]
            if name in ("기업부설연구소", "연구개발전담부서"):  # a firm has one or the other
                pool.pop("연구개발전담부서", None)
                pool.pop("기업부설연구소", None)
            issuer = rng.choice(CERT_ISSUERS.get(name, ISO_ISSUERS))
            certs.append(CertificationSpec(name, issuer, rng.randint(max(founded + 1, 2005), 2025)))
        return tuple(certs)
