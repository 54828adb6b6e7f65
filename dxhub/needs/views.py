"""Need pages: thin views over the access helper, selectors and the need services."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from dxhub.core.export import xlsx_response
from dxhub.core.pagination import paginate, query_without_page
from dxhub.needs import services
from dxhub.needs.access import get_need_for_user
from dxhub.needs.forms import AttachmentForm, CloseForm, NeedForm
from dxhub.needs.models import NeedAttachment
from dxhub.needs.selectors import EXPORT_HEADERS, need_export_rows, need_list


def need_list_view(request: HttpRequest) -> HttpResponse:
    """Open to visitors too: they see public needs only (the access helper decides)."""
    filterset, rows = need_list(request.user, request.GET)
    if request.GET.get("format") == "xlsx":
        return xlsx_response("needs", EXPORT_HEADERS, need_export_rows(rows))
    context = {
        "filter": filterset,
        "page_obj": paginate(request, rows),
        "query": query_without_page(request),
        "nav_section": "needs",
    }
    template = "needs/partials/results.html" if request.htmx else "needs/list.html"  # type: ignore[attr-defined]
    return render(request, template, context)


def need_detail(request: HttpRequest, pk: int) -> HttpResponse:
    need = get_need_for_user(request.user, pk)
    user: Any = request.user
    can_edit = user.is_authenticated and user.has_perm("needs.change_need", need)
    context = {
        "need": need,
        "can_edit": can_edit,
        "can_view_matches": user.is_authenticated and user.has_perm("needs.view_matches", need),
        "close_form": CloseForm(),
        "attachment_form": AttachmentForm(),
        "nav_section": "needs",
    }
    return render(request, "needs/detail.html", context)


@login_required
def need_create(request: HttpRequest) -> HttpResponse:
    user: Any = request.user
    if not user.has_perm("needs.add_need"):
        raise PermissionDenied(_("Only members of a demander company post needs."))
    form = NeedForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            need = services.need_create(
                company=user.company,
                created_by=user,
                required_capabilities=form.cleaned_data["required_capabilities"],
                **form.service_fields(),
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Saved as a draft. Publish it when it is ready."))
            return redirect("needs:detail", pk=need.pk)
    return render(request, "needs/form.html", {"form": form, "nav_section": "needs"})


@login_required
def need_edit(request: HttpRequest, pk: int) -> HttpResponse:
    need = get_need_for_user(request.user, pk, write=True)
    form = NeedForm(request.POST or None, instance=need)
    if request.method == "POST" and form.is_valid():
        try:
            services.need_update(
                need,
                required_capabilities=form.cleaned_data["required_capabilities"],
                **form.service_fields(),
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("The need was saved."))
            return redirect("needs:detail", pk=need.pk)
    return render(request, "needs/form.html", {"form": form, "need": need, "nav_section": "needs"})


def _state_change(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    need = get_need_for_user(request.user, pk, write=True)
    try:
        if action == "publish":
            services.need_publish(need)
            messages.success(request, _("The need is published."))
        elif action == "reopen":
            services.need_reopen(need)
            messages.success(request, _("The need is a draft again."))
        else:
            form = CloseForm(request.POST)
            if not form.is_valid():
                messages.error(request, _("Choose a reason for closing."))
                return redirect("needs:detail", pk=pk)
            services.need_close(need, reason=form.cleaned_data["reason"], note=form.cleaned_data["note"])
            messages.success(request, _("The need is closed."))
    except ValidationError as exc:
        messages.error(request, "; ".join(exc.messages))
    return redirect("needs:detail", pk=pk)


@login_required
@require_POST
def need_publish(request: HttpRequest, pk: int) -> HttpResponse:
    return _state_change(request, pk, "publish")


@login_required
@require_POST
def need_close(request: HttpRequest, pk: int) -> HttpResponse:
    return _state_change(request, pk, "close")


@login_required
@require_POST
def need_reopen(request: HttpRequest, pk: int) -> HttpResponse:
    return _state_change(request, pk, "reopen")


@login_required
@require_POST
def need_attach(request: HttpRequest, pk: int) -> HttpResponse:
    user: Any = request.user
    need = get_need_for_user(user, pk, write=True)
    form = AttachmentForm(request.POST, request.FILES)
    if form.is_valid():
        f = form.cleaned_data["file"]
        NeedAttachment.objects.create(need=need, file=f, name=f.name[:200], uploaded_by=user)
        messages.success(request, _("The file was attached."))
    else:
        messages.error(request, "; ".join(str(e) for errs in form.errors.values() for e in errs))
    return redirect("needs:detail", pk=pk)


def need_attachment(request: HttpRequest, pk: int, attachment_pk: int) -> FileResponse:
    """Attachments are served through the need's access check, never from a public media URL."""
    need = get_need_for_user(request.user, pk)
    attachment = need.attachments.filter(pk=attachment_pk).first()
    if attachment is None:
        raise Http404
    return FileResponse(attachment.file.open("rb"), as_attachment=True, filename=attachment.name)
