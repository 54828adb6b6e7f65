"""The OpenAPI schema (served, and printed by `dxhub openapi`) and the offline Swagger docs page."""

from __future__ import annotations

import json
import os
import re

import pytest
from django.test import Client

from dxhub import cli

PATHS = {
    "/api/companies": {"get", "post"},
    "/api/companies/{company_id}": {"get", "patch"},
    "/api/needs": {"get", "post"},
    "/api/needs/{need_id}": {"get", "patch"},
    "/api/needs/{need_id}/publish": {"post"},
    "/api/needs/{need_id}/close": {"post"},
    "/api/needs/{need_id}/matches": {"get"},
    "/api/companies/{company_id}/recommendations": {"get"},
    "/api/programmes/calls": {"get", "post"},
    "/api/programmes/calls/{call_id}": {"get"},
    "/api/programmes/calls/{call_id}/publish": {"post"},
    "/api/programmes/calls/{call_id}/applications": {"post"},
    "/api/programmes/applications": {"get"},
    "/api/programmes/applications/{application_id}": {"get", "patch"},
    "/api/programmes/applications/{application_id}/check": {"get"},
    "/api/programmes/applications/{application_id}/submit": {"post"},
    "/api/collaborations": {"get", "post"},
    "/api/collaborations/board": {"get"},
    "/api/collaborations/{collaboration_id}": {"get"},
    "/api/collaborations/{collaboration_id}/accept": {"post"},
    "/api/collaborations/{collaboration_id}/decline": {"post"},
    "/api/collaborations/{collaboration_id}/withdraw": {"post"},
    "/api/collaborations/{collaboration_id}/messages": {"get", "post"},
    "/api/collaborations/{collaboration_id}/meetings": {"post"},
    "/api/collaborations/{collaboration_id}/meetings/{meeting_id}/accept": {"post"},
    "/api/collaborations/{collaboration_id}/meetings/{meeting_id}/reschedule": {"post"},
    "/api/collaborations/{collaboration_id}/meetings/{meeting_id}/cancel": {"post"},
    "/api/collaborations/{collaboration_id}/meetings/{meeting_id}/notes": {"post"},
    "/api/collaborations/{collaboration_id}/proposals": {"post"},
    "/api/collaborations/{collaboration_id}/proposals/{proposal_id}/comments": {"post"},
    "/api/collaborations/{collaboration_id}/proposals/{proposal_id}/changes": {"post"},
    "/api/collaborations/{collaboration_id}/proposals/{proposal_id}/accept": {"post"},
    "/api/collaborations/{collaboration_id}/agreement/confirm": {"post"},
    "/api/collaborations/{collaboration_id}/milestones": {"post"},
    "/api/collaborations/{collaboration_id}/milestones/{milestone_id}/done": {"post"},
    "/api/collaborations/{collaboration_id}/updates": {"post"},
    "/api/collaborations/{collaboration_id}/complete": {"post"},
    "/api/collaborations/{collaboration_id}/rate": {"post"},
    "/api/collaborations/{collaboration_id}/verify": {"post"},
    "/api/events": {"get"},
    "/api/events/{event_id}": {"get"},
    "/api/events/{event_id}/register": {"post"},
    "/api/events/{event_id}/cancel": {"post"},
    "/api/events/{event_id}/participants": {"get"},
    "/api/events/{event_id}/requests": {"post"},
    "/api/events/requests/{request_id}/respond": {"post"},
    "/api/events/{event_id}/agenda": {"get"},
    "/api/events/{event_id}/schedule": {"post"},
}
ERROR_CODES = {"400", "401", "403", "404", "422"}


@pytest.fixture
def schema(client: Client) -> dict:
    response = client.get("/api/openapi.json")
    assert response.status_code == 200
    return response.json()


def test_schema_has_every_path_and_method(schema):
    assert {path: set(ops) for path, ops in schema["paths"].items()} == PATHS


def test_every_operation_declares_its_errors(schema):
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            declared = set(operation["responses"])
            assert declared >= ERROR_CODES, (method, path, ERROR_CODES - declared)
            for code in ERROR_CODES:
                content = operation["responses"][code]["content"]["application/json"]["schema"]
                assert content["$ref"].endswith("/ErrorOut"), (method, path, code)


def test_every_operation_requires_the_bearer_token(schema):
    assert schema["components"]["securitySchemes"]["TokenAuth"] == {"type": "http", "scheme": "bearer"}
    for operations in schema["paths"].values():
        for operation in operations.values():
            assert operation["security"] == [{"TokenAuth": []}]


def test_error_shape_requires_detail(schema):
    error = schema["components"]["schemas"]["ErrorOut"]
    assert error["required"] == ["detail"]


def test_request_bodies_reject_unknown_keys(schema):
    for name in ("CompanyIn", "CompanyPatch", "NeedIn", "NeedPatch", "CloseIn"):
        assert schema["components"]["schemas"][name]["additionalProperties"] is False, name


def test_enums_are_in_the_schema(schema):
    kinds = schema["components"]["schemas"]["Kind"]["enum"]
    assert kinds == ["supplier", "demander", "both"]


def test_cli_prints_the_schema(capsys, schema):
    assert cli.main(["openapi"]) == 0
    out = capsys.readouterr().out
    printed = json.loads(out)
    assert set(printed["paths"]) == set(PATHS)
    assert printed == schema
    assert "디지털 혁신거점" in out  # Korean is printed as is, not as \\u escapes
    assert out.startswith('{\n  "openapi"')


@pytest.mark.parametrize("argv", [[], ["--help"], ["-h"]])
def test_cli_help_lists_the_main_commands(capsys, argv):
    assert cli.main(argv) == 0
    out = capsys.readouterr().out
    for word in ("import companies", "demo", "openapi", "사용법", "usage"):
        assert word in out


def test_cli_runs_django_commands_under_its_own_name(capsys):
    assert cli.main(["help", "openapi"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("usage: dxhub openapi")
    assert "OpenAPI" in out


def test_cli_unknown_command_fails(capsys):
    with pytest.raises(SystemExit) as exit_:
        cli.main(["no-such-command"])
    assert exit_.value.code == 1
    assert "no-such-command" in capsys.readouterr().err


@pytest.mark.parametrize(
    "argv",
    [
        ["import", "companies", "기업목록.xlsx", "--dry-run"],
        ["demo", "--seed", "2026"],
        ["migrate", "--check"],
    ],
)
def test_cli_forwards_arguments_unchanged(monkeypatch, argv):
    seen: list[list[str]] = []
    monkeypatch.setattr("django.core.management.execute_from_command_line", seen.append)
    monkeypatch.delenv("DJANGO_SETTINGS_MODULE", raising=False)
    assert cli.main(argv) == 0
    assert seen == [["dxhub", *argv]]
    assert os.environ["DJANGO_SETTINGS_MODULE"] == "dxhub.settings"


def test_docs_page_works_offline(client: Client):
    response = client.get("/api/docs")
    assert response.status_code == 200
    html = response.content.decode()
    assets = re.findall(r'<(?:script|link)[^>]+(?:src|href)="([^"]+)"', html)
    assert any(a.endswith(".js") for a in assets) and any(a.endswith(".css") for a in assets)
    for url in assets:
        assert not re.match(r"(https?:)?//", url), url
        asset = client.get(url)
        assert asset.status_code == 200, url
        assert b"".join(asset.streaming_content)
    assert not re.search(r"(src|href)=\"(https?:)?//", html)
    assert "/api/openapi.json" in html
