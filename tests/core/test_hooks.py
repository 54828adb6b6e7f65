"""Hooks reach their subscribers after commit, never for a rolled-back write; contributions fill pages."""

from __future__ import annotations

import pytest
from django.db import transaction

from dxhub.collab.hooks import track_record_changed
from dxhub.collab.selectors import FUNNEL_STEPS
from dxhub.companies.hooks import companies_bulk_saved, company_saved
from dxhub.companies.panels import COMPANY_PANELS
from dxhub.core.hooks import Contributions, Hook
from dxhub.hubs.figures import HUB_FIGURES, hub_figures
from dxhub.matches import tasks
from dxhub.needs import services as need_services
from dxhub.needs.hooks import need_saved, needs_bulk_saved
from tests.factories import CompanyFactory, NeedFactory


@pytest.mark.django_db(transaction=True)
def test_a_hook_runs_after_commit_and_not_after_a_rollback():
    hook, seen = Hook("test"), []
    hook.subscribe(lambda **payload: seen.append(payload))
    with transaction.atomic():
        hook.announce(n=1)
        assert seen == []  # not before the commit
    assert seen == [{"n": 1}]
    with pytest.raises(RuntimeError), transaction.atomic():
        hook.announce(n=2)
        raise RuntimeError
    assert seen == [{"n": 1}]


def test_subscribing_twice_calls_once():
    hook, seen = Hook("test"), []

    def receiver(**payload):
        seen.append(payload)

    hook.subscribe(receiver)
    hook.subscribe(receiver)
    assert hook.receivers == (receiver,)


def test_contributions_keep_order_and_replace_by_key():
    parts: Contributions[str] = Contributions("test")
    parts.add("a", "first")
    parts.add("b", "second")
    parts.add("a", "again")
    assert list(parts) == ["again", "second"]


def test_matching_subscribes_to_the_lower_floors():
    assert tasks.on_need_saved in need_saved.receivers
    assert tasks.on_company_saved in company_saved.receivers
    assert tasks.on_company_saved in track_record_changed.receivers
    assert tasks.on_bulk_saved in companies_bulk_saved.receivers
    assert tasks.on_bulk_saved in needs_bulk_saved.receivers
    assert [key for key, _ in FUNNEL_STEPS.items()] == ["match"]


def test_the_apps_contribute_hub_figures_and_company_panels():
    assert [key for key, _ in HUB_FIGURES.items()] == ["companies", "needs"]
    assert [key for key, _ in COMPANY_PANELS.items()] == ["needs"]


@pytest.mark.django_db
def test_a_need_save_announces_its_id_after_commit(hubs, django_capture_on_commit_callbacks, monkeypatch):
    queued: list[int] = []
    monkeypatch.setattr(need_saved, "_receivers", [lambda *, need_id: queued.append(need_id)])
    company = CompanyFactory(kind="demander", hub=hubs["changwon"])
    with django_capture_on_commit_callbacks(execute=True):
        need = need_services.need_create(
            company=company, title="용접 비드 검사", site="2공장 용접 라인", problem="외관 불량 검출"
        )
        assert queued == []
    assert queued == [need.pk]


@pytest.mark.django_db
def test_hub_figures_count_what_each_app_contributes(hubs, django_assert_num_queries):
    hub = hubs["changwon"]
    demander = CompanyFactory(kind="demander", hub=hub)
    CompanyFactory(kind="supplier", hub=hub)
    NeedFactory(company=demander, hub=hub, status="published")
    NeedFactory(company=demander, hub=hub, status="draft")
    with django_assert_num_queries(2):  # one grouped query per contributing app, whatever the hub count
        rows = hub_figures([hub, hubs["busan-centum"]])
    changwon, busan = rows
    assert (changwon["total"], changwon["suppliers"], changwon["demanders"]) == (2, 1, 1)
    assert (changwon["open"], changwon["drafts"], changwon["closed"]) == (1, 1, 0)
    assert busan["hub"] == hubs["busan-centum"] and busan["total"] == 0 and busan["open"] == 0
