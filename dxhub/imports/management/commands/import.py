"""`manage.py import companies FILE [--dry-run] [--hub SLUG]` and `manage.py import needs FILE [--dry-run]`.

All or nothing, like the web import: any bad row is listed and nothing is written.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from dxhub.hubs.models import Hub
from dxhub.imports.parsing import RowError
from dxhub.imports.services import KINDS, import_file


def error_line(error: RowError) -> str:
    """'행 5, 열 '사업자등록번호': …' in the active language."""
    if error.row and error.column:
        return _("row %(row)d, column '%(column)s': %(message)s") % {
            "row": error.row,
            "column": error.column,
            "message": error.message,
        }
    if error.row:
        return _("row %(row)d: %(message)s") % {"row": error.row, "message": error.message}
    return error.message


class Command(BaseCommand):
    help = "Import companies or needs from an .xlsx or .csv file (all rows or none)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("kind", choices=KINDS)
        parser.add_argument("file", type=Path)
        parser.add_argument("--dry-run", action="store_true", help="check the file, write nothing")
        parser.add_argument("--hub", help="hub slug for rows whose 거점 is empty")

    def handle(self, *args: Any, **options: Any) -> None:
        path: Path = options["file"]
        if not path.is_file():
            raise CommandError(_("No such file: %(path)s") % {"path": path})
        hub = None
        if options["hub"]:
            hub = Hub.objects.filter(slug=options["hub"]).first()
            if hub is None:
                slugs = ", ".join(Hub.objects.values_list("slug", flat=True))
                raise CommandError(
                    _("No hub %(slug)s; one of: %(slugs)s") % {"slug": options["hub"], "slugs": slugs}
                )
        result = import_file(
            kind=options["kind"],
            filename=path.name,
            content=path.read_bytes(),
            hub=hub,
            dry_run=options["dry_run"],
        )
        for error in result.errors:
            self.stderr.write(error_line(error))
        if result.ignored_columns:
            self.stdout.write(
                _("Columns not imported: %(columns)s") % {"columns": ", ".join(result.ignored_columns)}
            )
        if not result.ok:
            raise CommandError(
                _("%(n)d errors in %(rows)d rows; nothing was written.")
                % {"n": result.error_count, "rows": result.rows}
            )
        counts = {"created": result.created, "updated": result.updated, "unchanged": result.unchanged}
        if options["dry_run"]:
            message = _(
                "Check passed (nothing written): %(created)d to create, %(updated)d to update, %(unchanged)d unchanged."
            )
        else:
            message = _("Imported: %(created)d created, %(updated)d updated, %(unchanged)d unchanged.")
        self.stdout.write(self.style.SUCCESS(message % counts))
