"""`manage.py events_remind`: tell confirmed participants about events starting within a day (once)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from dxhub.events.notices import send_reminders


class Command(BaseCommand):
    help = "Remind confirmed participants of events that start within the next 24 hours (once per event)."

    def handle(self, *args: Any, **options: Any) -> None:
        self.stdout.write(f"{send_reminders()} event(s) reminded")
