"""Writes of the journey's first part: interest, answers, brokering, withdrawal and the conversation.

Every transition locks the collaboration row (`select_for_update`), checks the stage table, is
idempotent when the same person repeats it (double click, two tabs) and is audited by django-auditlog.
Meetings are in `services_meetings.py`, proposals to outcomes in `services_project.py`.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from dxhub.accounts.models import User
from dxhub.collab.models import Collaboration, JourneyEvent, Message, Side
from dxhub.companies.models import Company
from dxhub.companies.services import contact_consent_give
from dxhub.needs.models import Need
from dxhub.notifications.models import Kind
from dxhub.notifications.services import notify

Stage = Collaboration.Stage

TRANSITIONS: dict[str, set[str]] = {
    Stage.INTEREST: {Stage.MUTUAL, Stage.DECLINED, Stage.WITHDRAWN},
    Stage.MUTUAL: {Stage.MEETING, Stage.WITHDRAWN},
    Stage.MEETING: {Stage.PROPOSAL, Stage.WITHDRAWN},
    Stage.PROPOSAL: {Stage.AGREEMENT, Stage.WITHDRAWN},
    Stage.AGREEMENT: {Stage.PROJECT, Stage.WITHDRAWN},
    Stage.PROJECT: {Stage.COMPLETED, Stage.WITHDRAWN},
    Stage.COMPLETED: {Stage.VERIFIED},
    Stage.DECLINED: set(),
    Stage.VERIFIED: set(),
    Stage.WITHDRAWN: set(),
}
CONVERSATION_STAGES = (
    Stage.MUTUAL,
    Stage.MEETING,
    Stage.PROPOSAL,
    Stage.AGREEMENT,
    Stage.PROJECT,
    Stage.COMPLETED,
    Stage.VERIFIED,
)
MAX_ATTACHMENT = 10 * 1024 * 1024


class TransitionError(ValidationError):
    """A step the journey does not allow from where the collaboration stands."""


# ---- helpers shared by the other service modules -------------------------------------------------


def lock(collaboration: Collaboration) -> Collaboration:
    """The collaboration re-read under a row lock, so two tabs or two people cannot interleave."""
    return (
        Collaboration.objects.select_for_update(of=("self",))
        .select_related("need", "need__company", "need__hub", "supplier", "supplier__hub")
        .get(pk=collaboration.pk)
    )


def acting_side(user: Any, collaboration: Collaboration, *allowed: str) -> str:
    from dxhub.collab.access import side_of

    side = side_of(user, collaboration)
    if side is None or (allowed and side not in allowed):
        raise PermissionDenied(_("This step is not yours to take in this collaboration."))
    return side


def move(locked: Collaboration, to: str) -> None:
    if to not in TRANSITIONS[locked.stage]:
        raise TransitionError(
            _("A collaboration at the stage “%(from)s” cannot move to “%(to)s”.")
            % {"from": locked.get_stage_display(), "to": Stage(to).label}
        )
    locked.stage = to
    locked.stage_changed_at = timezone.now()


def require_stage(locked: Collaboration, *stages: str) -> None:
    if locked.stage not in stages:
        raise TransitionError(
            _("Not possible at the stage “%(stage)s”.") % {"stage": locked.get_stage_display()}
        )


def record(
    collaboration: Collaboration,
    kind: str,
    *,
    side: str = "",
    actor: Any = None,
    reason: str = "",
    note: str = "",
) -> JourneyEvent:
    return JourneyEvent.objects.create(
        need_id=collaboration.need_id,
        supplier_id=collaboration.supplier_id,
        collaboration=collaboration,
        kind=kind,
        side=side,
        actor=actor if getattr(actor, "pk", None) else None,
        reason=reason[:20],
        note=note[:300],
    )


def members(company_id: int) -> list[User]:
    return list(User.objects.filter(company_id=company_id, role=User.Role.MEMBER, is_active=True))


def operators(collaboration: Collaboration) -> list[User]:
    hubs = [h for h in (collaboration.need.hub_id, collaboration.supplier.hub_id) if h is not None]
    return list(User.objects.filter(role=User.Role.OPERATOR, hub_id__in=hubs, is_active=True))


def other_side_people(collaboration: Collaboration, side: str) -> list[User]:
    """Who must act after `side` did something: the other company (both, after an operator's step)."""
    if side == Side.DEMANDER:
        return members(collaboration.supplier_id)
    if side == Side.SUPPLIER:
        return members(collaboration.need.company_id)
    return members(collaboration.supplier_id) + members(collaboration.need.company_id)


def tell(collaboration: Collaboration, people: list[User], kind: str, text: str) -> None:
    """Notification text names the need and the companies only: both sides may read those."""
    link = reverse("collab:detail", args=[collaboration.pk])
    notify(people, kind=kind, text=text, link=link)


def label(collaboration: Collaboration) -> dict[str, str]:
    return {
        "need": collaboration.need.title,
        "supplier": collaboration.supplier.name,
        "demander": collaboration.need.company.name,
    }


# ---- interest ----------------------------------------------------------------------------------


def _check_pair(need: Need, supplier: Company) -> None:
    if not need.is_open:
        raise ValidationError(_("Interest can be shown in open needs only."))
    if not supplier.is_supplier:
        raise ValidationError(_("The other company is not a supplier."))
    if supplier.pk == need.company_id:
        raise ValidationError(_("A company cannot work with itself."))


def _interest_side(user: Any, need: Need, supplier: Company) -> str:
    if getattr(user, "is_member", False):
        if user.company_id == need.company_id:
            return Side.DEMANDER
        if user.company_id == supplier.pk:
            return Side.SUPPLIER
    raise PermissionDenied(_("Only the demander or the supplier can show interest."))


def _stamp_interest(locked: Collaboration, side: str, now: Any) -> None:
    if side == Side.DEMANDER and locked.demander_interested_at is None:
        locked.demander_interested_at = now
    if side == Side.SUPPLIER and locked.supplier_interested_at is None:
        locked.supplier_interested_at = now


@transaction.atomic
def express_interest(*, user: Any, need: Need, supplier: Company, message: str = "") -> Collaboration:
    """Either side's interest in a need × supplier pair. The other side's earlier interest makes it mutual.

    Repeating it (double click, second tab) returns the same collaboration.
    """
    _check_pair(need, supplier)
    side = _interest_side(user, need, supplier)
    # The need's row serialises the creation of its collaborations: no duplicate from two tabs.
    Need.objects.select_for_update().get(pk=need.pk)
    collaboration, created = Collaboration.objects.get_or_create(
        need=need,
        supplier=supplier,
        defaults={"initiated_by": side, "interest_message": message[:2000], "created_by": user},
    )
    locked = lock(collaboration)
    if created:
        _stamp_interest(locked, side, timezone.now())
        locked.save()
        record(locked, JourneyEvent.Kind.INTEREST, side=side, actor=user, note=message)
        tell(
            locked,
            other_side_people(locked, side),
            Kind.INTEREST,
            _("%(who)s is interested in working together on “%(need)s”.")
            % {
                "who": locked.supplier.name if side == Side.SUPPLIER else locked.need.company.name,
                **label(locked),
            },
        )
        return locked
    if locked.stage == Stage.INTEREST:
        return _accept_locked(locked, user, side)
    return locked  # already further along: nothing to repeat


@transaction.atomic
def broker(*, user: Any, need: Need, supplier: Company, message: str = "") -> Collaboration:
    """A hub operator introduces a demander and a supplier; both still say yes before contacts are shared."""
    _check_pair(need, supplier)
    if not (getattr(user, "is_operator", False) and user.hub_id in (need.hub_id, supplier.hub_id)):
        raise PermissionDenied(_("Only an operator of either company's hub can introduce them."))
    Need.objects.select_for_update().get(pk=need.pk)
    collaboration, created = Collaboration.objects.get_or_create(
        need=need,
        supplier=supplier,
        defaults={"initiated_by": Side.OPERATOR, "interest_message": message[:2000], "created_by": user},
    )
    if created:
        record(collaboration, JourneyEvent.Kind.BROKERED, side=Side.OPERATOR, actor=user, note=message)
        locked = lock(collaboration)
        tell(
            locked,
            other_side_people(locked, Side.OPERATOR),
            Kind.INTEREST,
            _("The hub introduces %(demander)s and %(supplier)s for “%(need)s”.") % label(locked),
        )
    return collaboration


def _accept_locked(locked: Collaboration, user: Any, side: str) -> Collaboration:
    already = locked.demander_interested_at if side == Side.DEMANDER else locked.supplier_interested_at
    if already is not None:
        return locked  # this side said yes before (double click, second tab): nothing new
    now = timezone.now()
    _stamp_interest(locked, side, now)
    if locked.demander_interested_at is None or locked.supplier_interested_at is None:
        locked.save()
        record(locked, JourneyEvent.Kind.INTEREST, side=side, actor=user)
        return locked  # a brokered introduction waits for the other side too
    move(locked, Stage.MUTUAL)
    locked.mutual_at = now
    locked.save()
    # Mutual interest is the consent to share contacts, both ways, through the one existing mechanism.
    contact_consent_give(company=locked.need.company, with_company=locked.supplier)
    contact_consent_give(company=locked.supplier, with_company=locked.need.company)
    if locked.need.status == Need.Status.PUBLISHED:
        from dxhub.needs.services import need_start_discussion

        need_start_discussion(locked.need)
    record(locked, JourneyEvent.Kind.MUTUAL, side=side, actor=user)
    tell(
        locked,
        members(locked.supplier_id) + members(locked.need.company_id) + operators(locked),
        Kind.ANSWER,
        _("Interest is mutual for “%(need)s” (%(demander)s ↔ %(supplier)s): contacts are shared.")
        % label(locked),
    )
    return locked


@transaction.atomic
def accept(collaboration: Collaboration, *, user: Any) -> Collaboration:
    locked = lock(collaboration)
    side = acting_side(user, locked, Side.DEMANDER, Side.SUPPLIER)
    if locked.is_mutual:
        return locked  # accepted already: the second click changes nothing
    require_stage(locked, Stage.INTEREST)
    return _accept_locked(locked, user, side)


@transaction.atomic
def decline(collaboration: Collaboration, *, user: Any, reason: str, note: str = "") -> Collaboration:
    if reason not in Collaboration.DeclineReason.values:
        raise ValidationError(_("Choose a reason for declining."))
    locked = lock(collaboration)
    side = acting_side(user, locked, Side.DEMANDER, Side.SUPPLIER)
    if locked.stage == Stage.DECLINED:
        return locked
    interested = locked.demander_interested_at if side == Side.DEMANDER else locked.supplier_interested_at
    if interested is not None:
        raise TransitionError(_("You showed interest yourself: withdraw instead."))
    move(locked, Stage.DECLINED)
    locked.decline_reason, locked.decline_note = reason, note[:300]
    locked.save()
    # The reason is the feedback the matching weights learn from.
    record(locked, JourneyEvent.Kind.DECLINED, side=side, actor=user, reason=reason, note=note)
    tell(
        locked,
        other_side_people(locked, side),
        Kind.ANSWER,
        _("The interest for “%(need)s” was declined.") % label(locked),
    )
    return locked


@transaction.atomic
def withdraw(collaboration: Collaboration, *, user: Any, reason: str, note: str = "") -> Collaboration:
    if reason not in Collaboration.WithdrawReason.values:
        raise ValidationError(_("Choose a reason for withdrawing."))
    locked = lock(collaboration)
    side = acting_side(user, locked)
    if locked.stage == Stage.WITHDRAWN:
        return locked
    stage_before = locked.stage
    move(locked, Stage.WITHDRAWN)
    locked.withdraw_reason, locked.withdraw_note = reason, note[:300]
    locked.withdrawn_by, locked.withdrawn_from = side, stage_before
    locked.save()
    record(locked, JourneyEvent.Kind.WITHDRAWN, side=side, actor=user, reason=reason, note=note)
    tell(
        locked,
        other_side_people(locked, side),
        Kind.WITHDRAWN,
        _("The collaboration on “%(need)s” was withdrawn.") % label(locked),
    )
    return locked


# ---- feedback on matches that never became a collaboration -------------------------------------


def match_viewed(*, user: Any, need: Need, supplier: Company) -> None:
    """A person opened a match; counted once per person and pair per day."""
    today = timezone.localdate()
    seen = JourneyEvent.objects.filter(
        kind=JourneyEvent.Kind.VIEWED, need=need, supplier=supplier, actor=user, created_at__date=today
    )
    if not seen.exists():
        side = _interest_side_or_blank(user, need, supplier)
        JourneyEvent.objects.create(
            kind=JourneyEvent.Kind.VIEWED, need=need, supplier=supplier, actor=user, side=side
        )


def _interest_side_or_blank(user: Any, need: Need, supplier: Company) -> str:
    try:
        return _interest_side(user, need, supplier)
    except PermissionDenied:
        return Side.OPERATOR if getattr(user, "is_operator", False) else ""


@transaction.atomic
def match_dismiss(*, user: Any, need: Need, supplier: Company, reason: str, note: str = "") -> JourneyEvent:
    if reason not in Collaboration.DeclineReason.values:
        raise ValidationError(_("Choose a reason for dismissing."))
    side = _interest_side(user, need, supplier)
    event, _created = JourneyEvent.objects.get_or_create(
        kind=JourneyEvent.Kind.DISMISSED,
        need=need,
        supplier=supplier,
        actor=user,
        defaults={"side": side, "reason": reason, "note": note[:300]},
    )
    return event


# ---- conversation ------------------------------------------------------------------------------


@transaction.atomic
def send_message(collaboration: Collaboration, *, user: Any, text: str = "", upload: Any = None) -> Message:
    text = text.strip()
    if not text and upload is None:
        raise ValidationError(_("Write a message or attach a file."))
    if upload is not None and upload.size > MAX_ATTACHMENT:
        raise ValidationError(_("Attachments may be at most 10 MB."))
    locked = lock(collaboration)
    side = acting_side(user, locked)
    if locked.stage not in CONVERSATION_STAGES:
        raise TransitionError(_("The conversation opens once interest is mutual."))
    message = Message(collaboration=locked, author=user, side=side, text=text[:5000])
    if upload is not None:
        message.attachment_name = upload.name[:200]
        message.attachment.save(upload.name, upload, save=False)
    message.save()
    _mark_read(locked, side, message.created_at)
    tell(
        locked,
        other_side_people(locked, side),
        Kind.MESSAGE,
        _("New message on “%(need)s”.") % label(locked),
    )
    return message


def _mark_read(locked: Collaboration, side: str, when: Any) -> None:
    field = {"demander": "demander_read_at", "supplier": "supplier_read_at"}.get(side)
    if field:
        Collaboration.objects.filter(pk=locked.pk).update(**{field: when})


def mark_read(collaboration: Collaboration, *, user: Any) -> None:
    from dxhub.collab.access import side_of

    side = side_of(user, collaboration)
    if side is not None:
        _mark_read(collaboration, side, timezone.now())
