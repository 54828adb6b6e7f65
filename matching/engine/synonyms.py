"""Synonym folding over analysed terms: AI / 인공지능 / 에이아이 → one index term, both ways.

The groups are data (``matching/data/synonyms.tsv``). Each variant is run through the same analyser
as the texts (``matching.text.analyze``), so whatever kiwi makes of "비전검사" or "machine vision",
the variant and the text agree. A one-term variant maps that term to the group's canonical term; a
variant of several terms maps the run of terms (the terms themselves stay, and the canonical term is
added once).

Kiwi emits a noun compound after its parts ("머신비전" → 머신, 비전, 머신비전); ``split_compounds``
tells the parts from those compounds so that runs are matched on the parts and a compound that only
repeats a matched run is not counted twice.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from matching.text import analyze

DEFAULT_PATH = Path(__file__).resolve().parent.parent / "data" / "synonyms.tsv"
MAX_PHRASE = 5


def split_compounds(terms: Sequence[str]) -> tuple[list[str], list[tuple[int, str]]]:
    """(parts, compounds): a compound is a term equal to the two parts just before it, written right
    after the second; it comes back with the index of its second part."""
    parts: list[str] = []
    compounds: list[tuple[int, str]] = []
    previous_was_part = False
    for term in terms:
        if previous_was_part and len(parts) >= 2 and term == parts[-2] + parts[-1]:
            compounds.append((len(parts) - 1, term))
            previous_was_part = False
        else:
            parts.append(term)
            previous_was_part = True
    return parts, compounds


@dataclass(frozen=True)
class SynonymGroup:
    canonical: str
    variants: tuple[str, ...]

    @property
    def label(self) -> str:
        """How the concept is shown to people: the group's first variant."""
        return self.variants[0] if self.variants else self.canonical


@dataclass
class Synonyms:
    """Term and phrase maps built from synonym groups; ``normalise`` applies them to analysed terms."""

    groups: list[SynonymGroup]
    digest: str = ""
    terms: dict[str, str] = field(default_factory=dict)
    phrases: dict[tuple[str, ...], str] = field(default_factory=dict)
    labels: dict[str, str] = field(default_factory=dict)

    @classmethod
    def from_groups(
        cls,
        groups: Sequence[SynonymGroup],
        *,
        digest: str = "",
        analyzer: Callable[[str], list[str]] = analyze,
    ) -> Synonyms:
        """Build the maps; a term claimed by two groups is an error (the data must be unambiguous)."""
        self = cls(list(groups), digest=digest)
        for group in groups:
            canonical = group.canonical
            self.labels[canonical] = group.label
            self._claim(canonical, canonical)
            for variant in group.variants:
                parts, _ = split_compounds(analyzer(variant))
                if not parts:
                    continue
                if len(parts) == 1:
                    if parts[0].endswith("다") and not variant.endswith("다"):
                        raise ValueError(f"synonym variant {variant!r} is read as the predicate {parts[0]!r}")
                    self._claim(parts[0], canonical)
                else:
                    if len(parts) > MAX_PHRASE:
                        raise ValueError(f"synonym variant {variant!r} is longer than {MAX_PHRASE} terms")
                    key = tuple(parts)
                    if self.phrases.get(key, canonical) != canonical:
                        raise ValueError(f"phrase {variant!r} is in two groups")
                    self.phrases[key] = canonical
                    self._claim("".join(parts), canonical)
        return self

    def _claim(self, term: str, canonical: str) -> None:
        owner = self.terms.get(term)
        if owner is not None and owner != canonical:
            raise ValueError(f"term {term!r} is in groups {owner!r} and {canonical!r}")
        self.terms[term] = canonical

    @classmethod
    def from_tsv(cls, path: str | Path = DEFAULT_PATH) -> Synonyms:
        """Read ``canonical<TAB>variant | variant | ...`` lines; ``#`` starts a comment line."""
        raw = Path(path).read_bytes()
        groups: list[SynonymGroup] = []
        for line in raw.decode("utf-8").splitlines():
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            canonical, _, rest = line.partition("\t")
            variants = tuple(v.strip() for v in rest.split("|") if v.strip())
            groups.append(SynonymGroup(canonical.strip().lower(), variants))
        return cls.from_groups(groups, digest=hashlib.sha256(raw).hexdigest()[:16])

    def canonical(self, term: str) -> str:
        return self.terms.get(term, term)

    def label(self, term: str) -> str:
        """A canonical term as people write it ("ai" → "AI"); other terms unchanged."""
        return self.labels.get(term, term)

    def normalise(self, terms: Sequence[str]) -> list[str]:
        """Analysed terms with every variant folded to its canonical term (a bag of terms).

        A trailing period is dropped first: kiwi reads "MES." at a sentence end as one foreign word."""
        terms = [t.rstrip(".") if t.endswith(".") and len(t) > 1 else t for t in terms]
        parts, compounds = split_compounds(terms)
        out = [self.terms.get(t, t) for t in parts]
        covered: dict[int, str] = {}
        if self.phrases:
            for i in range(len(parts)):
                for length in range(min(MAX_PHRASE, len(parts) - i), 1, -1):
                    canonical = self.phrases.get(tuple(parts[i : i + length]))
                    if canonical is None:
                        continue
                    run = parts[i : i + length]
                    if covered.get(i) != canonical and all(self.terms.get(t) != canonical for t in run):
                        out.append(canonical)
                    for j in range(i, i + length):
                        covered[j] = canonical
                    break
        for second, term in compounds:
            mapped = self.terms.get(term, term)
            if covered.get(second) == mapped and covered.get(second - 1) == mapped:
                continue  # the run of parts already produced this canonical term
            out.append(mapped)
        return out


@cache
def default_synonyms() -> Synonyms:
    """The packaged synonym groups (read and analysed once per process)."""
    return Synonyms.from_tsv(DEFAULT_PATH)
