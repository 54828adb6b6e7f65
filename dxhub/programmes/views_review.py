"""Evaluation pages: panels and assignment (operator), scoring (evaluator), selection (operator)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from dxhub.programmes import selectors, services_review
from dxhub.programmes.access import get_call_for_user, get_review_for_user, operates_call
from dxhub.programmes.forms import PanelForm
from dxhub.programmes.models import SelectionRun

NAV = {"nav_section": "programmes"}


@login_required
@require_POST
def panel_create(request: HttpRequest, pk: int) -> HttpResponse:
    call = get_call_for_user(request.user, pk, write=True)
    form = PanelForm(request.POST)
    if form.is_valid():
        try:
            services_review.panel_create(
                call=call,
                stage=form.cleaned_data["stage"],
                evaluators=form.cleaned_data["evaluators"],
                per_application=form.cleaned_data["per_application"],
            )
            messages.success(request, _("The panel was saved."))
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
    else:
        messages.error(request, " ".join(str(e) for errs in form.errors.values() for e in errs))
    return redirect("programmes:call", pk=pk)


@login_required
@require_POST
def panel_assign(request: HttpRequest, pk: int, panel_pk: int) -> HttpResponse:
    call = get_call_for_user(request.user, pk, write=True)
    panel = call.panels.filter(pk=panel_pk).first()
    if panel is None:
        raise Http404
    try:
        services_review.panel_assign(panel)
        messages.success(request, _("Evaluators were assigned, conflicts of interest excluded."))
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    return redirect("programmes:call", pk=pk)


@login_required
def review_list(request: HttpRequest) -> HttpResponse:
    user: Any = request.user
    if not user.is_evaluator:
        raise PermissionDenied(_("This page lists an evaluator's assignments."))
    return render(request, "programmes/review_list.html", {"reviews": selectors.my_reviews(user), **NAV})


@login_required
def review_detail(request: HttpRequest, pk: int) -> HttpResponse:
    user: Any = request.user
    review = get_review_for_user(user, pk, write=request.method == "POST")
    criteria = list(review.panel.call.criteria.all())
    if request.method == "POST":
        points = {str(c.pk): request.POST.get(f"points_{c.pk}", "") for c in criteria}
        try:
            services_review.review_save(
                review,
                points=points,
                comment=request.POST.get("comment", "")[:5000],
                submit="submit" in request.POST,
            )
            messages.success(
                request, _("Your score was submitted.") if "submit" in request.POST else _("Saved.")
            )
            return redirect("programmes:review", pk=pk)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
    rows = [{"criterion": c, "points": review.points.get(str(c.pk), "")} for c in criteria]
    context = {
        "review": review,
        "application": review.application,
        "rows": rows,
        "can_score": review.evaluator_id == user.pk and review.editable,
        "operator": operates_call(user, review.panel.call),
        **NAV,
    }
    return render(request, "programmes/review_detail.html", context)


@login_required
@require_POST
def review_reopen(request: HttpRequest, pk: int) -> HttpResponse:
    review = get_review_for_user(request.user, pk)
    if not operates_call(request.user, review.panel.call):
        raise PermissionDenied(_("Only the call's operator reopens a score."))
    try:
        services_review.review_reopen(review)
        messages.success(request, _("The score is open again for its evaluator."))
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    return redirect("programmes:review", pk=pk)


@login_required
def selection(request: HttpRequest, pk: int) -> HttpResponse:
    call = get_call_for_user(request.user, pk, write=True)
    if request.method == "POST":
        try:
            services_review.selection_run(call, user=request.user)
            messages.success(request, _("Selection computed."))
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        return redirect("programmes:selection", pk=pk)
    context = {"call": call, **selectors.selection_view(call), **NAV}
    return render(request, "programmes/selection.html", context)


@login_required
@require_POST
def selection_confirm(request: HttpRequest, pk: int, run_pk: int) -> HttpResponse:
    call = get_call_for_user(request.user, pk, write=True)
    run = SelectionRun.objects.filter(call=call, pk=run_pk).first()
    if run is None:
        raise Http404
    try:
        services_review.selection_confirm(run)
        messages.success(request, _("The selection is announced; applicants can see their results."))
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    return redirect("programmes:selection", pk=pk)
