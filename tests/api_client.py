"""Calls to the REST API as one of the named personas, each with a freshly issued bearer token."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pytest
from django.test import Client

from dxhub.accounts.models import ApiToken, User


@dataclass
class ApiClient:
    """The Django test client aimed at /api, sending `Authorization: Bearer <token>` when it has one."""

    client: Client
    token: str | None = None
    headers: dict[str, str] = field(default_factory=dict)

    def _headers(self) -> dict[str, str]:
        auth = {"Authorization": f"Bearer {self.token}"} if self.token else {}
        return {**auth, **self.headers}

    def get(self, path: str, params: dict[str, Any] | None = None) -> Any:
        return self.client.get(f"/api{path}", params or {}, headers=self._headers())

    def post(self, path: str, body: Any = None) -> Any:
        data = "" if body is None else json.dumps(body)
        return self.send("post", path, data)

    def patch(self, path: str, body: Any) -> Any:
        return self.send("patch", path, json.dumps(body))

    def send(self, method: str, path: str, data: str | bytes) -> Any:
        """A request with a raw body, for bodies that are not JSON at all."""
        call = getattr(self.client, method)
        return call(f"/api{path}", data, content_type="application/json", headers=self._headers())


@pytest.fixture
def api(db: None) -> Callable[[User | None], ApiClient]:
    """`api(user)` calls the API as `user` (with a new token); `api(None)` calls it without one.

    The client enforces CSRF checks, as a browser-less API client would meet them in production.
    """
    client = Client(enforce_csrf_checks=True)

    def as_user(user: User | None) -> ApiClient:
        return ApiClient(client, ApiToken.issue(user)[1] if user is not None else None)

    return as_user
