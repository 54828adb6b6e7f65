"""`manage.py send_digest`: the daily email of notifications people chose to receive as a digest."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from dxhub.notifications.services import send_digest


class Command(BaseCommand):
    help = "Email each person the notifications they chose to receive in the daily digest."

    def handle(self, *args: Any, **options: Any) -> None:
        sent = send_digest()
        self.stdout.write(f"digest sent to {sent} people")
