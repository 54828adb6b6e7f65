"""Agreement, milestone, ledger and result pages."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from dxhub.hubs.models import Hub
from dxhub.programmes import selectors
from dxhub.programmes import services_agreements as svc
from dxhub.programmes.access import (
    get_agreement_for_user,
    get_application_for_user,
    is_applicant,
    operates_call,
)
from dxhub.programmes.forms import (
    AgreementForm,
    ChangeForm,
    FollowUpForm,
    MilestoneForm,
    MoneyForm,
    ReportForm,
    ResultForm,
)

NAV = {"nav_section": "programmes"}


@login_required
@require_POST
def agreement_create(request: HttpRequest, pk: int) -> HttpResponse:
    application = get_application_for_user(request.user, pk)
    if not operates_call(request.user, application.call):
        raise PermissionDenied(_("Only the hub operator prepares agreements."))
    form = AgreementForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(str(e) for errs in form.errors.values() for e in errs))
        return redirect("programmes:application", pk=pk)
    try:
        agreement = svc.agreement_create(application, **form.cleaned_data)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("programmes:application", pk=pk)
    return redirect("programmes:agreement", pk=agreement.pk)


def agreement_detail(request: HttpRequest, pk: int) -> HttpResponse:
    user: Any = request.user
    agreement = get_agreement_for_user(user, pk)
    context = {
        "agreement": agreement,
        "application": agreement.application,
        "operator": operates_call(user, agreement.application.call),
        "applicant": is_applicant(user, agreement.application),
        "milestones": agreement.milestones.all(),
        "result": getattr(agreement, "result", None) if hasattr(agreement, "result") else None,
        "followups": agreement.followups.order_by("months"),
        "milestone_form": MilestoneForm(),
        "report_form": ReportForm(),
        "money_form": MoneyForm(),
        "change_form": ChangeForm(),
        "result_form": ResultForm(),
        "followup_form": FollowUpForm(),
        **selectors.project_ledger(agreement),
        **selectors.agreement_budget(agreement),
        **NAV,
    }
    return render(request, "programmes/agreement_detail.html", context)


def _form_action(
    form_class: type[forms.Form], run: Callable[[Any, Any, dict[str, Any]], object]
) -> Callable[..., Any]:
    return lambda request, agreement: run(request, agreement, _valid(form_class(request.POST)))


def _valid(form: forms.Form) -> dict[str, Any]:
    if not form.is_valid():
        raise ValidationError([str(e) for errs in form.errors.values() for e in errs])
    return form.cleaned_data


OPERATOR_ACTIONS: dict[str, Callable[..., Any]] = {
    "sign": lambda request, a: svc.agreement_sign(a, user=request.user),
    "milestone": _form_action(MilestoneForm, lambda r, a, d: svc.milestone_add(a, user=r.user, **d)),
    "money": _form_action(MoneyForm, lambda r, a, d: svc.money_record(a, user=r.user, **d)),
    "result": _form_action(ResultForm, lambda r, a, d: svc.result_record(a, **d)),
    "followup": _form_action(FollowUpForm, lambda r, a, d: svc.followup_record(a, **d)),
}
APPLICANT_ACTIONS: dict[str, Callable[..., Any]] = {
    "change": _form_action(ChangeForm, lambda r, a, d: svc.change_request_create(a, **d)),
}


@login_required
@require_POST
def agreement_action(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    user: Any = request.user
    agreement = get_agreement_for_user(user, pk)
    if action in OPERATOR_ACTIONS:
        if not operates_call(user, agreement.application.call):
            raise PermissionDenied(_("Only the hub operator does this."))
        handler = OPERATOR_ACTIONS[action]
    elif action in APPLICANT_ACTIONS:
        if not is_applicant(user, agreement.application):
            raise PermissionDenied(_("Only the consortium does this."))
        handler = APPLICANT_ACTIONS[action]
    else:
        raise Http404
    try:
        handler(request, agreement)
        messages.success(request, _("Saved."))
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    return redirect("programmes:agreement", pk=pk)


@login_required
@require_POST
def milestone_action(request: HttpRequest, pk: int, milestone_pk: int, action: str) -> HttpResponse:
    user: Any = request.user
    agreement = get_agreement_for_user(user, pk)
    milestone = agreement.milestones.filter(pk=milestone_pk).first()
    if milestone is None or action not in ("report", "approve", "pay"):
        raise Http404
    operator = operates_call(user, agreement.application.call)
    try:
        if action == "report":
            if not is_applicant(user, agreement.application):
                raise PermissionDenied(_("The consortium reports its checkpoints."))
            svc.milestone_report(milestone, report=_valid(ReportForm(request.POST))["report"])
        elif not operator:
            raise PermissionDenied(_("Only the hub operator approves and pays."))
        elif action == "approve":
            svc.milestone_approve(milestone, user=user)
        else:
            svc.milestone_pay(milestone, user=user)
        messages.success(request, _("Saved."))
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    return redirect("programmes:agreement", pk=pk)


@login_required
@require_POST
def change_decide(request: HttpRequest, pk: int, change_pk: int) -> HttpResponse:
    agreement = get_agreement_for_user(request.user, pk, write=True)
    change = agreement.changes.filter(pk=change_pk).first()
    if change is None:
        raise Http404
    try:
        svc.change_request_decide(change, approve=request.POST.get("decision") == "approve")
        messages.success(request, _("Saved."))
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    return redirect("programmes:agreement", pk=pk)


@login_required
def hub_ledger(request: HttpRequest, slug: str, year: int) -> HttpResponse:
    user: Any = request.user
    hub = get_object_or_404(Hub, slug=slug)
    if not (user.is_ministry or (user.is_operator and user.hub_id == hub.pk)):
        raise PermissionDenied(_("The ledger is for the hub's operators and the ministry."))
    context = {"hub": hub, "year": year, **selectors.hub_ledger(hub, year), **NAV}
    return render(request, "programmes/hub_ledger.html", context)
