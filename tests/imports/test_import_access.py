"""Only operators and ministry staff reach the import pages; an operator imports only for their hub."""

from __future__ import annotations

import pytest
from django.urls import reverse

from dxhub.companies.brn import normalize_brn
from dxhub.companies.models import Company
from tests.factories import CompanyFactory
from tests.imports.sheets import COMPANY_HEADERS, brn, commit, company_row, upload, xlsx_bytes


@pytest.mark.parametrize("persona", ["supplier", "demander", "evaluator"])
def test_other_roles_are_refused(client, request, persona):
    client.force_login(request.getfixturevalue(persona))

    for url in (reverse("imports:upload"), reverse("imports:template", args=["companies"])):
        assert client.get(url).status_code == 403
    content = xlsx_bytes([COMPANY_HEADERS, company_row(1)])
    response = client.post(reverse("imports:upload"), {"kind": "companies", "file": _file(content)})
    assert response.status_code == 403


def test_anonymous_is_sent_to_sign_in(client, db):
    response = client.get(reverse("imports:upload"))

    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]


def test_operator_cannot_import_for_another_hub(client, operator):
    client.force_login(operator)
    headers = [*COMPANY_HEADERS, "거점"]
    rows = [headers, [*company_row(1), ""], [*company_row(2), "busan-centum"]]

    _, job = upload(client, "companies", "hubs.xlsx", xlsx_bytes(rows))

    [(row, column, message)] = job.summary["errors"]
    assert (row, column) == (3, "거점") and "부산 센텀시티" in message
    commit(client, job)
    assert not Company.objects.filter(brn=normalize_brn(brn(1))).exists()


def test_operator_cannot_take_over_another_hubs_company(client, operator, hubs):
    CompanyFactory(brn=normalize_brn(brn(5)), hub=hubs["ochang"], kind="demander")
    client.force_login(operator)

    _, job = upload(client, "companies", "x.xlsx", xlsx_bytes([COMPANY_HEADERS, company_row(5)]))

    [(row, column, message)] = job.summary["errors"]
    assert (row, column) == (2, "사업자등록번호") and "충북 오창" in message


def test_ministry_imports_for_any_hub(client, ministry, hubs):
    client.force_login(ministry)
    headers = [*COMPANY_HEADERS, "거점"]
    rows = [headers, [*company_row(1), "충북 오창"], [*company_row(2), ""]]

    _, job = upload(client, "companies", "all.xlsx", xlsx_bytes(rows), hub=hubs["daegu-suseong"].pk)
    commit(client, job)

    assert Company.objects.get(brn=normalize_brn(brn(1))).hub == hubs["ochang"]
    assert Company.objects.get(brn=normalize_brn(brn(2))).hub == hubs["daegu-suseong"]


def test_operator_of_another_hub_cannot_see_or_commit_the_job(client, operator, busan_operator):
    client.force_login(operator)
    _, job = upload(client, "companies", "mine.xlsx", xlsx_bytes([COMPANY_HEADERS, company_row(1)]))

    client.force_login(busan_operator)
    assert client.get(reverse("imports:job", args=[job.pk])).status_code == 404
    assert client.post(reverse("imports:commit", args=[job.pk])).status_code == 404
    assert not Company.objects.filter(brn=normalize_brn(brn(1))).exists()


def test_commit_needs_post(client, operator):
    client.force_login(operator)
    _, job = upload(client, "companies", "mine.xlsx", xlsx_bytes([COMPANY_HEADERS, company_row(1)]))

    assert client.get(reverse("imports:commit", args=[job.pk])).status_code == 405


def _file(content: bytes):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile("a.xlsx", content)
