"""The columns a hub's spreadsheet has, in Korean, with the aliases operators actually write.

The canonical names match EXPORT_HEADERS of dxhub.companies.selectors and dxhub.needs.selectors
where they overlap, so that an exported list re-imports unchanged (a round trip).
"""

from __future__ import annotations

# canonical header → other spellings seen in hub spreadsheets (spacing and case never matter).
COMPANY_COLUMNS: dict[str, tuple[str, ...]] = {
    "사업자등록번호": ("사업자번호", "사업자 등록번호", "BRN", "business registration number"),
    "기업명": ("회사명", "업체명", "상호", "기업 이름", "company", "company name"),
    "영문명": ("영문 기업명", "영문 회사명", "English name"),
    "구분": ("기업구분", "유형", "역할", "role", "kind"),
    "KSIC": ("KSIC코드", "KSIC 코드", "업종코드", "업종(KSIC)", "표준산업분류"),
    "시도": ("시/도", "광역시도"),
    "시군구": ("시/군/구", "시군구명"),
    "지역코드": ("행정구역코드", "시군구코드", "region code"),
    "주소": ("소재지", "address"),
    "종업원수": ("직원수", "임직원수", "상시근로자수", "employees"),
    "설립연도": ("설립년도", "설립일", "founded"),
    "매출규모": ("매출액 규모", "매출액", "revenue"),
    "거점": ("소속 거점", "혁신거점", "hub"),
    "입주상태": ("입주구분", "입주 여부", "tenancy"),
    "보유기술": ("기술분야", "역량", "capabilities"),
    "기업소개": ("회사소개", "소개", "description"),
    "홈페이지": ("웹사이트", "website"),
    "담당자명": ("담당자", "담당자 이름", "contact name"),
    "담당자 이메일": ("이메일", "e-mail", "email", "contact email"),
    "담당자 전화": ("담당자 연락처", "연락처", "전화번호", "contact phone"),
}
COMPANY_REQUIRED = ("사업자등록번호", "기업명")
COMPANY_TEMPLATE_HEADERS = [
    "사업자등록번호",
    "기업명",
    "구분",
    "KSIC",
    "시도",
    "시군구",
    "주소",
    "종업원수",
    "설립연도",
    "매출규모",
    "거점",
    "입주상태",
    "보유기술",
    "기업소개",
    "담당자명",
    "담당자 이메일",
    "담당자 전화",
]
COMPANY_EXAMPLE = [
    "123-45-67891",
    "창원정밀가공",
    "수요",
    "29199;25",
    "경상남도",
    "창원시성산구",
    "경남 창원시 성산구 공단로 1",
    "85",
    "1998",
    "100억~500억",
    "",
    "지역기업",
    "비전 검사;예지 보전",
    "자동차 부품 정밀가공, 용접 라인 외관 검사 자동화 관심",
    "김담당",
    "dx@example.kr",
    "055-123-4567",
]

NEED_COLUMNS: dict[str, tuple[str, ...]] = {
    "사업자등록번호": ("수요기업 사업자등록번호", "사업자번호", "사업자 등록번호", "BRN"),
    "제목": ("수요 제목", "과제명", "수요명", "title"),
    "업종(KSIC)": ("KSIC", "업종코드", "업종", "KSIC코드"),
    "현장/공정": ("현장", "공정", "현장 및 공정", "site"),
    "문제": ("문제점", "애로사항", "해결할 문제", "problem"),
    "현재 방식": ("현행 방식", "current practice"),
    "보유 데이터 종류": ("데이터 종류", "보유데이터"),
    "데이터 규모": ("데이터 양",),
    "데이터 접근": ("데이터 접근 방식", "데이터 접근성"),
    "목표 KPI": ("목표", "KPI", "target KPI"),
    "예산 하한(원)": ("예산 하한", "최소 예산", "budget from"),
    "예산 상한(원)": ("예산 상한", "최대 예산", "budget to"),
    "기간(개월)": ("기간", "사업기간(개월)", "사업 기간", "timeline"),
    "필요 기술": ("요구 기술", "필요기술", "required capabilities"),
    "상태": ("status",),
    "공개범위": ("공개 범위", "visibility"),
    "거점": ("소속 거점", "hub"),
}
NEED_REQUIRED = ("사업자등록번호", "제목")
# Columns an exported needs list has that an import reads past on purpose.
NEED_IGNORED = ("번호", "수요기업")
NEED_TEMPLATE_HEADERS = [
    "수요기업 사업자등록번호",
    "제목",
    "업종(KSIC)",
    "현장/공정",
    "문제",
    "현재 방식",
    "보유 데이터 종류",
    "데이터 규모",
    "데이터 접근",
    "목표 KPI",
    "예산 하한(원)",
    "예산 상한(원)",
    "기간(개월)",
    "필요 기술",
    "상태",
    "공개범위",
    "거점",
]
NEED_EXAMPLE = [
    "123-45-67891",
    "용접 라인 외관 불량 자동 검출",
    "29199",
    "본사 2공장 용접 라인",
    "용접 비드 외관 불량을 작업자가 육안으로 검사하여 누락이 잦습니다.",
    "작업자 2명 전수 육안 검사",
    "비드 이미지, 불량 판정 기록",
    "이미지 약 5만 장",
    "사내 서버, 반출 가능",
    "불량 유출 50% 감소",
    "3,000만원",
    "1억",
    "6",
    "비전 검사",
    "임시저장",
    "거점",
    "",
]


def normalize_header(text: str) -> str:
    """'사업자 등록번호 *' and '사업자등록번호' are the same column: no spaces, marks or case."""
    return "".join(text.split()).replace("*", "").lower()


def alias_map(columns: dict[str, tuple[str, ...]]) -> dict[str, str]:
    """Normalised spelling → canonical header."""
    mapping: dict[str, str] = {}
    for canonical, aliases in columns.items():
        for spelling in (canonical, *aliases):
            mapping.setdefault(normalize_header(spelling), canonical)
    return mapping
