"""Weights learned from labelled actions recover the signal that drove them, and never go negative."""

from __future__ import annotations

import random

import pytest

from matching.engine.learn import Group, cross_validate, dcg, fit, ndcg

NAMES = ("lexical", "dense", "capability", "region")
SHIPPED = {"lexical": 0.4, "dense": 0.4, "capability": 0.1, "region": 0.1}


def groups_driven_by(part: str, n: int = 60, seed: int = 3) -> list[Group]:
    """People acted on suppliers by `part` alone; the other parts are noise."""
    rng = random.Random(seed)
    out = []
    for q in range(n):
        parts = tuple({name: rng.random() for name in NAMES} for _ in range(8))
        gains = tuple(float(round(4 * p[part] ** 2)) for p in parts)
        out.append(Group(f"q{q}", parts, gains))
    return out


def test_dcg_and_ndcg_of_a_perfect_and_a_reversed_order():
    assert dcg([3, 1, 0], 10) == pytest.approx(7 + 1 / 1.5849625, rel=1e-6)
    g = Group("q", ({"lexical": 1.0}, {"lexical": 0.5}, {"lexical": 0.0}), (2.0, 1.0, 0.0))
    assert ndcg([g], {"lexical": 1.0}, ["lexical"]) == pytest.approx(1.0)
    reversed_g = Group("q", g.parts, (0.0, 1.0, 2.0))
    assert ndcg([reversed_g], {"lexical": 1.0}, ["lexical"]) < 0.7


def test_fit_puts_the_weight_on_the_part_that_drove_the_actions():
    weights = fit(groups_driven_by("capability"), NAMES)
    assert all(w >= 0 for w in weights.values()) and sum(weights.values()) == pytest.approx(1.0)
    assert max(weights, key=weights.__getitem__) == "capability"
    assert weights["capability"] > 0.5


def test_out_of_fold_learning_beats_weights_that_ignore_the_signal():
    report = cross_validate(groups_driven_by("region"), NAMES, SHIPPED, folds=5)
    assert report.groups == 60 and report.judged_pairs == 480
    assert report.learned_ndcg > report.shipped_ndcg + 0.1
    assert max(report.weights, key=report.weights.__getitem__) == "region"


def test_nothing_to_learn_is_an_error_not_a_guess():
    flat = [Group(f"q{i}", ({"lexical": 0.1}, {"lexical": 0.2}), (0.0, 0.0)) for i in range(10)]
    with pytest.raises(ValueError, match="positive gain"):
        fit(flat, NAMES)
    with pytest.raises(ValueError, match="two or more judged"):
        cross_validate(flat, NAMES, SHIPPED)


def test_folds_by_key_never_split_a_key_between_training_and_scoring(monkeypatch):
    import matching.engine.learn as learn

    groups = groups_driven_by("lexical", n=40)
    key = {g.query: f"firm{int(g.query[1:]) % 7}" for g in groups}
    trained: list[set[str]] = []
    real_fit = learn.fit

    def recording_fit(train, names, **kw):
        trained.append({g.query for g in train})
        return real_fit(train, names, **kw)

    monkeypatch.setattr(learn, "fit", recording_fit)
    report = learn.cross_validate(groups, NAMES, SHIPPED, folds=3, fold_key=key)
    assert len(trained) == 4  # three folds, then every group
    held_out = [{g.query for g in groups} - queries for queries in trained[:3]]
    for queries, held in zip(trained[:3], held_out, strict=True):
        assert held and not ({key[q] for q in queries} & {key[q] for q in held})
    assert sorted(q for held in held_out for q in held) == sorted(g.query for g in groups)
    assert report.learned_ndcg > report.shipped_ndcg
