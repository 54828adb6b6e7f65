"""Fusion weights learned from what people did with the engine's suggestions.

Each judged need is a group: the suppliers someone acted on (viewed, dismissed, expressed interest, met,
agreed, had an outcome verified), each with the engine's part scores and a graded gain. The weights are
non-negative (a part that counts against a fit would read oddly in an explanation) and fitted by a
listwise softmax loss (ListNet: the model's distribution over a group against the gains' distribution),
with a small L2 penalty. Quality is nDCG@k over groups, out of fold, against the shipped weights.
"""

from __future__ import annotations

import math
import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
from scipy.optimize import minimize

FloatMatrix = npt.NDArray[np.float64]


@dataclass(frozen=True)
class Group:
    """One need's judged suppliers: part scores by supplier and the gain each earned."""

    query: str
    parts: tuple[Mapping[str, float], ...]
    gains: tuple[float, ...]

    def matrix(self, names: Sequence[str]) -> FloatMatrix:
        return np.asarray([[p.get(n, 0.0) for n in names] for p in self.parts], dtype=np.float64)


@dataclass(frozen=True)
class LearnReport:
    groups: int
    judged_pairs: int
    shipped_ndcg: float
    learned_ndcg: float  # out of fold
    folds: int
    weights: dict[str, float]  # fitted on every group, summing to 1


def dcg(gains: Sequence[float], k: int) -> float:
    return float(sum((2.0**g - 1.0) / math.log2(i + 2) for i, g in enumerate(gains[:k])))


def ndcg(groups: Sequence[Group], weights: Mapping[str, float], names: Sequence[str], k: int = 10) -> float:
    """Mean nDCG@k of ranking each group by the weighted sum of its parts (ties: the given order)."""
    w = np.asarray([weights.get(n, 0.0) for n in names], dtype=np.float64)
    values = []
    for g in groups:
        ideal = dcg(sorted(g.gains, reverse=True), k)
        if ideal <= 0:
            continue
        order = np.argsort(-(g.matrix(names) @ w), kind="stable")
        values.append(dcg([g.gains[i] for i in order], k) / ideal)
    return float(np.mean(values)) if values else 0.0


def listnet(
    x: npt.ArrayLike,
    target: npt.ArrayLike,
    *,
    l2: float,
    scale: float = 1.0,
    nonnegative: bool = False,
    start: FloatMatrix | None = None,
    max_iter: int | None = None,
) -> tuple[FloatMatrix, int]:
    """ListNet with L-BFGS: weights ``w`` minimising the mean over groups of the cross-entropy
    between ``target`` (each group's distribution over its candidates) and the softmax of
    ``scale * x @ w``, plus ``l2 * w @ w``. The one listwise learner of the project: the engine's
    fusion weights (``fit``) and the lab's SBIR ranker both call it.

    ``x``: (groups, candidates, features); candidates with a NaN target are padding (a group holds
    fewer candidates than the widest). Returns the weights and the number of iterations."""
    z = np.asarray(x, dtype=np.float64)
    t = np.asarray(target, dtype=np.float64)
    present = ~np.isnan(t)
    t = np.where(present, t, 0.0)
    z = np.where(present[:, :, None], z, 0.0)
    n_groups, _, d = z.shape

    def loss_grad(w: FloatMatrix) -> tuple[float, FloatMatrix]:
        s = np.where(present, scale * (z @ w), -np.inf)
        s = s - s.max(axis=1, keepdims=True)
        log_norm = np.log(np.exp(s).sum(axis=1, keepdims=True))
        log_p = np.where(present, s - log_norm, 0.0)
        p = np.exp(log_p) * present
        loss = float(-(t * log_p).sum() / n_groups + l2 * w @ w)
        grad = scale * np.einsum("qc,qcd->d", p - t, z) / n_groups + 2.0 * l2 * w
        return loss, grad

    w0 = np.zeros(d) if start is None else np.asarray(start, dtype=np.float64)
    options = {} if max_iter is None else {"maxiter": max_iter}
    bounds = [(0.0, None)] * d if nonnegative else None
    result = minimize(loss_grad, w0, jac=True, method="L-BFGS-B", bounds=bounds, options=options)
    return np.asarray(result.x, dtype=np.float64), int(result.nit)


def fit(
    groups: Sequence[Group], names: Sequence[str], *, l2: float = 1e-2, scale: float = 10.0
) -> dict[str, float]:
    """Non-negative weights summing to 1. ``scale`` is the softmax temperature's inverse: part scores lie
    in [0, 1], so without it the model could not express a sharp preference within a group."""
    data = [(g.matrix(names), np.asarray(g.gains, dtype=np.float64)) for g in groups if sum(g.gains) > 0]
    if not data:
        raise ValueError("no group has a positive gain: nothing to learn from")
    width = max(x.shape[0] for x, _ in data)
    x = np.zeros((len(data), width, len(names)))
    target = np.full((len(data), width), np.nan)
    for i, (m, gains) in enumerate(data):
        x[i, : m.shape[0]] = m
        target[i, : m.shape[0]] = gains / gains.sum()
    start = np.full(len(names), 1.0 / len(names))
    # The penalty is l2 * w @ w over the summed loss, i.e. l2 / groups on the mean.
    found, _ = listnet(x, target, l2=l2 / len(data), scale=scale, nonnegative=True, start=start)
    w = np.maximum(found, 0.0)
    if w.sum() <= 0:
        w = start
    return {n: float(v / w.sum()) for n, v in zip(names, w, strict=True)}


def cross_validate(
    groups: Sequence[Group],
    names: Sequence[str],
    shipped: Mapping[str, float],
    *,
    folds: int = 5,
    seed: int = 0,
    k: int = 10,
    fold_key: Mapping[str, str] | None = None,
) -> LearnReport:
    """Out-of-fold nDCG@k of learned weights (folds over needs) beside the shipped weights.

    ``fold_key`` (query → key) keeps the queries that share a key in one fold, e.g. the queries one
    supplier won: then no fold is scored with weights fitted on the same winners."""
    usable = [g for g in groups if len(g.gains) >= 2 and sum(g.gains) > 0]
    if len(usable) < folds:
        raise ValueError(
            f"{len(usable)} needs have two or more judged suppliers and a positive one; need {folds}"
        )
    fold = [0] * len(usable)
    if fold_key is None:
        order = list(range(len(usable)))
        random.Random(seed).shuffle(order)
        for j, i in enumerate(order):
            fold[i] = j % folds
    else:
        keys = [fold_key.get(g.query, g.query) for g in usable]
        distinct = sorted(set(keys))
        random.Random(seed).shuffle(distinct)
        of_key = {key: n % folds for n, key in enumerate(distinct)}
        fold = [of_key[key] for key in keys]
    scores: list[float] = []
    for f in range(folds):
        test = [g for g, n in zip(usable, fold, strict=True) if n == f]
        train = [g for g, n in zip(usable, fold, strict=True) if n != f]
        weights = fit(train, names)
        scores.extend([ndcg([g], weights, names, k) for g in test])
    return LearnReport(
        groups=len(usable),
        judged_pairs=sum(len(g.gains) for g in usable),
        shipped_ndcg=ndcg(usable, shipped, names, k),
        learned_ndcg=float(np.mean(scores)),
        folds=folds,
        weights=fit(usable, names),
    )
