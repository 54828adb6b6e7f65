"""After the event: the satisfaction survey and "did this meeting lead somewhere", which opens or
advances the collaboration journey (`dxhub.collab.services.express_interest`)."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from dxhub.collab.services import express_interest
from dxhub.companies.models import Company
from dxhub.events.models import (
    Event,
    Feedback,
    MeetingOutcome,
    MeetingRequest,
    Registration,
    ScheduledMeeting,
)
from dxhub.needs.access import needs_visible_to
from dxhub.needs.models import Need


def _started(event: Event) -> None:
    if timezone.now() < event.starts_at:
        raise ValidationError(_("This opens when the event has started."))


@transaction.atomic
def give_feedback(event: Event, *, user: Any, rating: int, comment: str = "") -> Feedback:
    _started(event)
    registration = Registration.objects.filter(
        event=event, user_id=getattr(user, "pk", 0) or 0, status=Registration.Status.CONFIRMED
    ).first()
    if registration is None:
        raise ValidationError(_("Only confirmed participants answer the survey."))
    if not 1 <= int(rating) <= 5:
        raise ValidationError(_("Rate from 1 to 5."))
    row, _created = Feedback.objects.update_or_create(
        registration=registration, defaults={"rating": int(rating), "comment": comment[:2000]}
    )
    return row


def pair_companies(request: MeetingRequest) -> tuple[Company | None, Company | None]:
    """(supplier, demander) of a meeting, when one side supplies and the other has needs."""
    one, two = request.requester.company, request.recipient.company
    for supplier, demander in ((one, two), (two, one)):
        if supplier is not None and demander is not None and supplier.is_supplier and demander.is_demander:
            return supplier, demander
    return None, None


def open_needs_for(request: MeetingRequest, user: Any) -> list[Need]:
    """The demander's open needs the answering person may see: what the pair could work on."""
    _supplier, demander = pair_companies(request)
    if demander is None:
        return []
    return list(needs_visible_to(user).open().filter(company=demander).order_by("-published_at", "-id"))


@transaction.atomic
def record_outcome(
    request: MeetingRequest, *, user: Any, result: str, note: str = "", need: Need | None = None
) -> MeetingOutcome:
    """One answer per side; answering again replaces it. "Work together" needs one of the demander's
    open needs and shows interest in it on the collaboration journey (repeating it is harmless)."""
    _started(request.event)
    mine = next((r for r in (request.requester, request.recipient) if r.user_id == user.pk), None)
    if mine is None:
        raise PermissionDenied(_("Only the two people who met answer this."))
    if not ScheduledMeeting.objects.filter(request=request).exists():
        raise ValidationError(_("This meeting was not on the schedule."))
    if result not in MeetingOutcome.Result.values:
        raise ValidationError(_("Unknown answer."))
    collaboration = None
    if result == MeetingOutcome.Result.COLLABORATION:
        supplier, _demander = pair_companies(request)
        if supplier is None:
            raise ValidationError(_("A collaboration pairs a supplier with a manufacturer."))
        if need is None or need.pk not in {n.pk for n in open_needs_for(request, user)}:
            raise ValidationError(_("Choose one of the manufacturer's open needs."))
        collaboration = express_interest(user=user, need=need, supplier=supplier, message=note)
    row, _created = MeetingOutcome.objects.update_or_create(
        request=request,
        registration=mine,
        defaults={"result": result, "note": note[:500], "collaboration": collaboration},
    )
    return row
