"""`dxhub bench quality|korsts|speed|select|schedule`: measured figures (see docs/benchmarks.md)."""

from __future__ import annotations

from typing import Any, TextIO, cast

from django.core.management.base import BaseCommand, CommandError, CommandParser


class Command(BaseCommand):
    help = "Benchmarks: quality (SBIR format), korsts (Korean STS), speed (demo generator sizes)."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="which", required=True)
        quality = sub.add_parser(
            "quality", help="Recall@10, MRR@10, nDCG@10, queries/s on an SBIR-format dir"
        )
        source = quality.add_mutually_exclusive_group(required=True)
        source.add_argument("--data", help="a benchmark directory in the SBIR format")
        source.add_argument(
            "--events",
            action="store_true",
            help="replay the journey's labelled events in this database to learn the fusion weights",
        )
        quality.add_argument("--folds", type=int, default=5, help="with --events: folds over needs")
        quality.add_argument(
            "--write", metavar="PATH", help="with --events: write the learned weights (JSON)"
        )
        quality.add_argument(
            "--embedder",
            default="use-m3",
            help="with --data: the engine's sentence encoder (use-m3, e5-small, hashing)",
        )
        korsts = sub.add_parser(
            "korsts", help="Spearman of the engine's text similarity on a KorSTS-format file"
        )
        korsts.add_argument("--data", required=True)
        speed = sub.add_parser("speed", help="build time, memory, p50/p95 latency per size")
        speed.add_argument("--suppliers", default="10000,100000", help="comma-separated sizes")
        speed.add_argument("--queries", type=int, default=100)
        speed.add_argument("--embedder", default="use-m3")
        select = sub.add_parser(
            "select", help="programme selection under budget: optimiser vs greedy on generated applications"
        )
        select.add_argument("--applications", type=int, default=500)
        select.add_argument("--seed", type=int, default=2026)
        schedule = sub.add_parser(
            "schedule", help="matchmaking-day meetings: engine vs greedy vs proven bound"
        )
        schedule.add_argument("--participants", type=int, default=1000)
        schedule.add_argument("--requests", type=int, default=5000)
        schedule.add_argument("--slots", type=int, default=20)
        schedule.add_argument("--tables", type=int, default=120)
        schedule.add_argument("--seed", type=int, default=2026)
        schedule.add_argument("--instance", help="a JSON instance file instead of the generator")
        schedule.add_argument("--time-limit", type=float, default=10.0, help="seconds for the engine")

    def handle(self, *args: Any, **options: Any) -> None:
        which = options["which"]
        if which == "quality" and options["events"]:
            self._events(options)
        elif which == "quality":
            from matching_lab.quality import run_quality_bench

            run_quality_bench(
                options["data"], out=cast(TextIO, self.stdout), embedder=self._embedder(options["embedder"])
            )
        elif which == "korsts":
            from matching_lab.textsim_bench import run_korsts_bench

            run_korsts_bench(options["data"])
        elif which == "select":
            from optimize.selection.bench import run_select_bench

            if options["applications"] < 1:
                raise CommandError("--applications must be at least 1")
            run_select_bench(options, out=cast(TextIO, self.stdout))
        elif which == "schedule":
            from optimize.schedule.bench import BenchError, run_schedule_bench

            try:
                run_schedule_bench(options, out=cast(TextIO, self.stdout))
            except BenchError as exc:  # a bad instance file or option: say what, not a traceback
                raise CommandError(str(exc)) from exc
        else:
            self._speed(options)

    def _events(self, options: dict[str, Any]) -> None:
        import json
        from dataclasses import replace

        from dxhub.matches.feedback import learn
        from matching.engine.weights import Weights

        if options["folds"] < 2:
            raise CommandError("--folds must be at least 2")
        try:
            report = learn(folds=options["folds"])
        except ValueError as exc:  # too few judged needs: say so rather than print a meaningless figure
            raise CommandError(f"cannot learn from the events: {exc}") from exc
        weights = " ".join(f"{p}={w:.3f}" for p, w in report.weights.items())
        self.stdout.write(
            f"events: {report.groups} needs with judged suppliers, {report.judged_pairs} judged pairs, "
            f"{report.folds} folds over needs"
        )
        self.stdout.write(f"learned weights (all needs; track kept at its shipped share): {weights}")
        if options["write"]:
            parts = {p: round(w, 4) for p, w in report.weights.items()}
            learned = replace(Weights.from_json(), parts=parts).to_dict()
            learned["_comment"] = "Fusion weights learned from journey events (dxhub bench quality --events)."
            with open(options["write"], "w", encoding="utf-8") as fh:
                json.dump(learned, fh, ensure_ascii=False, indent=2)
            self.stdout.write(f"written: {options['write']}")
        self.stdout.write(
            f"shipped nDCG@10={report.shipped_ndcg:.4f} learned nDCG@10={report.learned_ndcg:.4f} (out of fold)"
        )

    @staticmethod
    def _embedder(name: str) -> Any:
        from dxhub.matches.store import embedder as configured_embedder
        from matching.embedding import get_embedder
        from matching.engine.hashing import HashingEmbedder

        if not name:
            return configured_embedder()
        return HashingEmbedder() if name.startswith("hashing") else get_embedder(name)

    def _speed(self, options: dict[str, Any]) -> None:
        from dxhub.matches.bench import sample_needs, supplier_batches
        from matching_lab.bench_speed import run_speed_bench

        try:
            sizes = [int(s) for s in options["suppliers"].split(",") if s.strip()]
        except ValueError:
            raise CommandError("--suppliers takes comma-separated integers, e.g. 10000,100000") from None
        embedder = self._embedder(options["embedder"])
        run_speed_bench(
            sizes,
            lambda n: supplier_batches(n),
            needs=sample_needs(options["queries"]),
            embedder=embedder,
            queries=options["queries"],
            out=cast(TextIO, self.stdout),  # OutputWrapper proxies write and flush
        )
