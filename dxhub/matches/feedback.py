"""Journey events as judgements of the engine's suggestions, for learning its fusion weights.

A supplier's gain for a need is the furthest step the pair reached (`GAIN`); a dismissal or a decline
with nothing further is a judged 0, as is a supplier only viewed. The part scores are the engine's for
that pair today (`MatchEngine.reciprocal`), so a replay learns what the parts should weigh, not what they
were at the time.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace

from dxhub.collab.models import JourneyEvent
from dxhub.collab.selectors import TrackRecord, track_records
from dxhub.matches import adapters, store
from dxhub.needs.models import Need
from matching.engine.learn import Group, LearnReport, cross_validate
from matching.engine.weights import PARTS

Kind = JourneyEvent.Kind
GAIN: dict[str, float] = {
    Kind.VIEWED: 0,
    Kind.DISMISSED: 0,
    Kind.DECLINED: 0,
    Kind.WITHDRAWN: 0,
    Kind.INTEREST: 1,
    Kind.BROKERED: 1,
    Kind.MUTUAL: 2,
    Kind.MEETING_PROPOSED: 2,
    Kind.MEETING_ACCEPTED: 2,
    Kind.MEETING_CANCELLED: 2,
    Kind.MEETING_HELD: 3,
    Kind.PROPOSAL: 3,
    Kind.CHANGES_REQUESTED: 3,
    Kind.AGREEMENT: 4,
    Kind.PROJECT: 4,
    Kind.COMPLETED: 4,
    Kind.VERIFIED: 5,
}


def judgements() -> dict[int, dict[int, float]]:
    """need id → supplier id → gain, from every labelled event."""
    best: dict[int, dict[int, float]] = defaultdict(dict)
    for need_id, supplier_id, kind in JourneyEvent.objects.values_list("need_id", "supplier_id", "kind"):
        gain = GAIN.get(kind, 0)
        if gain >= best[need_id].get(supplier_id, 0):
            best[need_id][supplier_id] = gain
    return best


def groups() -> list[Group]:
    judged = judgements()
    engine = store.engine()
    supplier_ids = {s for by_supplier in judged.values() for s in by_supplier}
    records = track_records(supplier_ids)
    profiles = {
        company.pk: adapters.supplier_profile(company, records.get(company.pk, TrackRecord()))
        for company in adapters.supplier_queryset().filter(pk__in=supplier_ids)
    }
    out = []
    # Closed needs count too: what people did before a need closed is still a judgement.
    needs = Need.objects.filter(pk__in=judged).select_related("company", "company__region", "hub")
    for need in needs.prefetch_related("required_capabilities", "hub__linked_hubs").order_by("pk"):
        nprofile = adapters.need_profile(need)
        pairs = [(sid, g) for sid, g in sorted(judged[need.pk].items()) if sid in profiles]
        parts = tuple(engine.reciprocal(nprofile, profiles[sid]).supplier_for_need.parts for sid, _g in pairs)
        out.append(Group(str(need.pk), parts, tuple(g for _sid, g in pairs)))
    return out


# The track record is built from these same verified outcomes: learning its weight from them would
# reward the label for predicting itself. It keeps its shipped share; the other parts share the rest.
HELD_OUT = ("track",)
LEARNED_PARTS = tuple(p for p in PARTS if p not in HELD_OUT)


def learn(folds: int = 5) -> LearnReport:
    shipped = store.engine().weights_.normalised
    report = cross_validate(groups(), LEARNED_PARTS, shipped, folds=folds)
    kept = sum(shipped[p] for p in HELD_OUT)
    weights = {p: w * (1 - kept) for p, w in report.weights.items()} | {p: shipped[p] for p in HELD_OUT}
    return replace(report, weights={p: weights[p] for p in PARTS})
