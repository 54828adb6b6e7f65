"""Background refresh of matches (Django tasks; the `db_worker` process runs them)."""

from __future__ import annotations

from django.tasks import task

from dxhub.matches import services


@task()
def refresh_need(need_id: int) -> int:
    return services.need_refresh_matches(need_id)


@task()
def refresh_company(company_id: int) -> int:
    return services.company_refresh_matches(company_id)


# The receivers below are subscribed in `MatchesConfig.ready()` to hooks that run after commit, so the
# worker reads what was saved.


def on_need_saved(*, need_id: int) -> None:
    refresh_need.enqueue(need_id)


def on_company_saved(*, company_id: int) -> None:
    refresh_company.enqueue(company_id)


@task()
def rebuild() -> dict[str, int]:
    return services.rebuild_all()


def on_bulk_saved(*, created: int, updated: int) -> None:
    """After a bulk write (an import): rebuild the index and every shortlist in the background, once."""
    if created or updated:
        rebuild.enqueue()
