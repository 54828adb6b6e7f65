"""Reference data preloaded into dicts, and the cell converters every import column uses.

A 10,000-row file must not cost 10,000 queries: every KSIC code, region, capability and hub is
read once per import and looked up in memory.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from django.db.models import TextChoices
from django.utils import translation

from dxhub.hubs.models import Hub
from dxhub.reference.models import Capability, KsicCode, Region


def norm(text: str) -> str:
    """Spacing and case never distinguish two values an operator writes."""
    return re.sub(r"\s+", "", text).lower()


def sido_short(name: str) -> str:
    """경상남도 → 경남, 서울특별시 → 서울, 강원도 → 강원: the short forms hub sheets use."""
    name = norm(name)
    if re.match(r"^(충청|전라|경상)[남북]", name):
        return name[0] + name[2]
    return name[:2]


@dataclass
class Reference:
    """Everything an import row is checked against, loaded once."""

    ksic: dict[str, str] = field(default_factory=dict)  # code → name
    capabilities: dict[str, Capability] = field(default_factory=dict)  # name/slug (normalised) → capability
    capability_by_id: dict[int, Capability] = field(default_factory=dict)
    hubs: dict[str, Hub] = field(default_factory=dict)  # name/slug/English name (normalised) → hub
    hub_by_id: dict[int, Hub] = field(default_factory=dict)
    regions: dict[str, Region] = field(default_factory=dict)  # code → region
    sido: dict[str, str] = field(default_factory=dict)  # name or short name → code
    sigungu: dict[tuple[str, str], list[Region]] = field(default_factory=dict)  # (sido code, name) → regions
    sigungu_anywhere: dict[str, list[Region]] = field(default_factory=dict)  # name → regions

    @classmethod
    def load(cls) -> Reference:
        ref = cls()
        ref.ksic = dict(KsicCode.objects.values_list("code", "name"))
        for cap in Capability.objects.all():
            ref.capability_by_id[cap.pk] = cap
            for key in (cap.slug, cap.name_ko, cap.name_en):
                ref.capabilities.setdefault(norm(key), cap)
        for hub in Hub.objects.all():
            ref.hub_by_id[hub.pk] = hub
            for key in (hub.slug, hub.name, hub.name_en):
                if key:
                    ref.hubs.setdefault(norm(key), hub)
        for region in Region.objects.all():
            ref.regions[region.code] = region
            if region.level == Region.Level.SIDO:
                ref.sido[norm(region.name)] = region.code
                ref.sido.setdefault(sido_short(region.name), region.code)
            else:
                ref.sigungu.setdefault((region.code[:2], norm(region.name)), []).append(region)
                ref.sigungu_anywhere.setdefault(norm(region.name), []).append(region)
        return ref

    def sido_code(self, name: str) -> str | None:
        return self.sido.get(norm(name)) or self.sido.get(sido_short(name))

    def find_sigungu(self, sido_name: str, sigungu_name: str) -> list[Region]:
        """Candidate 시군구 for the names written; one candidate is a match."""
        key = norm(sigungu_name)
        if sido_name:
            code = self.sido_code(sido_name)
            if code is None:
                return []
            exact = self.sigungu.get((code, key), [])
            if exact:
                return exact
            # '성산구' for '창원시성산구': a unique suffix within the province is enough.
            return [r for (c, n), rs in self.sigungu.items() if c == code and n.endswith(key) for r in rs]
        return self.sigungu_anywhere.get(key, [])

    def ksic_code(self, raw: str) -> str | None:
        """The stored code for `raw`; Excel drops the leading zero of numeric cells (01110 → 1110)."""
        code = raw.strip().upper()
        if code in self.ksic:
            return code
        if code.isdigit() and code.zfill(len(code) + 1) in self.ksic:
            return code.zfill(len(code) + 1)
        return None


def choice_map(choices: type[TextChoices], extra: dict[str, str] | None = None) -> dict[str, str]:
    """Written value → stored value: the stored value, its label in either language, common Korean words."""
    mapping: dict[str, str] = {}
    for member in choices:
        mapping[norm(member.value)] = member.value
        for language in ("en", "ko"):
            with translation.override(language):
                mapping.setdefault(norm(str(member.label)), member.value)
    for written, value in (extra or {}).items():
        mapping[norm(written)] = value
    return mapping


def split_list(text: str) -> list[str]:
    """'29199; 25,2611' → ['29199', '25', '2611']: separated by ; , or line breaks."""
    return [part.strip() for part in re.split(r"[;,\n]", text) if part.strip()]


def parse_int(text: str) -> int:
    """'1,234', '1234명', '85.0' → an integer; anything else raises ValueError."""
    cleaned = re.sub(r"[,\s]|명$|개월$|년$", "", text)
    if re.fullmatch(r"-?\d+(\.0+)?", cleaned):
        return int(float(cleaned)) if "." in cleaned else int(cleaned)
    raise ValueError(text)


_UNITS = {"조": 10**12, "억": 10**8, "천만": 10**7, "백만": 10**6, "만": 10**4, "천": 10**3}
_MONEY_PART = re.compile(r"(\d+(?:\.\d+)?)(조|억|천만|백만|만|천)?")


def parse_won(text: str) -> int:
    """Korean money as people write it: '3,000만원', '1억', '1억 5천만 원', '6,300,000,000원' → won."""
    cleaned = re.sub(r"[,\s]|원$|₩|krw", "", text.lower())
    if not cleaned:
        raise ValueError(text)
    total = 0
    position = 0
    for match in _MONEY_PART.finditer(cleaned):
        if match.start() != position:
            raise ValueError(text)
        number, unit = match.groups()
        if unit is None and match.end() != len(cleaned):
            raise ValueError(text)
        total += round(float(number) * _UNITS.get(unit or "", 1))
        position = match.end()
    if position != len(cleaned):
        raise ValueError(text)
    return total
