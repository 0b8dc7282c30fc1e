"""Bounded caches keep their newest entries."""

from __future__ import annotations

from knowledge.caching import bounded_put


def test_the_oldest_entries_go_first_beyond_the_size() -> None:
    cache: dict[str, int] = {}
    for number, key in enumerate("abcd"):
        bounded_put(cache, key, number, size=3)

    assert cache == {"b": 1, "c": 2, "d": 3}


def test_putting_a_known_key_replaces_its_value_without_dropping_others() -> None:
    cache = {"a": 0, "b": 1}

    bounded_put(cache, "a", 5, size=2)

    assert cache == {"a": 5, "b": 1}
