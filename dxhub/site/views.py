from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from dxhub.site.selectors import dashboard_context


@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    user: Any = request.user
    context = {"nav_section": "dashboard", **dashboard_context(user)}
    return render(request, "site/dashboard.html", context)
