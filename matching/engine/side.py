"""One side of the market (suppliers or needs): profiles by row, their BM25 and vector indexes, and
the columns the hard filters read.

Rows are append-only: a replaced profile gets a new row and its old row is removed everywhere (the
lexical index drops it from its statistics, the vector index deletes it). Profiles are kept without
their free text (the terms and the vector carry it), and repeated strings are shared, so a million
generated suppliers stay within memory.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, Literal

import numpy as np
import numpy.typing as npt

from matching.engine.columns import Columns
from matching.engine.evidence import ReferenceIndex, phrases
from matching.engine.lexical import LexicalIndex
from matching.engine.profiles import (
    Filters,
    NeedProfile,
    Profile,
    ReferenceSummary,
    SupplierProfile,
    dumps_profile,
    need_from_json,
    supplier_from_json,
)
from matching.engine.structured import EARTH_RADIUS_KM
from matching.vectors import VectorIndex

Kind = Literal["supplier", "need"]
BoolArray = npt.NDArray[np.bool_]
FloatMatrix = npt.NDArray[np.float32]


def capabilities_of(profile: Profile) -> frozenset[str]:
    return profile.capabilities if isinstance(profile, SupplierProfile) else profile.required_capabilities


class Side:
    """Profiles of one kind with their indexes. ``exact_threshold`` etc. go to the ``VectorIndex``."""

    def __init__(
        self,
        kind: Kind,
        dim: int,
        *,
        exact_threshold: int = 20_000,
        merge_ratio: float = 0.1,
        bm25: tuple[float, float] = (1.2, 0.75),
    ) -> None:
        self.kind = kind
        self.dim = dim
        self.exact_threshold = exact_threshold
        self.merge_ratio = merge_ratio
        self.bm25 = bm25

    def reset(self) -> None:
        self.ids_: list[str | None] = []
        self.rows_: dict[str, int] = {}
        self.profiles_: list[Profile | None] = []
        self.text_keys_: list[bytes] = []
        k1, b = self.bm25
        self.lexical_ = LexicalIndex(k1, b, merge_ratio=self.merge_ratio)
        self.lexical_.index([])
        self.phrases_ = LexicalIndex(merge_ratio=self.merge_ratio)
        self.phrases_.index([])
        self.references_ = ReferenceIndex(k1, b, merge_ratio=self.merge_ratio)
        self.vectors_ = VectorIndex(self.dim, exact_threshold=self.exact_threshold)
        self.vectors_.add(np.zeros(0, dtype=np.int64), np.zeros((0, self.dim), dtype=np.float32))
        self.columns_ = Columns()
        self._strings: dict[str, str] = {}

    def __len__(self) -> int:
        return len(self.rows_)

    @property
    def n_rows(self) -> int:
        return len(self.ids_)

    def row_of(self, profile_id: str) -> int | None:
        return self.rows_.get(profile_id)

    def profile(self, row: int) -> Profile:
        p = self.profiles_[row]
        if p is None:
            raise KeyError(f"row {row} was removed")
        return p

    def live_profiles(self) -> Iterable[Profile]:
        return (p for p in self.profiles_ if p is not None)

    # -- writing --------------------------------------------------------------------------------
    def add(
        self,
        profiles: Sequence[Profile],
        terms: Sequence[Sequence[str]],
        vectors: FloatMatrix,
        text_keys: Sequence[bytes],
        *,
        references: Sequence[Sequence[Sequence[str]]] | None = None,
        bulk: bool = False,
    ) -> list[int]:
        """Append profiles (replacing any with the same id); returns their rows.

        ``terms`` must be in reading order (phrases are built from them); ``references[i]`` holds
        profile i's past projects as documents (``matching.engine.evidence.reference_document``).
        ``bulk`` defers the postings merge and the quantiser training to ``finish_bulk``."""
        self.remove([p.id for p in profiles if p.id in self.rows_])
        first = self.n_rows
        rows = list(range(first, first + len(profiles)))
        for row, profile, key in zip(rows, profiles, text_keys, strict=True):
            if profile.id in self.rows_:
                raise ValueError(f"duplicate id {profile.id!r} in one batch")
            self.rows_[profile.id] = row
            self.ids_.append(profile.id)
            self.profiles_.append(self._stripped(profile))
            self.text_keys_.append(key)
        phrase_docs = [phrases(t) for t in terms]
        if bulk:
            self.lexical_.append(rows, terms)
            self.phrases_.append(rows, phrase_docs)
        else:
            self.lexical_.add(rows, terms)
            self.phrases_.add(rows, phrase_docs)
        self.references_.add(rows, references if references is not None else [()] * len(rows), bulk=bulk)
        self.vectors_.add(np.asarray(rows, dtype=np.int64), vectors, defer_training=bulk)
        self.columns_.extend(profiles)
        return rows

    def finish_bulk(self) -> None:
        self.lexical_.rebuild()
        self.phrases_.rebuild()
        self.references_.rebuild()
        if self.vectors_.needs_training():
            self.vectors_.train()

    def remove(self, ids: Iterable[str]) -> list[int]:
        rows = [self.rows_.pop(i) for i in ids if i in self.rows_]
        for row in rows:
            self.ids_[row] = None
            self.profiles_[row] = None
        self.lexical_.remove(rows)
        self.phrases_.remove(rows)
        self.references_.remove(rows)
        self.vectors_.remove(np.asarray(rows, dtype=np.int64))
        return rows

    def _intern(self, s: str) -> str:
        return self._strings.setdefault(s, s)

    def _stripped(self, profile: Profile) -> Profile:
        if isinstance(profile, SupplierProfile):
            refs = tuple(ReferenceSummary(r.id, self._intern(r.text), r.ksic) for r in profile.references)
            return dataclasses.replace(profile, text="", references=refs)
        return dataclasses.replace(profile, text="")

    def vector_batches(self, size: int) -> Iterator[tuple[list[str], FloatMatrix]]:
        """Every live (id, vector), ``size`` at a time, for an external vector store."""
        for lst in self.vectors_.lists_:
            for start in range(0, lst.n, size):
                end = min(lst.n, start + size)
                ids = [self.ids_[k] for k in lst.keys[start:end].tolist()]
                live = [n for n, i in enumerate(ids) if i is not None]  # removed rows leave the index too
                yield [str(ids[n]) for n in live], lst.vecs[start:end][live]

    # -- hard filters ---------------------------------------------------------------------------
    def filter_mask(self, filters: Filters, origin: tuple[float | None, float | None]) -> BoolArray | None:
        """Rows that pass every hard filter (``None`` when there is no filter)."""
        if filters.empty:
            return None
        mask = self.lexical_.alive_[: self.n_rows].copy()
        cols = self.columns_
        if filters.hubs is not None:
            wanted = [cols.hubs[h] for h in filters.hubs if h in cols.hubs]
            mask &= np.isin(cols.hub.view, np.asarray(wanted, dtype=np.int32))
        if filters.radius_km is not None:
            center = filters.center or origin
            if center[0] is None or center[1] is None:
                mask[:] = False
            else:
                mask &= self.within(float(center[0]), float(center[1]), filters.radius_km, mask)
        if filters.capabilities:
            required, unknown = cols.capability_mask(filters.capabilities)
            if unknown:
                mask[:] = False
            else:
                mask &= np.all((cols.caps.view & required) == required, axis=1)
        for profile_id in filters.exclude:
            row = self.rows_.get(profile_id)
            if row is not None:
                mask[row] = False
        return mask

    def restriction(self, mask: BoolArray | None) -> tuple[list[str] | None, list[str]]:
        """The hard filters as ids for an external store: (allowed, excluded), whichever list is
        shorter (the other side is ``None`` or empty). A need's own company alone excludes one id."""
        if mask is None:
            return None, []
        alive = self.lexical_.alive_[: self.n_rows]
        allowed = np.flatnonzero(mask[: self.n_rows] & alive)
        denied = np.flatnonzero(alive & ~mask[: self.n_rows])
        if allowed.size <= denied.size:
            return [str(self.ids_[r]) for r in allowed.tolist()], []
        return None, [str(self.ids_[r]) for r in denied.tolist()]

    def within(self, lat: float, lon: float, radius_km: float, candidates: BoolArray) -> BoolArray:
        """Rows whose centroid is within ``radius_km`` (rows without coordinates are not)."""
        out = np.zeros(self.n_rows, dtype=bool)
        band = radius_km / 111.0 + 0.01  # a degree of latitude is ~111 km: cheap first cut
        lats, lons = self.columns_.lat.view, self.columns_.lon.view
        rows = np.flatnonzero(candidates & (np.abs(lats - lat) <= band))
        if rows.size == 0:
            return out
        p1, p2 = np.radians(lat), np.radians(lats[rows])
        dl = np.radians(lons[rows] - lon)
        h = np.sin((p2 - p1) / 2) ** 2 + np.cos(p1) * np.cos(p2) * np.sin(dl / 2) ** 2
        dist = 2 * EARTH_RADIUS_KM * np.arcsin(np.minimum(1.0, np.sqrt(h)))
        out[rows[dist <= radius_km]] = True
        return out

    # -- persistence ----------------------------------------------------------------------------
    def save(self, directory: Path) -> None:
        """Write the side; the BM25 delta is merged first, so a loaded copy scores exactly alike."""
        self.lexical_.rebuild()
        self.phrases_.rebuild()
        directory.mkdir(parents=True, exist_ok=True)
        with (directory / "profiles.jsonl").open("w", encoding="utf-8") as fh:
            for p in self.profiles_:
                fh.write("null\n" if p is None else dumps_profile(p) + "\n")
        keys = np.frombuffer(b"".join(self.text_keys_), dtype=np.uint8).reshape(-1, 12)
        np.save(directory / "text_keys.npy", keys, allow_pickle=False)
        meta = {"kind": self.kind, "dim": self.dim, "exact_threshold": self.exact_threshold}
        (directory / "side.json").write_text(json.dumps(meta), encoding="utf-8")
        self.lexical_.save(directory / "lexical")
        self.phrases_.save(directory / "phrases")
        (directory / "references").mkdir(exist_ok=True)
        self.references_.save(directory / "references")
        self.vectors_.save(directory / "vectors")

    @classmethod
    def load(cls, directory: Path) -> Side:
        meta = json.loads((directory / "side.json").read_text(encoding="utf-8"))
        self = cls(meta["kind"], int(meta["dim"]), exact_threshold=int(meta["exact_threshold"]))
        self.reset()
        parse = supplier_from_json if self.kind == "supplier" else need_from_json
        profiles: list[Profile] = []
        with (directory / "profiles.jsonl").open(encoding="utf-8") as fh:
            for row, line in enumerate(fh):
                data: Any = json.loads(line)
                profile = None if data is None else self._stripped(parse(data))
                self.profiles_.append(profile)
                self.ids_.append(None if profile is None else profile.id)
                if profile is not None:
                    self.rows_[profile.id] = row
                    profiles.append(profile)
                else:
                    profiles.append(
                        SupplierProfile("", "") if self.kind == "supplier" else NeedProfile("", "")
                    )
        self.text_keys_ = [k.tobytes() for k in np.load(directory / "text_keys.npy", allow_pickle=False)]
        self.lexical_ = LexicalIndex.load(directory / "lexical")
        self.bm25 = (self.lexical_.k1, self.lexical_.b)
        self.phrases_ = LexicalIndex.load(directory / "phrases")
        self.references_ = ReferenceIndex.load(directory / "references")
        self.vectors_ = VectorIndex.load(directory / "vectors")
        self.columns_.extend(profiles)
        return self
