"""`manage.py import`: readable errors, a non-zero exit and nothing written on any bad row."""

from __future__ import annotations

import pytest
from django.core.management import CommandError, call_command

from dxhub.companies.brn import normalize_brn
from dxhub.companies.models import Company
from dxhub.imports.models import ImportJob
from tests.imports.sheets import COMPANY_HEADERS, brn, company_row, csv_bytes, xlsx_bytes


def test_import_companies_prints_counts(tmp_path, capsys, hubs):
    path = tmp_path / "companies.xlsx"
    path.write_bytes(xlsx_bytes([COMPANY_HEADERS, company_row(1), company_row(2)]))

    call_command("import", "companies", str(path), "--hub", "ochang")

    out = capsys.readouterr().out
    assert "2 created" in out
    assert Company.objects.get(brn=normalize_brn(brn(1))).hub == hubs["ochang"]
    assert ImportJob.objects.get().status == ImportJob.Status.COMMITTED


def test_bad_row_exits_non_zero_and_writes_nothing(tmp_path, capsys, db):
    path = tmp_path / "companies.csv"
    path.write_bytes(csv_bytes([COMPANY_HEADERS, company_row(1), company_row(2, KSIC="99999")], "cp949"))
    before = Company.objects.count()

    with pytest.raises(CommandError, match="nothing was written"):
        call_command("import", "companies", str(path))

    err = capsys.readouterr().err
    assert "3" in err and "'KSIC'" in err and "99999" in err
    assert Company.objects.count() == before
    assert not ImportJob.objects.exists()


def test_dry_run_writes_nothing(tmp_path, capsys, db):
    path = tmp_path / "companies.xlsx"
    path.write_bytes(xlsx_bytes([COMPANY_HEADERS, company_row(1)]))

    call_command("import", "companies", str(path), "--dry-run")

    assert "1 to create" in capsys.readouterr().out
    assert not Company.objects.filter(brn=normalize_brn(brn(1))).exists()
    assert not ImportJob.objects.exists()


def test_unknown_hub_and_missing_file(tmp_path, db):
    path = tmp_path / "companies.xlsx"
    path.write_bytes(xlsx_bytes([COMPANY_HEADERS, company_row(1)]))

    with pytest.raises(CommandError, match="ochang"):
        call_command("import", "companies", str(path), "--hub", "seoul")
    with pytest.raises(CommandError):
        call_command("import", "needs", str(tmp_path / "missing.xlsx"))


def test_import_needs_from_the_console(tmp_path, capsys, demander_company):
    from dxhub.needs.models import Need

    path = tmp_path / "needs.csv"
    rows = [
        ["사업자등록번호", "제목", "현장/공정", "문제", "상태"],
        [demander_company.brn_display, "도장 불량 검출", "도장 라인", "얼룩 불량을 놓칩니다", "공개"],
    ]
    path.write_bytes(csv_bytes(rows, "utf-8-sig"))

    call_command("import", "needs", str(path))

    assert "1 created" in capsys.readouterr().out
    need = Need.objects.get(company=demander_company, title="도장 불량 검출")
    assert need.status == Need.Status.PUBLISHED and need.hub == demander_company.hub
