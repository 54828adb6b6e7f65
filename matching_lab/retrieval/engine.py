"""The supplier matcher: featurizer + learned ranker over every indexed supplier.

    matcher = SupplierMatcher.load()          # shipped parameters (matching_lab/data/sbir/)
    matcher.index(suppliers)
    ids, scores = matcher.retrieve(query, k=10)

Every supplier is scored (a few thousand is cheap), so nothing is lost to a first-stage cut-off.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import numpy.typing as npt

from matching_lab.retrieval.data import Query, Supplier
from matching_lab.retrieval.features import FeatureConfig, SupplierFeaturizer
from matching_lab.retrieval.metrics import top_k
from matching_lab.retrieval.ranker import Ranker

DEFAULT_DIR = Path(__file__).resolve().parent.parent / "data" / "sbir"

FloatArray = npt.NDArray[np.float64]


class SupplierMatcher:
    def __init__(self, config: FeatureConfig | None = None, ranker: Ranker | None = None) -> None:
        self.config = config if config is not None else FeatureConfig()
        self.ranker = ranker

    def index(self, suppliers: Sequence[Supplier]) -> SupplierMatcher:
        if self.ranker is None:
            raise ValueError("the matcher has no ranker: load shipped parameters or fit one")
        if self.ranker.feature_names_ and tuple(self.ranker.feature_names_) != self.config.features:
            raise ValueError("the ranker was fitted on other features than the featurizer is set to give")
        self.featurizer_ = SupplierFeaturizer(self.config).index(suppliers)
        self.ids_ = list(self.featurizer_.ids_)
        return self

    def score_batch(self, queries: Sequence[Query]) -> FloatArray:
        """Scores (queries x suppliers), in ``ids_`` order."""
        assert self.ranker is not None
        out = np.zeros((len(queries), len(self.ids_)))
        step = max(1, self.config.query_batch)
        for start in range(0, len(queries), step):
            batch = queries[start : start + step]
            out[start : start + len(batch)] = self.ranker.predict(self.featurizer_.transform(batch))
        return out

    def retrieve(self, query: Query, k: int = 10) -> tuple[list[str], FloatArray]:
        """The ``k`` best suppliers for a query: (ids, scores), best first."""
        return self.retrieve_batch([query], k)[0]

    def retrieve_batch(self, queries: Sequence[Query], k: int = 10) -> list[tuple[list[str], FloatArray]]:
        scores = self.score_batch(queries)
        results: list[tuple[list[str], FloatArray]] = []
        for row in scores:
            order = top_k(row, k)
            results.append(([self.ids_[i] for i in order], row[order]))
        return results

    # -- persistence of the learned parameters (not of the index: it is rebuilt from suppliers) --
    def save(self, directory: str | Path) -> None:
        if self.ranker is None:
            raise ValueError("nothing to save: no ranker")
        path = Path(directory)
        path.mkdir(parents=True, exist_ok=True)
        text = json.dumps(self.config.to_json(), indent=1, ensure_ascii=False, sort_keys=True)
        (path / "features.json").write_text(text + "\n", encoding="utf-8")
        self.ranker.save(path)

    @classmethod
    def load(cls, directory: str | Path = DEFAULT_DIR) -> SupplierMatcher:
        path = Path(directory)
        config = FeatureConfig.from_json(json.loads((path / "features.json").read_text(encoding="utf-8")))
        return cls(config=config, ranker=Ranker.load(path))
