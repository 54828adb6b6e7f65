"""Word lists for the demo data: places, industries and the four hubs' mix of firms.

Every KSIC code and 시군구 code here is a real one from dxhub/reference/data (tests check it). Road names
are real main roads of each district; house numbers are invented.
"""

from __future__ import annotations

from dataclasses import dataclass

type Weighted[T] = tuple[tuple[T, int], ...]
type Word = tuple[str, str]  # (Korean, romanised): "셀텍", "Celltech"


@dataclass(frozen=True, slots=True)
class Place:
    """A 시군구 as people in the region name it, with a few real roads and its industrial complex."""

    name: str
    roads: tuple[str, ...]
    complex: str = ""
    address: str = ""  # district as addresses write it today, when the packaged boundaries predate it


PLACES: dict[str, Place] = {
    # 충북 (Ochang hub; 오창 is in the former 청원군, code 43710 in the packaged boundaries)
    "43710": Place(
        "오창",
        ("과학산업1로", "과학산업2로", "과학산업3로", "오창대로"),
        "오창과학산업단지",
        "청주시 청원구 오창읍",
    ),
    "43113": Place("청주", ("직지대로", "오송생명로", "가로수로"), "청주일반산업단지"),
    "43111": Place("청주", ("상당로", "1순환로", "단재로")),
    "43750": Place("진천", ("산수산단로", "대소로", "문화로"), "진천 산수산업단지"),
    "43770": Place("음성", ("대금로", "원남로", "맹동혁신로"), "음성 성본산업단지"),
    "43745": Place("증평", ("증평로", "광장로"), "증평일반산업단지"),
    # 경남 (Changwon hub)
    "48123": Place("창원", ("창원대로", "완암로", "웅남로", "공단로", "중앙대로"), "창원국가산업단지"),
    "48121": Place("창원", ("팔용로", "차룡로", "창이대로", "의창대로"), "창원국가산업단지"),
    "48127": Place("마산", ("봉암북7길", "내서로", "3·15대로"), "봉암공단"),
    "48125": Place("마산", ("해안대로", "진북산단로"), "진북일반산업단지"),
    "48129": Place("진해", ("진해대로", "남의로", "웅동로")),
    "48170": Place("진주", ("진주대로", "정촌산단로", "사들로"), "경남항공국가산업단지 진주지구"),
    "48240": Place("사천", ("사천대로", "용당로", "종포로"), "경남항공국가산업단지 사천지구"),
    "48250": Place("김해", ("김해대로", "골든루트로", "주촌로"), "김해 골든루트일반산업단지"),
    "48330": Place("양산", ("어곡공단로", "산막공단로", "양산대로"), "양산 어곡산업단지"),
    "48730": Place("함안", ("칠서산단로", "함마대로"), "함안 칠서산업단지"),
    # 부산 (Busan Centum hub)
    "26350": Place("센텀", ("센텀중앙로", "센텀동로", "센텀서로", "수영강변대로", "APEC로")),
    "26500": Place("수영", ("수영로", "광안해변로")),
    "26470": Place("연제", ("중앙대로", "월드컵대로")),
    "26230": Place("서면", ("중앙대로", "서면로", "전포대로")),
    "26290": Place("문현", ("문현금융로", "전포대로")),
    "26440": Place("녹산", ("녹산산단로", "미음산단로", "과학산단로"), "녹산국가산업단지"),
    "26530": Place("사상", ("학장로", "새벽로", "낙동대로"), "사상공업지역"),
    "26710": Place("기장", ("정관산단로", "기장대로"), "정관일반산업단지"),
    "26380": Place("사하", ("장평로", "다대로"), "신평장림산업단지"),
    # 대구·경북 (Daegu Suseong Alpha City hub)
    "27260": Place("수성알파시티", ("알파시티1로", "알파시티2로", "달구벌대로")),
    "27140": Place("대구 동구", ("첨단로", "동내로", "혁신대로"), "대구첨단의료복합단지"),
    "27110": Place("대구 중구", ("국채보상로", "동덕로")),
    "27230": Place("대구 북구", ("호암로", "유통단지로", "침산로"), "대구 제3산업단지"),
    "27290": Place("성서", ("성서공단로", "성서로", "달구벌대로"), "성서산업단지"),
    "27710": Place("달성", ("테크노중앙대로", "국가산단대로", "비슬로"), "대구테크노폴리스"),
    "27170": Place("대구 서구", ("국채보상로", "북비산로"), "서대구산업단지"),
    "47290": Place("경산", ("진량공단로", "경산로"), "경산 진량산업단지"),
    # 수도권 (capital-area suppliers serving a hub)
    "11680": Place("강남", ("테헤란로", "선릉로", "강남대로")),
    "41135": Place("판교", ("판교역로", "대왕판교로", "판교로")),
    "11545": Place("가산", ("가산디지털1로", "디지털로")),
    "11530": Place("구로", ("디지털로", "구로중앙로")),
    "11440": Place("마포", ("월드컵북로", "양화로")),
    "41117": Place("광교", ("광교로", "영통로")),
}

CAPITAL_REGIONS: Weighted[str] = (
    ("11680", 3),
    ("41135", 3),
    ("11545", 2),
    ("11530", 1),
    ("11440", 1),
    ("41117", 1),
)


@dataclass(frozen=True, slots=True)
class Industry:
    """A manufacturing industry whose firms post needs: its products (with KSIC code) and customers."""

    key: str
    label: str
    client_label: str
    products: tuple[tuple[str, str], ...]
    customers: tuple[str, ...]
    cores: tuple[Word, ...]
    certifications: Weighted[str]


INDUSTRIES: dict[str, Industry] = {
    "semiconductor": Industry(
        "semiconductor",
        "반도체",
        "반도체 후공정 기업",
        (
            ("메모리 후공정 패키지(FBGA)", "26111"),
            ("전력반도체 모듈", "26129"),
            ("웨이퍼 레벨 패키지(WLP)", "26112"),
            ("이미지센서 패키지", "26112"),
            ("반도체 테스트 소켓", "26299"),
            ("프로브카드", "29271"),
            ("반도체 장비용 세라믹 부품", "29271"),
            ("패키지 기판", "26222"),
        ),
        ("국내 메모리 제조사", "글로벌 OSAT 고객사", "시스템반도체 팹리스 고객사", "반도체 장비 제조사"),
        (
            ("반도체", "Semiconductor"),
            ("세미콘", "Semicon"),
            ("실리콘", "Silicon"),
            ("일렉트로닉스", "Electronics"),
            ("마이크로", "Micro"),
            ("하이텍", "Hitech"),
            ("머티리얼즈", "Materials"),
            ("패키징", "Packaging"),
        ),
        (("ISO 9001", 8), ("ISO 14001", 4), ("소재·부품·장비 전문기업", 2), ("이노비즈", 3)),
    ),
    "battery": Industry(
        "battery",
        "이차전지",
        "이차전지 소재·부품 기업",
        (
            ("원통형 리튬이온 셀", "28202"),
            ("파우치형 셀", "28202"),
            ("배터리 모듈", "28202"),
            ("ESS 랙", "28114"),
            ("양극재(NCM)", "20129"),
            ("양극 전구체", "20129"),
            ("전해액", "20499"),
            ("이차전지 캔·캡 어셈블리", "25999"),
        ),
        ("국내 셀 제조사", "완성차 배터리 합작법인", "ESS 시스템 업체", "전동공구 배터리팩 업체"),
        (
            ("셀텍", "Celltech"),
            ("에너지", "Energy"),
            ("배터리", "Battery"),
            ("파워텍", "Powertech"),
            ("머티리얼", "Material"),
            ("케미칼", "Chemical"),
            ("에너텍", "Enertech"),
            ("이엔지", "ENG"),
        ),
        (("ISO 9001", 8), ("ISO 14001", 5), ("IATF 16949", 3), ("소재·부품·장비 전문기업", 3)),
    ),
    "aerospace": Industry(
        "aerospace",
        "항공 부품",
        "항공기 부품 제조사",
        (
            ("항공기 날개 리브", "31322"),
            ("동체 프레임", "31322"),
            ("착륙장치 부품", "31322"),
            ("엔진 케이스 링", "31321"),
            ("복합재 패널", "31322"),
            ("무인기 기체", "31312"),
            ("티타늄 브래킷", "31322"),
            ("헬리콥터 기어박스 하우징", "31311"),
        ),
        ("국내 완제기 업체", "해외 항공기 제작사 1차 협력사", "방산 체계 업체", "엔진 정비(MRO) 업체"),
        (
            ("에어로", "Aero"),
            ("에어로텍", "Aerotech"),
            ("항공", "Aviation"),
            ("에어로스페이스", "Aerospace"),
            ("스카이텍", "Skytech"),
            ("윙스", "Wings"),
            ("정밀", "Precision"),
        ),
        (("AS9100D", 8), ("ISO 9001", 5), ("NADCAP 특수공정", 3), ("기업부설연구소", 3)),
    ),
    "medical": Industry(
        "medical",
        "의료기기",
        "의료기기 제조사",
        (
            ("일회용 주사기", "27199"),
            ("카테터", "27199"),
            ("수액세트", "27199"),
            ("치과용 임플란트 픽스처", "27191"),
            ("정형외과용 스크류", "27192"),
            ("초음파 영상진단기", "27112"),
            ("디지털 엑스레이 디텍터", "27111"),
            ("전자 혈압계", "27112"),
        ),
        ("국내 종합병원", "해외 대리점(유럽·중동)", "치과 병의원", "의료기기 유통사"),
        (
            ("메디칼", "Medical"),
            ("메디텍", "Meditech"),
            ("바이오", "Bio"),
            ("헬스케어", "Healthcare"),
            ("덴탈", "Dental"),
            ("메디", "Medi"),
            ("메드", "Med"),
        ),
        (("ISO 13485", 8), ("의료기기 GMP 적합인정", 7), ("기업부설연구소", 5), ("이노비즈", 2)),
    ),
    "machinery": Industry(
        "machinery",
        "기계",
        "기계·장비 제조사",
        (
            ("유압 실린더", "29120"),
            ("유압 밸브", "29120"),
            ("감속기", "29142"),
            ("CNC 선반", "29223"),
            ("산업용 밸브", "29133"),
            ("공기압축기", "29132"),
            ("사출 금형", "29294"),
            ("풍력 베어링 하우징", "29141"),
            ("압력용기", "25122"),
        ),
        ("건설기계 완성사", "조선·플랜트 업체", "공작기계 제조사", "방산 체계 업체"),
        (
            ("정밀", "Precision"),
            ("기계", "Machinery"),
            ("중공업", "Heavy Industries"),
            ("유압", "Hydraulics"),
            ("기공", "Engineering"),
            ("메카", "Mecha"),
            ("기전", "Mechatronics"),
            ("산업", "Industrial"),
        ),
        (("ISO 9001", 8), ("ISO 14001", 3), ("뿌리기업 확인", 2), ("이노비즈", 3), ("메인비즈", 2)),
    ),
    "automotive": Industry(
        "automotive",
        "자동차 부품",
        "자동차 부품 협력사",
        (
            ("브레이크 캘리퍼", "30392"),
            ("도어 모듈", "30320"),
            ("시트 프레임", "30393"),
            ("전기차 배터리 케이스", "30399"),
            ("변속기 기어", "30331"),
            ("헤드램프 하우징", "28421"),
            ("서스펜션 로어암", "30391"),
            ("구동모터 하우징", "30399"),
            ("와이어링 하네스", "30332"),
            ("차체 브래킷", "25913"),
        ),
        ("완성차 1차 협력사", "국내 완성차", "해외 완성차 공장", "전기차 부품 고객사"),
        (
            ("오토텍", "Autotech"),
            ("모텍", "Motech"),
            ("오토모티브", "Automotive"),
            ("정공", "Precision"),
            ("공업", "Industrial"),
            ("모빌리티", "Mobility"),
            ("오토파츠", "Autoparts"),
            ("금속", "Metal"),
        ),
        (("IATF 16949", 8), ("ISO 9001", 5), ("ISO 14001", 4), ("뿌리기업 확인", 2), ("메인비즈", 2)),
    ),
}


@dataclass(frozen=True, slots=True)
class HubProfile:
    """What the generator needs to know about a hub: its mix of firms, places and name words."""

    slug: str
    short: str
    office_region: str
    cells: tuple[tuple[str, int], ...]  # (kind, weight) per 320 companies
    industries: Weighted[str]
    industry_regions: dict[str, Weighted[str]]
    supplier_regions: Weighted[str]
    supplier_tenancy: Weighted[str]
    prefixes: tuple[Word, ...]
    tax_offices: tuple[str, ...]


# The default 320 companies: 144 suppliers (45%), 160 manufacturers (50%), 16 both (5%). Changwon's
# 64 suppliers are mostly tenants of its 56-room shared office or relocating firms (the hub reports about 60
# attracted firms, 37 funded for R&BD); Busan Centum and Daegu Alpha City lean to SW/AI suppliers.
HUB_PROFILES: dict[str, HubProfile] = {
    "changwon": HubProfile(
        "changwon",
        "창원",
        "48123",
        (("supplier", 64), ("demander", 60), ("both", 6)),
        (("machinery", 35), ("automotive", 27), ("aerospace", 20), ("medical", 18)),
        {
            "machinery": (("48123", 5), ("48121", 2), ("48127", 1), ("48125", 1), ("48730", 1), ("48330", 1)),
            "automotive": (("48123", 3), ("48121", 1), ("48129", 2), ("48250", 2), ("48330", 2)),
            "aerospace": (("48240", 5), ("48170", 3), ("48123", 1)),
            "medical": (("48250", 5), ("48123", 1), ("48330", 1)),
        },
        (("48123", 4), ("48121", 3), ("48127", 1), ("48170", 1), ("48250", 1)),
        (("tenant", 62), ("relocating", 32), ("regional", 4), ("capital", 2)),
        (
            ("창원", "Changwon"),
            ("경남", "Gyeongnam"),
            ("마산", "Masan"),
            ("진해", "Jinhae"),
            ("가야", "Gaya"),
            ("무학", "Muhak"),
            ("성산", "Seongsan"),
            ("낙동", "Nakdong"),
        ),
        ("608", "609", "615", "613"),
    ),
    "ochang": HubProfile(
        "ochang",
        "오창",
        "43710",
        (("supplier", 28), ("demander", 48), ("both", 4)),
        (("semiconductor", 50), ("battery", 50)),
        {
            "semiconductor": (("43710", 3), ("43113", 3), ("43111", 1), ("43750", 2), ("43770", 2)),
            "battery": (("43710", 4), ("43750", 2), ("43770", 2), ("43745", 1), ("43113", 1)),
        },
        (("43710", 3), ("43113", 3), ("43111", 2)),
        (("tenant", 35), ("relocating", 15), ("regional", 35), ("capital", 15)),
        (
            ("오창", "Ochang"),
            ("청주", "Cheongju"),
            ("충북", "Chungbuk"),
            ("오송", "Osong"),
            ("청원", "Cheongwon"),
            ("미호", "Miho"),
            ("중원", "Jungwon"),
        ),
        ("301", "303", "317"),
    ),
    "busan-centum": HubProfile(
        "busan-centum",
        "센텀",
        "26350",
        (("supplier", 32), ("demander", 16), ("both", 2)),
        (("automotive", 40), ("machinery", 35), ("aerospace", 25)),
        {
            "automotive": (("26440", 4), ("26530", 2), ("26710", 2)),
            "machinery": (("26530", 3), ("26380", 2), ("26440", 2)),
            "aerospace": (("26440", 3), ("26380", 1)),
        },
        (("26350", 6), ("26500", 1), ("26470", 1), ("26230", 1), ("26290", 1)),
        (("tenant", 40), ("relocating", 10), ("regional", 45), ("capital", 5)),
        (
            ("센텀", "Centum"),
            ("부산", "Busan"),
            ("해운대", "Haeundae"),
            ("수영", "Suyeong"),
            ("광안", "Gwangan"),
            ("동백", "Dongbaek"),
            ("오륙도", "Oryukdo"),
            ("가덕", "Gadeok"),
        ),
        ("603", "605", "617", "621"),
    ),
    "daegu-suseong": HubProfile(
        "daegu-suseong",
        "수성알파시티",
        "27260",
        (("supplier", 20), ("demander", 36), ("both", 4)),
        (("automotive", 50), ("medical", 30), ("machinery", 20)),
        {
            "automotive": (("27290", 3), ("27710", 3), ("27230", 1), ("47290", 2)),
            "medical": (("27140", 4), ("27710", 1), ("27290", 1)),
            "machinery": (("27290", 2), ("27170", 1), ("27230", 1), ("27710", 1)),
        },
        (("27260", 6), ("27140", 1), ("27110", 1), ("27230", 1)),
        (("tenant", 40), ("relocating", 10), ("regional", 40), ("capital", 10)),
        (
            ("대구", "Daegu"),
            ("수성", "Suseong"),
            ("알파", "Alpha"),
            ("달구벌", "Dalgubeol"),
            ("팔공", "Palgong"),
            ("달성", "Dalseong"),
            ("신천", "Sincheon"),
            ("금호", "Geumho"),
        ),
        ("502", "503", "504", "514"),
    ),
}

# Capabilities each hub's specialisation leans to (AI semiconductors and cloud in Ochang, AI and metaverse in
# Changwon, SW/AI with logistics in Busan, AI/SW with mobility and medical AI in Daegu).
HUB_CAPABILITIES: dict[str, tuple[str, ...]] = {
    "ochang": ("cloud-migration", "data-platform", "process-optimisation", "industrial-iot"),
    "changwon": ("xr-metaverse", "digital-twin", "predictive-maintenance", "vision-inspection"),
    "busan-centum": ("supply-chain", "data-platform", "generative-ai", "cybersecurity"),
    "daegu-suseong": ("vision-inspection", "quality-analytics", "generative-ai", "robotics-rpa"),
}
