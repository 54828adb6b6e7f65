"""Background refresh of matches (Django tasks; the `db_worker` process runs them)."""

from __future__ import annotations

from django.db import transaction
from django.tasks import task

from dxhub.matches import services


@task()
def refresh_need(need_id: int) -> int:
    return services.need_refresh_matches(need_id)


@task()
def refresh_company(company_id: int) -> int:
    return services.company_refresh_matches(company_id)


def after_need_saved(need_id: int) -> None:
    """Queue a refresh once the write commits, so the worker reads what was saved."""
    transaction.on_commit(lambda: refresh_need.enqueue(need_id))


def after_company_saved(company_id: int) -> None:
    transaction.on_commit(lambda: refresh_company.enqueue(company_id))


@task()
def rebuild() -> dict[str, int]:
    return services.rebuild_all()


def after_bulk_change() -> None:
    """After an import: rebuild the index and every shortlist in the background."""
    transaction.on_commit(lambda: rebuild.enqueue())
