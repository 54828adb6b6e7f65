from typing import Any

from django.core.management.base import BaseCommand

from dxhub.hubs.seed import load_all


class Command(BaseCommand):
    help = "Load KSIC codes, regions, the capability taxonomy and the four hubs (safe to re-run)."

    def handle(self, *args: Any, **options: Any) -> None:
        counts = load_all()
        self.stdout.write(", ".join(f"{k} {v}" for k, v in counts.items()))
