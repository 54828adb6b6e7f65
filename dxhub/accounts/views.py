from __future__ import annotations

import json
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from dxhub.accounts import services
from dxhub.accounts.models import ApiToken


class ProfileForm(forms.Form):
    name = forms.CharField(label=gettext_lazy("name"), max_length=60)
    phone = forms.CharField(label=gettext_lazy("phone"), max_length=30, required=False)


class AcceptForm(forms.Form):
    name = forms.CharField(label=gettext_lazy("name"), max_length=60)
    password = forms.CharField(label=gettext_lazy("password"), widget=forms.PasswordInput, min_length=8)


@login_required
def me(request: HttpRequest) -> HttpResponse:
    user: Any = request.user
    form = ProfileForm(request.POST or None, initial={"name": user.name, "phone": user.phone})
    if request.method == "POST" and form.is_valid():
        user.name, user.phone = form.cleaned_data["name"], form.cleaned_data["phone"]
        user.save(update_fields=["name", "phone"])
        messages.success(request, _("Saved."))
        return redirect("accounts:me")
    tokens = ApiToken.objects.filter(user=user).order_by("-created_at")
    return render(request, "accounts/me.html", {"form": form, "tokens": tokens})


@login_required
@require_POST
def token_create(request: HttpRequest) -> HttpResponse:
    raw = services.token_issue(request.user, request.POST.get("name", "")[:60])  # type: ignore[arg-type]
    messages.success(request, _("Your new API token (shown once, copy it now): %(token)s") % {"token": raw})
    return redirect("accounts:me")


@login_required
@require_POST
def token_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    user: Any = request.user
    deleted, _n = ApiToken.objects.filter(user=user, pk=pk).delete()
    if not deleted:
        raise Http404
    messages.success(request, _("The token was revoked."))
    return redirect("accounts:me")


@login_required
def data_export(request: HttpRequest) -> HttpResponse:
    data = services.personal_data(request.user)  # type: ignore[arg-type]
    response = HttpResponse(json.dumps(data, ensure_ascii=False, indent=2), content_type="application/json")
    response["Content-Disposition"] = 'attachment; filename="dxhub-my-data.json"'
    return response


@login_required
def data_delete(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        if request.POST.get("confirm") != "delete":
            messages.error(request, _("Tick the box to confirm."))
            return redirect("accounts:delete")
        user: Any = request.user
        logout(request)
        services.personal_data_delete(user)
        messages.success(request, _("Your personal data was deleted and your account closed."))
        return redirect("account_login")
    return render(request, "accounts/delete.html")


def invitation(request: HttpRequest, token: str) -> HttpResponse:
    invite = services.invitation_open(token)
    if invite is None:
        raise Http404("invitation not found or expired")
    form = AcceptForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.invitation_accept(invite, **form.cleaned_data)
        except ValidationError as exc:
            messages.error(request, "; ".join(exc.messages))
            return redirect("account_login")
        messages.success(request, _("Welcome! Sign in with your email and new password."))
        return redirect("account_login")
    return render(request, "accounts/invitation.html", {"form": form, "invitation": invite})
