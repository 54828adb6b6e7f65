"""Match vectors in PostgreSQL (pgvector): written with the engine, searched like the numpy index.

The PostgreSQL tests need the ``vector`` extension (scripts/pgvector.sh, run by `make pytest-pg`); on
SQLite only the configuration checks run.
"""

from __future__ import annotations

import itertools

import numpy as np
import pytest
from django.core.exceptions import ImproperlyConfigured
from django.db import connection

from dxhub.companies.models import Company
from dxhub.companies.services import company_create, company_update
from dxhub.matches import pgvector, services, store
from dxhub.needs.models import Need
from dxhub.needs.services import need_close, need_create, need_publish, need_update
from dxhub.reference.models import Capability, KsicCode, Region
from matching.engine.profiles import Filters
from matching.vectors.store import VectorQuery
from tests.factories import next_brn

on_postgres = connection.vendor == "postgresql"
needs_pgvector = pytest.mark.skipif(
    not on_postgres,
    reason="pgvector lives in PostgreSQL: run with DATABASE_URL=postgres://... (after scripts/pgvector.sh)",
)


THEMES = [
    ("용접 비드 외관 머신비전 딥러닝 검사", "vision-inspection"),
    ("설비 진동 센서로 고장을 미리 아는 예지 보전", "predictive-maintenance"),
    ("사출 성형 공정 조건 최적화와 불량률 저감", "process-optimisation"),
    ("생산 실적과 작업 지시를 관리하는 MES 구축", "mes-mom"),
    ("공장 라인을 가상으로 재현하는 디지털 트윈", "digital-twin"),
    ("ERP 클라우드 전환과 서버 운영", "cloud-migration"),
    ("물류 창고 재고 최적화와 배송 경로 계획", "supply-chain"),
    ("공장 에너지 사용량 모니터링과 절감", "energy-management"),
]
HUBS = ["changwon", "busan-centum", "ochang", "daegu-suseong"]
REGIONS = {"changwon": "48123", "busan-centum": "26350", "ochang": "43113", "daegu-suseong": "27260"}


def make_supplier(hubs, n: int) -> Company:
    """Supplier ``n``: two themes mixed, in one of the four hubs (so hub filters cut the set)."""
    (a, cap_a), (b, _) = THEMES[n % len(THEMES)], THEMES[(n * 3 + 1) % len(THEMES)]
    hub = HUBS[n % len(HUBS)]
    region = Region.objects.filter(code=REGIONS[hub]).first() or Region.objects.get(code="48123")
    return company_create(
        brn=next_brn(),
        name=f"공급기업{n:02d}",
        kind=Company.Kind.SUPPLIER,
        region=region,
        hub=hubs[hub],
        description=f"{a}. {b} 경험 {n}건",
        capabilities=Capability.objects.filter(slug=cap_a),
        ksic_codes=KsicCode.objects.filter(code__in=["62010"]),
    )


def make_need(company: Company, title: str, problem: str) -> Need:
    need = need_create(
        company=company,
        title=title,
        site="1공장",
        problem=problem,
        required_capabilities=Capability.objects.filter(slug="vision-inspection"),
    )
    return need_publish(need)


@pytest.fixture
def pg_store(settings, db) -> pgvector.PgVectorStore:
    if not pgvector.extension_available(connection):
        pytest.skip("this PostgreSQL server has no pgvector extension: run scripts/pgvector.sh")
    settings.MATCHING_VECTOR_STORE = "pgvector"
    vectors = store.embedder()
    found = pgvector.vector_store(vectors.dim)
    assert found is not None
    return found


@pytest.fixture
def market(hubs, demander_company, django_capture_on_commit_callbacks, pg_store):
    with django_capture_on_commit_callbacks(execute=True):
        suppliers = [make_supplier(hubs, n) for n in range(24)]
        needs = [
            make_need(demander_company, "용접 외관 불량 자동 검출", "비드 기공과 언더컷을 머신비전으로 검사"),
            make_need(demander_company, "설비 고장 예측", "프레스 진동 데이터로 고장을 미리 알고 싶습니다"),
        ]
    services.rebuild_all()
    return suppliers, needs


def engine_vector(kind: str, profile_id: str) -> np.ndarray:
    engine = store.engine()
    side = engine.suppliers_ if kind == "supplier" else engine.needs_
    row = side.row_of(profile_id)
    assert row is not None
    return side.vectors_.get([row])[0]


# -- configuration (both databases) ------------------------------------------------------------------
def test_unknown_mode_fails_loudly(settings):
    settings.MATCHING_VECTOR_STORE = "faiss"
    with pytest.raises(ImproperlyConfigured, match="MATCHING_VECTOR_STORE"):
        pgvector.vector_store(64)


def test_local_mode_keeps_the_engine_index(settings, db):
    settings.MATCHING_VECTOR_STORE = "local"
    assert pgvector.vector_store(64) is None


@pytest.mark.skipif(on_postgres, reason="checks the SQLite behaviour")
def test_sqlite_uses_the_local_index_and_refuses_pgvector(settings, db):
    settings.MATCHING_VECTOR_STORE = "auto"
    assert pgvector.vector_store(64) is None
    settings.MATCHING_VECTOR_STORE = "pgvector"
    with pytest.raises(ImproperlyConfigured, match="pgvector"):
        pgvector.vector_store(64)


def test_literal_round_trips_float32():
    vector = np.asarray([0.1, -0.25, 1e-7, 0.333333343], dtype=np.float32)
    text = pgvector.literal(vector)
    assert text.startswith("[") and text.endswith("]")
    assert np.array_equal(np.asarray(text.strip("[]").split(","), dtype=np.float32), vector)


# -- PostgreSQL with pgvector ------------------------------------------------------------------------
@needs_pgvector
def test_auto_mode_picks_pgvector_on_postgres(settings, pg_store):
    settings.MATCHING_VECTOR_STORE = "auto"
    assert isinstance(pgvector.vector_store(store.embedder().dim), pgvector.PgVectorStore)


@needs_pgvector
def test_rebuild_fills_the_table(market, pg_store):
    suppliers, needs = market
    engine = store.engine()
    assert engine.vector_store is not None
    assert pg_store.count("supplier") == len(engine.suppliers_) == len(suppliers)
    assert pg_store.count("need") == len(engine.needs_) == len(needs)
    for company in suppliers[:5]:
        stored = pg_store.vector_of("supplier", str(company.pk))
        assert stored is not None
        assert np.allclose(stored, engine_vector("supplier", str(company.pk)), atol=1e-6)


@needs_pgvector
def test_saved_need_and_company_update_their_rows(market, pg_store, django_capture_on_commit_callbacks):
    suppliers, needs = market
    need, company = needs[0], suppliers[0]
    before_need = pg_store.vector_of("need", str(need.pk))
    before_company = pg_store.vector_of("supplier", str(company.pk))
    with django_capture_on_commit_callbacks(execute=True):
        need_update(need, problem="도장 표면 얼룩과 스크래치를 카메라로 자동 판정")
        company_update(company, description="스마트 물류 창고 자동화와 재고 관리")
    after_need = pg_store.vector_of("need", str(need.pk))
    after_company = pg_store.vector_of("supplier", str(company.pk))
    assert after_need is not None and before_need is not None
    assert after_company is not None and before_company is not None
    assert not np.allclose(after_need, before_need)
    assert not np.allclose(after_company, before_company)
    assert np.allclose(after_need, engine_vector("need", str(need.pk)), atol=1e-6)
    assert np.allclose(after_company, engine_vector("supplier", str(company.pk)), atol=1e-6)


@needs_pgvector
def test_new_supplier_gets_a_row_and_removal_deletes_rows(
    market, pg_store, hubs, django_capture_on_commit_callbacks
):
    suppliers, needs = market
    with django_capture_on_commit_callbacks(execute=True):
        newcomer = make_supplier(hubs, 99)
    assert pg_store.vector_of("supplier", str(newcomer.pk)) is not None
    with django_capture_on_commit_callbacks(execute=True):
        need_close(needs[1], reason=Need.CloseReason.CANCELLED)
        company_update(suppliers[1], kind=Company.Kind.DEMANDER)  # no longer a supplier
    assert pg_store.vector_of("need", str(needs[1].pk)) is None
    assert pg_store.vector_of("supplier", str(suppliers[1].pk)) is None
    assert pg_store.count("supplier") == len(store.engine().suppliers_) == len(suppliers)


def same_ranking(store_ids, store_scores, exact_ids, exact_scores) -> None:
    """Equal scores, and equal ids except among rows tied at the same score (either order is right)."""
    assert len(store_ids) == len(exact_ids)
    assert np.allclose(store_scores, exact_scores, atol=1e-5)
    for _, group in itertools.groupby(range(len(exact_ids)), key=lambda i: round(float(exact_scores[i]), 4)):
        rows = list(group)
        assert {store_ids[i] for i in rows} == {exact_ids[i] for i in rows}


@needs_pgvector
@pytest.mark.parametrize("k", [1, 5, 10])
@pytest.mark.parametrize("exact_limit", [pgvector.EXACT_LIMIT, 0], ids=["allowed-exact", "allowed-hnsw"])
def test_dense_candidates_match_the_exact_numpy_search(market, pg_store, monkeypatch, k, exact_limit):
    # exact_limit 0 sends an allowed list through HNSW too (as a large hub's list would go).
    monkeypatch.setattr(pgvector, "EXACT_LIMIT", exact_limit)
    suppliers, needs = market
    engine = store.engine()
    side = engine.suppliers_
    alive = side.lexical_.alive_[: side.n_rows]
    hub_mask = engine.suppliers_.filter_mask(Filters(hubs=frozenset({"changwon"})), (None, None))
    own_mask = engine.suppliers_.filter_mask(Filters(exclude=frozenset({str(suppliers[0].pk)})), (None, None))
    for need in needs:
        vector = engine_vector("need", str(need.pk))
        for mask in (None, hub_mask, own_mask):
            rows, scores = side.vectors_.search(vector, k, allowed=mask, exact=True)
            exact_ids = [side.ids_[r] for r in rows.tolist()]
            allowed, excluded = side.restriction(mask)
            ids, got = pg_store.search(VectorQuery("supplier", vector, k, allowed=allowed, excluded=excluded))
            same_ranking(ids, got, exact_ids, scores)
            if mask is not None:
                assert all(mask[side.row_of(i)] and alive[side.row_of(i)] for i in ids)


@needs_pgvector
def test_shortlist_is_the_same_with_either_store(market, settings, tmp_path):
    _suppliers, needs = market
    with_pgvector = {n.pk: services.suppliers_for_need(n) for n in needs}
    engine = store.engine()
    assert engine.vector_store is not None
    side = engine.suppliers_
    for need in needs:  # the engine's dense candidates under the shortlist's filters, both ways
        mask = side.filter_mask(Filters(exclude=frozenset({str(need.company_id)})), (None, None))
        vector = engine_vector("need", str(need.pk))
        from_pg = engine._dense_rows(side, vector, 5, mask)
        local, _ = side.vectors_.search(vector, 5, allowed=mask)
        assert len(from_pg) == 5 and set(from_pg.tolist()) == set(local.tolist())
    settings.MATCHING_VECTOR_STORE = "local"
    settings.MATCHING_DIR = tmp_path / "local"
    store.reset()
    store.build()
    assert store.engine().vector_store is None
    for need in needs:
        local = services.suppliers_for_need(need)
        assert [m.id for m in local] == [m.id for m in with_pgvector[need.pk]]
        assert [round(m.score, 6) for m in local] == [round(m.score, 6) for m in with_pgvector[need.pk]]


@needs_pgvector
def test_loading_a_snapshot_fills_an_empty_table(market, pg_store):
    suppliers, needs = market
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM matches_vector")
    store.reset()
    store.engine()  # another app server starting against a database that never saw this snapshot
    assert pg_store.count("supplier") == len(suppliers)
    assert pg_store.count("need") == len(needs)


@needs_pgvector
def test_a_new_embedder_dimension_retypes_the_table(pg_store, db):
    pgvector.create_schema(connection, 8)
    assert pgvector.table_dim(connection) == 8
    small = pgvector.PgVectorStore()
    small.upsert("supplier", ["s1"], np.eye(1, 8, dtype=np.float32))
    assert small.search(VectorQuery("supplier", np.eye(1, 8, dtype=np.float32)[0], 3))[0] == ["s1"]
    pgvector.create_schema(connection, store.embedder().dim)
    assert pgvector.table_dim(connection) == store.embedder().dim
    assert small.count("supplier") == 0
