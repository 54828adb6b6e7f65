"""Helpers shared by the programme tests."""

from __future__ import annotations

import threading

from django.db import connections


def parallel(fn, n: int = 2) -> list[BaseException]:
    """Run `fn` in `n` threads released together; the exceptions they raised."""
    errors: list[BaseException] = []
    barrier = threading.Barrier(n)

    def run() -> None:
        try:
            barrier.wait()
            fn()
        except BaseException as exc:
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run) for _ in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return errors
