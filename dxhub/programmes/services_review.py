"""Evaluation: panels, conflict-free balanced assignment, scoring, aggregation and selection under budget."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import timedelta
from decimal import Decimal
from typing import Any, cast

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from dxhub.companies.models import ContactPerson
from dxhub.programmes.eligibility import groups_of
from dxhub.programmes.models import Application, Call, Conflict, Panel, Review, SelectionRun
from optimize.selection.aggregate import aggregate, weighted_total
from optimize.selection.assignment import assign
from optimize.selection.explain import explain
from optimize.selection.problem import Candidate, CountQuota, SelectionProblem, ShareBase, ShareQuota
from optimize.selection.solve import greedy, solve

REVIEWABLE = (Application.Status.SUBMITTED, Application.Status.REVIEW)


# Three years, as national R&D programmes count a recent joint project as a conflict of interest.
PARTNER_YEARS = 3
# Stages at which two companies have worked together, not merely looked at each other.
WORKED_TOGETHER = ("mutual", "meeting", "proposal", "agreement", "project", "completed", "verified")


def recent_collaboration_partners(companies: set[int]) -> set[int]:
    """Companies that reached mutual interest or further with one of `companies` in the last three years
    (withdrawn after mutual interest counts too: they talked, shared contacts and perhaps data)."""
    from django.db.models import Q

    from dxhub.collab.models import Collaboration

    if not companies:
        return set()
    since = timezone.now() - timedelta(days=365 * PARTNER_YEARS)
    worked = Q(mutual_at__gte=since) | Q(stage__in=WORKED_TOGETHER, stage_changed_at__gte=since)
    involved = Q(need__company_id__in=companies) | Q(supplier_id__in=companies)
    pairs = Collaboration.objects.filter(worked, involved).values_list("need__company_id", "supplier_id")
    return {c for pair in pairs for c in pair} - companies


def conflicted_companies(evaluator: Any) -> set[int]:
    """Companies whose applications an evaluator must never see: their own, any they hold a role in
    (a contact person linked to their account), the ones they declared, and recent collaboration partners."""
    out: set[int] = set()
    if evaluator.company_id:
        out.add(evaluator.company_id)
    out |= set(ContactPerson.objects.filter(user=evaluator).values_list("company_id", flat=True))
    own = set(out)
    out |= set(Conflict.objects.filter(evaluator=evaluator).values_list("company_id", flat=True))
    out |= recent_collaboration_partners(own)
    return out


@transaction.atomic
def panel_create(*, call: Call, stage: str, evaluators: Iterable[Any], per_application: int = 3) -> Panel:
    people = list(evaluators)
    if any(not p.is_evaluator for p in people):
        raise ValidationError(_("Only evaluator accounts sit on a panel."))
    panel, _created = Panel.objects.get_or_create(
        call=call, stage=stage, defaults={"per_application": per_application}
    )
    if panel.assigned_at is None:
        panel.per_application = per_application
        panel.full_clean()
        panel.save()
        panel.evaluators.set(people)
    return panel


@transaction.atomic
def declare_conflict(*, evaluator: Any, company: Any, reason: str = "") -> Conflict:
    conflict, _created = Conflict.objects.get_or_create(
        evaluator=evaluator, company=company, defaults={"reason": reason}
    )
    # A conflict declared after assignment takes the evaluator off that application's unscored reviews.
    Review.objects.filter(
        evaluator=evaluator, application__members__company=company, status=Review.Status.ASSIGNED
    ).delete()
    return conflict


@transaction.atomic
def panel_assign(panel: Panel) -> Panel:
    locked = Panel.objects.select_for_update().select_related("call").get(pk=panel.pk)
    if locked.assigned_at is not None:
        return locked  # assigned once; a second click changes nothing
    if locked.call.status != Call.Status.REVIEW:
        raise ValidationError(_("Assign evaluators once applications have closed."))
    applications = list(locked.call.applications.filter(status__in=REVIEWABLE).prefetch_related("members"))
    if locked.stage == Panel.Stage.PRESENTATION:
        # Only applications that passed the document review present: its scores, by the call's method,
        # must reach the pass mark.
        passed = _stage_scores(locked.call, Panel.Stage.DOCUMENT)
        applications = [a for a in applications if passed.get(a.pk, 0.0) >= locked.call.pass_mark]
        if not applications:
            raise ValidationError(_("No application passed the document review."))
    evaluators = list(locked.evaluators.all())
    conflicts = {}
    for evaluator in evaluators:
        bad = conflicted_companies(evaluator)
        conflicts[evaluator.pk] = {
            a.pk for a in applications if {m.company_id for m in a.members.all()} & bad
        }
    result = assign(
        [a.pk for a in applications],
        [e.pk for e in evaluators],
        conflicts,
        per_application=locked.per_application,
    )
    if result.status == "infeasible":
        raise ValidationError(
            _(
                "Not enough evaluators without a conflict: %(n)s application(s) lack evaluators. Add evaluators to the panel."
            )
            % {"n": len(result.short) or len(applications)}
        )
    Review.objects.bulk_create(
        [Review(panel=locked, application_id=a, evaluator_id=e) for a, es in result.pairs.items() for e in es]
    )
    Application.objects.filter(pk__in=[a.pk for a in applications]).update(status=Application.Status.REVIEW)
    locked.assigned_at = timezone.now()
    locked.save(update_fields=["assigned_at"])
    return locked


def _same_points(stored: Mapping[str, Any], sent: Mapping[str, Any]) -> bool:
    try:
        return stored == {k: float(v) for k, v in sent.items() if v not in ("", None)}
    except (TypeError, ValueError):
        return False


@transaction.atomic
def review_save(review: Review, *, points: Mapping[str, Any], comment: str, submit: bool = False) -> Review:
    locked = Review.objects.select_for_update().select_related("panel__call").get(pk=review.pk)
    if locked.status == Review.Status.SUBMITTED:
        if submit and _same_points(locked.points, points) and locked.comment == comment:
            return locked  # the same submission twice (a double click)
        raise ValidationError(_("This score was submitted; ask the operator to reopen it to change it."))
    criteria = {str(c.pk): c.weight for c in locked.panel.call.criteria.all()}
    try:
        clean = {k: float(points[k]) for k in criteria if k in points and points[k] not in ("", None)}
        total = weighted_total(clean, criteria) if submit or len(clean) == len(criteria) else None
    except (ValueError, TypeError):
        raise ValidationError(_("Give every criterion between 0 and 10 points.")) from None
    if submit and not comment.strip():
        raise ValidationError(_("Write a comment for the applicant before submitting."))
    locked.points, locked.comment = clean, comment
    locked.total = Decimal(str(round(total, 2))) if total is not None else None
    if submit:
        locked.status, locked.submitted_at = Review.Status.SUBMITTED, timezone.now()
    locked.save()
    return locked


@transaction.atomic
def review_reopen(review: Review) -> Review:
    locked = Review.objects.select_for_update().get(pk=review.pk)
    if locked.panel.call.status == Call.Status.SELECTED:
        raise ValidationError(_("The selection is announced; scores can no longer change."))
    if locked.status == Review.Status.SUBMITTED:
        locked.status = Review.Status.REOPENED
        locked.save(update_fields=["status"])
    return locked


def _stage_scores(call: Call, stage: str) -> dict[int, float]:
    """Aggregated scores of one stage; every review of it must be submitted."""
    panel = call.panels.filter(stage=stage).first()
    if panel is None or not panel.reviews.exists():
        raise ValidationError(_("No panel has been assigned yet."))
    pending = panel.reviews.exclude(status=Review.Status.SUBMITTED).count()
    if pending:
        raise ValidationError(_("%(n)s review(s) are not submitted yet.") % {"n": pending})
    scores: dict[Any, dict[Any, float]] = {}
    for r in panel.reviews.all():
        scores.setdefault(r.evaluator_id, {})[r.application_id] = float(r.total or 0)
    return {cast(int, k): v for k, v in aggregate(scores, call.aggregation).items()}


def final_panel(call: Call) -> Panel:
    """The presentation panel when it has reviews, otherwise the document panel."""
    panels = {p.stage: p for p in call.panels.all() if p.reviews.exists()}
    panel = panels.get(Panel.Stage.PRESENTATION) or panels.get(Panel.Stage.DOCUMENT)
    if panel is None:
        raise ValidationError(_("No panel has been assigned yet."))
    return panel


@transaction.atomic
def call_aggregate(call: Call) -> dict[int, float]:
    """Final scores by the call's stated method, from the final stage; every review must be submitted."""
    final = _stage_scores(call, final_panel(call).stage)
    # Applications that did not reach the final stage keep no score, so they are not candidates.
    call.applications.update(final_score=None, score_method="")
    for app_id, value in final.items():
        Application.objects.filter(pk=app_id).update(
            final_score=Decimal(str(round(value, 2))), score_method=call.aggregation
        )
    return final


def selection_problem(call: Call) -> tuple[SelectionProblem, dict[int, Application]]:
    apps = {
        a.pk: a
        for a in call.applications.filter(status=Application.Status.REVIEW, final_score__isnull=False)
        .select_related("lead", "lead__region", "call")
        .prefetch_related("budget_lines")
    }
    candidates = [
        Candidate(
            id=a.pk,
            amount=a.requested,
            score=round(float(a.final_score or 0) * 100),
            submitted=int(a.submitted_at.timestamp()) if a.submitted_at else 0,
            groups=groups_of(a),
        )
        for a in apps.values()
    ]
    problem = SelectionProblem(
        candidates=candidates,
        budget=call.total_budget,
        cap=call.cap_per_project,
        min_score=call.pass_mark * 100,
        count_quotas=[CountQuota(q.group, q.value) for q in call.quotas.filter(kind="count")],
        share_quotas=[
            ShareQuota(q.group, q.value * 100, ShareBase.AWARDED) for q in call.quotas.filter(kind="share")
        ],
    )
    return problem, apps


@transaction.atomic
def selection_run(call: Call, *, user: Any) -> SelectionRun:
    locked = Call.objects.select_for_update().get(pk=call.pk)
    if locked.status != Call.Status.REVIEW:
        raise ValidationError(_("Selection runs while the call is under review."))
    call_aggregate(locked)
    problem, _apps = selection_problem(locked)
    if not problem.candidates:
        raise ValidationError(_("No scored application to select from."))
    best, base = solve(problem, time_limit=20.0), greedy(problem)
    diff = explain(problem, best, base) if best.status != "infeasible" else None
    return SelectionRun.objects.create(
        call=locked,
        method=locked.aggregation,
        status=best.status,
        chosen=best.chosen,
        greedy=base.chosen,
        total_score=Decimal(best.total_score) / 100,
        greedy_score=Decimal(base.total_score) / 100,
        total_amount=best.total_amount,
        greedy_amount=base.total_amount,
        seconds=best.seconds,
        created_by=user,
        explanation={
            "ineligible": {str(k): v for k, v in best.ineligible.items()},
            "infeasible": best.infeasible_reasons,
            "greedy_breaks": base.quota_shortfalls,
            "tie_break": best.tie_break,
            "swapped_in": [vars(s) for s in diff.swapped_in] if diff else [],
            "swapped_out": [vars(s) for s in diff.swapped_out] if diff else [],
        },
    )


@transaction.atomic
def selection_confirm(run: SelectionRun) -> Call:
    call = Call.objects.select_for_update().get(pk=run.call_id)
    if call.status == Call.Status.SELECTED:
        return call  # announced once
    if run.status != "optimal":
        raise ValidationError(_("Only a proven optimal selection can be announced; run it again."))
    latest = call.selection_runs.order_by("-created_at", "-id").first()
    if latest is None or latest.pk != run.pk:
        raise ValidationError(_("A newer selection run exists; confirm that one."))
    chosen = set(run.chosen)
    for app in call.applications.filter(status=Application.Status.REVIEW):
        app.status = Application.Status.SELECTED if app.pk in chosen else Application.Status.NOT_SELECTED
        app.save(update_fields=["status", "updated_at"])
    run.confirmed = True
    run.save(update_fields=["confirmed"])
    call.status = Call.Status.SELECTED
    call.save(update_fields=["status"])
    return call
