"""What a question word asks for, and the words that show a passage gives that kind of answer.

"Hvorfor"/"why" asks for a reason ("derfor", "because"), "hvem"/"who" for a role, "hvor mange"/"how many"
for a number, "når"/"when" for a time. Question words are stop words, so without this table the reason
or the role a question asks for would be invisible to both search and answer selection.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class AnswerCue:
    """One kind of answer: the question words that ask for it and words that give it."""

    asks: tuple[str, ...]
    gives: tuple[str, ...]
    search: bool = False  # whether the giving words may also steer the search (only when they are rare)
    digits: bool = False  # whether a digit in a sentence also gives it


REASON = AnswerCue(
    asks=("hvorfor", "why"),
    gives=("derfor", "fordi", "prinsipp", "therefore", "because", "principle", "so that", "målet"),
    search=True,
)
NUMBER = AnswerCue(
    asks=("hvor mange", "how many", "number of", "antall"),
    gives=("tre", "three", "minst", "at least", "to ", "two "),
    digits=True,
)
ROLE = AnswerCue(
    asks=("hvem", "who"),
    gives=("koordinator", "coordinator", "partner", "hk-dir", "kommisjonen", "commission", " vi ", " we "),
)
TIME = AnswerCue(
    asks=("når", "when", "frist", "deadline", "how long", "hvor lang"),
    gives=("innen", "within", "dager", "days", "dato", "date"),
)
CUES = (REASON, NUMBER, ROLE, TIME)


def asked_cues(question: str) -> tuple[AnswerCue, ...]:
    """The kinds of answer ``question`` asks for."""
    asked = f" {question.lower()} "
    return tuple(cue for cue in CUES if any(f" {word}" in asked for word in cue.asks))


def gives(cue: AnswerCue, text: str) -> bool:
    """Whether ``text`` gives the kind of answer ``cue`` stands for."""
    found = f" {text.lower()} "
    return any(word in found for word in cue.gives) or (cue.digits and any(char.isdigit() for char in found))


def search_hints(question: str) -> str:
    """Words to add to the search for a question that asks for a reason, as one text."""
    return " ".join(word for cue in asked_cues(question) if cue.search for word in cue.gives)
