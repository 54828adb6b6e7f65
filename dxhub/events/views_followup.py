"""After the event: the survey and the meeting follow-ups on one page."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from dxhub.events import selectors
from dxhub.events import services_followup as followup
from dxhub.events.access import get_event_for_user, get_meeting_request_for_user, own_registration
from dxhub.events.models import Feedback, MeetingOutcome, Registration
from dxhub.needs.models import Need


@login_required
def after(request: HttpRequest, pk: int) -> HttpResponse:
    event = get_event_for_user(request.user, pk)
    mine = own_registration(request.user, event)
    if mine is None or mine.status != Registration.Status.CONFIRMED:
        raise Http404("no confirmed registration")
    if request.method == "POST":
        try:
            if request.POST.get("form") == "survey":
                rating = request.POST.get("rating", "")
                if not rating.isdigit():
                    raise ValidationError(_("Rate from 1 to 5."))
                followup.give_feedback(
                    event, user=request.user, rating=int(rating), comment=request.POST.get("comment", "")
                )
            else:
                row = get_meeting_request_for_user(request.user, request.POST.get("request", ""))
                if row.event_id != event.pk:
                    raise Http404("meeting not found")
                need_id = request.POST.get("need", "")
                need = Need.objects.filter(pk=int(need_id)).first() if need_id.isdigit() else None
                followup.record_outcome(
                    row,
                    user=request.user,
                    result=request.POST.get("result", ""),
                    note=request.POST.get("note", ""),
                    need=need,
                )
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, _("Thank you: your answer is saved."))
        return redirect("events:after", pk=event.pk)
    answers = {o.request_id: o for o in MeetingOutcome.objects.filter(registration=mine)}
    meetings = [
        (
            m,
            selectors.other_side(m, mine),
            answers.get(m.request_id),
            followup.open_needs_for(m.request, request.user),
        )
        for m in selectors.agenda(mine)
    ]
    context = {
        "event": event,
        "feedback": Feedback.objects.filter(registration=mine).first(),
        "meetings": meetings,
        "results": MeetingOutcome.Result.choices,
        "nav_section": "events",
    }
    return render(request, "events/after.html", context)
