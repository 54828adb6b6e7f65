"""Writes of calls and applications: publishing, drafting with autosave, submission with its checks.

Evaluation and selection are in `services_review.py`; agreements, the ledger and results in
`services_agreements.py`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from dxhub.companies.models import Company
from dxhub.hubs.models import Hub
from dxhub.programmes.eligibility import duplicate_support, eligibility_reasons
from dxhub.programmes.models import (
    Application,
    ApplicationDocument,
    ApplicationMember,
    BudgetLine,
    Call,
    CallQuota,
    RubricCriterion,
)

CALL_FIELDS = {
    "title", "summary", "year", "opens_at", "deadline", "total_budget", "cap_per_project",
    "national_share_max", "local_share_min", "private_cash_min", "private_in_kind_max",
    "region_prefixes", "max_employees", "ksic_prefixes", "tenancies", "max_years_since_founding",
    "required_documents", "aggregation", "pass_mark",
}  # fmt: skip
APPLICATION_FIELDS = {
    "title", "problem", "target_kpi", "kpi_baseline", "kpi_target_value", "scope", "schedule_months",
}  # fmt: skip


@transaction.atomic
def call_create(
    *,
    user: Any,
    hubs: Iterable[Hub],
    criteria: Iterable[tuple[str, int]] = (),
    quotas: Iterable[tuple[str, str, int]] = (),
    **fields: Any,
) -> Call:
    unknown = set(fields) - CALL_FIELDS
    if unknown:
        raise TypeError(f"unknown call fields: {sorted(unknown)}")
    call = Call(created_by=user, **fields)
    call.full_clean()
    if call.cap_per_project > call.total_budget:
        raise ValidationError(_("The cap per project cannot exceed the total support."))
    call.save()
    call.hubs.set(list(hubs))
    for order, (name, weight) in enumerate(criteria):
        RubricCriterion.objects.create(call=call, name=name, weight=weight, order=order)
    for group, kind, value in quotas:
        quota = CallQuota(call=call, group=group, kind=kind, value=value)
        quota.full_clean()
        quota.save()
    return call


@transaction.atomic
def call_publish(call: Call) -> Call:
    locked = Call.objects.select_for_update().get(pk=call.pk)
    if locked.status == Call.Status.OPEN:
        return locked  # a double click publishes once
    if locked.status != Call.Status.DRAFT:
        raise ValidationError(_("Only a draft call can be published."))
    problems = []
    if not locked.hubs.exists():
        problems.append(_("choose at least one hub"))
    weights = sum(c.weight for c in locked.criteria.all())
    if weights != 100:
        problems.append(_("the rubric weights add up to %(sum)s, not 100") % {"sum": weights})
    if locked.deadline <= timezone.now():
        problems.append(_("the deadline has already passed"))
    if problems:
        raise ValidationError(_("Cannot publish: %(problems)s.") % {"problems": "; ".join(problems)})
    locked.status = Call.Status.OPEN
    locked.published_at = timezone.now()
    locked.save(update_fields=["status", "published_at"])
    return locked


@transaction.atomic
def call_close(call: Call) -> Call:
    """Applications close and review begins; only after the deadline, so nobody loses time they were promised."""
    locked = Call.objects.select_for_update().get(pk=call.pk)
    if locked.status == Call.Status.REVIEW:
        return locked
    if locked.status != Call.Status.OPEN:
        raise ValidationError(_("Only an open call can move to review."))
    if timezone.now() < locked.deadline:
        raise ValidationError(_("The call is open until its deadline."))
    locked.status = Call.Status.REVIEW
    locked.save(update_fields=["status"])
    return locked


@transaction.atomic
def application_create(
    *,
    call: Call,
    user: Any,
    supplier: Company,
    others: Iterable[Company] = (),
    need: Any = None,
    title: str,
) -> Application:
    if not (user.is_member and user.company_id and user.company.is_demander):
        raise ValidationError(_("A consortium is led by a demander: apply as a member of a manufacturer."))
    if not call.is_open:
        raise ValidationError(_("This call is not open for applications."))
    if not supplier.is_supplier or supplier.pk == user.company_id:
        raise ValidationError(_("Choose a supplier (SW/AI) company as the consortium's supplier."))
    if need is not None and need.company_id != user.company_id:
        raise ValidationError(_("Apply from one of your own company's needs."))
    existing = Application.objects.filter(call=call, lead_id=user.company_id).first()
    if existing is not None:
        return existing  # one application per lead and call: a second click opens the first
    hubs = list(call.hubs.all())
    hub = next((h for h in hubs if h.pk == user.company.hub_id), hubs[0])
    application = Application(
        call=call,
        hub=hub,
        lead=user.company,
        need=need,
        title=title,
        created_by=user,
        problem=need.problem if need else "",
        target_kpi=need.target_kpi if need else "",
        schedule_months=need.timeline_months if need else None,
    )
    application.full_clean()
    application.save()
    ApplicationMember.objects.create(application=application, company=user.company, role="demander")
    ApplicationMember.objects.create(application=application, company=supplier, role="supplier")
    for company in others:
        if company.pk not in (user.company_id, supplier.pk):
            ApplicationMember.objects.create(application=application, company=company, role="other")
    return application


def _draft(application: Application) -> Application:
    locked = Application.objects.select_for_update().select_related("call").get(pk=application.pk)
    if locked.status != Application.Status.DRAFT:
        raise ValidationError(_("A submitted application is locked."))
    return locked


@transaction.atomic
def application_update(
    application: Application, *, budget: Mapping[tuple[str, str], int] | None = None, **fields: Any
) -> Application:
    """Saves a draft (the autosave too). `budget` maps (item, source) → won and replaces the lines."""
    unknown = set(fields) - APPLICATION_FIELDS
    if unknown:
        raise TypeError(f"unknown application fields: {sorted(unknown)}")
    locked = _draft(application)
    for key, value in fields.items():
        setattr(locked, key, value)
    locked.full_clean()
    locked.save()
    if budget is not None:
        items, sources = set(BudgetLine.Item.values), set(BudgetLine.Source.values)
        for (item, source), amount in budget.items():
            if item not in items or source not in sources:
                raise ValidationError(_("Unknown budget item or source."))
            if amount < 0:
                raise ValidationError(_("Budget amounts cannot be negative."))
        locked.budget_lines.all().delete()
        BudgetLine.objects.bulk_create(
            [
                BudgetLine(application=locked, item=item, source=source, amount=amount)
                for (item, source), amount in budget.items()
                if amount
            ]
        )
    return locked


@transaction.atomic
def application_attach(application: Application, *, kind: str, file: Any) -> ApplicationDocument:
    locked = _draft(application)
    if kind not in locked.call.documents_list():
        raise ValidationError(_("This call does not ask for that document."))
    locked.documents.filter(kind=kind).delete()  # a new upload replaces the old one
    return ApplicationDocument.objects.create(application=locked, kind=kind, file=file, name=file.name[:200])


class Ineligible(ValidationError):
    """Submission refused: the reasons are the messages."""


@transaction.atomic
def application_submit(application: Application) -> Application:
    locked = Application.objects.select_for_update().select_related("call").get(pk=application.pk)
    if locked.status == Application.Status.SUBMITTED:
        return locked  # idempotent on double submit
    if locked.status != Application.Status.DRAFT:
        raise ValidationError(_("This application was already submitted."))
    now = timezone.now()
    if now >= locked.call.deadline or locked.call.status != Call.Status.OPEN:
        # The server decides, not the page: a form left open past the deadline is refused here.
        raise ValidationError(
            _("The deadline (%(deadline)s) has passed: late submissions are not accepted.")
            % {"deadline": timezone.localtime(locked.call.deadline).strftime("%Y-%m-%d %H:%M")}
        )
    reasons = eligibility_reasons(locked) + duplicate_support(locked)
    if reasons:
        raise Ineligible(reasons)  # nothing is written: the draft stays editable, the reasons are shown
    locked.eligibility_reasons = []
    locked.status = Application.Status.SUBMITTED
    locked.submitted_at = now
    locked.save(update_fields=["status", "submitted_at", "eligibility_reasons", "updated_at"])
    return locked


@transaction.atomic
def application_withdraw(application: Application) -> Application:
    locked = Application.objects.select_for_update().get(pk=application.pk)
    if locked.status in (Application.Status.SELECTED, Application.Status.NOT_SELECTED):
        raise ValidationError(_("A decided application cannot be withdrawn."))
    locked.status = Application.Status.WITHDRAWN
    locked.save(update_fields=["status", "updated_at"])
    return locked
