"""`manage.py collab_bench`: cost of the track records in the matching feed and of the pipeline board."""

from __future__ import annotations

import time
from typing import Any

from django.core.management.base import BaseCommand
from django.db import connection
from django.test.utils import CaptureQueriesContext

from dxhub.accounts.models import User
from dxhub.collab.models import Collaboration
from dxhub.collab.selectors import pipeline_board, track_records
from dxhub.matches.adapters import iter_suppliers, supplier_queryset


class Command(BaseCommand):
    help = "Time track_records over every supplier, the engine's supplier feed, and each staff board."

    def handle(self, *args: Any, **options: Any) -> None:
        ids = list(supplier_queryset().values_list("pk", flat=True))
        self.stdout.write(f"suppliers {len(ids)}, collaborations {Collaboration.objects.count()}")
        start = time.perf_counter()
        records = track_records(ids)
        ms = (time.perf_counter() - start) * 1000
        self.stdout.write(f"track_records: {ms:.1f} ms for {len(ids)} ids ({len(records)} with a record)")
        with CaptureQueriesContext(connection) as queries:
            start = time.perf_counter()
            count = sum(1 for _ in iter_suppliers())
            seconds = time.perf_counter() - start
        record_queries = sum("collab_collaboration" in q["sql"] for q in queries.captured_queries)
        self.stdout.write(
            f"iter_suppliers: {count} profiles in {seconds:.2f} s, {len(queries.captured_queries)} queries "
            f"({record_queries} for track records)"
        )
        staff = User.objects.filter(role__in=[User.Role.OPERATOR, User.Role.MINISTRY], is_active=True)
        for user in staff.order_by("role", "email"):
            with CaptureQueriesContext(connection) as queries:
                start = time.perf_counter()
                pipeline_board(user, hub=user.hub if user.is_operator else None)
                ms = (time.perf_counter() - start) * 1000
            self.stdout.write(
                f"pipeline_board {user.email}: {ms:.1f} ms, {len(queries.captured_queries)} queries"
            )
