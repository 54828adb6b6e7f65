"""A learned linear ranker: listwise softmax (ListNet with one relevant item = softmax cross-entropy),
fitted by the engine's ``matching.engine.learn.listnet``.

For each query the candidates' scores ``x @ w`` go through a softmax over that query's candidates;
training maximises the probability given to the relevant candidates (relevances normalised to a
distribution), with an L2 penalty, by L-BFGS. Features are standardised before fitting; the saved
weights act on raw features. Saved as JSON (feature names, weights, standardisation): no pickle.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from matching.engine.learn import listnet

FloatArray = npt.NDArray[np.float64]
FORMAT_VERSION = 1


class Ranker:
    """``fit(X, relevance)`` with X of shape (queries, candidates, features); ``predict(X)`` -> scores."""

    def __init__(self, l2: float = 1e-2, max_iter: int = 500) -> None:
        self.l2 = l2
        self.max_iter = max_iter

    def fit(
        self,
        X: npt.ArrayLike,
        relevance: npt.ArrayLike,
        feature_names: Sequence[str] | None = None,
    ) -> Ranker:
        x = np.asarray(X, dtype=np.float64)
        rel = np.asarray(relevance, dtype=np.float64)
        if x.ndim != 3 or rel.shape != x.shape[:2]:
            raise ValueError("X must be (queries, candidates, features) and relevance (queries, candidates)")
        keep = rel.sum(axis=1) > 0  # a query without a relevant candidate teaches nothing
        x, rel = x[keep], rel[keep]
        if x.shape[0] == 0:
            raise ValueError("no query has a relevant candidate")
        d = x.shape[2]
        flat = x.reshape(-1, d)
        self.mean_ = flat.mean(axis=0)
        scale = flat.std(axis=0)
        self.scale_ = np.where(scale > 1e-12, scale, 1.0)
        z = (x - self.mean_) / self.scale_
        target = rel / rel.sum(axis=1, keepdims=True)
        w_std, self.n_iter_ = listnet(z, target, l2=self.l2, max_iter=self.max_iter)
        self.coef_ = w_std / self.scale_  # weights on raw features
        self.standardised_coef_ = w_std
        self.feature_names_ = [str(f) for f in feature_names] if feature_names is not None else []
        if self.feature_names_ and len(self.feature_names_) != d:
            raise ValueError("feature_names and X differ in width")
        return self

    def predict(self, X: npt.ArrayLike) -> FloatArray:
        """Scores of shape X.shape[:-1]; higher ranks first (comparable within a query)."""
        x = np.asarray(X, dtype=np.float64)
        out: FloatArray = x @ self.coef_
        return out

    # -- persistence ----------------------------------------------------------------------------
    def to_json(self) -> dict[str, Any]:
        return {
            "format": FORMAT_VERSION,
            "kind": "linear-listwise-softmax",
            "l2": self.l2,
            "max_iter": self.max_iter,
            "feature_names": self.feature_names_,
            "coef": [float(c) for c in self.coef_],
            "mean": [float(c) for c in self.mean_],
            "scale": [float(c) for c in self.scale_],
            "standardised_coef": [float(c) for c in self.standardised_coef_],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Ranker:
        if int(data.get("format", 0)) != FORMAT_VERSION:
            raise ValueError(f"unsupported ranker format {data.get('format')!r}")
        self = cls(l2=float(data["l2"]), max_iter=int(data["max_iter"]))
        self.feature_names_ = [str(f) for f in data["feature_names"]]
        self.coef_ = np.asarray(data["coef"], dtype=np.float64)
        self.mean_ = np.asarray(data["mean"], dtype=np.float64)
        self.scale_ = np.asarray(data["scale"], dtype=np.float64)
        self.standardised_coef_ = np.asarray(data["standardised_coef"], dtype=np.float64)
        return self

    def save(self, directory: str | Path) -> None:
        path = Path(directory)
        path.mkdir(parents=True, exist_ok=True)
        (path / "ranker.json").write_text(json.dumps(self.to_json(), indent=1) + "\n", encoding="utf-8")

    @classmethod
    def load(cls, directory: str | Path) -> Ranker:
        data = json.loads((Path(directory) / "ranker.json").read_text(encoding="utf-8"))
        return cls.from_json(data)
