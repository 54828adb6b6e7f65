"""The demo generator on its own (no database): size, mix, validity, reproducibility and varied text."""

from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path

import pytest

from dxhub.companies.brn import brn_problem
from dxhub.demo.generator import DemoGenerator, required_reference
from dxhub.demo.specs import CompanySpec, NeedSpec
from dxhub.demo.vocab import INDUSTRIES

DATA = Path(__file__).resolve().parents[2] / "dxhub" / "reference" / "data"


def _csv(name: str) -> list[dict[str, str]]:
    with (DATA / name).open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


KSIC_SUBCLASSES = {row["ksic5_cd"] for row in _csv("ksic10_tree.csv")}
SIGUNGU = {row["code"] for row in _csv("sigungu_centroids.csv")}
CAPABILITIES = {row["slug"] for row in _csv("capabilities.csv")}


@pytest.fixture(scope="module")
def default_set() -> tuple[list[CompanySpec], list[NeedSpec]]:
    companies: list[CompanySpec] = []
    needs: list[NeedSpec] = []
    for batch in DemoGenerator().batches():
        companies += batch.companies
        needs += batch.needs
    return companies, needs


def test_default_set_covers_the_four_hubs_and_six_industries(default_set):
    companies, needs = default_set
    assert len(companies) == 320
    assert len(needs) == 180
    assert set(Counter(c.hub for c in companies)) == {"changwon", "ochang", "busan-centum", "daegu-suseong"}
    industries = Counter(n.industry for n in needs)
    assert set(industries) == set(INDUSTRIES)
    assert min(industries.values()) >= 10


def test_kind_mix_is_about_45_50_5(default_set):
    companies, _ = default_set
    kinds = Counter(c.kind for c in companies)
    assert kinds == {"supplier": 144, "demander": 160, "both": 16}


def test_changwon_has_about_sixty_tenant_or_relocating_sw_firms(default_set):
    companies, _ = default_set
    changwon = [c for c in companies if c.hub == "changwon" and c.kind == "supplier"]
    attracted = [c for c in changwon if c.tenancy in ("tenant", "relocating")]
    assert 50 <= len(attracted) <= 70
    assert sum(c.tenancy == "tenant" for c in changwon) <= 56  # the shared office has 56 rooms
    assert all(c.region == "48123" for c in attracted)  # the hub's building in 성산구


def test_business_registration_numbers_are_valid_and_unique(default_set):
    companies, _ = default_set
    brns = [c.brn for c in companies]
    assert all(brn_problem(b) is None for b in brns)
    assert len(set(brns)) == len(brns)


def test_company_names_are_unique(default_set):
    companies, _ = default_set
    assert len({c.name for c in companies}) == len(companies)


def test_every_code_exists_in_the_reference_data(default_set):
    companies, needs = default_set
    required = required_reference()
    assert required["ksic"] <= KSIC_SUBCLASSES
    assert required["regions"] <= SIGUNGU
    assert required["capabilities"] <= CAPABILITIES
    assert {k for c in companies for k in c.ksic_codes} <= KSIC_SUBCLASSES
    assert {r.client_ksic for c in companies for r in c.references} <= KSIC_SUBCLASSES
    assert {n.ksic for n in needs} <= KSIC_SUBCLASSES
    assert {c.region for c in companies} <= SIGUNGU
    assert {s for c in companies for s in c.capabilities} <= CAPABILITIES
    assert {s for n in needs for s in n.required_capabilities} <= CAPABILITIES


def test_same_seed_same_data_other_seed_other_data(default_set):
    companies, needs = default_set
    again = DemoGenerator(seed=2026)
    assert list(again.companies()) == companies
    assert list(again.needs()) == needs
    other = list(DemoGenerator(seed=2027).companies())
    assert [c.brn for c in other] != [c.brn for c in companies]
    assert len({c.name for c in other} & {c.name for c in companies}) < 40


def test_need_texts_are_varied(default_set):
    _, needs = default_set
    problems = [n.problem for n in needs]
    assert len(set(problems)) >= 0.9 * len(problems)
    assert len({p.split()[0] for p in problems}) >= 40
    assert len({n.scenario for n in needs}) >= 35
    assert len({n.title for n in needs}) >= 100


def test_no_template_slot_is_left_unfilled(default_set):
    companies, needs = default_set
    texts = [n.problem + n.current_practice + n.target_kpi + n.data_volume + n.close_note for n in needs]
    texts += [c.description for c in companies]
    texts += [r.problem + r.result for c in companies for r in c.references]
    assert not [t for t in texts if "{" in t or "}" in t]


def test_needs_are_consistent(default_set):
    companies, needs = default_set
    manufacturers = {c.brn: c for c in companies if c.kind != "supplier"}
    for need in needs:
        company = manufacturers[need.company_brn]
        assert need.hub == company.hub
        assert need.ksic == company.ksic_codes[0]
        assert need.industry == company.industry
        assert need.required_capabilities
        assert need.budget_min is None or need.budget_min <= need.budget_max
        assert (need.status == "closed") == bool(need.close_reason) == bool(need.close_note)
        assert (need.status == "draft") == (need.published_after_days is None)
    statuses = Counter(n.status for n in needs)
    assert statuses["published"] > len(needs) / 2
    assert set(statuses) == {"draft", "published", "discussion", "closed"}
    assert set(Counter(n.visibility for n in needs)) == {"hub", "hubs", "public"}
    titles = Counter((n.company_brn, n.title) for n in needs)
    assert max(titles.values()) == 1  # the loader keys needs by (company, title)


def test_suppliers_have_capabilities_solutions_and_references(default_set):
    companies, _ = default_set
    for company in companies:
        if company.kind == "demander":
            assert not company.capabilities and not company.solutions
            continue
        assert 2 <= len(company.capabilities) <= 4
        assert 1 <= len(company.references) <= 4
        assert company.solutions
        assert {s for sol in company.solutions for s in sol.capabilities} <= set(company.capabilities)
    assert all(1 <= len(c.contacts) <= 2 for c in companies)
    assert all(c.contacts[0].is_primary and c.contacts[0].phone.startswith("010-") for c in companies)


def test_text_fits_the_model_fields(default_set):
    from dxhub.companies.models import Company, ContactPerson
    from dxhub.needs.models import Need

    companies, needs = default_set

    def limit(model, name):
        return model._meta.get_field(name).max_length

    for name in ("title", "site", "data_kinds", "data_volume", "data_access", "target_kpi", "close_note"):
        assert max(len(getattr(n, name)) for n in needs) <= limit(Need, name), name
    for name in ("name", "name_en", "address", "website"):
        assert max(len(getattr(c, name)) for c in companies) <= limit(Company, name), name
    assert max(len(p.email) for c in companies for p in c.contacts) <= limit(ContactPerson, "email")


def test_exact_need_count_and_persona_companies():
    generator = DemoGenerator(seed=11, companies=400, needs=123)
    companies = list(generator.companies())
    needs = list(generator.needs())
    assert len(needs) == 123
    personas = {c.persona: c for c in companies if c.persona}
    assert set(personas) == {"demander", "supplier", "ochang"}
    demander = personas["demander"]
    assert demander.hub == "changwon" and demander.kind == "demander" and len(demander.contacts) == 2
    own = [n for n in needs if n.company_brn == demander.brn]
    assert len(own) >= 2 and own[0].status == "published"
    assert personas["supplier"].tenancy == "tenant"
    assert personas["ochang"].hub == "ochang"
    assert not list(DemoGenerator(companies=50, needs=0).needs())


def test_batches_stream_companies_with_their_needs():
    for batch in DemoGenerator(companies=230).batches(size=100):
        assert len(batch.companies) <= 100
        assert {n.company_brn for n in batch.needs} <= {c.brn for c in batch.companies}


def test_a_larger_set_keeps_the_smaller_one_as_its_start(default_set):
    companies, _ = default_set
    larger = DemoGenerator(companies=640, needs=0).companies()
    assert [next(larger).brn for _ in range(320)] == [c.brn for c in companies]
