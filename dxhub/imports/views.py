"""Upload → dry-run result → commit, and the blank templates. Thin: the work is in services."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from dxhub.core.export import XLSX
from dxhub.imports.access import get_job_for_user, jobs_visible_to, require_import
from dxhub.imports.forms import UploadForm
from dxhub.imports.models import ImportJob
from dxhub.imports.services import KINDS, ImportResult, import_check, import_commit
from dxhub.imports.workbook import template_workbook

RECENT_JOBS = 10


@login_required
def upload(request: HttpRequest) -> HttpResponse:
    require_import(request.user)
    form = UploadForm(request.POST or None, request.FILES or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        upload_file = form.cleaned_data["file"]
        result = import_check(
            kind=form.cleaned_data["kind"],
            filename=upload_file.name,
            content=upload_file.read(),
            user=request.user,
            hub=form.cleaned_data.get("hub"),
        )
        assert result.job is not None
        return redirect("imports:job", pk=result.job.pk)
    recent = jobs_visible_to(request.user).select_related("uploaded_by", "hub").defer("content")[:RECENT_JOBS]
    return render(
        request,
        "imports/upload.html",
        {"form": form, "recent": recent, "kinds": KINDS, "nav_section": "imports"},
    )


@login_required
def job(request: HttpRequest, pk: int) -> HttpResponse:
    found = get_job_for_user(request.user, pk)
    return render(
        request,
        "imports/job.html",
        {"job": found, "result": ImportResult.from_job(found), "nav_section": "imports"},
    )


@login_required
@require_POST
def commit(request: HttpRequest, pk: int) -> HttpResponse:
    found = get_job_for_user(request.user, pk)
    if found.status == ImportJob.Status.CHECKED and found.summary.get("error_count"):
        messages.error(request, _("Fix the errors in the file and upload it again."))
        return redirect("imports:job", pk=found.pk)
    result = import_commit(found, user=request.user)
    if result.committed:
        messages.success(
            request,
            _("Imported: %(created)d created, %(updated)d updated, %(unchanged)d unchanged.")
            % {"created": result.created, "updated": result.updated, "unchanged": result.unchanged},
        )
    else:
        messages.error(request, _("Nothing was written: the file no longer passes the check."))
    return redirect("imports:job", pk=found.pk)


@login_required
def template(request: HttpRequest, kind: str) -> HttpResponse:
    require_import(request.user)
    if kind not in KINDS:
        raise Http404("no such template")
    response = HttpResponse(template_workbook(kind), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="dxhub-{kind}-template.xlsx"'
    return response
