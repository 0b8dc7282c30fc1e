"""What a guidance page says about itself, and what a question says about the project it concerns.

HK-dir's guidance holds many pages that read almost alike: the same reporting steps for another action
(KA229 school exchange partnerships, KA210 small-scale partnerships, KA220 cooperation partnerships, …),
another programme period or another tool (Mobility Tool+ before 2021, the Beneficiary Module since), and
archived versions of current pages. These facts let the retriever prefer the page that fits the question.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

_CODE = re.compile(r"\bKA\s?-?(\d{3})\b", re.IGNORECASE)
# A project number such as 2023-1-NO01-KA210-SCH-000123456: the call year and the action.
_PROJECT = re.compile(r"\b(20\d\d)-\d-[A-Z]{2}\d\d-KA(\d{3})", re.IGNORECASE)
_ARCHIVED = re.compile(r"\b(arkivert|arkivert side|archived)\b", re.IGNORECASE)
_PERIOD_OLD = re.compile(
    r"2014\s*[–-]\s*2020|forrige programperiode|previous programme period", re.IGNORECASE
)
_PERIOD_NEW = re.compile(r"2021\s*[–-]\s*2027", re.IGNORECASE)
# The action each name of an action stands for (Bokmål, Nynorsk and English spellings, lower case).
ACTION_NAMES = {
    "KA229": ("skoleutvekslingspartnerskap", "school exchange partnership"),
    "KA210": ("småskalapartnerskap", "småskalapartnarskap", "small-scale partnership"),
    "KA220": ("samarbeidspartnerskap", "samarbeidspartnarskap", "cooperation partnership"),
    "KA201": ("strategisk partnerskap", "strategiske partnerskap", "strategic partnership"),
    "KA121": ("akkreditert mobilitet", "accredited mobility"),
    "KA122": ("kortvarig mobilitet", "kortvarige mobilitet", "short-term mobility"),
}
_TOOLS = {"mobility tool": "Mobility Tool+", "beneficiary module": "Beneficiary Module"}
_FIRST_NEW_CALL = 2021


@dataclass(frozen=True)
class Facts:
    """Actions, programme period and tools a text names; for a page also whether it is archived."""

    actions: frozenset[str] = frozenset()
    old_period: bool = False
    new_period: bool = False
    tools: frozenset[str] = frozenset()
    archived: bool = False
    updated: date | None = None

    @property
    def empty(self) -> bool:
        """True when the text names no action, period or tool."""
        return not (self.actions or self.old_period or self.new_period or self.tools)


def facts_of(text: str, *, updated: date | None = None) -> Facts:
    """The facts ``text`` states (a page's title and text, or a question)."""
    lowered = text.lower()
    actions = {f"KA{code}" for code in _CODE.findall(text)}
    actions |= {code for code, names in ACTION_NAMES.items() if any(name in lowered for name in names)}
    old, new = bool(_PERIOD_OLD.search(text)), bool(_PERIOD_NEW.search(text))
    for year, code in _PROJECT.findall(text):
        actions.add(f"KA{code}")
        old, new = old or int(year) < _FIRST_NEW_CALL, new or int(year) >= _FIRST_NEW_CALL
    return Facts(
        actions=frozenset(actions),
        old_period=old,
        new_period=new,
        tools=frozenset(tool for key, tool in _TOOLS.items() if key in lowered),
        archived=bool(_ARCHIVED.search(text)),
        updated=updated,
    )


def facts_for(question: str, project: str | None = None) -> Facts:
    """What a question is about: what it names itself, else what its project's number says (a question asked
    in a project's channel means that project's action and programme period unless it names another)."""
    named = facts_of(question)
    return facts_of(project) if named.empty and project else named


def page_facts(title: str, texts: Iterable[str], *, updated: date | None) -> Facts:
    """The facts of a page. The title names the page's own action; the body may mention others in passing,
    so when the title names an action, only the title's actions count."""
    body = facts_of(" ".join([title, *texts]), updated=updated)
    heading = facts_of(title)
    if heading.actions:
        return Facts(
            actions=heading.actions,
            old_period=body.old_period,
            new_period=body.new_period,
            tools=body.tools,
            archived=body.archived,
            updated=updated,
        )
    return body


def fit(question: Facts, page: Facts) -> int:
    """How well a page fits what the question says: +1 when they share an action or a tool the question
    names, -1 when the question names an action (or a period) the page is clearly not about, else 0."""
    if question.actions and page.actions:
        return 1 if question.actions & page.actions else -1
    if question.tools and page.tools:
        return 1 if question.tools & page.tools else -1
    if (question.old_period and page.new_period and not page.old_period) or (
        question.new_period and page.old_period and not page.new_period
    ):
        return -1
    return 0
