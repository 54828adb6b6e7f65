"""A needs list as a spreadsheet: every column once, for the import template, the import and the export.

An exported list imports again unchanged (a round trip): the export writes what the import reads,
plus 번호 and 수요기업, which the import reads past.
"""

from __future__ import annotations

from dxhub.core.columns import Column, Columns


def _capabilities(need: object) -> str:
    return ";".join(c.name_ko for c in need.required_capabilities.all())  # type: ignore[attr-defined]


NEED_COLUMNS = Columns(
    [
        Column("번호", write=lambda n: n.pk, imported=False),
        Column(
            "사업자등록번호",
            ("수요기업 사업자등록번호", "사업자번호", "사업자 등록번호", "BRN"),
            header_text="수요기업 사업자등록번호",
            read="brn",
            write=lambda n: n.company.brn_display,
            example="123-45-67891",
            required=True,
        ),
        Column("수요기업", write=lambda n: n.company.name, imported=False),
        Column(
            "제목",
            ("수요 제목", "과제명", "수요명", "title"),
            field="title",
            read="key",
            write=lambda n: n.title,
            example="용접 라인 외관 불량 자동 검출",
            required=True,
        ),
        Column(
            "업종(KSIC)",
            ("KSIC", "업종코드", "업종", "KSIC코드"),
            field="ksic_id",
            read="ksic",
            write=lambda n: n.ksic_id or "",
            example="29199",
        ),
        Column(
            "현장/공정",
            ("현장", "공정", "현장 및 공정", "site"),
            field="site",
            read="text",
            write=lambda n: n.site,
            example="본사 2공장 용접 라인",
        ),
        Column(
            "문제",
            ("문제점", "애로사항", "해결할 문제", "problem"),
            field="problem",
            read="long_text",
            write=lambda n: n.problem,
            example="용접 비드 외관 불량을 작업자가 육안으로 검사하여 누락이 잦습니다.",
        ),
        Column(
            "현재 방식",
            ("현행 방식", "current practice"),
            field="current_practice",
            read="text",
            write=lambda n: n.current_practice,
            example="작업자 2명 전수 육안 검사",
        ),
        Column(
            "보유 데이터 종류",
            ("데이터 종류", "보유데이터"),
            field="data_kinds",
            read="text",
            write=lambda n: n.data_kinds,
            example="비드 이미지, 불량 판정 기록",
        ),
        Column(
            "데이터 규모",
            ("데이터 양",),
            field="data_volume",
            read="text",
            write=lambda n: n.data_volume,
            example="이미지 약 5만 장",
        ),
        Column(
            "데이터 접근",
            ("데이터 접근 방식", "데이터 접근성"),
            field="data_access",
            read="text",
            write=lambda n: n.data_access,
            example="사내 서버, 반출 가능",
        ),
        Column(
            "목표 KPI",
            ("목표", "KPI", "target KPI"),
            field="target_kpi",
            read="text",
            write=lambda n: n.target_kpi,
            example="불량 유출 50% 감소",
        ),
        Column(
            "예산 하한(원)",
            ("예산 하한", "최소 예산", "budget from"),
            field="budget_min",
            read="won",
            write=lambda n: n.budget_min,
            example="3,000만원",
        ),
        Column(
            "예산 상한(원)",
            ("예산 상한", "최대 예산", "budget to"),
            field="budget_max",
            read="won",
            write=lambda n: n.budget_max,
            example="1억",
        ),
        Column(
            "기간(개월)",
            ("기간", "사업기간(개월)", "사업 기간", "timeline"),
            field="timeline_months",
            read="integer",
            bounds=(1, 600),
            write=lambda n: n.timeline_months,
            example="6",
        ),
        Column(
            "필요 기술",
            ("요구 기술", "필요기술", "required capabilities"),
            field="capability_ids",
            read="capabilities",
            write=_capabilities,
            example="비전 검사",
        ),
        Column(
            "상태",
            ("status",),
            field="status",
            read="status",
            write=lambda n: n.get_status_display(),
            example="임시저장",
        ),
        Column(
            "공개범위",
            ("공개 범위", "visibility"),
            field="visibility",
            read="choice",
            write=lambda n: n.get_visibility_display(),
            example="거점",
        ),
        Column(
            "거점",
            ("소속 거점", "hub"),
            field="hub_id",
            read="hub",
            write=lambda n: n.hub.name,
            example="",
        ),
    ]
)
