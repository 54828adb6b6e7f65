"""Error pages in the site's layout, in Korean first, each with a plain reason and a way back.

Wired in `dxhub/urls.py` (handler404/403/500) and `CSRF_FAILURE_VIEW`. The API keeps its JSON errors:
django-ninja answers its own routes before these handlers are reached.
"""

from __future__ import annotations

import logging

from django.http import HttpRequest, HttpResponse, HttpResponseServerError
from django.template.loader import render_to_string
from django.utils.translation import get_language

log = logging.getLogger(__name__)


def _page(
    request: HttpRequest, template: str, status: int, context: dict[str, object] | None = None
) -> HttpResponse:
    body = render_to_string(template, {"status": status, **(context or {})}, request=request)
    return HttpResponse(body, status=status)


def page_not_found(request: HttpRequest, exception: Exception) -> HttpResponse:
    return _page(request, "errors/404.html", 404)


def permission_denied(request: HttpRequest, exception: Exception) -> HttpResponse:
    # A reason the code gave on purpose (PermissionDenied(_("…"))) is shown; it never holds private data.
    # Some reasons are English-only API details: in Korean they are left out for the generic sentence.
    reason = str(exception) if exception else ""
    if get_language() == "ko" and not any("\uac00" <= ch <= "\ud7a3" for ch in reason):
        reason = ""
    return _page(request, "errors/403.html", 403, {"reason": reason})


def server_error(request: HttpRequest) -> HttpResponse:
    try:
        return _page(request, "errors/500.html", 500)
    except Exception:  # the layout itself may be what failed: fall back to a page that needs nothing
        log.exception("the 500 page could not be rendered")
        return HttpResponseServerError(
            '<!doctype html><html lang="ko"><meta charset="utf-8"><title>dxhub</title>'
            "<h1>일시적인 오류가 발생했습니다</h1><p>잠시 후 다시 시도해 주세요.</p>"
            '<p><a href="/">처음 화면으로</a></p></html>'
        )


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    return _page(request, "errors/csrf.html", 403)
