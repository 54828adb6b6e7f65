"""Synonym folding: mixed spellings of one concept become one index term, Korean and English both ways."""

from __future__ import annotations

import pytest

from matching.engine.synonyms import SynonymGroup, Synonyms, default_synonyms, split_compounds
from matching.text import analyze


def terms(text: str) -> set[str]:
    return set(default_synonyms().normalise(analyze(text)))


@pytest.mark.parametrize(
    ("variants", "canonical"),
    [
        (["AI 기반 검사", "인공지능 기반 검사", "에이아이 기반 검사"], "ai"),
        (
            ["머신비전 도입", "비전검사 도입", "비전 검사 도입", "machine vision 도입", "외관검사 도입"],
            "머신비전",
        ),
        (
            ["예지보전 솔루션", "predictive maintenance 솔루션", "PdM 솔루션", "설비고장예측 솔루션"],
            "예지보전",
        ),
        (["디지털트윈 구축", "디지털 트윈 구축", "digital twin 구축"], "디지털트윈"),
        (["MES 도입", "생산관리시스템 도입"], "mes"),
        (["IoT 센서", "사물인터넷 센서"], "iot"),
        (["생성형AI 챗봇", "generative AI 챗봇", "LLM 챗봇", "거대언어모델 챗봇"], "생성형ai"),
        (["메타버스 교육", "XR 교육", "metaverse 교육"], "메타버스"),
        (["로봇 자동화", "robot 자동화", "RPA 자동화"], "로봇"),
        (["이차전지 공정", "2차전지 공정", "secondary battery 공정", "배터리 공정"], "이차전지"),
        (["반도체 장비", "semiconductor 장비"], "반도체"),
        (["항공부품 가공", "aerospace 가공"], "항공부품"),
        (["의료기기 조립", "medical device 조립"], "의료기기"),
        (["불량 검출", "결함 검출", "defect 검출"], "불량"),
    ],
)
def test_every_spelling_gives_the_canonical_term(variants: list[str], canonical: str) -> None:
    for text in variants:
        assert canonical in terms(text), (text, terms(text))


def test_the_list_has_forty_groups_and_no_term_in_two() -> None:
    synonyms = default_synonyms()  # building raises on a term claimed by two groups
    assert len(synonyms.groups) >= 40
    assert synonyms.digest


def test_a_term_in_two_groups_is_refused() -> None:
    groups = [SynonymGroup("a", ("검사",)), SynonymGroup("b", ("검사", "inspection"))]
    with pytest.raises(ValueError, match=r"groups"):
        Synonyms.from_groups(groups)


def test_compound_is_not_counted_twice() -> None:
    folded = default_synonyms().normalise(analyze("비전검사"))
    assert folded.count("머신비전") == 1
    assert "비전" in folded  # the parts stay


def test_split_compounds_tells_parts_from_compounds() -> None:
    parts, compounds = split_compounds(["설비", "고장", "설비고장", "예측", "고장예측"])
    assert parts == ["설비", "고장", "예측"]
    assert [c for _, c in compounds] == ["설비고장", "고장예측"]


def test_sentence_final_period_is_dropped() -> None:
    assert "mes" in terms("이력 관리 MES.")


def test_label_shows_the_first_variant() -> None:
    assert default_synonyms().label("ai") == "AI"
    assert default_synonyms().label("용접") == "용접"
