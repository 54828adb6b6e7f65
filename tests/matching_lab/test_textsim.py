"""Text similarity: the shipped engine ranks paraphrases above unrelated text, and heads round-trip.

The real models load once per session (USE takes a few seconds to read its weights); the tests
that fit a head use a tiny deterministic stand-in embedder so that they stay fast.
"""

from __future__ import annotations

import hashlib
import threading
from pathlib import Path

import numpy as np
import pytest

from matching.embedding import Embedder, FloatMatrix, Kind, get_embedder, l2_normalise
from matching_lab.textsim import TextSimilarity, TfidfCosine, read_sts_tsv, spearman

# (text, paraphrase, unrelated)
TRIPLES = [
    ("용접 불량을 비전으로 검사", "머신비전 기반 용접 결함 검출", "직원 급여 계산과 회계 장부 관리"),
    (
        "설비 진동 데이터로 고장을 미리 예측하고 싶다",
        "센서 진동 분석 기반 예지보전 솔루션",
        "온라인 쇼핑몰 마케팅 대행",
    ),
    ("생산 일정을 자동으로 계획하는 시스템", "APS 생산계획 스케줄링 최적화", "용접 로봇 토치 교체"),
    ("한 남자가 기타를 치고 있다.", "남자가 기타를 연주하고 있다.", "여자가 양파를 썰고 있다."),
]
MIXED = [
    (
        "AI 기반 외관 검사 자동화",
        "AI-based visual inspection automation",
        "employee payroll and accounting software",
    ),
    ("PLC data collection for the press line", "프레스 라인 PLC 데이터 수집", "사내 식당 메뉴 추천"),
]


@pytest.fixture(scope="session")
def engine() -> TextSimilarity:
    return TextSimilarity.pretrained()


def _paraphrase_and_unrelated(model: TextSimilarity, triples: list[tuple[str, str, str]]) -> np.ndarray:
    a = [t for t, _, _ in triples] * 2
    b = [p for _, p, _ in triples] + [u for _, _, u in triples]
    return model.score(a, b).reshape(2, len(triples))


def test_paraphrases_score_above_unrelated_korean(engine: TextSimilarity) -> None:
    close, far = _paraphrase_and_unrelated(engine, TRIPLES)
    assert np.all(close > far), (close, far)
    assert np.all((close >= 0) & (close <= 1)) and np.all((far >= 0) & (far <= 1))


def test_mixed_korean_and_english(engine: TextSimilarity) -> None:
    close, far = _paraphrase_and_unrelated(engine, MIXED)
    assert np.all(close > far), (close, far)


def test_fast_head_also_ranks_paraphrases_first() -> None:
    close, far = _paraphrase_and_unrelated(TextSimilarity.pretrained("fast"), TRIPLES + MIXED)
    assert np.all(close > far), (close, far)


def test_identical_text_is_most_similar(engine: TextSimilarity) -> None:
    s = engine.score(["용접 불량 검사", "용접 불량 검사"], ["용접 불량 검사", "용접 로봇 교체"])
    assert s[0] > s[1]
    assert s[0] > 0.8


def test_pretrained_save_load_round_trip(engine: TextSimilarity, tmp_path: Path) -> None:
    a = [t for t, _, _ in TRIPLES]
    b = [p for _, p, _ in TRIPLES]
    engine.save(tmp_path / "head")
    again = TextSimilarity.load(tmp_path / "head")
    assert not any(p.suffix in {".pkl", ".pickle"} for p in (tmp_path / "head").iterdir())
    signals = engine.signals(a, b)  # embed once; the head's parameters are what is being compared
    assert np.array_equal(engine.predict_signals(signals), again.predict_signals(signals))
    assert np.array_equal(engine.score(a[:1], b[:1]), again.score(a[:1], b[:1]))


def test_empty_input(engine: TextSimilarity) -> None:
    assert engine.score([], []).shape == (0,)
    with pytest.raises(ValueError):
        engine.score(["a"], [])


@pytest.mark.parametrize("name", ["e5-small", "use-m3"])
def test_embedders_return_unit_float32_rows(name: str) -> None:
    embedder = get_embedder(name)
    assert isinstance(embedder, Embedder)
    rows = embedder.encode(["용접 불량 검출", "welding defect detection", ""], kind="query")
    assert rows.dtype == np.float32 and rows.shape == (3, embedder.dim)
    norms = np.linalg.norm(rows[:2], axis=1)
    assert np.allclose(norms, 1.0, atol=1e-5)
    assert embedder.encode([], kind="passage").shape == (0, embedder.dim)


def test_encoding_from_threads_matches_serial() -> None:
    embedder = get_embedder("use-m3")
    texts = ["머신비전 검사", "예지보전 센서", "생산계획 최적화", "MES 구축"]
    serial = embedder.encode(texts, kind="query")
    results: list[FloatMatrix] = [serial] * 4

    def work(i: int) -> None:
        results[i] = embedder.encode(texts, kind="query")

    threads = [threading.Thread(target=work, args=(i,)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for r in results:
        assert np.allclose(r, serial, atol=1e-6)


# --- fitting, with a fast stand-in embedder ----------------------------------------------------------


class HashEmbedder:
    """Bag of hashed character bigrams: deterministic, instant, good enough to learn from."""

    name = "e5-small"  # stands in for the real model's slot
    dim = 64

    def encode(self, texts: list[str], *, kind: Kind) -> FloatMatrix:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for i, text in enumerate(texts):
            for j in range(len(text) - 1):
                h = int(hashlib.md5(text[j : j + 2].encode()).hexdigest()[:8], 16)  # noqa: S324
                out[i, h % self.dim] += 1.0
        return l2_normalise(out)


def _toy_pairs() -> tuple[list[tuple[str, str]], np.ndarray]:
    base = ["용접 불량 검사", "설비 예지보전", "생산 계획 최적화", "물류 재고 관리", "품질 데이터 분석"]
    pairs: list[tuple[str, str]] = []
    scores: list[float] = []
    for i, x in enumerate(base):
        pairs.append((x, x + " 시스템"))
        scores.append(4.5)
        pairs.append((x, base[(i + 2) % len(base)]))
        scores.append(0.5)
        pairs.append((x, x.split()[0] + " 공정 개선"))
        scores.append(2.5)
    return pairs, np.asarray(scores)


def test_fit_save_load_gives_identical_scores(tmp_path: Path) -> None:
    pairs, scores = _toy_pairs()
    model = TextSimilarity(["e5-small"], alpha=1.0, embedder_overrides={"e5-small": HashEmbedder()})
    model.fit(pairs, scores)
    a, b = [p[0] for p in pairs], [p[1] for p in pairs]
    before = model.score(a, b)
    assert spearman(before, scores) > 0.8
    model.save(tmp_path)
    loaded = TextSimilarity.load(tmp_path, embedder_overrides={"e5-small": HashEmbedder()})
    assert np.array_equal(before, loaded.score(a, b))
    assert loaded.alpha == 1.0 and loaded.embedders == ("e5-small",)


def test_unfitted_model_refuses_to_score() -> None:
    with pytest.raises(RuntimeError):
        TextSimilarity().score(["a"], ["b"])


def test_tfidf_json_round_trip() -> None:
    texts = ["용접 불량 검사", "용접 로봇", "품질 검사 자동화", "용접 검사"]
    tfidf = TfidfCosine(min_df=1).fit(texts)
    again = TfidfCosine.from_json(tfidf.to_json())
    assert np.array_equal(tfidf.score(texts, texts[::-1]), again.score(texts, texts[::-1]))
    assert tfidf.score(["용접 불량 검사"], ["용접 불량 검사"])[0] == pytest.approx(1.0)


def test_read_sts_tsv_tolerates_quotes_and_bad_rows(tmp_path: Path) -> None:
    path = tmp_path / "sts.tsv"
    path.write_text(
        "genre\tfilename\tyear\tid\tscore\tsentence1\tsentence2\n"
        'g\tf\t2012\t1\t4.5\t"따옴표가 하나\t문장 둘\n'
        "g\tf\t2012\t2\tn/a\t점수 없음\t건너뜀\n"
        "g\tf\t2012\t3\t1.0\t짧은 행\n",
        encoding="utf-8",
    )
    data = read_sts_tsv(path)
    assert data.first == ['"따옴표가 하나'] and data.second == ["문장 둘"]
    assert data.scores.tolist() == [4.5]
