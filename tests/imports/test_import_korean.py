"""Korean is the default language: the console names rows and columns in Korean."""

from __future__ import annotations

import pytest
from django.core.management import CommandError, call_command

from dxhub.companies.models import Company
from tests.imports.sheets import COMPANY_HEADERS, company_row, xlsx_bytes


def test_console_errors_are_korean_by_default(tmp_path, capsys, db):
    path = tmp_path / "기업.xlsx"
    path.write_bytes(xlsx_bytes([COMPANY_HEADERS, company_row(1), company_row(2, KSIC="99999")]))
    before = Company.objects.count()
    with pytest.raises(CommandError):
        call_command("import", "companies", str(path))
    err = capsys.readouterr().err
    assert "행 3, 열 'KSIC'" in err
    assert Company.objects.count() == before
