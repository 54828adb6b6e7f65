"""Profile attributes as arrays by row: what the hard filters and the batch structured scores read.

``assess`` (``matching.engine.structured``) scores one pair in Python with all its facts; ranking a
need's few hundred candidates uses ``supplier_parts`` instead, the same formulas over these arrays
(a test holds the two equal). Arrays grow with spare capacity, so one upsert costs O(1) amortised.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

import numpy as np
import numpy.typing as npt

from matching.engine.profiles import NeedProfile, Profile, SupplierProfile
from matching.engine.structured import EARTH_RADIUS_KM, REVENUE_MID, REVENUE_PER_EMPLOYEE, StructuredParams

FloatArray = npt.NDArray[np.float64]
BoolArray = npt.NDArray[np.bool_]
CODE_WIDTH = 5  # KSIC sub-class digits


class _Growing:
    """A 1-D or 2-D array with spare rows; ``view`` is the filled part."""

    def __init__(self, dtype: Any, width: int = 0, fill: float = 0) -> None:
        shape = (0, width) if width else (0,)
        self.data: npt.NDArray[Any] = np.full(shape, fill, dtype=dtype)
        self.n = 0
        self.fill = fill

    @property
    def view(self) -> npt.NDArray[Any]:
        return self.data[: self.n]

    def extend(self, values: npt.ArrayLike) -> None:
        block = np.asarray(values, dtype=self.data.dtype)
        need = self.n + block.shape[0]
        if need > self.data.shape[0]:
            cap = max(need, int(self.data.shape[0] * 1.5) + 1024)
            grown = np.full((cap, *self.data.shape[1:]), self.fill, dtype=self.data.dtype)
            grown[: self.n] = self.data[: self.n]
            self.data = grown
        self.data[self.n : need] = block
        self.n = need

    def widen(self, width: int) -> None:
        if self.data.ndim == 2 and width > self.data.shape[1]:
            wider = np.zeros((self.data.shape[0], width), dtype=self.data.dtype)
            wider[:, : self.data.shape[1]] = self.data
            self.data = wider


def _revenue(p: SupplierProfile) -> float:
    revenue = REVENUE_MID.get(p.revenue_band)
    if revenue is None and p.employees:
        revenue = p.employees * REVENUE_PER_EMPLOYEE
    return math.nan if revenue is None else float(revenue)


class Columns:
    """Hub, place, capabilities and (for suppliers) size, load, track record and KSIC codes by row."""

    def __init__(self) -> None:
        self.hubs: dict[str, int] = {}
        self.capability_bits: dict[str, int] = {}
        self.divisions: dict[str, int] = {}  # 2-character KSIC prefix → id (for the section lookup)
        self.hub = _Growing(np.int32)
        self.linked = _Growing(np.uint64)  # bit h set: linked with hub h (hubs beyond 64 are not kept)
        self.lat = _Growing(np.float64)
        self.lon = _Growing(np.float64)
        self.caps = _Growing(np.uint64, width=1)
        self.revenue = _Growing(np.float64)
        self.employees = _Growing(np.float64)
        self.open = _Growing(np.float64)
        self.completed = _Growing(np.float64)
        self.rating = _Growing(np.float64)
        self.code_ptr = _Growing(np.int64)  # row r's codes are code_* [code_ptr[r] : code_ptr[r] + code_n[r]]
        self.code_n = _Growing(np.int32)
        self.code_chars = _Growing(np.uint32, width=CODE_WIDTH)
        self.code_len = _Growing(np.int8)
        self.code_division = _Growing(np.int32)
        self.code_is_ref = _Growing(np.bool_)

    def hub_id(self, hub: str) -> int:
        return self.hubs.setdefault(hub, len(self.hubs))

    def capability_mask(self, caps: frozenset[str]) -> tuple[npt.NDArray[np.uint64], int]:
        """Bit words of the known capabilities, and how many of ``caps`` are unknown here."""
        words = np.zeros(self.caps.data.shape[1], dtype=np.uint64)
        unknown = 0
        for cap in caps:
            bit = self.capability_bits.get(cap)
            if bit is None:
                unknown += 1
            else:
                words[bit // 64] |= np.uint64(1 << (bit % 64))
        return words, unknown

    def extend(self, profiles: Sequence[Profile]) -> None:
        for p in profiles:
            caps = p.capabilities if isinstance(p, SupplierProfile) else p.required_capabilities
            for cap in caps:
                self.capability_bits.setdefault(cap, len(self.capability_bits))
        self.caps.widen(max(1, math.ceil(len(self.capability_bits) / 64)))
        self.hub.extend([self.hub_id(p.hub) for p in profiles])
        self.linked.extend([self._linked_bits(p.linked_hubs) for p in profiles])
        self.lat.extend([math.nan if p.lat is None else p.lat for p in profiles])
        self.lon.extend([math.nan if p.lon is None else p.lon for p in profiles])
        self.caps.extend(
            np.stack([self.capability_mask(_caps(p))[0] for p in profiles])
            if profiles
            else np.zeros((0, self.caps.data.shape[1]), dtype=np.uint64)
        )
        suppliers = [p if isinstance(p, SupplierProfile) else SupplierProfile("", "") for p in profiles]
        nan = math.nan
        self.revenue.extend([_revenue(p) for p in suppliers])
        self.employees.extend([nan if p.employees is None else float(p.employees) for p in suppliers])
        self.open.extend([float(p.open_engagements) for p in suppliers])
        self.completed.extend([float(p.completed_projects) for p in suppliers])
        self.rating.extend([nan if p.rating is None else float(p.rating) for p in suppliers])
        for p in suppliers:
            codes = [(c, True) for c in p.reference_ksic if c] + [(c, False) for c in p.ksic_codes if c]
            self.code_ptr.extend([self.code_chars.n])
            self.code_n.extend([len(codes)])
            if codes:
                self.code_chars.extend([_chars(c) for c, _ in codes])
                self.code_len.extend([min(len(c), CODE_WIDTH) for c, _ in codes])
                self.code_division.extend(
                    [self.divisions.setdefault(c[:2], len(self.divisions)) for c, _ in codes]
                )
                self.code_is_ref.extend([ref for _, ref in codes])

    def _linked_bits(self, hubs: frozenset[str]) -> int:
        bits = 0
        for hub in hubs:
            h = self.hub_id(hub)
            if h < 64:
                bits |= 1 << h
        return bits


def _caps(p: Profile) -> frozenset[str]:
    return p.capabilities if isinstance(p, SupplierProfile) else p.required_capabilities


def _chars(code: str) -> list[int]:
    return [ord(ch) for ch in code[:CODE_WIDTH].ljust(CODE_WIDTH, "\0")]


def supplier_parts(
    need: NeedProfile, cols: Columns, rows: npt.NDArray[np.int64], params: StructuredParams
) -> dict[str, FloatArray]:
    """The six structured parts of ``need`` against supplier ``rows``, as ``assess`` computes them."""
    return {
        "ksic": _ksic(need, cols, rows, params),
        "capability": _capability(need, cols, rows, params),
        "region": _region(need, cols, rows, params),
        "size": _size(need, cols, rows, params),
        "capacity": _capacity(cols, rows, params),
        "track": _track(cols, rows, params),
    }


def _ksic(
    need: NeedProfile, cols: Columns, rows: npt.NDArray[np.int64], params: StructuredParams
) -> FloatArray:
    code = need.ksic_code
    if not code:
        return np.full(rows.shape[0], params.neutral)
    counts = cols.code_n.view[rows].astype(np.int64)
    starts = cols.code_ptr.view[rows]
    idx = np.repeat(starts - np.r_[0, np.cumsum(counts)[:-1]], counts) + np.arange(int(counts.sum()))
    owner = np.repeat(np.arange(rows.shape[0]), counts)
    chars = cols.code_chars.view[idx]
    width = np.minimum(cols.code_len.view[idx].astype(np.int64), min(len(code), CODE_WIDTH))
    equal = (chars == np.asarray(_chars(code), dtype=np.uint32)) & (np.arange(CODE_WIDTH) < width[:, None])
    digits = np.cumprod(equal, axis=1).sum(axis=1)
    section_of = np.full(len(cols.divisions) + 1, -1, dtype=np.int64)
    letters = {letter: i for i, letter in enumerate(sorted(set(params.ksic_section.values())))}
    for division, d in cols.divisions.items():
        section_of[d] = letters.get(params.ksic_section.get(division, ""), -1)
    need_section = letters.get(params.ksic_section.get(code[:2], ""), -2)
    same_section = section_of[cols.code_division.view[idx]] == need_section
    depth = np.where(digits >= 2, digits, np.where(same_section, 1, 0))
    levels = np.asarray((0.0, *params.ksic_levels))
    factor = np.where(cols.code_is_ref.view[idx], 1.0, params.own_code_factor)
    out = np.zeros(rows.shape[0])
    np.maximum.at(out, owner, levels[depth] * factor)
    return out


def _capability(
    need: NeedProfile, cols: Columns, rows: npt.NDArray[np.int64], params: StructuredParams
) -> FloatArray:
    required = need.required_capabilities
    mask, unknown = cols.capability_mask(required)
    offered = cols.caps.view[rows]
    shared = np.bitwise_count(offered & mask).sum(axis=1).astype(np.float64)
    offered_n = np.bitwise_count(offered).sum(axis=1).astype(np.float64)
    union = offered_n + len(required) - shared
    jaccard = np.divide(shared, union, out=np.zeros_like(shared), where=union > 0)
    if not required:
        return np.full(rows.shape[0], params.neutral)
    del unknown  # unknown capabilities are simply missing: they count in len(required)
    return 0.8 * (shared / len(required)) + 0.2 * jaccard


def _region(
    need: NeedProfile, cols: Columns, rows: npt.NDArray[np.int64], params: StructuredParams
) -> FloatArray:
    lat, lon = cols.lat.view[rows], cols.lon.view[rows]
    if need.lat is None or need.lon is None:
        by_distance = np.full(rows.shape[0], params.neutral * 0.6)
    else:
        p1, p2 = math.radians(need.lat), np.radians(lat)
        dl = np.radians(lon - need.lon)
        h = np.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * np.cos(p2) * np.sin(dl / 2) ** 2
        distance = 2 * EARTH_RADIUS_KM * np.arcsin(np.minimum(1.0, np.sqrt(h)))
        by_distance = np.where(np.isnan(distance), params.neutral * 0.6, np.exp(-distance / params.decay_km))
    hub = cols.hub.view[rows]
    if not need.hub:
        return by_distance
    need_hub = cols.hubs.get(need.hub, -1)
    empty = cols.hubs.get("", -2)
    same = hub == need_hub
    linked_ids = [cols.hubs[h] for h in need.linked_hubs if h in cols.hubs]
    linked = np.isin(hub, np.asarray(linked_ids, dtype=np.int32))
    if 0 <= need_hub < 64:
        linked |= (cols.linked.view[rows] & np.uint64(1 << need_hub)) != 0
    linked &= hub != empty
    return np.where(same, 1.0, np.where(linked, np.maximum(params.linked_hub, by_distance), by_distance))


def _size(
    need: NeedProfile, cols: Columns, rows: npt.NDArray[np.int64], params: StructuredParams
) -> FloatArray:
    bounds = [b for b in (need.budget_min, need.budget_max) if b]
    revenue = cols.revenue.view[rows]
    if not bounds:
        return np.full(rows.shape[0], params.neutral)
    budget = float(sum(bounds) // len(bounds))
    low = np.floor(revenue * params.budget_share[0])
    high = np.floor(revenue * params.budget_share[1])
    with np.errstate(divide="ignore", invalid="ignore"):
        bound = np.where(budget < low, low, high)
        outside = np.exp(-np.abs(np.log(budget / bound)) / math.log(4))
    score = np.where((low <= budget) & (budget <= high), 1.0, outside)
    return np.where(np.isnan(revenue), params.neutral, score)


def _capacity(cols: Columns, rows: npt.NDArray[np.int64], params: StructuredParams) -> FloatArray:
    employees = np.nan_to_num(cols.employees.view[rows], nan=0.0)
    slots = np.maximum(2.0, employees / params.capacity_per_slot)
    out: FloatArray = 1.0 / (1.0 + np.maximum(0.0, cols.open.view[rows]) / slots)
    return out


def _track(cols: Columns, rows: npt.NDArray[np.int64], params: StructuredParams) -> FloatArray:
    n = np.maximum(0.0, cols.completed.view[rows])
    rating = cols.rating.view[rows]
    quality = np.where(np.isnan(rating), 0.6, np.clip(rating / 5, 0.0, 1.0))
    score = 0.4 + 0.6 * (n / (n + 5)) * quality
    return np.where((n == 0) & np.isnan(rating), params.neutral, score)
