"""Upsert and remove without a rebuild; save/load without re-embedding; processes kept in step."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from matching.engine import MatchEngine
from matching.engine.hashing import HashingEmbedder
from tests.matching.golden import NEEDS, SUPPLIERS, make_engine

WELD = next(n for n in NEEDS if n.id == "weld")


def ranking(engine: MatchEngine, k: int = 8) -> list[tuple[str, float]]:
    return [(m.id, round(m.score, 6)) for need in NEEDS for m in engine.suppliers_for_need(need, k=k)]


def test_upsert_adds_a_supplier_without_rebuild() -> None:
    engine = make_engine()
    base_rows = engine.suppliers_.lexical_.base_rows_
    newcomer = dataclasses.replace(
        SUPPLIERS[0],
        id="weld-newcomer",
        text="용접 비드 외관 불량 검출 전문. 용접 라인 비드 결함 검사 머신비전.",
    )
    engine.upsert_supplier(newcomer)
    assert engine.suppliers_.lexical_.base_rows_ == base_rows  # went to the delta, no rebuild
    top = [m.id for m in engine.suppliers_for_need(WELD, k=3)]
    assert "weld-newcomer" in top


def test_upsert_replaces_and_remove_drops() -> None:
    engine = make_engine()
    assert engine.suppliers_for_need(WELD, k=1)[0].id == "vision-weld"
    changed = dataclasses.replace(
        SUPPLIERS[0],
        text="회계와 급여 관리 소프트웨어를 공급합니다.",
        capabilities=frozenset({"erp-integration"}),
        references=(),
        reference_ksic=(),
    )
    engine.upsert_supplier(changed)
    assert engine.suppliers_for_need(WELD, k=1)[0].id != "vision-weld"
    assert engine.remove_supplier("eye-ai")
    assert "eye-ai" not in [m.id for m in engine.suppliers_for_need(WELD, k=20)]
    assert not engine.remove_supplier("eye-ai")  # already gone
    assert len(engine.suppliers_) == len(SUPPLIERS) - 1


def test_unchanged_text_is_not_embedded_again() -> None:
    engine = make_engine()
    before = engine.featurizer_.encoded
    engine.upsert_supplier(dataclasses.replace(SUPPLIERS[3], open_engagements=9))
    assert engine.featurizer_.encoded == before
    engine.upsert_need(dataclasses.replace(NEEDS[0], budget_max=300_000_000))
    assert engine.featurizer_.encoded == before


def test_save_load_round_trip_gives_identical_rankings(tmp_path: Path) -> None:
    engine = make_engine()
    engine.upsert_supplier(dataclasses.replace(SUPPLIERS[1], id="extra", text="비전검사 외관 결함 검출"))
    engine.remove_supplier("plain-erp")
    engine.save(tmp_path)
    loaded = MatchEngine.load(tmp_path, HashingEmbedder())
    assert loaded.featurizer_.encoded == 0  # nothing re-embedded
    assert ranking(loaded) == ranking(engine)
    supplier = SUPPLIERS[0]
    assert [m.id for m in loaded.needs_for_supplier(supplier)] == [
        m.id for m in engine.needs_for_supplier(supplier)
    ]
    assert loaded.version == engine.version == MatchEngine.disk_version(tmp_path)


def test_other_processes_see_writes_through_the_journal(tmp_path: Path) -> None:
    writer = make_engine()
    writer.save(tmp_path)
    reader = MatchEngine.load(tmp_path, HashingEmbedder())
    assert not reader.refresh()  # nothing new

    newcomer = dataclasses.replace(
        SUPPLIERS[0],
        id="weld-newcomer",
        text="용접 비드 외관 불량 검출 전문. 용접 라인 비드 결함 검사 머신비전.",
    )
    writer.upsert_supplier(newcomer)
    writer.remove_supplier("eye-ai")
    assert MatchEngine.disk_version(tmp_path) == writer.version != reader.version
    assert reader.refresh()
    assert reader.version == writer.version
    assert ranking(reader) == ranking(writer)
    assert reader.featurizer_.encoded == 0  # vectors came from the journal

    writer.save(tmp_path)  # a new snapshot: the reader reloads it whole
    writer.upsert_need(dataclasses.replace(NEEDS[1], id="press-2"))
    assert reader.refresh()
    assert reader.version == writer.version
    assert "press-2" in reader.needs_.rows_
