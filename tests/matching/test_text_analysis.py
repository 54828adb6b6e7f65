from matching.text import analyze, analyze_many, search_terms, stem_english


def test_korean_nouns_and_compounds():
    terms = analyze("머신비전 기반 외관검사를 도입하고 싶습니다")
    assert "외관" in terms and "검사" in terms
    assert "외관검사" in terms  # adjacent nouns also form the compound
    assert "도입" in terms
    assert "를" not in terms  # particles are not terms


def test_foreign_words_are_lowercased_and_stemmed():
    terms = analyze("AI 기반 Inspections, PLC 연동")
    assert "ai" in terms
    assert "inspection" in terms
    assert "plc" in terms


def test_numbers_keep_their_units():
    assert "10gb" in analyze("센서 데이터 10GB 보유")


def test_predicate_stems():
    assert "줄이다" in analyze("불량을 줄이고 싶다")


def test_batch_equals_single():
    texts = ["용접 불량 검출", "", "설비 예지보전 진동 센서"]
    assert analyze_many(texts) == [analyze(t) for t in texts]


def test_search_terms_are_distinct():
    assert search_terms("검사 검사 장비") == ["검사", "장비"]


def test_english_stemmer():
    assert stem_english("batteries") == "battery"
    assert stem_english("process") == "process"
    assert stem_english("sensors") == "sensor"


def test_index_terms_join_spaced_nouns():
    from matching.text import index_terms, index_terms_many

    terms = index_terms("외관 비전 검사 솔루션")
    assert "비전검사" in terms and "비전" in terms and "검사" in terms
    assert index_terms_many(["외관 비전 검사 솔루션", ""]) == [terms, []]


def test_english_words_cut_by_kiwi_before_a_full_stop_are_joined():
    # kiwi splits some words ending a sentence ("Rebroadcast." → "Rebroa" + "dcast.").
    assert analyze("GPS Signal Rebroadcast. Since then")[:3] == ["gps", "signal", "rebroadcast"]
    assert analyze("Signal Rebroadcast.") == ["signal", "rebroadcast"]
    assert "mes" in analyze("스마트공장 MES. 도입")
