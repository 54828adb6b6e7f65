"""Building blocks of a DX need: problem scenarios per industry and phrase pools shared by all of them.

A need is assembled from independent parts (context, symptom, impact, constraint, current practice, data,
target KPI), each with several phrasings, so that 180 needs do not read like one template with the nouns
swapped. Templates use `{name}` slots filled by the generator and `{name:을}` for agreeing particles.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Scenario:
    """One recurring factory problem of an industry, with several ways of telling each part of it.

    `products` limits the scenario to firms making those products (empty: any product of the industry);
    `data_type` picks the matching data-volume phrases (image, sensor, table, doc).
    """

    key: str
    industry: str
    caps: tuple[str, ...]
    processes: tuple[str, ...]
    titles: tuple[str, ...]
    symptoms: tuple[str, ...]
    practices: tuple[str, ...]
    data_kinds: tuple[str, ...]
    data_type: str
    kpis: tuple[str, ...]
    results: tuple[str, ...]
    products: tuple[str, ...] = ()


# {plant} is a building ("제2공장"), {process} a process or team ("전극 코팅", "품질보증팀"), {site} both.
CONTEXTS: tuple[str, ...] = (
    "당사는 {place}에서 {product:을} 생산하는 직원 {employees}명 규모의 제조기업입니다.",
    "{plant}에서 {product:을} {shift}로 생산하고 있습니다.",
    "저희 {plant}에서 만드는 {product:은} 대부분 {customer}에 납품됩니다.",
    "주력 제품인 {product:은} {customer} 물량이 늘면서 {process} 쪽 부담이 커졌습니다.",
    "{year}년에 증설한 {plant}에서 {product:을} 만들고 있습니다.",
    "{customer}의 요구 수준이 해마다 올라가면서 {process} 개선이 시급해졌습니다.",
    "{product} 생산과 관련해 {process}에서 문제가 가장 큽니다.",
    "현재 {plant:은} {shift}로 돌아가며 {product:을} 주로 생산합니다.",
    "올해 {customer}에서 신규 물량을 수주하면서 {plant} 가동률이 크게 올랐습니다.",
    "우리 회사는 {founded}년부터 {product:을} 만들어 온 {industry_label} 전문 업체입니다.",
    "매출의 절반 이상이 {product}에서 나오는데, 이번 과제는 {process} 쪽입니다.",
    "작년부터 {plant}에서 {product} 생산량을 꾸준히 늘리고 있습니다.",
    "{place}에 있는 본사 공장에서 {product:을} 생산해 {customer}에 공급합니다.",
    "{process} 담당 부서가 직접 정리한 과제입니다.",
)

IMPACTS: tuple[str, ...] = (
    "이 때문에 월 평균 {won_month} 정도의 재작업·폐기 비용이 발생합니다.",
    "작년 하반기에만 고객 클레임이 {claims}건 접수됐습니다.",
    "숙련 작업자 {people}명이 이 일에 묶여 있어 다른 공정에 인력을 돌리기 어렵습니다.",
    "납기 지연이 겹치면서 고객사 협력사 평가 점수가 떨어졌습니다.",
    "문제가 생기면 원인을 찾는 데만 {hours}시간 넘게 걸립니다.",
    "젊은 직원들이 이 업무를 기피해 이직도 잦습니다.",
    "이 일을 맡아 온 베테랑이 {retire} 정년퇴직할 예정이라 노하우가 끊길까 걱정입니다.",
    "고객사 품질 감사에서 같은 지적을 두 번 연속 받았습니다.",
    "설비 한 대가 서면 하루 {won_day} 규모의 생산 차질이 생깁니다.",
    "올해는 고객사 단가 인하 요구까지 겹쳐 이 손실을 더 감당하기 어렵습니다.",
    "야간 조는 관리자 없이 돌아가서 문제를 아침에야 알게 됩니다.",
    "같은 문제로 신규 고객사 승인 심사가 한 차례 미뤄졌습니다.",
)

CONSTRAINTS: tuple[str, ...] = (
    "생산 라인을 세울 수 있는 시간은 주말 {stop_hours}시간 정도뿐입니다.",
    "공장 내부망이 인터넷과 분리되어 있어 클라우드 서비스는 쓰기 어렵습니다.",
    "고객사 보안 규정상 데이터를 밖으로 가져갈 수 없어 현장 설치형(온프레미스)을 원합니다.",
    "전산 담당자가 1명뿐이라 도입 후 운영이 단순해야 합니다.",
    "기존 {legacy:과} 연동되어야 합니다.",
    "스마트공장 보급사업 매칭 예산을 활용할 계획입니다.",
    "먼저 한 개 라인에서 PoC를 하고, 효과가 확인되면 전 라인으로 넓히려 합니다.",
    "현장 작업자 평균 연령이 50대라 화면과 조작이 쉬워야 합니다.",
    "외국인 근로자가 많아 베트남어 등 다국어 화면이 필요합니다.",
    "지역 안에서 유지보수를 받을 수 있는 공급기업이면 좋겠습니다.",
    "연내 성과를 보고해야 해서 {months_lo}개월 안에 1차 결과가 나와야 합니다.",
    "데이터 라벨링은 저희 현장 인력이 함께 할 수 있습니다.",
)

INDUSTRY_CONSTRAINTS: dict[str, tuple[str, ...]] = {
    "semiconductor": (
        "클린룸 안에 설치해야 해서 장비 반입 절차가 까다롭습니다.",
        "고객사 승인 없이는 공정 조건을 바꿀 수 없어 모니터링부터 시작하려 합니다.",
    ),
    "battery": (
        "일부 구역이 방폭 구역이라 방폭 사양 장비가 필요합니다.",
        "드라이룸 출입이 제한되어 설치 일정을 미리 잡아야 합니다.",
    ),
    "aerospace": (
        "고객사 승인이 필요한 특수공정 변경은 범위에서 빼고 싶습니다.",
        "방산 물량이 섞여 있어 보안 서약과 출입 절차가 필요합니다.",
    ),
    "medical": (
        "의료기기 GMP 밸리데이션 문서가 함께 필요합니다.",
        "소프트웨어를 바꿀 때마다 변경관리 기록을 남길 수 있어야 합니다.",
    ),
    "machinery": (
        "주문 생산이라 제품마다 조건이 달라 범용성이 중요합니다.",
        "현장에 분진과 절삭유가 많아 센서 내구성이 중요합니다.",
    ),
    "automotive": (
        "고객사 PPAP 재승인이 필요 없는 범위에서 적용해야 합니다.",
        "완성차 공급을 멈출 수 없어 주말에만 설치할 수 있습니다.",
    ),
}

WANTS: tuple[str, ...] = (
    "비슷한 현장에 적용해 본 공급기업의 제안을 받고 싶습니다.",
    "우선 현장을 보고 가능성을 진단해 줄 곳을 찾습니다.",
    "솔루션 도입과 함께 내부 인력 교육까지 지원받기를 원합니다.",
    "{cap} 분야 레퍼런스가 있는 기업과 협의하고 싶습니다.",
    "거점 입주기업과 함께 지역 실증 과제로 진행하면 좋겠습니다.",
)

PRACTICE_ADDONS: tuple[str, ...] = (
    "결과는 엑셀로 정리해 주간 회의에서 보고합니다.",
    "측정값은 종이 체크시트에 적은 뒤 월말에 한꺼번에 입력합니다.",
    "담당자 경험에 의존하다 보니 사람마다 판단이 다릅니다.",
    "작년에 외부 업체 견적을 받아 봤지만 비용이 너무 커서 보류했습니다.",
    "자체적으로 엑셀 매크로를 만들어 봤지만 관리가 안 됐습니다.",
    "정부지원 사업으로 기초 수준 스마트공장은 구축해 두었습니다.",
)

VOLUMES: dict[str, tuple[str, ...]] = {
    "image": (
        "하루 약 {n_img}장",
        "불량 샘플 이미지 약 {n_defect}장",
        "최근 {years}년치 약 {gb}GB",
        "아직 없음 (촬영 환경부터 구성 필요)",
    ),
    "sensor": (
        "설비 {n_eq}대, 1초 주기 센서 {n_sensor}개",
        "최근 {years}년치 약 {gb}GB",
        "수기 기록 {years}년치, 센서 데이터는 아직 없음",
        "PLC 태그 약 {n_tags}개",
    ),
    "table": (
        "MES·ERP 이력 약 {n_rows}만 건",
        "엑셀 파일 {years}년치",
        "LOT 이력 {years}년치, 약 {n_rows}만 건",
    ),
    "doc": ("문서 약 {n_docs}건", "도면·문서 {years}년치, 약 {gb}GB", "PDF·엑셀 문서 수천 건"),
}

ACCESS: tuple[str, ...] = (
    "사내 서버(폐쇄망) 보관, 현장 방문 시 열람 가능",
    "NDA 체결 후 샘플 데이터 제공 가능",
    "USB 반출은 보안 승인 필요",
    "MES DB 읽기 전용 계정 제공 가능",
    "일부는 종이 기록이라 전산화가 필요함",
    "설비 PLC에서 직접 수집해야 함 (현재 미수집)",
    "고객사 정보를 가린 뒤 클라우드 업로드 가능",
    "품질팀 공유 폴더, 협의 후 사본 제공",
)

CLOSINGS: dict[str, tuple[str, ...]] = {
    "solved": (
        "{hub_short} 거점 매칭으로 만난 공급기업과 PoC를 마치고 본사업 계약을 맺었습니다.",
        "거점에서 소개받은 기업과 1차 구축을 끝내고 종료합니다.",
    ),
    "elsewhere": (
        "기존 설비 공급사의 옵션 업그레이드로 해결했습니다.",
        "고객사 상생협력 프로그램으로 해결했습니다.",
    ),
    "cancelled": ("해당 제품이 단종되어 과제를 취소합니다.", "라인 이전 계획이 잡혀 보류합니다."),
    "budget": (
        "올해 예산을 확보하지 못해 내년에 다시 등록하겠습니다.",
        "정부지원 사업에 선정되지 않아 보류합니다.",
    ),
    "other": ("내부 검토 결과 자체 개발로 방향을 바꿨습니다.",),
}

PLANTS: tuple[str, ...] = ("본사 공장", "제1공장", "제2공장", "신공장", "{place} 공장")
SHIFTS: tuple[str, ...] = ("2교대", "3교대 24시간", "주간 1교대", "주야 2교대")
LEGACY: tuple[str, ...] = ("더존 ERP", "자체 개발 MES", "엑셀 생산일보", "영림원 ERP", "기존 POP 시스템")

# Values for the numeric slots; small sets keep the texts realistic and the analysis cache warm at scale.
NUMBERS: dict[str, tuple[str, ...]] = {
    "pct": ("1.2", "1.8", "2.3", "2.7", "3.1", "3.5", "4.2", "5.0", "6.4"),
    "pct_lo": ("0.3", "0.5", "0.8"),
    "big_pct": ("15", "20", "25", "30", "35", "40"),
    "red": ("20", "25", "30", "35", "40", "45"),
    "ppm": ("150", "300", "450", "800", "1,200"),
    "people": ("2", "3", "4", "5", "6"),
    "hours": ("2", "3", "4", "6", "8"),
    "days": ("3", "5", "7", "10", "14"),
    "days_lo": ("1", "2"),
    "weeks": ("2", "3", "4"),
    "months": ("4", "6", "8"),
    "months_lo": ("1", "2", "3"),
    "count": ("3", "4", "5", "6", "8"),
    "claims": ("3", "5", "7", "9", "12"),
    "n_eq": ("6", "8", "12", "16", "24"),
    "speed": ("40", "50", "60", "80"),
    "years": ("2", "3", "5"),
    "gb": ("80", "200", "350", "600"),
    "n_img": ("3,000", "8,000", "12,000", "25,000"),
    "n_defect": ("300", "800", "1,500"),
    "n_sensor": ("12", "24", "48", "96"),
    "n_tags": ("200", "500", "1,200"),
    "n_rows": ("40", "120", "300"),
    "n_docs": ("1,200", "3,500", "8,000"),
    "stop_hours": ("4", "6", "8"),
    "yield_gain": ("1.5", "2", "3"),
    "det_before": ("82", "85", "88", "90"),
    "det_after": ("97.5", "98.6", "99.2", "99.6"),
    "won_month": ("800만 원", "1,200만 원", "2,000만 원", "3,500만 원", "5천만 원"),
    "won_day": ("1,500만 원", "3천만 원", "8천만 원", "1억 원"),
    "retire": ("내년에", "2년 안에"),
}

# (budget from, budget to) in won; bigger firms draw from further down the list.
BUDGETS: tuple[tuple[int, int], ...] = (
    (20_000_000, 50_000_000),
    (30_000_000, 50_000_000),
    (30_000_000, 80_000_000),
    (50_000_000, 100_000_000),
    (50_000_000, 150_000_000),
    (80_000_000, 200_000_000),
    (100_000_000, 200_000_000),
    (100_000_000, 300_000_000),
    (200_000_000, 500_000_000),
)
TIMELINES: tuple[int, ...] = (3, 4, 6, 6, 8, 9, 12, 12, 18)


def all_scenarios() -> tuple[Scenario, ...]:
    """Every scenario of the six industries (imported here to keep each module short)."""
    from dxhub.demo.scenarios_air_med import AEROSPACE, MEDICAL
    from dxhub.demo.scenarios_chips_cells import BATTERY, SEMICONDUCTOR
    from dxhub.demo.scenarios_mech_auto import AUTOMOTIVE, MACHINERY

    return (*SEMICONDUCTOR, *BATTERY, *AEROSPACE, *MEDICAL, *MACHINERY, *AUTOMOTIVE)
