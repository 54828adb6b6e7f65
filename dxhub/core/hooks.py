"""How a lower floor lets higher apps react or contribute without importing them.

A `Hook` is a named event that a writer announces; it reaches its subscribers after the transaction
commits (so a background task reads what was saved, and nothing runs for a write that rolled back).
`Contributions` is a list of parts a lower floor shows or counts and higher apps supply: a panel on a
company page, a column of hub figures, a section of a person's data download.

Both are filled in `AppConfig.ready()` of the app that reacts or contributes; the writer never learns
who listens. See docs/ARCHITECTURE.md, "Floors".
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from django.db import transaction

Receiver = Callable[..., object]


class Hook:
    """An event named for what happened (`need_saved`), announced by the app that owns the write."""

    def __init__(self, name: str) -> None:
        self.name = name
        self._receivers: list[Receiver] = []

    def subscribe(self, receiver: Receiver) -> Receiver:
        # ready() may run twice in some test runners; one receiver is called once per announcement.
        if receiver not in self._receivers:
            self._receivers.append(receiver)
        return receiver

    def announce(self, **payload: Any) -> None:
        """Calls every receiver with `payload` once the current transaction commits (at once outside one)."""
        receivers = list(self._receivers)
        transaction.on_commit(lambda: [receiver(**payload) for receiver in receivers])

    @property
    def receivers(self) -> tuple[Receiver, ...]:
        return tuple(self._receivers)

    def __repr__(self) -> str:
        return f"Hook({self.name!r}, {len(self._receivers)} receivers)"


class Contributions[T]:
    """Parts that higher apps add to something a lower floor owns, kept in the order they were added."""

    def __init__(self, name: str) -> None:
        self.name = name
        self._items: dict[str, T] = {}

    def add(self, key: str, item: T) -> T:
        """Adds (or replaces, when ready() runs again) the part called `key`."""
        self._items[key] = item
        return item

    def __iter__(self) -> Iterator[T]:
        return iter(list(self._items.values()))

    def items(self) -> list[tuple[str, T]]:
        return list(self._items.items())

    def __repr__(self) -> str:
        return f"Contributions({self.name!r}, {list(self._items)})"
