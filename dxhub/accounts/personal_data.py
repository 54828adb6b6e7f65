"""Parts of a person's data download and erasure that other apps hold (e.g. company contact records).

Accounts sit below every app that stores personal data, so each such app adds a `Section` to
`PERSONAL_DATA` in its `AppConfig.ready()`: what it holds about the person, and how to erase it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from dxhub.core.hooks import Contributions


@dataclass(frozen=True)
class Section:
    export: Callable[[Any], list[dict[str, Any]]]
    erase: Callable[[Any], None]


PERSONAL_DATA: Contributions[Section] = Contributions("personal data")
