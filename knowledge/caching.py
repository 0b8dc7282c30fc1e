"""Bounded in-process caches: a dict that keeps its newest entries."""

from __future__ import annotations

from typing import TypeVar

K = TypeVar("K")
V = TypeVar("V")

CACHE_SIZE = 4096


def bounded_put(cache: dict[K, V], key: K, value: V, *, size: int = CACHE_SIZE) -> None:
    """Put ``value`` in ``cache`` and drop the oldest entries beyond ``size``."""
    cache[key] = value
    while len(cache) > size:
        cache.pop(next(iter(cache)))
