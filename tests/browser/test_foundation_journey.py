"""The foundation journey in Korean, in Debian's chromium:

an operator imports an .xlsx with one bad row, sees the row and column named and nothing written, fixes it and
imports; a demander member publishes a need; a member of a company in another hub cannot open that hub-only
need, by page or by API.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook

from dxhub.accounts.models import ApiToken
from dxhub.companies.brn import make_brn
from dxhub.companies.models import Company
from dxhub.needs.models import Need
from tests.browser.conftest import sign_in
from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)

HEADERS = ["사업자등록번호", "기업명", "구분", "KSIC", "시도", "시군구", "종업원수", "입주상태", "보유기술"]


def workbook(path: Path, rows: list[list[object]]) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.append(HEADERS)
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


def test_import_publish_and_hub_isolation(new_page, live_server, tmp_path, operator, demander, ochang_member):
    good1, good2 = make_brn("411810001"), make_brn("411810002")
    bad = good2[:9] + str((int(good2[9]) + 1) % 10)  # wrong check digit
    rows = [
        [good1, "창원스마트가공", "수요", "29271", "경상남도", "창원시성산구", 120, "지역기업", ""],
        [bad, "마산비전테크", "공급", "62010", "경상남도", "창원시마산회원구", 15, "입주", "비전 검사"],
    ]
    before = Company.objects.count()

    # 1. The operator uploads a file whose second data row (spreadsheet row 3) has a bad check digit.
    op = new_page()
    sign_in(op, live_server, operator.email, PASSWORD)
    assert op.locator("html").get_attribute("lang") == "ko"
    op.goto(f"{live_server.url}/imports/")
    op.select_option("select[name=kind]", "companies")
    op.set_input_files("input[name=file]", str(workbook(tmp_path / "기업목록.xlsx", rows)))
    op.click("#import-upload button[type=submit]")
    errors = op.locator("#import-errors")
    errors.wait_for()
    row = errors.locator("tbody tr").first
    assert row.locator("td").nth(0).inner_text().strip() == "3"
    assert row.locator("td").nth(1).inner_text().strip() == "사업자등록번호"
    assert op.locator("#import-ready").count() == 0  # no way to commit a file with errors
    assert Company.objects.count() == before  # nothing written

    # 2. Fixed, the same file imports; both rows are written.
    rows[1][0] = good2
    op.goto(f"{live_server.url}/imports/")
    op.select_option("select[name=kind]", "companies")
    op.set_input_files("input[name=file]", str(workbook(tmp_path / "기업목록-수정.xlsx", rows)))
    op.click("#import-upload button[type=submit]")
    op.locator("#import-ready button[type=submit]").click()
    op.locator("#import-committed").wait_for()
    assert Company.objects.count() == before + 2
    assert Company.objects.get(brn=good2).hub == operator.hub

    # 3. A demander member writes and publishes a need (their own browser, their own session).
    dm = new_page()
    sign_in(dm, live_server, demander.email, PASSWORD)
    dm.goto(f"{live_server.url}/needs/new/")
    dm.fill("input[name=title]", "도장 라인 색차 불량 자동 판정")
    dm.fill("input[name=ksic_code]", "29271")
    dm.fill("input[name=site]", "본사 1공장 도장 라인")
    dm.fill(
        "textarea[name=problem]",
        "도장 후 색차를 작업자가 눈으로 판정해 편차가 큽니다. 월 30건의 재작업이 생깁니다.",
    )
    dm.fill("input[name=target_kpi]", "재작업 70% 감소")
    dm.check(f"input[name=required_capabilities][value='{_capability_pk('vision-inspection')}']")
    dm.select_option("select[name=visibility]", "hub")
    dm.click("form.card button[type=submit]")
    dm.locator("#publish").click()
    dm.locator("#need-status").wait_for()
    need = Need.objects.get(title="도장 라인 색차 불량 자동 판정")
    assert need.status == Need.Status.PUBLISHED and need.hub == demander.company.hub
    assert dm.locator("#need-status").inner_text().strip() == need.get_status_display()

    # 4. A member of an Ochang company cannot open the Changwon hub-only need: not by page, not by API.
    other = new_page()
    sign_in(other, live_server, ochang_member.email, PASSWORD)
    response = other.goto(f"{live_server.url}/needs/{need.pk}/")
    assert response is not None and response.status == 404
    _token, raw = ApiToken.issue(ochang_member)
    api = other.request.get(
        f"{live_server.url}/api/needs/{need.pk}", headers={"Authorization": f"Bearer {raw}"}
    )
    assert api.status == 404
    # ...while a Changwon supplier would see it in the list.
    listing = other.goto(f"{live_server.url}/needs/")
    assert listing is not None and "도장 라인 색차" not in other.content()


def _capability_pk(slug: str) -> int:
    from dxhub.reference.models import Capability

    return Capability.objects.get(slug=slug).pk
