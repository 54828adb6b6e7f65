"""Journey pages: a match's start page, the collaboration page, my collaborations and the pipeline board."""

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

from dxhub.collab import selectors, services
from dxhub.collab.access import get_collaboration_for_user, side_of
from dxhub.collab.actions import ACTIONS, cleaned
from dxhub.collab.forms import (
    CompleteForm,
    DeclineForm,
    InterestForm,
    MeetingForm,
    MessageForm,
    MilestoneForm,
    ProposalForm,
    RateForm,
    UpdateForm,
    VerifyForm,
    WithdrawForm,
)
from dxhub.collab.models import Collaboration, Meeting
from dxhub.collab.services_meetings import meeting_ics
from dxhub.companies.access import can_see_contacts, get_company_for_user
from dxhub.core.export import xlsx_response
from dxhub.hubs.models import Hub
from dxhub.needs.access import get_need_for_user


def _pair(request: HttpRequest, need_pk: int, company_pk: int) -> tuple[Any, Any]:
    need = get_need_for_user(request.user, need_pk)
    supplier = get_company_for_user(request.user, company_pk)
    if not supplier.is_supplier:
        raise Http404("not a supplier")
    return need, supplier


@login_required
def start(request: HttpRequest, need_pk: int, company_pk: int) -> HttpResponse:
    """A match seen from one side: show interest with a message, dismiss it with a reason, or (operators) broker."""
    user: Any = request.user
    need, supplier = _pair(request, need_pk, company_pk)
    existing = Collaboration.objects.filter(need=need, supplier=supplier).first()
    if existing is not None and selectors.collaborations_visible_to(user).filter(pk=existing.pk).exists():
        return redirect("collab:detail", pk=existing.pk)
    is_party = user.is_member and user.company_id in (need.company_id, supplier.pk)
    is_broker = user.is_operator and user.hub_id in (need.hub_id, supplier.hub_id)
    if not (is_party or is_broker):
        raise PermissionDenied(_("Only the two companies or their hub's operators start a collaboration."))
    form = InterestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            if is_party:
                c = services.express_interest(
                    user=user, need=need, supplier=supplier, message=form.cleaned_data["message"]
                )
            else:
                c = services.broker(
                    user=user, need=need, supplier=supplier, message=form.cleaned_data["message"]
                )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(
                request, _("Your interest was sent.") if is_party else _("The companies were introduced.")
            )
            return redirect("collab:detail", pk=c.pk)
    if request.method == "GET":
        services.match_viewed(user=user, need=need, supplier=supplier)
    context = {
        "need": need,
        "supplier": supplier,
        "form": form,
        "dismiss_form": DeclineForm(),
        "is_broker": is_broker and not is_party,
        "nav_section": "collab",
    }
    return render(request, "collab/start.html", context)


@login_required
@require_POST
def dismiss(request: HttpRequest, need_pk: int, company_pk: int) -> HttpResponse:
    need, supplier = _pair(request, need_pk, company_pk)
    form = DeclineForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose a reason for dismissing."))
        return redirect("collab:start", need_pk=need.pk, company_pk=supplier.pk)
    services.match_dismiss(
        user=request.user,
        need=need,
        supplier=supplier,
        reason=form.cleaned_data["reason"],
        note=form.cleaned_data["note"],
    )
    messages.success(request, _("Dismissed. The reason helps the matching learn."))
    user: Any = request.user
    if user.company_id == need.company_id:
        return redirect("needs:detail", pk=need.pk)
    return redirect("matches:company", pk=supplier.pk)


@login_required
def collaboration_list(request: HttpRequest) -> HttpResponse:
    stage = request.GET.get("stage", "")
    if request.GET.get("format") == "xlsx":
        rows_all = selectors.collaboration_list(request.user, stage=stage)
        return xlsx_response("collaborations", selectors.EXPORT_HEADERS, selectors.export_rows(rows_all))
    rows = list(selectors.collaboration_list(request.user, stage=stage)[:200])
    context = {"rows": rows, "stage": stage, "stages": Collaboration.Stage.choices, "nav_section": "collab"}
    return render(request, "collab/list.html", context)


@login_required
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    """The journey page. htmx polls `?part=conversation` to refresh the conversation alone."""
    user: Any = request.user
    c = get_collaboration_for_user(user, pk)
    services.mark_read(c, user=user)
    context = _page_context(user, c)
    if request.htmx and request.GET.get("part") == "conversation":  # type: ignore[attr-defined]
        return render(request, "collab/partials/conversation.html", context)
    return render(request, "collab/detail.html", context)


def _page_context(user: Any, c: Collaboration, *, bound: tuple[str, Any] | None = None) -> dict[str, Any]:
    """The journey page's context; `bound` = (action, form) puts back a form with its input and errors."""
    side = side_of(user, c)
    other = c.supplier if side == "demander" else c.need.company
    meetings = list(c.meetings.all())
    page_forms = _forms()
    if bound is not None and bound[0] in page_forms:
        page_forms[bound[0]] = bound[1]
    return {
        "c": c,
        "side": side,
        "other": other,
        "contacts": _contacts(user, c),
        "events": c.events.select_related("actor").order_by("created_at"),
        "conversation": c.messages.select_related("author"),
        "meetings": meetings,
        "meeting_held": any(m.status == Meeting.Status.HELD for m in meetings),
        "proposals": c.proposals.prefetch_related("comments__author"),
        "agreement": c.agreement if hasattr(c, "agreement") else None,
        "milestones": c.milestones.all(),
        "updates": c.updates.select_related("author")[:20],
        "outcome": c.outcome if hasattr(c, "outcome") else None,
        "forms": page_forms,
        "open_form": bound[0] if bound else "",
        "can_answer": c.stage == "interest"
        and side in ("demander", "supplier")
        and getattr(c, f"{side}_interested_at") is None,
        "now": timezone.now(),
        "nav_section": "collab",
    }


def _contacts(user: Any, c: Collaboration) -> dict[str, Any]:
    """Each company's contacts, only where the reader may see them (after mutual interest, or the hub)."""
    out = {}
    for key, company in (("demander", c.need.company), ("supplier", c.supplier)):
        out[key] = list(company.contacts.all()) if can_see_contacts(user, company) else None
    return out


def _forms() -> dict[str, Any]:
    return {
        "decline": DeclineForm(),
        "withdraw": WithdrawForm(),
        "message": MessageForm(),
        "meeting": MeetingForm(),
        "proposal": ProposalForm(),
        "milestone": MilestoneForm(),
        "update": UpdateForm(),
        "complete": CompleteForm(),
        "rate": RateForm(),
        "verify": VerifyForm(),
    }


@login_required
@require_POST
def act(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    """Every journey step posts here: the access helper, the action's form, then its service."""
    if action not in ACTIONS:
        raise Http404("unknown action")
    c = get_collaboration_for_user(request.user, pk, write=True)
    form_class, handler, done = ACTIONS[action]
    form = form_class(request.POST, request.FILES) if form_class else None
    if form is not None and not form.is_valid():
        return _refused(request, c, action, form)
    try:
        handler(c, request.user, cleaned(form), request.FILES)
    except ValidationError as exc:
        if form is None:
            messages.error(request, "; ".join(exc.messages))
            return redirect("collab:detail", pk=c.pk)
        form.add_error(None, exc.messages)
        return _refused(request, c, action, form)
    messages.success(request, str(done))
    return redirect("collab:detail", pk=c.pk)


def _refused(request: HttpRequest, c: Collaboration, action: str, form: Any) -> HttpResponse:
    """The page again, with what was typed kept and each error beside its field (400, not a redirect)."""
    summary = "; ".join(
        f"{form.fields[k].label or k}: {' '.join(str(e) for e in v)}"
        if k in form.fields
        else " ".join(str(e) for e in v)
        for k, v in form.errors.items()
    )
    messages.error(request, summary)
    context = _page_context(request.user, c, bound=(action, form))
    return render(request, "collab/detail.html", context, status=400)


@login_required
def attachment(request: HttpRequest, pk: int, message_pk: int) -> FileResponse:
    """Message attachments are served through the collaboration's access check, never from a media URL."""
    c = get_collaboration_for_user(request.user, pk)
    message = c.messages.filter(pk=message_pk).exclude(attachment="").first()
    if message is None:
        raise Http404
    return FileResponse(message.attachment.open("rb"), as_attachment=True, filename=message.attachment_name)


@login_required
def ics(request: HttpRequest, pk: int, meeting_pk: int) -> HttpResponse:
    c = get_collaboration_for_user(request.user, pk)
    meeting = c.meetings.filter(pk=meeting_pk, starts_at__isnull=False).first()
    if meeting is None:
        raise Http404
    response = HttpResponse(meeting_ics(meeting), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="dxhub-meeting-{meeting.pk}.ics"'
    return response


@login_required
def board(request: HttpRequest) -> HttpResponse:
    """The pipeline per hub: an operator's own hub; ministry staff pick one or see all."""
    user: Any = request.user
    if user.is_operator:
        hub: Hub | None = user.hub
    elif user.is_ministry:
        slug = request.GET.get("hub", "")
        hub = Hub.objects.filter(slug=slug).first() if slug else None
    else:
        raise PermissionDenied(_("The pipeline board is for hub operators and ministry staff."))
    try:
        days = max(1, min(365, int(request.GET.get("days", selectors.STUCK_AFTER_DAYS))))
    except ValueError:
        days = selectors.STUCK_AFTER_DAYS
    data = selectors.pipeline_board(user, hub=hub, threshold_days=days)
    context = {"board": data, "hubs": Hub.objects.all() if user.is_ministry else [], "nav_section": "collab"}
    template = "collab/partials/board.html" if request.htmx else "collab/board.html"  # type: ignore[attr-defined]
    return render(request, template, context)
