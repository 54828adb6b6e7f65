"""Explanations name the shared capabilities, the industry path, the hub relation and distance, similar
past projects, and contributions that add up to the score."""

from __future__ import annotations

import pytest

from matching.engine import format_won
from tests.matching.golden import NAMES, NEEDS, SUPPLIERS, shared_engine


@pytest.mark.parametrize("need", NEEDS, ids=lambda n: n.id)
def test_contributions_sum_to_the_score(need: object) -> None:
    for m in shared_engine().suppliers_for_need(need, k=5, exposure={"vision-weld": 7}):  # type: ignore[arg-type]
        assert m.explanation is not None
        assert sum(m.explanation.contributions.values()) == pytest.approx(m.score, abs=1e-9)
        assert all(0.0 <= v <= 1.0 for v in m.parts.values())


def test_explanation_of_the_weld_match() -> None:
    weld = next(n for n in NEEDS if n.id == "weld")
    m = shared_engine().suppliers_for_need(weld, k=1)[0]
    e = m.explanation
    assert e is not None and m.id == "vision-weld"
    text = "\n".join(e.text_ko)
    assert e.shared_capabilities == ("vision-inspection",)
    assert NAMES.capabilities["vision-inspection"] in text  # shown by its Korean name
    assert {"용접", "비드", "불량"} <= set(e.shared_terms)
    assert e.ksic_path[:2] == ("C 제조업", "30 자동차 및 트레일러 제조업")
    assert "C 제조업 › 30 자동차 및 트레일러 제조업" in text
    assert e.hub_relation == "same_hub" and "같은 거점" in text
    assert e.distance_km is not None and e.distance_km < 1
    assert e.similar_projects and "용접" in e.similar_projects[0].text
    assert "유사 수행 사례" in text and "점수 구성" in text


def test_linked_hub_and_missing_capabilities_are_named() -> None:
    weld = next(n for n in NEEDS if n.id == "weld")
    eye = next(m for m in shared_engine().suppliers_for_need(weld, k=5) if m.id == "eye-ai")
    assert eye.explanation is not None
    assert eye.explanation.hub_relation == "linked_hub"
    assert "연계 거점" in "\n".join(eye.explanation.text_ko)
    coating = next(n for n in NEEDS if n.id == "coating")
    twin = next(m for m in shared_engine().suppliers_for_need(coating, k=5) if m.id == "battery-twin")
    assert twin.explanation is not None
    assert twin.explanation.missing_capabilities == ("quality-analytics",)
    assert "부족 품질 데이터 분석" in "\n".join(twin.explanation.text_ko)


def test_reverse_direction_explains_too() -> None:
    supplier = next(s for s in SUPPLIERS if s.id == "med-mes")
    m = shared_engine().needs_for_supplier(supplier, k=1)[0]
    assert m.id == "med" and m.explanation is not None
    assert "mes-mom" in m.explanation.shared_capabilities
    assert sum(m.explanation.contributions.values()) == pytest.approx(m.score)


def test_money_reads_as_people_write_it() -> None:
    assert format_won(150_000_000) == "1.5억 원"
    assert format_won(6_300_000_000) == "63억 원"
    assert format_won(30_000_000) == "3,000만 원"
