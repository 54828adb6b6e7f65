"""A companies list as a spreadsheet: every column once, for the import template, the import and the export.

The export writes the company's own columns; the template adds the primary contact (담당자); an
import also reads 영문명, 지역코드 and 홈페이지, which neither the template nor the export writes.
"""

from __future__ import annotations

from dxhub.core.columns import Column, Columns

MAX_EMPLOYEES = 2_000_000


def _ksic(company: object) -> str:
    return ";".join(k.code for k in company.ksic_codes.all())  # type: ignore[attr-defined]


def _capabilities(company: object) -> str:
    return ";".join(c.name_ko for c in company.capabilities.all())  # type: ignore[attr-defined]


COMPANY_COLUMNS = Columns(
    [
        Column(
            "사업자등록번호",
            ("사업자번호", "사업자 등록번호", "BRN", "business registration number"),
            field="brn",
            read="brn",
            write=lambda c: c.brn_display,
            example="123-45-67891",
            required=True,
        ),
        Column(
            "기업명",
            ("회사명", "업체명", "상호", "기업 이름", "company", "company name"),
            field="name",
            read="key",
            write=lambda c: c.name,
            example="창원정밀가공",
            required=True,
        ),
        Column("영문명", ("영문 기업명", "영문 회사명", "English name"), field="name_en", read="text"),
        Column(
            "구분",
            ("기업구분", "유형", "역할", "role", "kind"),
            field="kind",
            read="choice",
            write=lambda c: c.get_kind_display(),
            example="수요",
        ),
        Column(
            "KSIC",
            ("KSIC코드", "KSIC 코드", "업종코드", "업종(KSIC)", "표준산업분류"),
            field="ksic_codes",
            read="ksic_list",
            write=_ksic,
            example="29199;25",
        ),
        Column(
            "시도",
            ("시/도", "광역시도"),
            field="region_id",
            read="region",
            write=lambda c: c.region.parent.name if c.region.parent else "",
            example="경상남도",
        ),
        Column(
            "시군구",
            ("시/군/구", "시군구명"),
            field="region_id",
            read="region",
            write=lambda c: c.region.name,
            example="창원시성산구",
        ),
        Column("지역코드", ("행정구역코드", "시군구코드", "region code"), field="region_id", read="region"),
        Column(
            "주소",
            ("소재지", "address"),
            field="address",
            read="text",
            write=lambda c: c.address,
            example="경남 창원시 성산구 공단로 1",
        ),
        Column(
            "종업원수",
            ("직원수", "임직원수", "상시근로자수", "employees"),
            field="employees",
            read="integer",
            bounds=(0, MAX_EMPLOYEES),
            write=lambda c: c.employees,
            example="85",
        ),
        Column(
            "설립연도",
            ("설립년도", "설립일", "founded"),
            field="founded_year",
            read="year",
            write=lambda c: c.founded_year,
            example="1998",
        ),
        Column(
            "매출규모",
            ("매출액 규모", "매출액", "revenue"),
            field="revenue_band",
            read="revenue",
            write=lambda c: c.get_revenue_band_display(),
            example="100억~500억",
        ),
        Column(
            "거점",
            ("소속 거점", "혁신거점", "hub"),
            field="hub_id",
            read="hub",
            write=lambda c: c.hub.name if c.hub else "",
            example="",
        ),
        Column(
            "입주상태",
            ("입주구분", "입주 여부", "tenancy"),
            field="tenancy",
            read="choice",
            write=lambda c: c.get_tenancy_display(),
            example="지역기업",
        ),
        Column(
            "보유기술",
            ("기술분야", "역량", "capabilities"),
            field="capability_ids",
            read="capabilities",
            write=_capabilities,
            example="비전 검사;예지 보전",
        ),
        Column(
            "기업소개",
            ("회사소개", "소개", "description"),
            field="description",
            read="long_text",
            write=lambda c: c.description,
            example="자동차 부품 정밀가공, 용접 라인 외관 검사 자동화 관심",
        ),
        Column("홈페이지", ("웹사이트", "website"), field="website", read="url"),
        # The primary contact person (ContactPerson), written by an import only.
        Column(
            "담당자명",
            ("담당자", "담당자 이름", "contact name"),
            field="contact.name",
            read="text",
            example="김담당",
        ),
        Column(
            "담당자 이메일",
            ("이메일", "e-mail", "email", "contact email"),
            field="contact.email",
            read="email",
            example="dx@example.kr",
        ),
        Column(
            "담당자 전화",
            ("담당자 연락처", "연락처", "전화번호", "contact phone"),
            field="contact.phone",
            read="text",
            example="055-123-4567",
        ),
    ]
)
