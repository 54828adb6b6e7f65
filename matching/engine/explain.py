"""Why a result is where it is, in Korean: shared terms and capabilities, the industry path, the
distance and hub relation, past similar projects, and each part's share of the score.

``Explanation`` keeps the facts as fields (for templates and the API) and ``text_ko`` as ready lines.
Names come from the adapter (``Names``): KSIC code → name, capability slug → name, hub slug → name.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from matching.engine.features import TextFeaturizer
from matching.engine.lexical import LexicalIndex
from matching.engine.parts import PART_LABELS as PARTS_LABELS
from matching.engine.profiles import SupplierProfile
from matching.engine.structured import CapabilityFit, KsicFit, RegionFit, StructuredFit

SIMILAR_PROJECTS_SHOWN = 2
SIMILAR_PROJECT_MIN = 0.05  # share of the need's ideal BM25 score

PART_LABELS = {**PARTS_LABELS, "exposure": "노출 조정"}  # each part names its values (``parts``)
LEVEL_LABELS = {
    "subclass": "같은 세세분류",
    "class": "같은 세분류",
    "group": "같은 소분류",
    "division": "같은 중분류",
    "section": "같은 대분류",
}


@dataclass(frozen=True)
class Names:
    """Display names the adapter supplies (all optional: codes are shown when a name is missing)."""

    ksic: Mapping[str, str] = field(default_factory=dict)  # "C", "29", "291", "2912", "29120" → name
    ksic_section: Mapping[str, str] = field(default_factory=dict)  # division "29" → section "C"
    capabilities: Mapping[str, str] = field(default_factory=dict)  # slug → Korean name
    hubs: Mapping[str, str] = field(default_factory=dict)  # slug → Korean name


@dataclass(frozen=True)
class SimilarProject:
    """A supplier's past project close to the need: its id, text, client industry and similarity."""

    id: str
    text: str
    ksic: str
    similarity: float


@dataclass(frozen=True)
class Explanation:
    shared_terms: tuple[str, ...]
    shared_capabilities: tuple[str, ...]
    missing_capabilities: tuple[str, ...]
    fit: StructuredFit
    ksic_path: tuple[str, ...]
    similar_projects: tuple[SimilarProject, ...]
    contributions: Mapping[str, float]  # part → weighted share; they sum to the match's score
    text_ko: tuple[str, ...]

    @property
    def distance_km(self) -> float | None:
        return self.fit.region.distance_km

    @property
    def hub_relation(self) -> str:
        return self.fit.region.relation


@dataclass(frozen=True)
class Match:
    """One ranked result: the counterpart's id, its score, the part scores (each in [0, 1]) and why."""

    id: str
    score: float
    parts: Mapping[str, float]
    explanation: Explanation | None = None


def readable_terms(terms: list[str], limit: int) -> tuple[str, ...]:
    """Terms worth showing: no single syllables, none contained in a longer term shown, at most ``limit``.

    One-syllable predicate stems (있다, 서다, 하다, 되다) rank in BM25 with a low weight, as they should,
    but they say nothing to a reader about why two firms fit, so they are left out of the reasons.
    """
    kept = [t for t in terms[: limit * 4] if len(t) > 1 and not _light_predicate(t)]
    kept = [t for t in kept if not any(t != o and t in o for o in kept)]
    return tuple(kept[:limit])


def _light_predicate(term: str) -> bool:
    return len(term) == 2 and term.endswith("다") and "가" <= term[0] <= "힣"


def format_won(won: int) -> str:
    """Money as a person reads it: 150,000,000 → "1.5억 원", 30,000,000 → "3,000만 원"."""
    if won >= 100_000_000:
        return f"{won / 100_000_000:,.1f}".rstrip("0").rstrip(".") + "억 원"
    if won >= 10_000:
        return f"{won // 10_000:,}만 원"
    return f"{won:,}원"


def ksic_path(code: str, depth: int, names: Names) -> tuple[str, ...]:
    """The KSIC path of ``code`` from its section down to ``depth`` digits (1 = section only)."""
    if not code:
        return ()
    steps: list[str] = []
    section = names.ksic_section.get(code[:2])
    if section:
        steps.append(f"{section} {names.ksic.get(section, '')}".strip())
    for digits in range(2, min(depth, len(code)) + 1):
        part = code[:digits]
        steps.append(f"{part} {names.ksic.get(part, '')}".strip())
    return tuple(steps)


def _ksic_line(fit: KsicFit, path: tuple[str, ...]) -> str | None:
    if fit.level in ("none", "unknown") or not path:
        return None
    where = "고객사 업종" if fit.source == "reference" else "자사 업종"
    line = f"업종 경험: {' › '.join(path)} ({where} {LEVEL_LABELS.get(fit.level, fit.level)}"
    if fit.references_same_division > 1:
        line += f", 같은 중분류 수행 {fit.references_same_division}건"
    return line + ")"


def _capability_line(fit: CapabilityFit, names: Names) -> str | None:
    if not fit.shared and not fit.missing:
        return None
    parts = []
    if fit.shared:
        parts.append("보유 " + ", ".join(names.capabilities.get(c, c) for c in fit.shared))
    if fit.missing:
        parts.append("부족 " + ", ".join(names.capabilities.get(c, c) for c in fit.missing))
    return "필요 역량: " + " / ".join(parts)


def _region_line(fit: RegionFit, hub: str, names: Names) -> str:
    where = {"same_hub": "같은 거점", "linked_hub": "연계 거점"}.get(fit.relation, "다른 거점")
    if fit.relation == "same_hub" and hub:
        where += f"({names.hubs.get(hub, hub)})"
    if fit.distance_km is not None:
        far = f"약 {fit.distance_km:,.0f}km" if fit.distance_km >= 1 else "1km 이내"
        return f"지역: {where} · {far}"
    return f"지역: {where}"


def _score_line(contributions: Mapping[str, float], score: float) -> str:
    shown = [f"{PART_LABELS.get(p, p)} {v:+.3f}" for p, v in contributions.items() if abs(v) >= 0.0005]
    return "점수 구성: " + " ".join(shown) + f" = {score:.3f}"


def build_explanation(
    *,
    fit: StructuredFit,
    shared_terms: tuple[str, ...],
    similar_projects: tuple[SimilarProject, ...],
    contributions: Mapping[str, float],
    score: float,
    supplier_hub: str,
    names: Names,
) -> Explanation:
    depth = {"subclass": 5, "class": 4, "group": 3, "division": 2, "section": 1}.get(fit.ksic.level, 0)
    path = ksic_path(fit.ksic.need_code, depth, names)
    lines: list[str] = []
    if shared_terms:
        lines.append("공통 용어: " + ", ".join(shared_terms))
    for line in (_capability_line(fit.capability, names), _ksic_line(fit.ksic, path)):
        if line:
            lines.append(line)
    lines.append(_region_line(fit.region, supplier_hub, names))
    for project in similar_projects:
        snippet = project.text if len(project.text) <= 60 else project.text[:60].rstrip() + "…"
        lines.append(f"유사 수행 사례: {snippet}")
    if fit.size.budget is not None and fit.size.comfortable is not None:
        low, high = fit.size.comfortable
        lines.append(
            f"규모·예산: 예산 {format_won(fit.size.budget)}, 적정 과제 규모 {format_won(low)}~{format_won(high)}"
        )
    if fit.capacity.open_engagements:
        lines.append(f"수행 여력: 진행 중인 과제 {fit.capacity.open_engagements}건")
    if fit.track.completed_projects or fit.track.rating is not None:
        rating = f", 평점 {fit.track.rating:.1f}" if fit.track.rating is not None else ""
        lines.append(f"수행 실적: 완료 과제 {fit.track.completed_projects}건{rating}")
    lines.append(_score_line(contributions, score))
    return Explanation(
        shared_terms=shared_terms,
        shared_capabilities=fit.capability.shared,
        missing_capabilities=fit.capability.missing,
        fit=fit,
        ksic_path=path,
        similar_projects=similar_projects,
        contributions=dict(contributions),
        text_ko=tuple(lines),
    )


def similar_projects(
    lexical: LexicalIndex, featurizer: TextFeaturizer, need_terms: Sequence[str], supplier: SupplierProfile
) -> tuple[SimilarProject, ...]:
    """The supplier's references whose text shares most with the need: BM25 of the need's terms
    against each reference (supplier-side statistics), over the need's ideal score."""
    if not supplier.references:
        return ()
    weights = lexical.query_weights(need_terms)
    ideal = sum(weights.values())
    if ideal <= 0:
        return ()
    ref_terms = featurizer.terms_many([r.text for r in supplier.references])
    scored = [
        SimilarProject(r.id, r.text, r.ksic, lexical.score_bag(weights, terms) / ideal)
        for r, terms in zip(supplier.references, ref_terms, strict=True)
    ]
    scored = [s for s in scored if s.similarity >= SIMILAR_PROJECT_MIN]
    scored.sort(key=lambda s: (-s.similarity, s.id))
    return tuple(scored[:SIMILAR_PROJECTS_SHOWN])
