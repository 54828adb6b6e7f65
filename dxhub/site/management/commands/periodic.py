"""`manage.py periodic`: the jobs that run on a clock, beside the task worker (`make serve` starts both).

- event reminders (`events_remind`): every hour; each event is reminded once (its own stamp decides);
- the daily e-mail digest (`send_digest`): once a day from DXHUB_DIGEST_HOUR (default 8, Seoul time).

The day of the last digest is kept in `var/periodic.json`, so a restart at noon does not send a second one.
"""

from __future__ import annotations

import json
import time
from datetime import datetime
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from dxhub.events.notices import send_reminders
from dxhub.notifications.services import send_digest


def state_path() -> Path:
    return Path(settings.MATCHING_DIR).parent / "periodic.json"


def run_due(now: datetime, digest_hour: int) -> list[str]:
    """Runs what is due at `now` and returns one line per job run."""
    done = [f"reminders: {send_reminders(now=now)} event(s)"]
    path = state_path()
    state = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    local = timezone.localtime(now)
    today = local.date().isoformat()
    if local.hour >= digest_hour and state.get("digest") != today:
        done.append(f"digest: sent to {send_digest()} people")
        state["digest"] = today
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(state), encoding="utf-8")
    return done


class Command(BaseCommand):
    help = "Hourly event reminders and the daily digest, in one long-running process (or --once)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--once", action="store_true", help="run what is due now and exit")
        parser.add_argument("--interval", type=int, default=3600, help="seconds between rounds")
        parser.add_argument("--digest-hour", type=int, default=None, help="local hour of the digest (0-23)")

    def handle(self, *args: Any, **options: Any) -> None:
        hour = options["digest_hour"]
        if hour is None:
            hour = int(getattr(settings, "DIGEST_HOUR", 8))
        if not 0 <= hour <= 23:
            raise CommandError("--digest-hour must be between 0 and 23")
        if options["interval"] < 60:
            raise CommandError("--interval must be at least 60 seconds")
        while True:
            for line in run_due(timezone.now(), hour):
                self.stdout.write(line)
            if options["once"]:
                return
            time.sleep(options["interval"])
