from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from dxhub.matches.services import rebuild_all


class Command(BaseCommand):
    help = "Matching index: `matching rebuild` re-indexes every supplier and open need and stores shortlists."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("action", choices=["rebuild"])

    def handle(self, *args: Any, **options: Any) -> None:
        counts = rebuild_all()
        self.stdout.write(f"indexed: {counts['suppliers']} suppliers, {counts['needs']} open needs")
