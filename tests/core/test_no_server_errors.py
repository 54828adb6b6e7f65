"""No page answers 500: every route, as people of several roles, with real and unknown ids, odd query
strings and stray form posts, over a small demo world (companies, needs, journeys, calls, events)."""

from __future__ import annotations

import re
from io import StringIO

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from dxhub.accounts.models import User

SKIPPED_PREFIXES = ("admin", "api", "accounts", "i18n")  # third-party pages; the API has its own fuzz test
PEOPLE = ("operator.changwon@dxhub.kr", "demander@dxhub.kr", "supplier@dxhub.kr", None)
PARAM = re.compile(r"<(?:(\w+):)?(\w+)>")


def routes(resolver: URLResolver | None = None, prefix: str = "") -> list[str]:
    found = []
    for p in (resolver or get_resolver()).url_patterns:
        pattern = str(p.pattern)
        if isinstance(p, URLResolver):
            if not pattern.startswith(SKIPPED_PREFIXES):
                found += routes(p, prefix + pattern)
        elif isinstance(p, URLPattern):
            found.append(prefix + pattern)
    return found


def fill(route: str, value: str) -> str:
    return "/" + PARAM.sub(lambda m: value if m.group(1) in (None, "int") else "x" + value, route)


@pytest.mark.django_db
def test_no_route_answers_500():
    call_command("demo", "--companies", "60", "--needs", "30", "--quiet", stdout=StringIO())
    urls = sorted({fill(r, v) for r in routes() for v in ("1", "2", "999999")})
    assert len(urls) > 100
    failures = []
    seen: set[int] = set()
    for email in PEOPLE:
        client = Client(raise_request_exception=False)
        if email:
            client.force_login(User.objects.get(email=email))
        for url in urls:
            for method, data in (
                ("get", {"q": "'\"<>%", "page": "x", "format": "xlsx"}),
                ("post", {"x": "1"}),
            ):
                response = getattr(client, method)(url, data)
                seen.add(response.status_code)
                if response.status_code >= 500:
                    failures.append(f"{email} {method.upper()} {url} → {response.status_code}")
    assert failures == []
    # Real objects were reached (200) as well as refused (403/404) and missing: the crawl saw the pages.
    assert {200, 302, 404} <= seen
