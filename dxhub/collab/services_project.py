"""Proposal versions and comments, the agreement both sides confirm, the project, the outcome and its verification."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from dxhub.collab.hooks import track_record_changed
from dxhub.collab.models import (
    Collaboration,
    JourneyEvent,
    Meeting,
    Outcome,
    ProjectAgreement,
    ProjectMilestone,
    ProjectUpdate,
    ProposalComment,
    ProposalVersion,
    Side,
)
from dxhub.collab.services import (
    TransitionError,
    acting_side,
    label,
    lock,
    members,
    move,
    operators,
    other_side_people,
    record,
    require_stage,
    tell,
)
from dxhub.notifications.models import Kind

Stage = Collaboration.Stage
PROPOSAL_FIELDS = ("scope", "deliverables", "schedule", "duration_months", "price")


@transaction.atomic
def proposal_submit(
    collaboration: Collaboration,
    *,
    user: Any,
    scope: str,
    deliverables: str,
    schedule: str,
    duration_months: int,
    price: int,
) -> ProposalVersion:
    """The supplier's proposal (a new version each time). Needs a meeting that took place first."""
    locked = lock(collaboration)
    acting_side(user, locked, Side.SUPPLIER)
    require_stage(locked, Stage.MEETING, Stage.PROPOSAL)
    if not locked.meetings.filter(status=Meeting.Status.HELD).exists():
        raise TransitionError(_("A proposal follows a meeting that took place."))
    if not (scope.strip() and deliverables.strip() and schedule.strip()):
        raise ValidationError(_("Describe the scope, the deliverables and the schedule."))
    if not 1 <= duration_months <= 120 or price < 0:
        raise ValidationError(_("The duration is 1–120 months and the price is not negative."))
    latest = locked.proposals.order_by("-number").first()
    values = {
        "scope": scope.strip(),
        "deliverables": deliverables.strip(),
        "schedule": schedule.strip(),
        "duration_months": duration_months,
        "price": price,
    }
    if latest is not None and latest.status == ProposalVersion.Status.SUBMITTED:
        if all(getattr(latest, k) == v for k, v in values.items()):
            return latest  # the same version sent twice
        latest.status = ProposalVersion.Status.SUPERSEDED
        latest.save()
    version = ProposalVersion.objects.create(
        collaboration=locked, number=(latest.number + 1 if latest else 1), created_by=user, **values
    )
    if locked.stage == Stage.MEETING:
        move(locked, Stage.PROPOSAL)
        locked.save()
    record(locked, JourneyEvent.Kind.PROPOSAL, side=Side.SUPPLIER, actor=user, note=f"v{version.number}")
    tell(
        locked,
        members(locked.need.company_id),
        Kind.PROPOSAL,
        _("Proposal version %(n)d for “%(need)s” is ready for review.")
        % {"n": version.number, **label(locked)},
    )
    return version


def _lock_version(version: ProposalVersion) -> tuple[Collaboration, ProposalVersion]:
    locked = lock(version.collaboration)
    return locked, ProposalVersion.objects.select_for_update().get(pk=version.pk)


@transaction.atomic
def proposal_comment(version: ProposalVersion, *, user: Any, text: str) -> ProposalComment:
    locked, v = _lock_version(version)
    side = acting_side(user, locked)
    if not text.strip():
        raise ValidationError(_("Write a comment."))
    comment = ProposalComment.objects.create(proposal=v, author=user, side=side, text=text.strip()[:3000])
    tell(
        locked,
        other_side_people(locked, side),
        Kind.PROPOSAL,
        _("New comment on proposal version %(n)d for “%(need)s”.") % {"n": v.number, **label(locked)},
    )
    return comment


@transaction.atomic
def proposal_request_changes(version: ProposalVersion, *, user: Any, note: str) -> ProposalVersion:
    locked, v = _lock_version(version)
    acting_side(user, locked, Side.DEMANDER)
    if v.status == ProposalVersion.Status.CHANGES_REQUESTED:
        return v
    require_stage(locked, Stage.PROPOSAL)
    if v.status != ProposalVersion.Status.SUBMITTED:
        raise TransitionError(_("Only the current submitted version can be answered."))
    if not note.strip():
        raise ValidationError(_("Say what should change."))
    v.status, v.decision_note = ProposalVersion.Status.CHANGES_REQUESTED, note.strip()[:500]
    v.save()
    record(locked, JourneyEvent.Kind.CHANGES_REQUESTED, side=Side.DEMANDER, actor=user, note=note)
    tell(
        locked,
        members(locked.supplier_id),
        Kind.PROPOSAL,
        _("Changes are requested to your proposal for “%(need)s”.") % label(locked),
    )
    return v


@transaction.atomic
def proposal_accept(version: ProposalVersion, *, user: Any) -> ProjectAgreement:
    """The demander accepts a version; this creates THE agreement (one, however many clicks or tabs)."""
    locked, v = _lock_version(version)
    acting_side(user, locked, Side.DEMANDER)
    existing = ProjectAgreement.objects.filter(collaboration=locked).first()
    if existing is not None:
        if existing.proposal_id == v.pk:
            return existing
        raise TransitionError(_("Another version was accepted already."))
    require_stage(locked, Stage.PROPOSAL)
    if v.status != ProposalVersion.Status.SUBMITTED:
        raise TransitionError(_("Only the current submitted version can be accepted."))
    v.status = ProposalVersion.Status.ACCEPTED
    v.save()
    agreement = ProjectAgreement.objects.create(collaboration=locked, proposal=v, price=v.price)
    move(locked, Stage.AGREEMENT)
    locked.save()
    record(locked, JourneyEvent.Kind.AGREEMENT, side=Side.DEMANDER, actor=user, note=f"v{v.number}")
    tell(
        locked,
        members(locked.supplier_id) + members(locked.need.company_id),
        Kind.AGREEMENT,
        _("The proposal for “%(need)s” was accepted: both sides confirm the agreement.") % label(locked),
    )
    return agreement


@transaction.atomic
def agreement_confirm(collaboration: Collaboration, *, user: Any) -> ProjectAgreement:
    """Each side confirms once; when both have, the project starts."""
    locked = lock(collaboration)
    side = acting_side(user, locked, Side.DEMANDER, Side.SUPPLIER)
    agreement = ProjectAgreement.objects.select_for_update().filter(collaboration=locked).first()
    if agreement is None:
        raise TransitionError(_("There is no agreement without an accepted proposal."))
    field = "demander_confirmed_at" if side == Side.DEMANDER else "supplier_confirmed_at"
    if getattr(agreement, field) is not None:
        return agreement
    setattr(agreement, field, timezone.now())
    agreement.save()
    if agreement.confirmed:
        move(locked, Stage.PROJECT)
        locked.save()
        record(locked, JourneyEvent.Kind.PROJECT, side=side, actor=user)
        tell(
            locked,
            members(locked.supplier_id) + members(locked.need.company_id) + operators(locked),
            Kind.PROJECT,
            _("The project for “%(need)s” has started.") % label(locked),
        )
    else:
        tell(
            locked,
            other_side_people(locked, side),
            Kind.AGREEMENT,
            _("Confirm the agreement for “%(need)s”.") % label(locked),
        )
    return agreement


@transaction.atomic
def milestone_add(
    collaboration: Collaboration, *, user: Any, title: str, deliverable: str = "", due: date | None = None
) -> ProjectMilestone:
    locked = lock(collaboration)
    acting_side(user, locked, Side.DEMANDER, Side.SUPPLIER)
    require_stage(locked, Stage.PROJECT)
    if not title.strip():
        raise ValidationError(_("Give the milestone a title."))
    milestone, _created = ProjectMilestone.objects.get_or_create(
        collaboration=locked,
        title=title.strip()[:150],
        defaults={"deliverable": deliverable.strip()[:200], "due": due},
    )
    return milestone


@transaction.atomic
def milestone_done(milestone: ProjectMilestone, *, user: Any) -> ProjectMilestone:
    locked = lock(milestone.collaboration)
    side = acting_side(user, locked, Side.DEMANDER, Side.SUPPLIER)
    require_stage(locked, Stage.PROJECT)
    m = ProjectMilestone.objects.select_for_update().get(pk=milestone.pk)
    if m.done_at is None:
        m.done_at = timezone.now()
        m.save()
        tell(
            locked,
            other_side_people(locked, side),
            Kind.PROJECT,
            _("Milestone “%(title)s” of “%(need)s” is done.") % {"title": m.title, **label(locked)},
        )
    return m


@transaction.atomic
def project_update(collaboration: Collaboration, *, user: Any, text: str) -> ProjectUpdate:
    locked = lock(collaboration)
    side = acting_side(user, locked, Side.DEMANDER, Side.SUPPLIER)
    require_stage(locked, Stage.PROJECT)
    if not text.strip():
        raise ValidationError(_("Write the status update."))
    return ProjectUpdate.objects.create(
        collaboration=locked, author=user, side=side, text=text.strip()[:3000]
    )


@transaction.atomic
def project_complete(
    collaboration: Collaboration, *, user: Any, achieved_kpi: str, summary: str = ""
) -> Outcome:
    """The demander records what was achieved against the need's target KPI."""
    locked = lock(collaboration)
    side = acting_side(user, locked, Side.DEMANDER)
    existing = Outcome.objects.filter(collaboration=locked).first()
    if existing is not None:
        return existing
    require_stage(locked, Stage.PROJECT)
    if not achieved_kpi.strip():
        raise ValidationError(_("Record what was achieved."))
    outcome = Outcome.objects.create(
        collaboration=locked,
        target_kpi=locked.need.target_kpi,
        achieved_kpi=achieved_kpi.strip()[:200],
        summary=summary.strip()[:5000],
    )
    move(locked, Stage.COMPLETED)
    locked.save()
    record(locked, JourneyEvent.Kind.COMPLETED, side=side, actor=user)
    tell(
        locked,
        members(locked.supplier_id) + members(locked.need.company_id),
        Kind.OUTCOME,
        _("The project for “%(need)s” is complete: rate and review each other.") % label(locked),
    )
    return outcome


@transaction.atomic
def outcome_rate(collaboration: Collaboration, *, user: Any, rating: int, review: str = "") -> Outcome:
    locked = lock(collaboration)
    side = acting_side(user, locked, Side.DEMANDER, Side.SUPPLIER)
    require_stage(locked, Stage.COMPLETED)
    if not 1 <= rating <= 5:
        raise ValidationError(_("A rating is from 1 to 5."))
    outcome = Outcome.objects.select_for_update().get(collaboration=locked)
    setattr(outcome, f"{side}_rating", rating)
    setattr(outcome, f"{side}_review", review.strip()[:3000])
    outcome.save()
    if outcome.demander_rating and outcome.supplier_rating:
        tell(
            locked,
            operators(locked),
            Kind.OUTCOME,
            _("The outcome of “%(need)s” (%(demander)s ↔ %(supplier)s) is ready to verify.") % label(locked),
        )
    return outcome


@transaction.atomic
def outcome_verify(collaboration: Collaboration, *, user: Any, note: str = "") -> Outcome:
    """The hub operator verifies; the outcome then counts in the supplier's track record."""
    locked = lock(collaboration)
    if acting_side(user, locked) != Side.OPERATOR:
        raise PermissionDenied(_("Only the hub operator verifies outcomes."))
    outcome = Outcome.objects.select_for_update().filter(collaboration=locked).first()
    if locked.stage == Stage.VERIFIED and outcome is not None:
        return outcome
    require_stage(locked, Stage.COMPLETED)
    if outcome is None or not (outcome.demander_rating and outcome.supplier_rating):
        raise TransitionError(_("Both sides rate each other before the outcome is verified."))
    outcome.verified_by, outcome.verified_at = user, timezone.now()
    outcome.verification_note = note.strip()[:300]
    outcome.save()
    move(locked, Stage.VERIFIED)
    locked.save()
    record(locked, JourneyEvent.Kind.VERIFIED, side=Side.OPERATOR, actor=user)
    track_record_changed.announce(company_id=locked.supplier_id)  # re-ranks the supplier
    tell(
        locked,
        members(locked.supplier_id) + members(locked.need.company_id),
        Kind.OUTCOME,
        _("The hub verified the outcome of “%(need)s”.") % label(locked),
    )
    return outcome
