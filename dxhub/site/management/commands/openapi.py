"""`manage.py openapi` (and `dxhub openapi`): the REST API's OpenAPI schema as JSON on stdout."""

from __future__ import annotations

import json
from typing import Any

from django.core.management.base import BaseCommand
from ninja.responses import NinjaJSONEncoder


class Command(BaseCommand):
    help = "Prints the OpenAPI schema of the REST API as JSON (API 스키마를 JSON으로 출력)."
    # A read-only dump: it should work even where unrelated system checks would fail.
    requires_system_checks: list[str] = []

    def handle(self, *args: Any, **options: Any) -> None:
        from dxhub.site.api import api

        schema = api.get_openapi_schema()
        self.stdout.write(json.dumps(schema, ensure_ascii=False, indent=2, cls=NinjaJSONEncoder))
