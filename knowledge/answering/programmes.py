"""Which programme a quote is from, and whether pages for different programmes answer differently.

A question that names no action, period or tool ("Når er fristen for sluttrapporten?") can be answered by
pages that read alike but are for different programmes: 60 days for KA210, 90 days for KA220. The answer
then says which programme each quote is from, and where the pages give different values, it shows both.
Only pages whose title names what they are about count: a general page that mentions an action in passing
is not that action's page.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from core.language import Language
from knowledge.answering.messages import action_name, text
from knowledge.page_facts import Facts, facts_of
from knowledge.text.question_words import AMOUNT, NUMBER, TIME, AnswerCue, asked_cues

# The kinds of answer that are values: two pages that give different ones disagree.
_VALUE_CUES = (TIME, AMOUNT, NUMBER)
_DIGITS = re.compile(r"\d+")


def programme_facts(page: Facts, title: str) -> Facts:
    """A page's facts when its title names an action, tool or period; none for a general page."""
    return Facts() if facts_of(title).empty else page


def _signature(facts: Facts) -> tuple[frozenset[str], bool, bool, frozenset[str]]:
    return facts.actions, facts.old_period, facts.new_period, facts.tools


def differ(pages: Iterable[Facts]) -> bool:
    """Whether ``pages`` are about at least two different programmes (actions, periods or tools); pages
    about no programme in particular do not count, so a corpus of one programme never differs."""
    return len({_signature(facts) for facts in pages if not facts.empty}) > 1


def same_programme(first: Facts, second: Facts) -> bool:
    """Whether two pages are about the same programme (both about none counts as the same)."""
    return _signature(first) == _signature(second)


def label(facts: Facts, language: Language) -> str | None:
    """The programme a page is about as the answer names it ("KA210 (småskalapartnerskap)"), or None."""
    if facts.actions:
        return _joined([_action(code, language) for code in sorted(facts.actions)], language)
    if facts.tools:
        return _joined(sorted(facts.tools), language)
    if facts.old_period != facts.new_period:
        return text("period_old" if facts.old_period else "period_new", language)
    return None


def _action(code: str, language: Language) -> str:
    name = action_name(code, language)
    return f"{code} ({name})" if name else code


def _joined(names: list[str], language: Language) -> str:
    if len(names) == 1:
        return names[0]
    return f"{', '.join(names[:-1])} {text('and', language)} {names[-1]}"


def applies_to(facts: Facts, language: Language) -> str | None:
    """ "Dette gjelder KA210 (småskalapartnerskap)." for a programme's page, None for a general page."""
    programme = label(facts, language)
    return text("applies_to", language, programme=programme) if programme else None


def _values(cue: AnswerCue, quote: str) -> frozenset[str]:
    """The values of kind ``cue`` that ``quote`` gives ("60 dager", "120 000 euro", "3")."""
    found = frozenset(_DIGITS.findall(quote)) if cue.digits else frozenset()
    if cue.pattern is not None:
        found |= {" ".join(match.group(0).lower().split()) for match in cue.pattern.finditer(quote)}
    return found


def disagree(question: str, first: str, second: str) -> bool:
    """Whether two quotes both give the kind of value ``question`` asks for (a time, an amount, a number),
    and give different ones."""
    for cue in asked_cues(question):
        if cue not in _VALUE_CUES:
            continue
        ours, theirs = _values(cue, first), _values(cue, second)
        if ours and theirs and ours != theirs:
            return True
    return False
