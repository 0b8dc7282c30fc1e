"""What to quote for the sentence that answers best: its short paragraph or list item, the items a lead-in
introduces, or the sentence with what it needs to be understood."""

from __future__ import annotations

from knowledge.answering.units import Unit

FOLLOWING_ITEMS = 4  # items quoted after a lead-in that ends with a colon
_SHORT_SENTENCE = 60  # a sentence this short is quoted with the next one
_WHOLE_BLOCK = 300  # a paragraph or list item this short is quoted whole
# A sentence that opens like this leans on the one before it ("Then the coordinator marks …"), or names what
# it is about only by a pronoun ("Ho inneheld …", "They must …"), whose noun is in the sentence before.
_BACK_REFERENCES = (
    "deretter", "da ", "dette", "derfor", "i så fall", "her ", "then", "this ", "therefore", "here ",
    "ho ", "hun ", "han ", "dei ", "denne ", "disse ", "desse ", "slike ",
    "she ", "he ", "they ", "these ", "those ", "such ",
)  # fmt: skip


def _expand(units: list[Unit], index: int) -> list[str]:
    """A sentence with what it needs: the one it refers back to, what it introduces, or its answer."""
    sentence = units[index].sentence
    picked = [sentence]
    if index > 0 and sentence.lower().startswith(_BACK_REFERENCES):
        picked.insert(0, units[index - 1].sentence)
    if sentence.rstrip().endswith("?") and index + 1 < len(units):
        picked.append(units[index + 1].sentence)  # the page asks the question itself; its answer follows
    elif len(sentence) < _SHORT_SENTENCE and index + 1 < len(units):
        picked.append(units[index + 1].sentence)
    return picked


def excerpt_text(blocks: list[str], units: list[Unit], index: int) -> list[str]:
    """What to quote for the best sentence: its whole paragraph or list item when that is short, with
    the items a lead-in ("… three steps:") introduces; else the sentence with what it needs."""
    number = units[index].block
    block = blocks[number]
    if units[index].sentence.rstrip().endswith(":"):  # a lead-in: what it introduces is the answer
        return [units[index].sentence, *blocks[number + 1 : number + 1 + FOLLOWING_ITEMS]]
    if len(block) > _WHOLE_BLOCK:
        return _expand(units, index)
    if block.rstrip().endswith(":"):
        return [block, *blocks[number + 1 : number + 1 + FOLLOWING_ITEMS]]
    if len(block) < _SHORT_SENTENCE and number + 1 < len(blocks):
        return [block, blocks[number + 1]]
    return [block]
