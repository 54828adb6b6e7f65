"""The engine's tunable numbers, kept as data (``matching/data/engine_weights.json``).

A learned set (e.g. fitted on SBIR dev) is another file of the same shape: ``Weights.from_json(path)``.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from matching.engine.parts import PART_NAMES
from matching.engine.structured import StructuredParams

DEFAULT_PATH = Path(__file__).resolve().parent.parent / "data" / "engine_weights.json"
PARTS = PART_NAMES  # every part's values, from the one list of parts (``matching.engine.parts``)


@dataclass(frozen=True)
class ExposureParams:
    """``penalty`` × min(1, count / ``cap``) comes off the score of a supplier shown ``count`` times
    recently; at most ``max_overexposed`` suppliers at or past ``cap`` stay in one top-k."""

    penalty: float = 0.1
    cap: int = 20
    max_overexposed: int = 2


@dataclass(frozen=True)
class Weights:
    parts: Mapping[str, float]
    lexical_scale: float = 0.5
    bm25: tuple[float, float] = (1.2, 0.75)  # k1, b of the word index (and of the past-project index)
    dense_floor: Mapping[str, float] = field(default_factory=lambda: {"default": 0.0})
    lexical_candidates: int = 100
    dense_candidates: int = 100
    max_df_ratio: float | None = 0.1
    exposure: ExposureParams = field(default_factory=ExposureParams)
    structured: StructuredParams = field(default_factory=StructuredParams)

    def __post_init__(self) -> None:
        unknown = set(self.parts) - set(PARTS)
        if unknown:
            raise ValueError(f"unknown score parts {sorted(unknown)}")
        if any(w < 0 for w in self.parts.values()) or sum(self.parts.values()) <= 0:
            raise ValueError("part weights must be non-negative and not all zero")

    @property
    def normalised(self) -> dict[str, float]:
        """Weights of every part, summing to 1 (missing parts weigh 0)."""
        total = sum(self.parts.values())
        return {p: self.parts.get(p, 0.0) / total for p in PARTS}

    def floor(self, embedder_name: str) -> float:
        return self.dense_floor.get(embedder_name, self.dense_floor.get("default", 0.0))

    def with_ksic_section(self, ksic_section: Mapping[str, str]) -> Weights:
        return replace(self, structured=replace(self.structured, ksic_section=dict(ksic_section)))

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Weights:
        cand = data.get("candidates", {})
        exp = data.get("exposure", {})
        st = data.get("structured", {})
        structured = StructuredParams(
            ksic_levels=tuple(st.get("ksic_levels", StructuredParams.ksic_levels)),
            own_code_factor=float(st.get("own_code_factor", StructuredParams.own_code_factor)),
            linked_hub=float(st.get("linked_hub", StructuredParams.linked_hub)),
            decay_km=float(st.get("decay_km", StructuredParams.decay_km)),
            budget_share=tuple(st.get("budget_share", StructuredParams.budget_share)),
            capacity_per_slot=float(st.get("capacity_per_slot", StructuredParams.capacity_per_slot)),
            neutral=float(st.get("neutral", StructuredParams.neutral)),
        )
        return cls(
            parts={str(k): float(v) for k, v in data["parts"].items()},
            lexical_scale=float(data.get("lexical_scale", 0.5)),
            bm25=(float(data.get("bm25", {}).get("k1", 1.2)), float(data.get("bm25", {}).get("b", 0.75))),
            dense_floor={str(k): float(v) for k, v in data.get("dense_floor", {"default": 0.0}).items()},
            lexical_candidates=int(cand.get("lexical", 100)),
            dense_candidates=int(cand.get("dense", 100)),
            max_df_ratio=cand.get("max_df_ratio", 0.1),
            exposure=ExposureParams(
                penalty=float(exp.get("penalty", 0.1)),
                cap=int(exp.get("cap", 20)),
                max_overexposed=int(exp.get("max_overexposed", 2)),
            ),
            structured=structured,
        )

    def to_dict(self) -> dict[str, Any]:
        st = self.structured
        return {
            "parts": dict(self.parts),
            "lexical_scale": self.lexical_scale,
            "bm25": {"k1": self.bm25[0], "b": self.bm25[1]},
            "dense_floor": dict(self.dense_floor),
            "candidates": {
                "lexical": self.lexical_candidates,
                "dense": self.dense_candidates,
                "max_df_ratio": self.max_df_ratio,
            },
            "exposure": {
                "penalty": self.exposure.penalty,
                "cap": self.exposure.cap,
                "max_overexposed": self.exposure.max_overexposed,
            },
            "structured": {
                "ksic_levels": list(st.ksic_levels),
                "own_code_factor": st.own_code_factor,
                "linked_hub": st.linked_hub,
                "decay_km": st.decay_km,
                "budget_share": list(st.budget_share),
                "capacity_per_slot": st.capacity_per_slot,
                "neutral": st.neutral,
            },
        }

    @classmethod
    def from_json(cls, path: str | Path = DEFAULT_PATH) -> Weights:
        return cls.from_dict(json.loads(Path(path).read_text(encoding="utf-8")))


def default_weights() -> Weights:
    return Weights.from_json(DEFAULT_PATH)
