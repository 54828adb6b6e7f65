"""Panels: conflicts excluded, loads balanced; evaluators see only their assignments; scores lock."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from dxhub.programmes import services, services_review
from dxhub.programmes.access import applications_visible_to, get_application_for_user
from dxhub.programmes.models import Application, Call, Review
from tests.factories import ContactFactory
from tests.programmes.conftest import another_lead, ready_application

pytestmark = pytest.mark.django_db


@pytest.fixture
def in_review(open_call, demander, supplier_company):
    apps = [ready_application(open_call, demander, supplier_company)]
    for i in range(3):
        apps.append(
            ready_application(open_call, another_lead(f"경남제조{i}"), supplier_company, title=f"과제 {i}")
        )
    for a in apps:
        services.application_submit(a)
    Call.objects.filter(pk=open_call.pk).update(deadline=timezone.now() - datetime.timedelta(minutes=1))
    services.call_close(open_call)
    open_call.refresh_from_db()
    return open_call, apps


def test_conflicts_are_never_assigned_and_loads_balance(
    in_review, evaluators, demander_company, supplier_company
):
    call, apps = in_review
    own, role, declared, _free = evaluators
    own.company = demander_company  # works at the lead
    own.save()
    ContactFactory(company=apps[1].lead, user=role)  # holds a role in the second lead
    services_review.declare_conflict(evaluator=declared, company=apps[2].lead, reason="전 직장")
    panel = services_review.panel_create(
        call=call, stage="document", evaluators=evaluators, per_application=2
    )
    services_review.panel_assign(panel)
    pairs = {(r.application_id, r.evaluator_id) for r in Review.objects.filter(panel=panel)}
    assert (apps[0].pk, own.pk) not in pairs
    assert (apps[1].pk, role.pk) not in pairs
    assert (apps[2].pk, declared.pk) not in pairs
    loads = [sum(1 for _a, e in pairs if e == ev.pk) for ev in evaluators]
    assert sum(loads) == 8 and max(loads) == 2  # 8 reviews over 4 evaluators
    assert services_review.panel_assign(panel).assigned_at is not None  # a second click adds nothing
    assert Review.objects.filter(panel=panel).count() == 8


def test_the_supplier_in_every_consortium_blocks_its_member_evaluator(
    in_review, evaluators, supplier_company
):
    call, _apps = in_review
    evaluators[0].company = supplier_company  # the supplier is in all four consortia
    evaluators[0].save()
    panel = services_review.panel_create(
        call=call, stage="document", evaluators=evaluators, per_application=3
    )
    services_review.panel_assign(panel)
    assert not Review.objects.filter(evaluator=evaluators[0]).exists()


def test_not_enough_free_evaluators_is_a_clear_error(in_review, evaluators, supplier_company):
    call, _apps = in_review
    for e in evaluators[:3]:
        services_review.declare_conflict(evaluator=e, company=supplier_company)
    panel = services_review.panel_create(
        call=call, stage="document", evaluators=evaluators, per_application=2
    )
    with pytest.raises(ValidationError, match="Not enough evaluators"):
        services_review.panel_assign(panel)


def test_evaluators_see_only_what_they_are_assigned(client, in_review, evaluators, evaluator):
    call, apps = in_review
    panel = services_review.panel_create(
        call=call, stage="document", evaluators=evaluators[:2], per_application=1
    )
    services_review.panel_assign(panel)
    mine = Review.objects.filter(evaluator=evaluators[0])
    seen = set(applications_visible_to(evaluators[0]).values_list("pk", flat=True))
    assert seen == {r.application_id for r in mine}
    assert not applications_visible_to(evaluator).exists()  # not on the panel
    other = next(a for a in apps if a.pk not in seen)
    client.force_login(evaluators[0])
    assert client.get(reverse("programmes:application", args=[other.pk])).status_code == 404
    theirs = Review.objects.filter(evaluator=evaluators[1]).first()
    assert client.get(reverse("programmes:review", args=[theirs.pk])).status_code == 404
    assert client.get(reverse("programmes:review", args=[mine.first().pk])).status_code == 200


def _score(review: Review, value: float = 8, comment: str = "좋습니다") -> Review:
    criteria = review.panel.call.criteria.all()
    return services_review.review_save(
        review, points={str(c.pk): value for c in criteria}, comment=comment, submit=True
    )


def test_a_submitted_score_is_locked_until_the_operator_reopens_it(client, in_review, evaluators, operator):
    call, _apps = in_review
    panel = services_review.panel_create(
        call=call, stage="document", evaluators=evaluators, per_application=1
    )
    services_review.panel_assign(panel)
    review = Review.objects.filter(panel=panel).first()
    review = _score(review, 8)
    assert review.total == 80
    with pytest.raises(ValidationError, match="reopen"):
        _score(review, 9)
    client.force_login(review.evaluator)
    url = reverse("programmes:review", args=[review.pk])
    client.post(url, {"points_1": "1", "comment": "바꿈", "submit": "1"})
    review.refresh_from_db()
    assert review.total == 80 and review.comment == "좋습니다"
    client.force_login(operator)
    client.post(reverse("programmes:review_reopen", args=[review.pk]))
    review.refresh_from_db()
    assert review.status == Review.Status.REOPENED
    assert _score(review, 9).total == 90


def test_aggregation_method_is_stated_and_feedback_reaches_applicants(
    client, in_review, evaluators, operator, demander
):
    call, apps = in_review
    panel = services_review.panel_create(
        call=call, stage="document", evaluators=evaluators, per_application=3
    )
    services_review.panel_assign(panel)
    for i, review in enumerate(Review.objects.filter(panel=panel).order_by("id")):
        _score(review, 5 + (i % 5), comment=f"의견 {i}")
    run = services_review.selection_run(call, user=operator)
    assert run.status == "optimal" and run.method == "trimmed"
    first = Application.objects.get(pk=apps[0].pk)
    assert first.score_method == "trimmed" and first.final_score is not None
    client.force_login(demander)
    page = client.get(reverse("programmes:application", args=[first.pk])).content.decode()
    assert "의견 0" not in page and "Evaluator" not in page and "평가위원 1" not in page  # not before
    services_review.selection_confirm(run)
    page = client.get(reverse("programmes:application", args=[first.pk])).content.decode()
    assert "평가위원 1" in page and "최고점과 최저점을 제외한" in page  # comments and the stated method
    with pytest.raises(ValidationError):
        services_review.review_reopen(Review.objects.filter(panel=panel).first())


def test_only_the_lead_edits_and_outsiders_get_404(
    client, in_review, supplier, ochang_member, busan_operator
):
    _call, apps = in_review
    target = apps[0]
    assert get_application_for_user(supplier, target.pk)  # a consortium member reads
    client.force_login(ochang_member)
    assert client.get(reverse("programmes:application", args=[target.pk])).status_code == 404
    client.force_login(busan_operator)
    assert client.get(reverse("programmes:application", args=[target.pk])).status_code == 404
    client.force_login(supplier)
    assert client.get(reverse("programmes:application_edit", args=[target.pk])).status_code == 403


def test_only_applications_passing_the_document_review_present(in_review, evaluators, operator):
    call, apps = in_review
    doc = services_review.panel_create(call=call, stage="document", evaluators=evaluators, per_application=2)
    services_review.panel_assign(doc)
    presentation = services_review.panel_create(
        call=call, stage="presentation", evaluators=evaluators, per_application=2
    )
    with pytest.raises(ValidationError, match="not submitted"):
        services_review.panel_assign(presentation)
    failing = apps[3].pk
    for review in Review.objects.filter(panel=doc):
        _score(review, 4 if review.application_id == failing else 8)  # 40 points: below the pass mark of 60
    services_review.panel_assign(presentation)
    presented = set(Review.objects.filter(panel=presentation).values_list("application_id", flat=True))
    assert presented == {a.pk for a in apps} - {failing}
    for review in Review.objects.filter(panel=presentation):
        _score(review, 9)
    run = services_review.selection_run(call, user=operator)
    assert failing not in run.chosen and failing not in run.greedy
    assert Application.objects.get(pk=failing).final_score is None  # scored from the final stage only
    services_review.selection_confirm(run)
    assert Application.objects.get(pk=failing).status == Application.Status.NOT_SELECTED


def test_recent_collaboration_partners_are_conflicts(in_review, evaluators):
    from dxhub.collab.models import Collaboration
    from dxhub.companies.models import Company
    from tests.factories import CompanyFactory, NeedFactory

    call, apps = in_review
    partner = CompanyFactory(name="파트너AI", kind=Company.Kind.SUPPLIER)
    evaluator = evaluators[3]
    ContactFactory(company=partner, user=evaluator)  # the evaluator holds a role at the partner
    now = timezone.now()

    def collaboration(lead, stage, when):
        c = Collaboration.objects.create(
            need=NeedFactory(company=lead), supplier=partner, stage=stage, initiated_by="supplier"
        )
        mutual = when if stage != "interest" else None
        Collaboration.objects.filter(pk=c.pk).update(stage_changed_at=when, mutual_at=mutual)

    collaboration(apps[3].lead, "meeting", now - datetime.timedelta(days=300))  # worked together lately
    collaboration(apps[2].lead, "interest", now - datetime.timedelta(days=30))  # only looked
    collaboration(apps[1].lead, "verified", now - datetime.timedelta(days=4 * 365))  # long ago
    assert services_review.conflicted_companies(evaluator) == {partner.pk, apps[3].lead.pk}
    panel = services_review.panel_create(
        call=call, stage="document", evaluators=evaluators, per_application=3
    )
    services_review.panel_assign(panel)
    assert not Review.objects.filter(panel=panel, evaluator=evaluator, application=apps[3]).exists()
