"""How relevant a whole page is to a question, from the scores of its passages.

Among many pages that read alike (the same reporting section for other actions and years), one passage
rarely tells the page that answers from its copies; the page that holds several passages about the question
does. A page's relevance is the sum of its best passages' fused scores among the pooled ones, over the best
page's: each passage then carries a share of its page's evidence.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

# How many of a page's passages count: enough to tell a page about the question from a page that mentions it.
PAGE_PASSAGES = 3


def page_relevance(
    scores: Mapping[str, float], page_of: Callable[[str], str], *, passages: int = PAGE_PASSAGES
) -> dict[str, float]:
    """Each group's page relevance, 0..1: the sum of the ``passages`` best ``scores`` on its page over the best
    page's sum (``page_of``: the page a group is on)."""
    by_page: dict[str, list[float]] = {}
    for group, score in scores.items():
        by_page.setdefault(page_of(group), []).append(score)
    sums = {page: sum(sorted(found, reverse=True)[:passages]) for page, found in by_page.items()}
    best = max(sums.values(), default=0.0)
    if best <= 0:
        return {group: 0.0 for group in scores}
    return {group: max(0.0, sums[page_of(group)]) / best for group in scores}
