"""Every phrase template renders, and particles agree with the word before them."""

from __future__ import annotations

import random

import pytest

from dxhub.demo.gen_needs import slot_values
from dxhub.demo.josa import attach, render
from dxhub.demo.scenarios import (
    CLOSINGS,
    CONSTRAINTS,
    CONTEXTS,
    IMPACTS,
    INDUSTRY_CONSTRAINTS,
    VOLUMES,
    WANTS,
    all_scenarios,
)
from dxhub.demo.vocab import INDUSTRIES
from dxhub.demo.vocab_suppliers import ARCHETYPES


@pytest.mark.parametrize(
    ("word", "particle", "expected"),
    [
        ("파우치형 셀", "을", "파우치형 셀을"),
        ("배터리 모듈", "을", "배터리 모듈을"),
        ("감속기", "을", "감속기를"),
        ("양극재(NCM)", "을", "양극재(NCM)를"),
        ("더존 ERP", "과", "더존 ERP와"),
        ("기존 POP 시스템", "과", "기존 POP 시스템과"),
        ("제2공장", "은", "제2공장은"),
        ("카테터", "은", "카테터는"),
        ("설비", "으로", "설비로"),
        ("라인", "으로", "라인으로"),
        ("레일", "으로", "레일로"),
        ("3", "이", "3이"),
        ("MES", "가", "MES가"),
    ],
)
def test_particles_agree(word, particle, expected):
    assert attach(word, particle) == expected


def test_every_template_renders():
    rng = random.Random(1)
    values = slot_values(
        rng,
        place="창원",
        site="제2공장 용접 공정",
        plant="제2공장",
        product="유압 실린더",
        process="용접 공정",
        customer="건설기계 완성사",
        employees=80,
        founded=1998,
        industry_label="기계",
        hub_short="창원",
        cap="비전 검사",
    )
    templates = [*CONTEXTS, *IMPACTS, *CONSTRAINTS, *WANTS]
    templates += [t for pool in INDUSTRY_CONSTRAINTS.values() for t in pool]
    templates += [t for pool in VOLUMES.values() for t in pool]
    templates += [t for pool in CLOSINGS.values() for t in pool]
    for scenario in all_scenarios():
        templates += [
            *scenario.titles,
            *scenario.symptoms,
            *scenario.practices,
            *scenario.kpis,
            *scenario.results,
        ]
    for template in templates:
        text = render(template, values)
        assert "{" not in text and "}" not in text, template


def test_scenarios_are_well_formed():
    scenarios = all_scenarios()
    assert len({s.key for s in scenarios}) == len(scenarios)
    assert {s.industry for s in scenarios} == set(INDUSTRIES)
    for s in scenarios:
        assert len(s.titles) == len(s.symptoms) >= 3, s.key  # written in parallel, see gen_needs
        assert s.data_type in {"image", "sensor", "table", "doc"}
        products = {name for name, _ in INDUSTRIES[s.industry].products}
        assert set(s.products) <= products, s.key
    for archetype in ARCHETYPES:
        assert all("{" not in f for f in archetype.features)
        assert all(t.format(brand="Test") for t in archetype.products)
