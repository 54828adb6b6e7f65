"""Company pages: thin views over the access helper, selectors and services."""

from __future__ import annotations

from typing import Any

from auditlog.models import LogEntry
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from dxhub.accounts.services import invitation_create
from dxhub.companies import forms
from dxhub.companies.access import can_see_contacts, get_company_for_user
from dxhub.companies.panels import company_panels
from dxhub.companies.selectors import EXPORT_HEADERS, company_export_rows, company_list
from dxhub.companies.services import company_create, company_refresh_search, company_update
from dxhub.core.audit import describe_changes
from dxhub.core.export import xlsx_response
from dxhub.core.pagination import paginate, query_without_page

FORMSETS: dict[str, Any] = {
    "contacts": forms.ContactFormSet,
    "solutions": forms.SolutionFormSet,
    "references": forms.ReferenceFormSet,
    "certifications": forms.CertificationFormSet,
}


@login_required
def company_list_view(request: HttpRequest) -> HttpResponse:
    filterset, rows = company_list(request.user, request.GET)
    if request.GET.get("format") == "xlsx":
        return xlsx_response("companies", EXPORT_HEADERS, company_export_rows(rows))
    context = {
        "filter": filterset,
        "page_obj": paginate(request, rows),
        "query": query_without_page(request),
        "nav_section": "companies",
    }
    template = "companies/partials/results.html" if request.htmx else "companies/list.html"  # type: ignore[attr-defined]
    return render(request, template, context)


@login_required
def company_detail(request: HttpRequest, pk: int) -> HttpResponse:
    company = get_company_for_user(request.user, pk)
    user: Any = request.user
    history = None
    if user.has_perm("companies.view_audit", company):
        entries = LogEntry.objects.get_for_object(company).select_related("actor")[:20]
        history = [(entry, describe_changes(entry.changes_dict)) for entry in entries]
    context = {
        "company": company,
        "show_contacts": can_see_contacts(user, company),
        "can_edit": user.has_perm("companies.change_company", company),
        "can_invite": user.has_perm("companies.invite_member", company),
        "can_view_recommendations": user.has_perm("companies.view_recommendations", company),
        "panels": company_panels(user, company),
        "history": history,
        "nav_section": "companies",
    }
    return render(request, "companies/detail.html", context)


def _formsets(request: HttpRequest, company: Any) -> dict[str, Any]:
    data = request.POST if request.method == "POST" else None
    return {name: cls(data, instance=company, prefix=name) for name, cls in FORMSETS.items()}


@login_required
def company_edit(request: HttpRequest, pk: int) -> HttpResponse:
    company = get_company_for_user(request.user, pk, write=True)
    form = forms.CompanyForm(request.POST or None, instance=company, user=request.user)
    formsets = _formsets(request, company)
    if request.method == "POST" and form.is_valid() and all(fs.is_valid() for fs in formsets.values()):
        with transaction.atomic():
            data = {k: v for k, v in form.cleaned_data.items() if k not in ("ksic", "capabilities", "brn")}
            company_update(
                company,
                ksic_codes=form.cleaned_data["ksic"],
                capabilities=form.cleaned_data["capabilities"],
                **data,
            )
            for fs in formsets.values():
                fs.save()
            company_refresh_search(company)
        messages.success(request, _("The company profile was saved."))
        return redirect("companies:detail", pk=company.pk)
    return render(
        request,
        "companies/form.html",
        {"form": form, "formsets": formsets, "company": company, "nav_section": "companies"},
    )


@login_required
def company_create_view(request: HttpRequest) -> HttpResponse:
    user: Any = request.user
    if not user.has_perm("companies.add_company"):
        raise PermissionDenied
    initial = {"hub": user.hub_id} if user.is_operator else {}
    form = forms.CompanyForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k not in ("ksic", "capabilities")}
        if user.is_operator:
            data["hub"] = user.hub
        company = company_create(
            ksic_codes=form.cleaned_data["ksic"], capabilities=form.cleaned_data["capabilities"], **data
        )
        messages.success(request, _("The company was registered."))
        return redirect("companies:detail", pk=company.pk)
    return render(request, "companies/form.html", {"form": form, "formsets": {}, "nav_section": "companies"})


@login_required
@require_POST
def company_invite(request: HttpRequest, pk: int) -> HttpResponse:
    company = get_company_for_user(request.user, pk)
    if not request.user.has_perm("companies.invite_member", company):
        raise PermissionDenied
    form = forms.InviteForm(request.POST)
    if form.is_valid():
        try:
            invitation = invitation_create(
                company=company, email=form.cleaned_data["email"], invited_by=request.user
            )
        except ValidationError as exc:
            messages.error(request, "; ".join(exc.messages))
            return redirect("companies:detail", pk=company.pk)
        link = request.build_absolute_uri(invitation.url())
        messages.success(
            request, _("Invitation sent to %(email)s: %(link)s") % {"email": invitation.email, "link": link}
        )
    else:
        messages.error(request, _("Enter a valid email address."))
    return redirect("companies:detail", pk=company.pk)
