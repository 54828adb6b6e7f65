"""The access helpers of hub programmes: one per kind, used by every page and API handler.

- calls: ministry all; an operator every call of their hub and the published calls of others; everyone
  else (visitors too) published calls only.
- applications: ministry all; an operator those made to a call of their hub; a company member those their
  company is a consortium member of; an evaluator only the ones assigned to them (and never drafts).
- reviews: the evaluator their own; the operator of the call's hub all of the call's.
- agreements: whoever may read the application.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404

from dxhub.programmes.models import Agreement, Application, Call, Review

PUBLISHED = (Call.Status.OPEN, Call.Status.REVIEW, Call.Status.SELECTED)


def _active(user: Any) -> bool:
    return bool(getattr(user, "is_authenticated", False) and user.is_active)


def operates_call(user: Any, call: Call) -> bool:
    if not _active(user):
        return False
    if user.is_ministry:
        return True
    return bool(user.is_operator and user.hub_id and call.hubs.filter(pk=user.hub_id).exists())


def calls_visible_to(user: Any) -> QuerySet[Call]:
    calls = Call.objects.all()
    if _active(user) and user.is_ministry:
        return calls
    if _active(user) and user.is_operator:
        return calls.filter(Q(status__in=PUBLISHED) | Q(hubs=user.hub_id)).distinct()
    return calls.filter(status__in=PUBLISHED)


def get_call_for_user(user: Any, pk: Any, *, write: bool = False) -> Call:
    """The call if `user` may read it (404), and with write=True run it (403)."""
    try:
        call = calls_visible_to(user).prefetch_related("hubs", "criteria", "quotas").get(pk=pk)
    except (Call.DoesNotExist, ValueError, TypeError, OverflowError):
        raise Http404("call not found") from None
    if write and not operates_call(user, call):
        raise PermissionDenied("only the call's hub operators run it")
    return call


def applications_visible_to(user: Any) -> QuerySet[Application]:
    apps = Application.objects.all()
    if not _active(user):
        return apps.none()
    if user.is_ministry:
        return apps
    if user.is_operator:
        return apps.filter(call__hubs=user.hub_id).exclude(status=Application.Status.DRAFT).distinct()
    if user.is_member and user.company_id:
        return apps.filter(members__company_id=user.company_id).distinct()
    if user.is_evaluator:
        return apps.filter(reviews__evaluator=user).exclude(status=Application.Status.DRAFT).distinct()
    return apps.none()


def is_applicant(user: Any, application: Application) -> bool:
    return bool(
        _active(user)
        and user.is_member
        and user.company_id
        and application.members.filter(company_id=user.company_id).exists()
    )


def get_application_for_user(user: Any, pk: Any, *, write: bool = False) -> Application:
    """Read (404 if invisible); write=True: a member of the lead company, while it is a draft (403)."""
    try:
        application = applications_visible_to(user).select_related("call", "lead", "hub", "need").get(pk=pk)
    except (Application.DoesNotExist, ValueError, TypeError, OverflowError):
        raise Http404("application not found") from None
    if write and not (user.is_member and user.company_id == application.lead_id):
        raise PermissionDenied("only the lead company edits its application")
    return application


def reviews_visible_to(user: Any) -> QuerySet[Review]:
    reviews = Review.objects.select_related("application", "panel", "panel__call", "evaluator")
    if not _active(user):
        return reviews.none()
    if user.is_ministry:
        return reviews
    if user.is_operator:
        return reviews.filter(panel__call__hubs=user.hub_id).distinct()
    if user.is_evaluator:
        return reviews.filter(evaluator=user)
    return reviews.none()


def get_review_for_user(user: Any, pk: Any, *, write: bool = False) -> Review:
    """An evaluator reads and scores their own; the operator reads the call's (403 on write)."""
    try:
        review = reviews_visible_to(user).get(pk=pk)
    except (Review.DoesNotExist, ValueError, TypeError, OverflowError):
        raise Http404("review not found") from None
    if write and review.evaluator_id != user.pk:
        raise PermissionDenied("only the assigned evaluator scores")
    return review


def get_agreement_for_user(user: Any, pk: Any, *, write: bool = False) -> Agreement:
    """Read with the application's rule; write=True: the operator running the call (403)."""
    try:
        agreement = Agreement.objects.select_related(
            "application", "application__call", "application__hub"
        ).get(pk=pk, application__in=applications_visible_to(user))
    except (Agreement.DoesNotExist, ValueError, TypeError, OverflowError):
        raise Http404("agreement not found") from None
    if write and not operates_call(user, agreement.application.call):
        raise PermissionDenied("only the hub operator changes the agreement")
    return agreement
