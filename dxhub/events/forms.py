"""Validation of event page input."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from dxhub.events.models import Event, MeetingRequest, Registration
from dxhub.hubs.models import Hub

DATETIME = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


class EventForm(forms.ModelForm):
    partner_hubs = forms.ModelMultipleChoiceField(
        Hub.objects.all(), required=False, label=_("partner hubs"), widget=forms.CheckboxSelectMultiple
    )
    slot_minutes = forms.IntegerField(label=_("minutes per meeting"), min_value=5, max_value=240, initial=30)
    slot_count = forms.IntegerField(label=_("number of time slots"), min_value=1, max_value=60, initial=6)
    questions = forms.CharField(
        label=_("registration questions"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("one per line; end a line with * to make the answer required"),
    )

    class Meta:
        model = Event
        fields = [
            "title",
            "kind",
            "format",
            "description",
            "venue",
            "online_url",
            "starts_at",
            "ends_at",
            "capacity",
            "requires_approval",
            "tables",
        ]
        widgets = {
            "starts_at": DATETIME,
            "ends_at": DATETIME,
            "description": forms.Textarea(attrs={"rows": 4}),
        }

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        starts, ends = data.get("starts_at"), data.get("ends_at")
        if starts and ends and ends < starts:
            self.add_error("ends_at", _("The event cannot end before it starts."))
        if data.get("kind") == Event.Kind.MATCHMAKING and not data.get("tables"):
            self.add_error("tables", _("A matchmaking day needs at least one table or online room."))
        return data


class RegistrationForm(forms.Form):
    space_interest = forms.ChoiceField(
        label=_("interest in space"), choices=Registration.Space.choices, required=False
    )
    move_timing = forms.ChoiceField(label=_("timing"), choices=Registration.Timing.choices, required=False)
    lead_note = forms.CharField(label=_("note for the hub"), max_length=300, required=False)

    def __init__(self, *args: Any, event: Event, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.question_fields = []
        for q in event.questions.all():
            name = f"q{q.pk}"
            self.fields[name] = forms.CharField(
                label=q.text.rstrip("*"), required=q.required, max_length=1000
            )
            self.question_fields.append(name)
        if event.kind != Event.Kind.BRIEFING:
            for name in ("space_interest", "move_timing", "lead_note"):
                del self.fields[name]

    def answers(self) -> dict[str, str]:
        return {name[1:]: self.cleaned_data.get(name, "") for name in self.question_fields}

    def lead(self) -> dict[str, str]:
        return {
            name: self.cleaned_data.get(name, "") or ""
            for name in ("space_interest", "move_timing", "lead_note")
            if name in self.fields
        }


class MeetingRequestForm(forms.Form):
    recipient = forms.IntegerField(widget=forms.HiddenInput)
    priority = forms.TypedChoiceField(
        label=_("priority"), choices=MeetingRequest.Priority.choices, coerce=int, initial=1
    )
    message = forms.CharField(
        label=_("message"), max_length=2000, required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


CHOOSE_REGISTERED = _(
    "Choose a participant registered for this event (cancelled registrations cannot be chosen)."
)


class RegistrationChoiceField(forms.ModelChoiceField):
    """Names the status of anyone not confirmed, so that the operator sees it before choosing."""

    def label_from_instance(self, obj: Any) -> str:
        if obj.status == Registration.Status.CONFIRMED:
            return str(obj.display_name)
        return f"{obj.display_name} · {obj.get_status_display()}"


class OnBehalfRequestForm(forms.Form):
    """An operator enters a meeting request for two participants (대리 미팅 등록)."""

    requester = RegistrationChoiceField(
        Registration.objects.none(),
        label=_("requesting participant"),
        empty_label=_("choose a participant"),
        error_messages={"invalid_choice": CHOOSE_REGISTERED},
    )
    recipient = RegistrationChoiceField(
        Registration.objects.none(),
        label=_("requested participant"),
        empty_label=_("choose a participant"),
        error_messages={"invalid_choice": CHOOSE_REGISTERED},
    )
    priority = forms.TypedChoiceField(
        label=_("priority"), choices=MeetingRequest.Priority.choices, coerce=int, initial=1
    )
    message = forms.CharField(
        label=_("note"), max_length=2000, required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    agreed = forms.BooleanField(
        label=_("both sides agreed by phone"),
        required=False,
        help_text=_("recorded as accepted at once; otherwise the requested side accepts or declines it"),
    )

    def __init__(self, *args: Any, event: Event, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Waitlisted and unapproved people stay in the list, so that choosing one is refused with the
        # reason (they take no part in the meetings) instead of leaving the operator searching.
        rows = (
            event.registrations.exclude(
                status__in=[Registration.Status.CANCELLED, Registration.Status.DECLINED]
            )
            .select_related("user", "company")
            .order_by("company__name", "user__name", "id")
        )
        for name in ("requester", "recipient"):
            self.fields[name].queryset = rows  # type: ignore[attr-defined]


class CheckInForm(forms.Form):
    code = forms.CharField(label=_("check-in code"), max_length=200)
