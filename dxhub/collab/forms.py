"""Validation of the journey's page input; each form feeds one service call."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from dxhub.collab.models import Collaboration, Meeting
from dxhub.core.forms import no_default


class InterestForm(forms.Form):
    message = forms.CharField(
        label=_("Message"), max_length=2000, required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class DeclineForm(forms.Form):
    reason = forms.ChoiceField(label=_("Reason"), choices=no_default(Collaboration.DeclineReason.choices))
    note = forms.CharField(label=_("Note"), max_length=300, required=False)


class WithdrawForm(forms.Form):
    reason = forms.ChoiceField(label=_("Reason"), choices=no_default(Collaboration.WithdrawReason.choices))
    note = forms.CharField(label=_("Note"), max_length=300, required=False)


class MessageForm(forms.Form):
    text = forms.CharField(
        label=_("Message"), max_length=5000, required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    attachment = forms.FileField(label=_("Attachment"), required=False)


class DateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"


class MeetingForm(forms.Form):
    mode = forms.ChoiceField(label=_("Format"), choices=Meeting.Mode.choices)
    location = forms.CharField(label=_("Address or link"), max_length=300)
    option1 = forms.DateTimeField(label=_("Time 1"), widget=DateTimeInput())
    option2 = forms.DateTimeField(label=_("Time 2"), required=False, widget=DateTimeInput())
    option3 = forms.DateTimeField(label=_("Time 3"), required=False, widget=DateTimeInput())
    duration_minutes = forms.IntegerField(
        label=_("Duration (minutes)"), min_value=15, max_value=480, initial=60
    )
    agenda = forms.CharField(
        label=_("Agenda"), max_length=2000, required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def options(self) -> list[Any]:
        return [self.cleaned_data[k] for k in ("option1", "option2", "option3") if self.cleaned_data.get(k)]


class RescheduleForm(forms.Form):
    meeting = forms.IntegerField(widget=forms.HiddenInput)
    option1 = forms.DateTimeField(label=_("Time 1"), widget=DateTimeInput())
    option2 = forms.DateTimeField(label=_("Time 2"), required=False, widget=DateTimeInput())

    def options(self) -> list[Any]:
        return [self.cleaned_data[k] for k in ("option1", "option2") if self.cleaned_data.get(k)]


class MeetingAcceptForm(forms.Form):
    meeting = forms.IntegerField(widget=forms.HiddenInput)
    option = forms.CharField(max_length=40)


class MeetingCancelForm(forms.Form):
    meeting = forms.IntegerField(widget=forms.HiddenInput)
    reason = forms.CharField(label=_("Reason"), max_length=300)


class MeetingNotesForm(forms.Form):
    meeting = forms.IntegerField(widget=forms.HiddenInput)
    notes = forms.CharField(label=_("Notes"), max_length=5000, widget=forms.Textarea(attrs={"rows": 3}))
    next_steps = forms.CharField(label=_("What next"), max_length=2000, required=False)


class ProposalForm(forms.Form):
    scope = forms.CharField(label=_("Scope"), widget=forms.Textarea(attrs={"rows": 3}))
    deliverables = forms.CharField(label=_("Deliverables"), widget=forms.Textarea(attrs={"rows": 2}))
    schedule = forms.CharField(label=_("Schedule"), widget=forms.Textarea(attrs={"rows": 2}))
    duration_months = forms.IntegerField(label=_("Duration (months)"), min_value=1, max_value=120)
    price = forms.IntegerField(label=_("Price (won)"), min_value=0, max_value=10**13)


class ProposalNoteForm(forms.Form):
    proposal = forms.IntegerField(widget=forms.HiddenInput)
    text = forms.CharField(label=_("Comment"), max_length=3000, required=False)


class ProposalPickForm(forms.Form):
    proposal = forms.IntegerField(widget=forms.HiddenInput)


class MilestoneForm(forms.Form):
    title = forms.CharField(label=_("Milestone"), max_length=150)
    deliverable = forms.CharField(label=_("Deliverable"), max_length=200, required=False)
    due = forms.DateField(label=_("Due"), required=False, widget=forms.DateInput(attrs={"type": "date"}))


class MilestonePickForm(forms.Form):
    milestone = forms.IntegerField(widget=forms.HiddenInput)


class UpdateForm(forms.Form):
    text = forms.CharField(
        label=_("Status update"), max_length=3000, widget=forms.Textarea(attrs={"rows": 2})
    )


class CompleteForm(forms.Form):
    achieved_kpi = forms.CharField(label=_("Achieved KPI"), max_length=200)
    summary = forms.CharField(label=_("Summary"), required=False, widget=forms.Textarea(attrs={"rows": 3}))


class RateForm(forms.Form):
    rating = forms.TypedChoiceField(
        label=_("Rating"), coerce=int, choices=[(i, "★" * i) for i in range(5, 0, -1)]
    )
    review = forms.CharField(
        label=_("Review"), max_length=3000, required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class VerifyForm(forms.Form):
    note = forms.CharField(label=_("Verification note"), max_length=300, required=False)
