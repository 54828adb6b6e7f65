"""The journey's page actions: action name → (form, service call). The view validates and dispatches.

Objects named in a form (a meeting, a proposal version, a milestone) are looked up inside the
collaboration the access helper returned, so an id from another collaboration is simply not found.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms as djforms
from django.http import Http404
from django.utils.translation import gettext_lazy as _

from dxhub.collab import forms, services, services_meetings, services_project
from dxhub.collab.models import Collaboration, Meeting, ProjectMilestone, ProposalVersion


def meeting_in(c: Collaboration, pk: int) -> Meeting:
    found = c.meetings.filter(pk=pk).first()
    if found is None:
        raise Http404("meeting not found")
    return found


def proposal_in(c: Collaboration, pk: int) -> ProposalVersion:
    found = c.proposals.filter(pk=pk).first()
    if found is None:
        raise Http404("proposal not found")
    return found


def milestone_in(c: Collaboration, pk: int) -> ProjectMilestone:
    found = c.milestones.filter(pk=pk).first()
    if found is None:
        raise Http404("milestone not found")
    return found


Handler = Callable[[Collaboration, Any, dict[str, Any], Any], object]

ACTIONS: dict[str, tuple[type[djforms.Form] | None, Handler, Any]] = {
    "accept": (
        None,
        lambda c, u, d, f: services.accept(c, user=u),
        _("Interest accepted: contacts are now shared."),
    ),
    "decline": (
        forms.DeclineForm,
        lambda c, u, d, f: services.decline(c, user=u, reason=d["reason"], note=d["note"]),
        _("Declined. Thank you for the reason."),
    ),
    "withdraw": (
        forms.WithdrawForm,
        lambda c, u, d, f: services.withdraw(c, user=u, reason=d["reason"], note=d["note"]),
        _("The collaboration was withdrawn."),
    ),
    "message": (
        forms.MessageForm,
        lambda c, u, d, f: services.send_message(c, user=u, text=d["text"], upload=f.get("attachment")),
        _("Message sent."),
    ),
    "meeting": (
        forms.MeetingForm,
        lambda c, u, d, f: services_meetings.meeting_propose(
            c,
            user=u,
            mode=d["mode"],
            location=d["location"],
            options=d["_options"],
            duration_minutes=d["duration_minutes"],
            agenda=d["agenda"],
        ),
        _("Meeting proposed."),
    ),
    "meeting_accept": (
        forms.MeetingAcceptForm,
        lambda c, u, d, f: services_meetings.meeting_accept(
            meeting_in(c, d["meeting"]), user=u, option=d["option"]
        ),
        _("Meeting confirmed."),
    ),
    "meeting_reschedule": (
        forms.RescheduleForm,
        lambda c, u, d, f: services_meetings.meeting_reschedule(
            meeting_in(c, d["meeting"]), user=u, options=d["_options"]
        ),
        _("New times proposed."),
    ),
    "meeting_cancel": (
        forms.MeetingCancelForm,
        lambda c, u, d, f: services_meetings.meeting_cancel(
            meeting_in(c, d["meeting"]), user=u, reason=d["reason"]
        ),
        _("Meeting cancelled."),
    ),
    "meeting_notes": (
        forms.MeetingNotesForm,
        lambda c, u, d, f: services_meetings.meeting_record(
            meeting_in(c, d["meeting"]), user=u, notes=d["notes"], next_steps=d["next_steps"]
        ),
        _("Meeting notes saved."),
    ),
    "proposal": (
        forms.ProposalForm,
        lambda c, u, d, f: services_project.proposal_submit(c, user=u, **d),
        _("Proposal submitted."),
    ),
    "proposal_comment": (
        forms.ProposalNoteForm,
        lambda c, u, d, f: services_project.proposal_comment(
            proposal_in(c, d["proposal"]), user=u, text=d["text"]
        ),
        _("Comment added."),
    ),
    "proposal_changes": (
        forms.ProposalNoteForm,
        lambda c, u, d, f: services_project.proposal_request_changes(
            proposal_in(c, d["proposal"]), user=u, note=d["text"]
        ),
        _("Changes requested."),
    ),
    "proposal_accept": (
        forms.ProposalPickForm,
        lambda c, u, d, f: services_project.proposal_accept(proposal_in(c, d["proposal"]), user=u),
        _("Proposal accepted: confirm the agreement."),
    ),
    "confirm": (
        None,
        lambda c, u, d, f: services_project.agreement_confirm(c, user=u),
        _("Agreement confirmed."),
    ),
    "milestone": (
        forms.MilestoneForm,
        lambda c, u, d, f: services_project.milestone_add(c, user=u, **d),
        _("Milestone added."),
    ),
    "milestone_done": (
        forms.MilestonePickForm,
        lambda c, u, d, f: services_project.milestone_done(milestone_in(c, d["milestone"]), user=u),
        _("Milestone done."),
    ),
    "update": (
        forms.UpdateForm,
        lambda c, u, d, f: services_project.project_update(c, user=u, text=d["text"]),
        _("Status update posted."),
    ),
    "complete": (
        forms.CompleteForm,
        lambda c, u, d, f: services_project.project_complete(
            c, user=u, achieved_kpi=d["achieved_kpi"], summary=d["summary"]
        ),
        _("Outcome recorded: both sides now rate each other."),
    ),
    "rate": (
        forms.RateForm,
        lambda c, u, d, f: services_project.outcome_rate(c, user=u, rating=d["rating"], review=d["review"]),
        _("Rating saved."),
    ),
    "verify": (
        forms.VerifyForm,
        lambda c, u, d, f: services_project.outcome_verify(c, user=u, note=d["note"]),
        _("Outcome verified."),
    ),
}


def cleaned(form: djforms.Form | None) -> dict[str, Any]:
    if form is None:
        return {}
    data = dict(form.cleaned_data)
    options = getattr(form, "options", None)
    if callable(options):
        data = {k: v for k, v in data.items() if not k.startswith("option")}
        data["_options"] = options()
    data.pop("attachment", None)
    return data
