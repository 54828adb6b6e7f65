from django.apps import AppConfig


class MatchesConfig(AppConfig):
    name = "dxhub.matches"
    label = "matches"

    def ready(self) -> None:
        # Lower floors announce their writes; matching reacts here, so they never import it.
        from dxhub.collab.hooks import track_record_changed
        from dxhub.collab.selectors import FUNNEL_STEPS
        from dxhub.companies.hooks import companies_bulk_saved, company_saved
        from dxhub.matches import tasks
        from dxhub.matches.selectors import matched_pairs
        from dxhub.needs.hooks import need_saved, needs_bulk_saved

        FUNNEL_STEPS.add("match", matched_pairs)
        need_saved.subscribe(tasks.on_need_saved)
        company_saved.subscribe(tasks.on_company_saved)
        track_record_changed.subscribe(tasks.on_company_saved)
        companies_bulk_saved.subscribe(tasks.on_bulk_saved)
        needs_bulk_saved.subscribe(tasks.on_bulk_saved)
