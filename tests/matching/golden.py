"""Golden Korean data for the engine tests: suppliers and needs in the demo's domain, and engines over them.

The suppliers and needs are written for the tests (not generated): four hubs, Changwon linked with Busan.
``tests/matching/test_engine_golden.py`` states which suppliers must reach each need's top 5; the other
engine tests reuse ``SUPPLIERS``, ``NEEDS``, ``NAMES`` and the engines from here.
"""

from __future__ import annotations

from functools import cache

from matching.engine import MatchEngine, Names, NeedProfile, ReferenceSummary, SupplierProfile
from matching.engine.hashing import HashingEmbedder

# 시군구 centroids (from the reference data): 창원 성산구, 김해, 부산 해운대, 청주 흥덕(오창), 대구 수성, 서울 강남
PLACES = {
    "48123": (35.196122, 128.672051),
    "48250": (35.272154, 128.845238),
    "26350": (35.193783, 129.153600),
    "43113": (36.631730, 127.433166),
    "27260": (35.834053, 128.661421),
    "11680": (37.496685, 127.063010),
}
HUB_OF = {
    "48123": "changwon",
    "48250": "changwon",
    "26350": "busan-centum",
    "43113": "ochang",
    "27260": "daegu-suseong",
    "11680": "",
}
LINKS = {"changwon": frozenset({"busan-centum"}), "busan-centum": frozenset({"changwon"})}

NAMES = Names(
    ksic={
        "C": "제조업",
        "J": "정보통신업",
        "25": "금속 가공제품 제조업; 기계 및 가구 제외",
        "259": "기타 금속 가공제품 제조업",
        "2591": "금속 단조, 압형 및 분말 야금제품 제조업",
        "25913": "자동차용 금속 압형제품 제조업",
        "28": "전기장비 제조업",
        "282": "일차전지 및 축전지 제조업",
        "2820": "일차전지 및 축전지 제조업",
        "28202": "축전지 제조업",
        "29": "기타 기계 및 장비 제조업",
        "30": "자동차 및 트레일러 제조업",
        "303": "자동차 신품 부품 제조업",
        "31": "기타 운송장비 제조업",
        "313": "항공기, 우주선 및 부품 제조업",
        "3132": "항공기용 엔진 및 부품 제조업",
        "31322": "항공기용 부품 제조업",
        "27": "의료, 정밀, 광학 기기 및 시계 제조업",
        "271": "의료용 기기 제조업",
        "2719": "기타 의료용 기기 제조업",
        "27199": "그 외 기타 의료용 기기 제조업",
        "62": "컴퓨터 프로그래밍, 시스템 통합 및 관리업",
        "58": "출판업",
    },
    ksic_section={"25": "C", "27": "C", "28": "C", "29": "C", "30": "C", "31": "C", "58": "J", "62": "J"},
    capabilities={
        "vision-inspection": "비전 검사",
        "predictive-maintenance": "예지 보전",
        "process-optimisation": "공정 최적화",
        "mes-mom": "MES/MOM",
        "digital-twin": "디지털 트윈",
        "industrial-iot": "산업용 IoT",
        "quality-analytics": "품질 데이터 분석",
        "generative-ai": "생성형 AI",
        "robotics-rpa": "로봇/RPA",
        "erp-integration": "ERP 연동",
    },
    hubs={
        "changwon": "경남 창원",
        "ochang": "충북 오창",
        "busan-centum": "부산 센텀시티",
        "daegu-suseong": "대구 수성알파시티",
    },
)


def supplier(
    sid: str,
    text: str,
    caps: set[str],
    region: str,
    refs: tuple[tuple[str, str], ...] = (),
    *,
    own: tuple[str, ...] = ("58222",),
    employees: int = 20,
    band: str = "1b-10b",
    open_engagements: int = 1,
    completed: int = 3,
    rating: float | None = 4.2,
) -> SupplierProfile:
    lat, lon = PLACES[region]
    hub = HUB_OF[region]
    references = tuple(ReferenceSummary(f"{sid}-r{i}", t, k) for i, (t, k) in enumerate(refs))
    return SupplierProfile(
        id=sid,
        text=" ".join([text, *(t for t, _ in refs)]),
        capabilities=frozenset(caps),
        ksic_codes=own,
        reference_ksic=tuple(k for _, k in refs),
        region_code=region,
        lat=lat,
        lon=lon,
        hub=hub,
        linked_hubs=LINKS.get(hub, frozenset()),
        employees=employees,
        revenue_band=band,
        open_engagements=open_engagements,
        completed_projects=completed,
        rating=rating,
        references=references,
    )


SUPPLIERS = [
    supplier(
        "vision-weld",
        "딥러닝 머신비전으로 용접 비드의 외관 결함을 실시간 검출합니다. 기존 카메라를 그대로 활용해 라인 정지 없이 설치합니다.",
        {"vision-inspection", "quality-analytics"},
        "48123",
        (
            ("자동차 부품 용접 라인의 비드 불량 자동 검사 시스템 구축", "30399"),
            ("프레스 부품 외관검사 AI 도입", "25913"),
        ),
    ),
    supplier(
        "eye-ai",
        "Machine vision AI for surface defect inspection. 스크래치·찍힘·이물 등 표면 불량을 검출하는 비전검사 솔루션.",
        {"vision-inspection"},
        "26350",
        (("디스플레이 패널 외관 불량 검출", "26121"),),
    ),
    supplier(
        "optics-lab",
        "조명·광학 설계부터 판정 모델까지 비전 검사 장비를 한 번에 구축합니다. 이차전지 셀 외관 검사 경험.",
        {"vision-inspection", "industrial-iot"},
        "43113",
        (("2차전지 파우치 셀 외관 결함 검사", "28202"),),
    ),
    supplier(
        "pdm-sense",
        "진동·전류 센서로 설비 고장을 미리 예측하는 예지보전 플랫폼. 프레스와 공작기계의 이상 징후를 알려 줍니다.",
        {"predictive-maintenance", "industrial-iot"},
        "48250",
        (("프레스 설비 진동 기반 고장 예측", "25913"), ("CNC 공작기계 스핀들 예지보전", "29")),
    ),
    supplier(
        "machine-doctor",
        "Predictive maintenance (PdM) SaaS: vibration analytics and remaining useful life for rotating equipment.",
        {"predictive-maintenance", "data-platform"},
        "11680",
        (("송풍기 모터 잔여수명 예측", "29"),),
        own=("62010",),
    ),
    supplier(
        "iot-bridge",
        "PLC와 센서 데이터를 수집하는 산업용 IoT 게이트웨이와 대시보드를 공급합니다. 설비 가동률 모니터링.",
        {"industrial-iot", "data-platform"},
        "48123",
        (("사출 설비 가동률 모니터링", "22241"),),
    ),
    supplier(
        "cell-quality",
        "이차전지 전극 코팅 공정의 두께 편차를 분석하고 공정 조건을 최적화합니다. 품질 데이터 분석과 SPC.",
        {"quality-analytics", "process-optimisation"},
        "43113",
        (("배터리 전극 코팅 두께 편차 원인 분석", "28202"), ("양극재 소성 공정 수율 개선", "28202")),
    ),
    supplier(
        "battery-twin",
        "배터리 제조 공정 디지털트윈과 공정 시뮬레이션. 코팅·압연 공정 파라미터 최적화.",
        {"digital-twin", "process-optimisation"},
        "43113",
        (("2차전지 압연 공정 시뮬레이션", "28202"),),
    ),
    supplier(
        "aero-opt",
        "항공부품 정밀 가공 공정의 절삭 조건 최적화와 공구 수명 예측. CNC 가공 데이터 분석.",
        {"process-optimisation", "quality-analytics"},
        "48123",
        (("항공기 부품 5축 가공 사이클타임 단축", "31322"), ("항공 엔진 부품 가공 불량 분석", "31322")),
    ),
    supplier(
        "cnc-data",
        "CNC 공작기계 가공 데이터를 수집해 공정 조건을 최적화합니다. machining process optimization.",
        {"process-optimisation", "industrial-iot"},
        "27260",
        (("자동차 부품 가공 라인 최적화", "30399"),),
    ),
    supplier(
        "med-mes",
        "의료기기 제조 이력 관리 MES. 조립 공정 작업지시와 LOT 추적성, 밸리데이션 문서를 자동화합니다.",
        {"mes-mom", "erp-integration"},
        "27260",
        (("의료기기 조립 이력 추적 시스템 구축", "27199"), ("멸균 공정 기록 전산화", "27199")),
    ),
    supplier(
        "mes-one",
        "생산관리시스템(MES)과 ERP 연동. 작업지시, 실적관리, 추적성 관리를 표준 패키지로 제공합니다.",
        {"mes-mom", "erp-integration"},
        "48123",
        (("금속 가공 공장 MES 구축", "25913"),),
    ),
    supplier(
        "llm-docs",
        "생성형 AI와 LLM으로 작업표준서와 기술문서를 자동 작성하는 챗봇을 구축합니다.",
        {"generative-ai"},
        "26350",
        (("품질 문서 검색 챗봇", "30399"),),
        own=("62010",),
    ),
    supplier(
        "robot-cell",
        "협동로봇과 비전을 결합해 공작기계 소재 투입·배출을 자동화합니다. AMR로 자재 운반.",
        {"robotics-rpa", "vision-inspection"},
        "48250",
        (("공작기계 머신텐딩 로봇 셀", "29"),),
    ),
    supplier(
        "giant-si",
        "스마트공장 구축 전문 대기업 계열 SI. MES, ERP, 머신비전, 예지보전, 디지털트윈, 클라우드 등 모든 분야를 수행합니다.",
        {
            "mes-mom",
            "vision-inspection",
            "predictive-maintenance",
            "digital-twin",
            "erp-integration",
            "process-optimisation",
        },
        "11680",
        (("대형 조선소 스마트공장 구축", "31"),),
        own=("62021",),
        employees=3000,
        band="gt100b",
        open_engagements=40,
        completed=120,
        rating=3.9,
    ),
    supplier(
        "plain-erp",
        "회계, 구매, 영업 관리 ERP와 그룹웨어를 공급합니다.",
        {"erp-integration"},
        "27260",
        own=("62010",),
    ),
]


def need(
    nid: str,
    text: str,
    caps: set[str],
    ksic: str,
    region: str,
    budget: tuple[int, int] = (100_000_000, 200_000_000),
) -> NeedProfile:
    lat, lon = PLACES[region]
    hub = HUB_OF[region]
    return NeedProfile(
        id=nid,
        text=text,
        required_capabilities=frozenset(caps),
        ksic_code=ksic,
        region_code=region,
        lat=lat,
        lon=lon,
        hub=hub,
        linked_hubs=LINKS.get(hub, frozenset()),
        budget_min=budget[0],
        budget_max=budget[1],
        company_employees=120,
    )


NEEDS = [
    need(
        "weld",
        "용접 비드 외관 불량 검출. 자동차 부품 용접 라인에서 비드 결함을 작업자가 육안으로 검사하고 있어 누락이 많습니다.",
        {"vision-inspection"},
        "30399",
        "48123",
    ),
    need(
        "press",
        "프레스 설비 예지보전. 프레스 금형과 유압 설비가 갑자기 고장 나 라인이 멈춥니다. 진동 데이터로 고장을 미리 알고 싶습니다.",
        {"predictive-maintenance"},
        "25913",
        "48250",
    ),
    need(
        "coating",
        "이차전지 전극 코팅 두께 편차. 코팅 두께가 LOT마다 달라 불량이 납니다. 공정 조건과 두께 편차의 관계를 분석하고 싶습니다.",
        {"quality-analytics", "process-optimisation"},
        "28202",
        "43113",
    ),
    need(
        "aero",
        "항공부품 가공 공정 최적화. 항공기 부품 정밀 가공의 사이클타임이 길고 공구 마모로 가공 불량이 생깁니다.",
        {"process-optimisation"},
        "31322",
        "48123",
    ),
    need(
        "med",
        "의료기기 조립 이력 MES. 조립 공정의 작업 이력을 종이로 관리해 LOT 추적이 어렵습니다. 생산관리시스템을 도입하고 싶습니다.",
        {"mes-mom"},
        "27199",
        "27260",
    ),
]


@cache
def _built() -> MatchEngine:
    return MatchEngine(HashingEmbedder(), names=NAMES).index(SUPPLIERS, NEEDS)


def make_engine(**params: object) -> MatchEngine:
    """A fresh engine over the golden data (a new instance each call: tests may change it)."""
    return MatchEngine(HashingEmbedder(), names=NAMES, **params).index(SUPPLIERS, NEEDS)  # type: ignore[arg-type]


def shared_engine() -> MatchEngine:
    """One engine for read-only tests."""
    return _built()
