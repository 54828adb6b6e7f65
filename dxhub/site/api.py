"""The REST API root (django-ninja): token auth, one error shape, routers from each app, offline docs.

It sits on the top floor because it gathers every app's router; the routers take `ERRORS` from
`dxhub.core.api_schemas`, never from here.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from auditlog.context import set_extra_data
from auditlog.middleware import AuditlogMiddleware
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.utils import timezone
from ninja import NinjaAPI
from ninja.errors import AuthenticationError
from ninja.errors import ValidationError as NinjaValidationError
from ninja.security import HttpBearer

from dxhub.accounts.models import ApiToken, hash_token


class TokenAuth(HttpBearer):
    """`Authorization: Bearer dxh_…` with a personal token from the profile page."""

    def authenticate(self, request: HttpRequest, token: str) -> Any:
        try:
            api_token = ApiToken.objects.select_related("user", "user__company").get(
                key_hash=hash_token(token)
            )
        except ApiToken.DoesNotExist:
            return None
        if not api_token.user.is_active:
            return None
        ApiToken.objects.filter(pk=api_token.pk).update(last_used_at=timezone.now())
        request.user = api_token.user
        return api_token.user


# Swagger UI as django-ninja ships it. ninja links these files from a CDN unless "ninja" is an installed
# app; the API serves them itself instead, so /api/docs works without a network and without collectstatic.
api = NinjaAPI(
    title="dxhub API",
    version="1.0",
    description="디지털 혁신거점 수요·공급 매칭 플랫폼 API (companies and DX needs).",
    auth=TokenAuth(),
    urls_namespace="api",
    docs_url="/docs",
)

# auditlog's middleware reads request.user before the token is checked, so API writes would have no
# actor. Around each handler (after authentication) the audit context is set again, now with the user.
_audit_context = AuditlogMiddleware()


def audited_as_token_user(handler: Callable[..., Any]) -> Callable[..., Any]:
    @wraps(handler)
    def run(request: HttpRequest, *args: Any, **kwargs: Any) -> Any:
        with set_extra_data(context_data=_audit_context.get_extra_data(request)):
            return handler(request, *args, **kwargs)

    return run


api.add_decorator(audited_as_token_user, mode="operation")


@api.exception_handler(Http404)
def not_found(request: HttpRequest, exc: Exception) -> HttpResponse:
    return api.create_response(request, {"detail": str(exc) or "not found"}, status=404)


@api.exception_handler(PermissionDenied)
def forbidden(request: HttpRequest, exc: Exception) -> HttpResponse:
    return api.create_response(request, {"detail": str(exc) or "forbidden"}, status=403)


@api.exception_handler(AuthenticationError)
def unauthorized(request: HttpRequest, exc: Exception) -> HttpResponse:
    response = api.create_response(request, {"detail": "a valid API token is required"}, status=401)
    response["WWW-Authenticate"] = 'Bearer realm="dxhub"'
    return response


@api.exception_handler(ValidationError)
def invalid(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    errors = exc.message_dict if hasattr(exc, "error_dict") else {"__all__": exc.messages}
    return api.create_response(request, {"detail": "; ".join(exc.messages), "errors": errors}, status=400)


@api.exception_handler(NinjaValidationError)
def schema_invalid(request: HttpRequest, exc: NinjaValidationError) -> HttpResponse:
    errors: dict[str, list[str]] = {}
    for err in exc.errors:
        key = ".".join(str(p) for p in err.get("loc", ()) if p not in ("body", "payload", "query", "path"))
        errors.setdefault(key or "__all__", []).append(str(err.get("msg", "invalid")))
    return api.create_response(request, {"detail": "invalid request", "errors": errors}, status=422)


def _register_routers() -> None:
    from dxhub.collab.api import router as collab_router
    from dxhub.companies.api import router as companies_router
    from dxhub.events.api import router as events_router
    from dxhub.matches.api import router as matches_router
    from dxhub.needs.api import router as needs_router
    from dxhub.programmes.api import router as programmes_router

    api.add_router("/companies", companies_router)
    api.add_router("/needs", needs_router)
    api.add_router("/programmes", programmes_router)
    api.add_router("", matches_router)
    api.add_router("/collaborations", collab_router)
    api.add_router("/events", events_router)


_register_routers()
