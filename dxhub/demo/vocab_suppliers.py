"""SW/AI supplier archetypes: what each kind of supplier is called, sells and is certified for.

An archetype ties a supplier's capabilities, KSIC codes, name words and product texts together, so that a
generated vision-AI firm sells inspection software and not, say, an ERP connector.
"""

from __future__ import annotations

from dataclasses import dataclass

from dxhub.demo.vocab import Weighted, Word


@dataclass(frozen=True, slots=True)
class Archetype:
    """One kind of SW/AI supplier. `hubs` weighs how common it is at each hub (0: absent)."""

    key: str
    label: str
    primary: tuple[str, ...]
    secondary: tuple[str, ...]
    ksic: Weighted[str]
    cores: tuple[Word, ...]
    hubs: dict[str, int]
    products: tuple[str, ...]
    features: tuple[str, ...]
    certs: Weighted[str] = ()


ARCHETYPES: tuple[Archetype, ...] = (
    Archetype(
        "vision",
        "머신비전 AI",
        ("vision-inspection",),
        ("quality-analytics", "robotics-rpa", "industrial-iot"),
        (("58222", 3), ("62010", 2), ("70121", 1)),
        (("비전", "Vision"), ("아이", "Eye"), ("뷰", "View"), ("옵틱스", "Optics"), ("아이즈", "Eyes")),
        {"changwon": 3, "daegu-suseong": 3, "ochang": 2, "busan-centum": 1},
        (
            "{brand} Vision Inspector",
            "{brand}Eye AI",
            "딥러닝 외관검사 {brand}-VI",
            "AI 불량검출 키트 {brand}",
        ),
        (
            "딥러닝 기반으로 스크래치·찍힘·이물 등 외관 결함을 실시간 검출합니다.",
            "불량 샘플 50장 내외로도 학습하는 이상탐지 모델을 제공합니다.",
            "기존 검사 장비의 카메라를 그대로 활용해 라인 정지 없이 설치합니다.",
            "검사 결과는 MES로 자동 전송되어 LOT별 불량 이력을 추적할 수 있습니다.",
            "엣지 PC 한 대로 초당 30장 이상을 처리합니다.",
            "조명·광학 설계부터 판정 모델까지 한 번에 구축합니다.",
        ),
    ),
    Archetype(
        "pdm",
        "설비 예지보전",
        ("predictive-maintenance",),
        ("industrial-iot", "data-platform", "energy-management"),
        (("58222", 3), ("62010", 2)),
        (
            ("센싱", "Sensing"),
            ("모니터", "Monitor"),
            ("케어", "Care"),
            ("웨이브", "Wave"),
            ("시그널", "Signal"),
        ),
        {"changwon": 3, "daegu-suseong": 2, "ochang": 1, "busan-centum": 1},
        ("{brand} PdM", "설비 건강관리 플랫폼 {brand}Care", "{brand} 진동 분석 서버"),
        (
            "무선 진동·전류 센서를 부착해 노후 설비에서도 데이터를 수집합니다.",
            "고장 수일 전 이상 징후를 감지해 정비 시점을 알려 줍니다.",
            "스핀들·펌프·감속기 등 회전체 고장 모드별 진단 모델을 제공합니다.",
            "정비 이력과 연동해 잔여 수명과 예비품 재고를 함께 관리합니다.",
            "현장 담당자 스마트폰으로 알람과 조치 가이드를 보냅니다.",
        ),
    ),
    Archetype(
        "mes",
        "스마트공장 MES",
        ("mes-mom",),
        ("erp-integration", "data-platform", "quality-analytics"),
        (("58222", 3), ("62021", 3)),
        (
            ("시스템", "System"),
            ("정보기술", "IT"),
            ("인포텍", "Infotech"),
            ("솔루션", "Solution"),
            ("아이티", "IT"),
        ),
        {"changwon": 2, "ochang": 2, "busan-centum": 2, "daegu-suseong": 2},
        ("{brand} MES", "클라우드 MES {brand}-Cloud", "{brand} 생산실적 관리", "{brand} LOT 추적"),
        (
            "작업지시·실적·LOT 추적을 태블릿과 바코드로 처리합니다.",
            "더존·영림원 등 국산 ERP와 표준 연동 모듈을 제공합니다.",
            "스마트공장 보급사업 공급기업으로 100여 개 공장에 구축했습니다.",
            "설비 가동 데이터를 자동 수집해 실시간 가동률을 보여 줍니다.",
            "의료기기·항공 등 규제 산업의 전자 기록 요건을 지원합니다.",
        ),
    ),
    Archetype(
        "twin-xr",
        "디지털 트윈·메타버스",
        ("digital-twin", "xr-metaverse"),
        ("process-optimisation", "industrial-iot"),
        (("58222", 3), ("62010", 2)),
        (
            ("메타", "Meta"),
            ("트윈", "Twin"),
            ("리얼리티", "Reality"),
            ("스페이스", "Space"),
            ("버스", "Verse"),
        ),
        {"changwon": 4, "busan-centum": 2, "daegu-suseong": 1},
        (
            "{brand} Twin",
            "XR 작업훈련 {brand} Trainer",
            "{brand} 가상공장 시뮬레이터",
            "AR 원격지원 {brand}Link",
        ),
        (
            "CAD 데이터를 바로 불러와 공장과 설비를 3D로 구성합니다.",
            "라인 레이아웃과 물류 동선을 가동 전에 시뮬레이션합니다.",
            "VR 헤드셋으로 조립·정비 절차를 반복 훈련할 수 있습니다.",
            "AR 글라스로 본사 엔지니어가 현장 작업자를 원격 지원합니다.",
            "실시간 설비 데이터를 3D 모델에 연결해 가상 시운전을 지원합니다.",
        ),
    ),
    Archetype(
        "iot",
        "산업용 IoT·엣지",
        ("industrial-iot",),
        ("energy-management", "data-platform", "predictive-maintenance"),
        (("62010", 3), ("26299", 1), ("58221", 2)),
        (("커넥트", "Connect"), ("링크", "Link"), ("넷", "Net"), ("엣지", "Edge"), ("센서", "Sensor")),
        {"ochang": 2, "changwon": 2, "busan-centum": 1, "daegu-suseong": 1},
        ("{brand} Edge Gateway", "{brand} IoT 수집기", "무선 센서 키트 {brand}-S"),
        (
            "지멘스·미쓰비시·LS 등 주요 PLC와 OPC-UA 통신을 지원합니다.",
            "통신이 안 되는 노후 설비는 전류·진동 센서로 가동 상태를 수집합니다.",
            "엣지 게이트웨이에서 데이터를 전처리해 폐쇄망에서도 운영합니다.",
            "설치 하루 만에 설비 가동률 대시보드를 띄웁니다.",
        ),
    ),
    Archetype(
        "data-cloud",
        "데이터·클라우드",
        ("cloud-migration", "data-platform"),
        ("cybersecurity", "erp-integration"),
        (("63112", 3), ("63111", 2), ("62021", 2)),
        (
            ("클라우드", "Cloud"),
            ("데이터", "Data"),
            ("큐브", "Cube"),
            ("플랫폼", "Platform"),
            ("스택", "Stack"),
        ),
        {"ochang": 4, "busan-centum": 3, "daegu-suseong": 1, "changwon": 1},
        ("{brand} Data Lake", "제조 데이터 플랫폼 {brand}", "{brand} 클라우드 전환 서비스"),
        (
            "사내 서버를 퍼블릭·프라이빗 클라우드로 단계적으로 전환합니다.",
            "공정·품질·설비 데이터를 한곳에 모아 분석 가능한 형태로 정리합니다.",
            "제조 현장용 데이터 카탈로그와 대시보드를 제공합니다.",
            "국내 리전에 데이터를 두어 고객사 보안 요건을 맞춥니다.",
        ),
        (("클라우드 서비스 보안인증(CSAP)", 4), ("ISO/IEC 27001", 4)),
    ),
    Archetype(
        "genai",
        "생성형 AI",
        ("generative-ai",),
        ("data-platform", "erp-integration"),
        (("58222", 3), ("62010", 2), ("70129", 1)),
        (
            ("브레인", "Brain"),
            ("마인드", "Mind"),
            ("에이아이", "AI"),
            ("인텔리전스", "Intelligence"),
            ("랩", "Lab"),
        ),
        {"busan-centum": 3, "daegu-suseong": 3, "changwon": 2, "ochang": 1},
        ("{brand} 문서 AI", "제조 지식 챗봇 {brand}GPT", "{brand} 도면 검색"),
        (
            "사내 문서·도면·규격서를 검색해 근거와 함께 답하는 RAG 챗봇을 구축합니다.",
            "검사성적서·기술문서 초안을 양식에 맞춰 자동으로 작성합니다.",
            "폐쇄망에 설치하는 온프레미스 경량 LLM을 제공합니다.",
            "한국어·영어 기술문서 번역과 용어 관리를 지원합니다.",
        ),
    ),
    Archetype(
        "robotics",
        "로봇·자동화",
        ("robotics-rpa",),
        ("vision-inspection", "process-optimisation"),
        (("62021", 3), ("58222", 2)),
        (("로보틱스", "Robotics"), ("오토메이션", "Automation"), ("모션", "Motion"), ("로봇", "Robot")),
        {"changwon": 2, "daegu-suseong": 2, "busan-centum": 1},
        ("{brand} 협동로봇 셀", "{brand} 비전 피킹", "AMR 물류 {brand}-Go"),
        (
            "협동로봇과 비전을 결합해 공작기계 소재 투입·배출을 자동화합니다.",
            "AMR로 공정 간 자재 운반을 자동화하고 MES와 연동합니다.",
            "사무 업무 RPA로 수주·출하 전표 입력을 자동화합니다.",
            "안전 인증을 받은 로봇 셀을 표준 패키지로 공급합니다.",
        ),
    ),
    Archetype(
        "process-ai",
        "공정 AI·품질 분석",
        ("process-optimisation", "quality-analytics"),
        ("data-platform", "energy-management"),
        (("58222", 3), ("70129", 2), ("63111", 1)),
        (
            ("애널리틱스", "Analytics"),
            ("매트릭스", "Matrix"),
            ("인사이트", "Insight"),
            ("알고리즘", "Algorithm"),
        ),
        {"ochang": 3, "changwon": 2, "daegu-suseong": 2, "busan-centum": 1},
        ("{brand} 공정 최적화", "AI 수율 분석 {brand}-Yield", "{brand} SPC"),
        (
            "공정 조건과 품질 결과를 학습해 최적 레시피를 추천합니다.",
            "SPC와 이상탐지로 불량 전조를 조기에 알려 줍니다.",
            "수율 저하 원인을 공정·설비·자재 LOT 단위로 추적합니다.",
            "데이터 과학자가 현장에 상주하며 분석 과제를 함께 수행합니다.",
        ),
    ),
    Archetype(
        "security",
        "OT 보안",
        ("cybersecurity",),
        ("industrial-iot", "cloud-migration"),
        (("58221", 3), ("62021", 2)),
        (("시큐리티", "Security"), ("가드", "Guard"), ("실드", "Shield"), ("세이프", "Safe")),
        {"busan-centum": 2, "changwon": 1, "ochang": 1, "daegu-suseong": 1},
        ("{brand} OT Guard", "제어망 자산관리 {brand}", "{brand} 보안 컨설팅"),
        (
            "제어망 트래픽을 수동 감시해 설비에 영향 없이 자산과 이상 통신을 식별합니다.",
            "고객사 보안 감사(TISAX 등) 대응 컨설팅을 제공합니다.",
            "망 분리와 USB 통제로 랜섬웨어 유입을 막습니다.",
        ),
        (("ISO/IEC 27001", 6),),
    ),
    Archetype(
        "energy",
        "에너지·탄소 관리",
        ("energy-management",),
        ("industrial-iot", "data-platform"),
        (("58222", 3), ("62021", 2)),
        (("에너지", "Energy"), ("그린", "Green"), ("카본", "Carbon"), ("파워", "Power")),
        {"ochang": 2, "changwon": 1, "busan-centum": 1, "daegu-suseong": 1},
        ("{brand} FEMS", "탄소 배출 산정 {brand}-Carbon", "{brand} 전력 모니터링"),
        (
            "설비별 전력·가스 사용량을 실시간으로 계측합니다.",
            "제품 단위 탄소 배출량을 산정해 고객사 제출 양식으로 출력합니다.",
            "피크 전력을 예측해 공조·압축기 운전을 최적화합니다.",
        ),
    ),
    Archetype(
        "scm",
        "물류·공급망",
        ("supply-chain",),
        ("erp-integration", "robotics-rpa", "data-platform"),
        (("58222", 3), ("62021", 2), ("63111", 1)),
        (("로지스", "Logis"), ("체인", "Chain"), ("트랙", "Track"), ("무브", "Move")),
        {"busan-centum": 4, "changwon": 1, "daegu-suseong": 1},
        ("{brand} WMS", "수요예측 {brand}-Forecast", "{brand} 서열 납품 관리"),
        (
            "완성차·고객사 발주 데이터를 받아 생산·출하 계획을 자동으로 세웁니다.",
            "창고 재고를 바코드·RFID로 실시간 관리합니다.",
            "머신러닝 수요예측으로 안전재고를 줄입니다.",
        ),
    ),
    Archetype(
        "ai-chip",
        "AI 반도체·엣지 AI",
        ("industrial-iot", "vision-inspection"),
        ("cloud-migration", "process-optimisation"),
        (("26112", 2), ("70121", 2)),
        (("세미", "Semi"), ("칩스", "Chips"), ("뉴로", "Neuro"), ("엔피유", "NPU")),
        {"ochang": 4},
        ("{brand} NPU 엣지 보드", "{brand} 추론 가속기", "저전력 비전 AI 모듈 {brand}-N"),
        (
            "국산 NPU로 검사 카메라 옆에서 딥러닝 추론을 처리합니다.",
            "GPU 대비 전력 소모를 3분의 1로 줄인 엣지 추론 모듈을 제공합니다.",
            "클라우드 없이 현장에서 모델을 돌려 데이터 반출이 필요 없습니다.",
        ),
    ),
)
ARCHETYPES_BY_KEY = {a.key: a for a in ARCHETYPES}

# Manufacturers that also sell software (kind "both") register a software code next to their own.
BOTH_EXTRA_KSIC = ("58222", "62010")
