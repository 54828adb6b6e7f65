"""Exposure control: keep a few much-shown suppliers from crowding every shortlist.

The caller passes how often each supplier was shown recently (e.g. shortlist appearances in the last
30 days). Two rules, both deterministic (ties by id):

1. a penalty of ``penalty * min(1, count / cap)`` comes off the score;
2. at most ``max_overexposed`` suppliers with ``count >= cap`` stay in the top ``k``; the others move
   just below the first ``k`` (they are still listed when there is nothing else).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from matching.engine.weights import ExposureParams


def exposure_penalty(count: int, params: ExposureParams) -> float:
    if count <= 0 or params.cap <= 0:
        return 0.0
    return params.penalty * min(1.0, count / params.cap)


def rerank(
    scored: Sequence[tuple[str, float]],
    exposure: Mapping[str, int] | None,
    params: ExposureParams,
    k: int,
) -> list[tuple[str, float, float]]:
    """(id, adjusted score, penalty) best first, with both rules applied for a top ``k``."""
    counts = exposure or {}
    adjusted = []
    for item_id, score in scored:
        penalty = exposure_penalty(counts.get(item_id, 0), params)
        adjusted.append((item_id, score - penalty, penalty))
    adjusted.sort(key=lambda t: (-t[1], t[0]))
    if not counts or params.cap <= 0:
        return adjusted
    head: list[tuple[str, float, float]] = []
    deferred: list[tuple[str, float, float]] = []
    crowded = 0
    for item in adjusted:
        if len(head) >= k:
            deferred.append(item)
            continue
        if counts.get(item[0], 0) >= params.cap:
            if crowded >= params.max_overexposed:
                deferred.append(item)
                continue
            crowded += 1
        head.append(item)
    # Deferred rows keep their order; fill an unfilled head with them (nothing else is left).
    rest = sorted(deferred, key=lambda t: (counts.get(t[0], 0) >= params.cap, -t[1], t[0]))
    return head + rest
