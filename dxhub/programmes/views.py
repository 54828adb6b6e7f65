"""Call and application pages: thin views over the access helpers, forms and services."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from dxhub.core.export import xlsx_response
from dxhub.needs.models import Need
from dxhub.programmes import selectors, services
from dxhub.programmes.access import get_application_for_user, get_call_for_user, is_applicant, operates_call
from dxhub.programmes.forms import ApplicationForm, ApplyForm, CallForm, DocumentForm, PanelForm
from dxhub.programmes.models import Agreement, Application

NAV = {"nav_section": "programmes"}


def _errors(exc: ValidationError) -> str:
    return " ".join(exc.messages)


def call_list(request: HttpRequest) -> HttpResponse:
    user: Any = request.user
    return render(
        request,
        "programmes/call_list.html",
        {
            "calls": selectors.call_list(user),
            "can_create": user.has_perm("programmes.add_call"),
            "now_year": timezone.localdate().year,
            **NAV,
        },
    )


def call_detail(request: HttpRequest, pk: int) -> HttpResponse:
    user: Any = request.user
    call = get_call_for_user(user, pk)
    operator = operates_call(user, call)
    if request.GET.get("format") == "xlsx":
        if not operator:
            raise PermissionDenied(_("Only the call's hub operators see its applications."))
        rows = selectors.application_export_rows(selectors.application_list(user, call), call)
        return xlsx_response(f"applications-{call.pk}", selectors.application_export_headers(), rows)
    context: dict[str, Any] = {"call": call, "operator": operator, **NAV}
    if operator:
        context["applications"] = selectors.application_list(user, call)
        context["panel_form"] = PanelForm()
        context["panels"] = call.panels.prefetch_related("evaluators")
    if getattr(user, "is_member", False) and user.company and user.company.is_demander and call.is_open:
        context["apply_form"] = ApplyForm(needs=Need.objects.filter(company_id=user.company_id))
        context["mine"] = Application.objects.filter(call=call, lead_id=user.company_id).first()
    return render(request, "programmes/call_detail.html", context)


@login_required
def call_create(request: HttpRequest) -> HttpResponse:
    user: Any = request.user
    if not user.has_perm("programmes.add_call"):
        raise PermissionDenied(_("Only hub operators publish calls."))
    form = CallForm(
        request.POST or None,
        initial={"year": timezone.now().year, "hubs": [user.hub_id] if user.hub_id else []},
    )
    if request.method == "POST" and form.is_valid():
        hubs = form.cleaned_data["hubs"]
        if user.is_operator and user.hub_id not in {h.pk for h in hubs}:
            form.add_error("hubs", _("Include your own hub."))
        else:
            try:
                call = services.call_create(
                    user=user,
                    hubs=hubs,
                    criteria=form.cleaned_data["criteria"],
                    quotas=form.cleaned_data["quotas"],
                    **form.service_fields(),
                )
            except ValidationError as exc:
                form.add_error(None, exc)
            else:
                messages.success(request, _("The call was saved as a draft. Publish it when it is ready."))
                return redirect("programmes:call", pk=call.pk)
    return render(request, "programmes/call_form.html", {"form": form, **NAV})


@login_required
@require_POST
def call_state(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    call = get_call_for_user(request.user, pk, write=True)
    try:
        if action == "publish":
            services.call_publish(call)
            messages.success(request, _("The call is open for applications."))
        elif action == "close":
            services.call_close(call)
            messages.success(request, _("Applications are closed; the review begins."))
        else:
            raise Http404
    except ValidationError as exc:
        messages.error(request, _errors(exc))
    return redirect("programmes:call", pk=pk)


@login_required
@require_POST
def apply(request: HttpRequest, pk: int) -> HttpResponse:
    user: Any = request.user
    call = get_call_for_user(user, pk)
    own = (
        Need.objects.filter(company_id=user.company_id)
        if getattr(user, "company_id", None)
        else Need.objects.none()
    )
    form = ApplyForm(request.POST, needs=own)
    if not form.is_valid():
        messages.error(request, " ".join(str(e) for errs in form.errors.values() for e in errs))
        return redirect("programmes:call", pk=pk)
    try:
        application = services.application_create(
            call=call,
            user=user,
            supplier=form.cleaned_data["supplier"],
            others=form.cleaned_data["others"],
            need=form.cleaned_data["need"],
            title=form.cleaned_data["title"],
        )
    except ValidationError as exc:
        messages.error(request, _errors(exc))
        return redirect("programmes:call", pk=pk)
    return redirect("programmes:application_edit", pk=application.pk)


@login_required
def application_list(request: HttpRequest) -> HttpResponse:
    rows = selectors.application_list(request.user)
    return render(request, "programmes/application_list.html", {"applications": rows, **NAV})


def application_detail(request: HttpRequest, pk: int) -> HttpResponse:
    user: Any = request.user
    application = get_application_for_user(user, pk)
    context = {
        "application": application,
        "call": application.call,
        "feedback": selectors.feedback(application)
        if is_applicant(user, application) or operates_call(user, application.call)
        else [],
        "operator": operates_call(user, application.call),
        "is_lead": getattr(user, "company_id", None) == application.lead_id,
        "agreement": Agreement.objects.filter(application=application).first(),
        "document_form": DocumentForm(),
        **NAV,
    }
    return render(request, "programmes/application_detail.html", context)


@login_required
def application_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """The plan form; the htmx autosave posts here too and gets back the small “saved at” partial."""
    application = get_application_for_user(request.user, pk, write=True)
    if application.locked:
        return redirect("programmes:application", pk=pk)
    form = ApplicationForm(request.POST or None, instance=application)
    htmx = bool(getattr(request, "htmx", False))
    if request.method == "POST":
        saved = False
        if form.is_valid():
            try:
                application = services.application_update(
                    application, budget=form.budget(), **form.plan_fields()
                )
                saved = True
            except ValidationError as exc:
                form.add_error(None, exc)
        if htmx:
            return render(
                request,
                "programmes/partials/autosave.html",
                {"saved": saved, "form": form, "application": application},
            )
        if saved:
            messages.success(request, _("The draft was saved."))
            return redirect("programmes:application", pk=pk)
    context = {
        "form": form,
        "application": application,
        "call": application.call,
        "document_form": DocumentForm(),
        "ineligible": request.session.pop(f"ineligible-{pk}", None),
        **NAV,
    }
    return render(request, "programmes/application_form.html", context)


@login_required
@require_POST
def application_attach(request: HttpRequest, pk: int) -> HttpResponse:
    application = get_application_for_user(request.user, pk, write=True)
    form = DocumentForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.application_attach(
                application, kind=form.cleaned_data["kind"], file=form.cleaned_data["file"]
            )
            messages.success(request, _("The document was attached."))
        except ValidationError as exc:
            messages.error(request, _errors(exc))
    else:
        messages.error(request, " ".join(str(e) for errs in form.errors.values() for e in errs))
    return redirect("programmes:application_edit", pk=pk)


@login_required
@require_POST
def application_submit(request: HttpRequest, pk: int) -> HttpResponse:
    application = get_application_for_user(request.user, pk, write=True)
    try:
        services.application_submit(application)
    except services.Ineligible as exc:
        request.session[f"ineligible-{pk}"] = exc.messages
        messages.error(request, _("The application cannot be submitted. Reasons are listed below."))
        return redirect("programmes:application_edit", pk=pk)
    except ValidationError as exc:
        messages.error(request, _errors(exc))
        return redirect("programmes:application", pk=pk)
    messages.success(request, _("The application was submitted. It can no longer be changed."))
    return redirect("programmes:application", pk=pk)


def document(request: HttpRequest, pk: int, doc_pk: int) -> FileResponse:
    """Documents are served through the application's access check, never from a public media URL."""
    application = get_application_for_user(request.user, pk)
    doc = application.documents.filter(pk=doc_pk).first()
    if doc is None:
        raise Http404
    return FileResponse(doc.file.open("rb"), as_attachment=True, filename=doc.name)
