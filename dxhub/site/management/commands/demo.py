"""`manage.py demo`: the demo data set (companies, needs, accounts for every role). Safe to re-run."""

from __future__ import annotations

import unicodedata
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from dxhub.demo.accounts import DemoAccount, ensure_demo_accounts
from dxhub.demo.generator import DEFAULT_COMPANIES, DEFAULT_SEED, DemoGenerator, required_reference
from dxhub.demo.loader import EXACT_INDEX_MAX_COMPANIES, LoadReport, load_demo
from dxhub.hubs.models import Hub
from dxhub.reference.models import Capability, KsicCode, Region
from dxhub.site.demo_stories import run_extras


def missing_reference() -> dict[str, set[str]]:
    """Reference rows the generator needs that the database lacks (empty when all are there)."""
    required = required_reference()
    present = {
        "ksic": set(KsicCode.objects.filter(code__in=required["ksic"]).values_list("code", flat=True)),
        "regions": set(Region.objects.filter(code__in=required["regions"]).values_list("code", flat=True)),
        "capabilities": set(
            Capability.objects.filter(slug__in=required["capabilities"]).values_list("slug", flat=True)
        ),
        "hubs": set(Hub.objects.filter(slug__in=required["hubs"]).values_list("slug", flat=True)),
    }
    return {kind: missing for kind, codes in required.items() if (missing := codes - present[kind])}


def _width(text: str) -> int:
    """Columns a terminal gives `text`: Hangul and other wide characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def account_table(accounts: list[DemoAccount]) -> str:
    rows = [("email", "role", "hub / company", "password")]
    rows += [(a.email, a.role, a.where, a.password) for a in accounts]
    widths = [max(_width(row[i]) for row in rows) for i in range(4)]
    lines = []
    for n, row in enumerate(rows):
        lines.append(
            "  ".join(cell + " " * (widths[i] - _width(cell)) for i, cell in enumerate(row)).rstrip()
        )
        if n == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)


class Command(BaseCommand):
    help = (
        "Loads a reproducible Korean demo data set: companies over the four hubs, DX needs and one "
        "account per role (password dxhub-demo-2026). Running it again adds only what is missing."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help="same seed, same data")
        parser.add_argument("--companies", type=int, default=DEFAULT_COMPANIES)
        parser.add_argument("--needs", type=int, default=None, help="default: companies × 9/16 (180 for 320)")
        parser.add_argument("--batch-size", type=int, default=500, help="companies per transaction")
        parser.add_argument(
            "--index",
            choices=("auto", "exact", "fast"),
            default="auto",
            help=f"search text: exact up to {EXACT_INDEX_MAX_COMPANIES:,} companies, a sentence cache above",
        )
        parser.add_argument("--quiet", action="store_true", help="no progress lines, only the summary")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["companies"] < 0 or (options["needs"] is not None and options["needs"] < 0):
            raise CommandError("--companies and --needs cannot be negative")
        if options["batch_size"] < 1:
            raise CommandError("--batch-size must be at least 1")
        quiet = options["quiet"]
        if missing_reference():
            if not quiet:
                self.stdout.write("Loading reference data (KSIC, regions, capabilities, hubs)…")
            from dxhub.hubs.seed import load_all

            load_all()
            if still := missing_reference():
                raise CommandError(f"reference data lacks codes the demo uses: {still}")
        generator = DemoGenerator(options["seed"], options["companies"], options["needs"])
        report = load_demo(
            generator,
            batch_size=options["batch_size"],
            index=options["index"],
            progress=None if quiet else self.stdout.write,
        )
        accounts = ensure_demo_accounts(report.personas)
        run_extras(options["seed"], progress=None if quiet else self.stdout.write)
        self.stdout.write(self._summary(generator, report))
        self.stdout.write("")
        self.stdout.write(account_table(accounts))

    def _summary(self, generator: DemoGenerator, report: LoadReport) -> str:
        return "\n".join(
            (
                f"demo data, seed {generator.seed}: {report.seconds:.1f} s (search text: {report.index})",
                f"  companies      {report.companies_created:>9,} created  {report.companies_existing:>9,} already there",
                f"  needs          {report.needs_created:>9,} created  {report.needs_existing:>9,} already there",
                f"  contacts       {report.contacts:>9,}",
                f"  solutions      {report.solutions:>9,}",
                f"  references     {report.references:>9,}",
                f"  certifications {report.certifications:>9,}",
            )
        )
