from __future__ import annotations

from optimize.selection.eligibility import Applicant, Rules, check, is_young

GOOD = Applicant("창원정밀", "48123", 45, ["29271"], "regional", 2021)


def test_an_applicant_meeting_every_rule_has_no_reasons() -> None:
    rules = Rules(
        region_prefixes=["48"],
        max_employees=300,
        ksic_prefixes=["29"],
        tenancies=["regional"],
        max_years_since_founding=7,
    )
    assert check(GOOD, rules, year=2026) == []


def test_each_failed_rule_is_one_reason_with_its_parameters() -> None:
    old_big = Applicant("서울대기업", "11680", 900, ["26"], "capital", 1990)
    rules = Rules(
        region_prefixes=["48"],
        max_employees=300,
        ksic_prefixes=["29"],
        tenancies=["regional", "tenant"],
        max_years_since_founding=7,
    )
    reasons = check(old_big, rules, year=2026)
    assert [r.code for r in reasons] == ["region", "employees_over", "industry", "tenancy", "too_old"]
    assert reasons[1].params == {"have": 900, "max": 300}
    assert reasons[4].params == {"years": 36, "max": 7}


def test_unknown_facts_are_reasons_not_passes() -> None:
    unknown = Applicant("미상", "48123", None, ["29"], "regional", None)
    codes = [r.code for r in check(unknown, Rules(max_employees=300, max_years_since_founding=7), year=2026)]
    assert codes == ["employees_unknown", "founded_unknown"]


def test_young_firm() -> None:
    assert is_young(2020, year=2026)
    assert not is_young(2018, year=2026)
    assert not is_young(None, year=2026)
