"""Loader for plain-text pages, such as the saved HK-dir guidance pages.

Layout is inferred: the first line is the title, short stand-alone lines are headings, lines starting with
a bullet or a number are list items, and other runs of lines are paragraphs.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from knowledge.loaders.chrome import contact_box_start, is_page_chrome
from knowledge.loaders.dates import split_last_updated
from knowledge.loaders.document import Metadata, build_document
from knowledge.loaders.language_guess import LanguageDetector
from knowledge.loaders.sections import SectionBuilder, list_item_text, normalise_space
from knowledge.loaders.source import SourceFile
from knowledge.models import Document, Section

_MAX_HEADING_LENGTH = 80
_SENTENCE_ENDINGS = (".", ":", "?", "!", ";", ",")


@dataclass(frozen=True)
class ParsedText:
    """The structure found in a plain text.

    Attributes:
        title: The document title.
        sections: Sections in reading order; the text before the first heading sits under the title.
        updated: The date from a "last updated" line, if any.
    """

    title: str
    sections: tuple[Section, ...]
    updated: date | None


def load_text(source: SourceFile, *, detect: LanguageDetector) -> Document:
    """Load a UTF-8 plain-text file.

    Args:
        source: The file to load.
        detect: Finds the language of the text.

    Returns:
        The parsed document (no URL: plain text does not carry one).

    Raises:
        UnreadableDocumentError: If the file is not UTF-8 text or has no content.
    """
    parsed = parse_text(source.text(), fallback_title=source.path.stem)
    return build_document(
        source,
        title=parsed.title,
        sections=parsed.sections,
        metadata=Metadata(updated=parsed.updated),
        detect=detect,
    )


def parse_text(text: str, *, fallback_title: str, title: str | None = None) -> ParsedText:
    """Find the title, sections, blocks and last-updated date in a plain text.

    Args:
        text: The whole text.
        fallback_title: Title to use when the text has no lines at all.
        title: A title known from elsewhere (for example PDF metadata); when the text starts with the
            same line, that line is not repeated as content.

    Returns:
        The parsed structure.
    """
    lines, updated = _strip_chrome(text.splitlines())
    groups = [part for group in _line_groups(lines) for part in _split_at_sentence_ends(group)]
    title, groups = _take_title(groups, title=title, fallback=fallback_title)
    builder = SectionBuilder(title)
    after_heading = True
    for index, group in enumerate(groups):
        has_next = index + 1 < len(groups)
        if not after_heading and has_next and _is_heading(group):
            builder.start(group[0])
            after_heading = True
            continue
        for block in _group_blocks(group):
            builder.add(block)
        after_heading = False
    return ParsedText(title=title, sections=_without_chrome_sections(builder.build()), updated=updated)


def _is_sentence(line: str) -> bool:
    return normalise_space(line).endswith(_SENTENCE_ENDINGS)


def _split_at_sentence_ends(group: list[str]) -> list[list[str]]:
    """A run of lines cut where a line ends a sentence and the next opens one, and around a short line
    with no end punctuation between two such cuts (a heading saved without blank lines around it)."""
    parts: list[list[str]] = []
    current: list[str] = []
    for index, line in enumerate(group):
        following = group[index + 1] if index + 1 < len(group) else ""
        opens = following[:1].isupper() or following[:1].isdigit()
        lone_heading = (
            not current
            and following
            and not _is_sentence(line)
            and len(normalise_space(line)) <= _MAX_HEADING_LENGTH
            and list_item_text(line) is None
            and (not parts or _is_sentence(parts[-1][-1]))
        )
        current.append(line)
        # A short last line with no end punctuation stays with its paragraph: a heading needs text below it.
        substantial = (
            index + 2 < len(group) or _is_sentence(following) or len(following) > _MAX_HEADING_LENGTH
        )
        cut = following and _is_sentence(line) and opens and substantial and list_item_text(following) is None
        if cut or lone_heading:
            parts.append(current)
            current = []
    if current:
        parts.append(current)
    return parts


def _without_chrome_sections(sections: tuple[Section, ...]) -> tuple[Section, ...]:
    """Sections without a block that repeats their heading, and without the leading sections that hold
    only short non-sentences (site names and taglines above the page's own text)."""
    kept: list[Section] = []
    for section in sections:
        blocks = tuple(b for b in section.blocks if normalise_space(b).lower() != section.heading.lower())
        if not blocks:
            continue
        if not kept and all(len(b) <= _MAX_HEADING_LENGTH and not _is_sentence(b) for b in blocks):
            continue
        kept.append(Section(heading=section.heading, blocks=blocks))
    return tuple(kept) or sections


def _strip_chrome(lines: list[str]) -> tuple[list[str], date | None]:
    """Blank out page chrome (see :mod:`knowledge.loaders.chrome`) and "last updated" lines; return the
    date found."""
    updated: date | None = None
    cleaned: list[str] = []
    for line in lines:
        found = split_last_updated(line)
        if found is not None:
            updated = updated or found.date
            line = found.rest
        elif is_page_chrome(line):
            line = ""
        cleaned.append(line.rstrip())
    box = contact_box_start(cleaned)
    return (cleaned[:box] if box is not None else cleaned), updated


def _line_groups(lines: list[str]) -> list[list[str]]:
    """Split lines into runs of non-blank lines."""
    groups: list[list[str]] = []
    current: list[str] = []
    for line in lines:
        if line.strip():
            current.append(line)
        elif current:
            groups.append(current)
            current = []
    if current:
        groups.append(current)
    return groups


def _take_title(groups: list[list[str]], *, title: str | None, fallback: str) -> tuple[str, list[list[str]]]:
    """Choose the title and remove its line from the content when the text starts with it."""
    if not groups:
        return title or fallback, groups
    first_line = normalise_space(groups[0][0])
    if title is not None and normalise_space(title) != first_line:
        return title, groups
    rest = [groups[0][1:], *groups[1:]] if len(groups[0]) > 1 else groups[1:]
    return first_line, rest


def _is_heading(group: list[str]) -> bool:
    """A heading is a short stand-alone line that does not read like a sentence, item or address."""
    if len(group) != 1:
        return False
    line = normalise_space(group[0])
    return (
        0 < len(line) <= _MAX_HEADING_LENGTH
        and not line.endswith(_SENTENCE_ENDINGS)
        and list_item_text(group[0]) is None
        and "@" not in line
        and "://" not in line
    )


def _group_blocks(group: list[str]) -> list[str]:
    """Turn a run of lines into blocks: one per list item, one per paragraph between items."""
    blocks: list[str] = []
    current: list[str] = []
    in_item = False
    for line in group:
        item = list_item_text(line)
        continues_item = in_item and line[:1].isspace()
        if current and (item is not None or in_item != continues_item):
            blocks.append(" ".join(current))
            current = []
        if item is not None:
            current.append(item)
            in_item = True
        else:
            current.append(line)
            in_item = continues_item
    blocks.append(" ".join(current))
    return [normalise_space(block) for block in blocks]
