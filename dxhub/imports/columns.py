"""The columns an import reads, as the kinds declare them (`dxhub.companies.columns`,
`dxhub.needs.columns`): one list per kind feeds the template, the import and the export.
"""

from __future__ import annotations

from dxhub.companies.columns import COMPANY_COLUMNS as COMPANY_LIST
from dxhub.needs.columns import NEED_COLUMNS as NEED_LIST

# canonical header → other spellings seen in hub spreadsheets (spacing and case never matter).
COMPANY_COLUMNS: dict[str, tuple[str, ...]] = COMPANY_LIST.aliases()
COMPANY_REQUIRED = COMPANY_LIST.required()
COMPANY_TEMPLATE_HEADERS = COMPANY_LIST.template_headers()
COMPANY_EXAMPLE = COMPANY_LIST.template_example()

NEED_COLUMNS: dict[str, tuple[str, ...]] = NEED_LIST.aliases()
NEED_REQUIRED = NEED_LIST.required()
# Columns an exported needs list has that an import reads past on purpose.
NEED_IGNORED = NEED_LIST.ignored()
NEED_TEMPLATE_HEADERS = NEED_LIST.template_headers()
NEED_EXAMPLE = NEED_LIST.template_example()


def normalize_header(text: str) -> str:
    """'사업자 등록번호 *' and '사업자등록번호' are the same column: no spaces, marks or case."""
    return "".join(text.split()).replace("*", "").lower()


def alias_map(columns: dict[str, tuple[str, ...]]) -> dict[str, str]:
    """Normalised spelling → canonical header."""
    mapping: dict[str, str] = {}
    for canonical, aliases in columns.items():
        for spelling in (canonical, *aliases):
            mapping.setdefault(normalize_header(spelling), canonical)
    return mapping
