"""KorSTS benchmark and command line of ``matching_lab.textsim`` (kept apart from the model itself).

``python -m matching_lab.textsim_bench bench FILE`` and ``dxhub bench korsts --data FILE`` both end here.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Sequence
from typing import Any

import numpy as np

from matching_lab.textsim import (
    DEFAULT_HEAD,
    FAST_HEAD,
    SCORE_MAX,
    CachedEmbedder,
    PairSignals,
    TextSimilarity,
    _cached,
    fit_head,
    read_sts_tsv,
    spearman,
)


def run_korsts_bench(
    path: str,
    *,
    heads: Sequence[str] = (FAST_HEAD, DEFAULT_HEAD),
    cache_dir: str | None = None,
) -> dict[str, Any]:
    """Spearman on an STS TSV for TF-IDF alone, each embedding model alone and the shipped heads.

    Nothing is fitted here: the heads come from matching_lab/data/textsim. The engine is the
    ``default`` head; its last printed line reads ``engine spearman=X``. Sentences/s counts the
    input sentences (two per pair) over the wall time of embedding, TF-IDF and the head.
    With ``cache_dir`` embeddings may come from disk and speed is then not reported.
    """
    data = read_sts_tsv(path)
    y = data.scores
    n_sent = 2 * len(y)
    out: dict[str, Any] = {"path": path, "pairs": len(y)}

    def say(line: str) -> None:
        print(line, flush=True)  # noqa: T201

    say(f"{path}: {len(y)} pairs")
    models = {h: TextSimilarity.pretrained(h) for h in heads}
    names = list(dict.fromkeys(n for m in models.values() for n in m.embedders))
    overrides = _cached(names, cache_dir)
    engine = models[DEFAULT_HEAD] if DEFAULT_HEAD in models else models[heads[-1]]
    for m in models.values():
        m.embedder_overrides = overrides
    # The shipped heads share one TF-IDF table (both are fitted on the same sentences).
    probe = TextSimilarity(names, embedder_overrides=overrides)
    probe.tfidf_ = engine.tfidf_
    start = time.perf_counter()
    sig = probe.signals(data.first, data.second)
    signal_seconds = time.perf_counter() - start
    cached = overrides is not None and any(
        isinstance(e, CachedEmbedder) and e.hits for e in overrides.values()
    )

    out["tfidf-kiwi"] = round(spearman(sig.tfidf, y), 4)
    say(f"tfidf-kiwi spearman={out['tfidf-kiwi']:.4f}  ({n_sent / sig.seconds['tfidf']:.0f} sentences/s)")
    for name in names:
        out[name] = round(spearman(sig.cosine(name), y), 4)
        speed = "cached" if cached else f"{n_sent / sig.seconds[name]:.0f} sentences/s"
        say(f"{name} cosine spearman={out[name]:.4f}  ({speed})")
    out["speed"] = {}
    for head, model in models.items():
        start = time.perf_counter()
        head_sig = sig
        if model.tfidf_.to_json() != engine.tfidf_.to_json():  # a head fitted on other sentences
            head_sig = PairSignals(sig.left, sig.right, model.tfidf_.score(data.first, data.second), {})
        pred = model.predict_signals(head_sig)
        head_seconds = time.perf_counter() - start
        total = head_seconds + sig.seconds["tfidf"] + sum(sig.seconds[n] for n in model.embedders)
        out[f"head:{head}"] = round(spearman(np.clip(pred / SCORE_MAX, 0, 1), y), 4)
        sps = None if cached else round(n_sent / total, 1)
        out["speed"][head] = sps
        speed = "cached embeddings" if sps is None else f"{sps} sentences/s"
        say(f"head {head} ({'+'.join(model.embedders)}+tfidf) spearman={out[f'head:{head}']:.4f}  ({speed})")
    if data.genres and len(set(data.genres)) > 1:
        pred = engine.predict_signals(sig)
        per_genre = {}
        for g in sorted(set(data.genres)):
            in_genre = np.asarray([x == g for x in data.genres])
            per_genre[g] = round(spearman(pred[in_genre], y[in_genre]), 4)
        out["engine_per_genre"] = per_genre
        say(f"engine per genre: {per_genre}")
    out["signal_seconds"] = round(signal_seconds, 2)
    out["engine"] = out[f"head:{DEFAULT_HEAD}"] if DEFAULT_HEAD in models else out[f"head:{heads[-1]}"]
    say(f"engine spearman={out['engine']:.4f}")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m matching_lab.textsim_bench")
    sub = parser.add_subparsers(dest="command", required=True)
    bench = sub.add_parser("bench", help="Spearman of the shipped heads on an STS TSV")
    bench.add_argument("path")
    bench.add_argument("--cache-dir", default=None, help="reuse embeddings from this directory")
    fit = sub.add_parser("fit", help="fit a head on an STS training TSV")
    fit.add_argument("train_path")
    fit.add_argument("out_dir")
    fit.add_argument("--embedders", default="e5-small,use-m3")
    fit.add_argument("--cache-dir", default=None)
    args = parser.parse_args(argv)
    if args.command == "bench":
        run_korsts_bench(args.path, cache_dir=args.cache_dir)
    else:
        fit_head(args.train_path, args.out_dir, args.embedders.split(","), cache_dir=args.cache_dir)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
