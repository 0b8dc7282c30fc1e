"""Loader for Markdown files with YAML front matter, the format of the shipped knowledge base.

Front matter keys: ``id``, ``title``, ``url``, ``language``, ``updated``, ``translation_of`` and
``official`` (default true); other keys, such as ``notice``, are ignored.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

import frontmatter
import yaml

from knowledge.errors import UnreadableDocumentError
from knowledge.loaders.document import Metadata, build_document
from knowledge.loaders.front_matter import read_metadata
from knowledge.loaders.language_guess import LanguageDetector
from knowledge.loaders.sections import SectionBuilder, list_item_text, normalise_space
from knowledge.loaders.source import SourceFile
from knowledge.loaders.text import parse_text
from knowledge.models import Document, Section

_HEADING = re.compile(r"^ {0,3}(?P<marks>#{1,6})[ \t]+(?P<text>.*?)(?:[ \t]+#+)?[ \t]*$")
_FENCE = re.compile(r"^ {0,3}(?:```|~~~)")
_RULE = re.compile(r"^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_QUOTE = re.compile(r"^ {0,3}>[ \t]?")
_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_LINK = re.compile(r"\[(?P<text>[^\]]+)\]\(\s*<?(?P<url>[^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
_AUTOLINK = re.compile(r"<(?P<url>(?:https?://|mailto:)[^>\s]+)>")
_STRONG = re.compile(r"\*\*|__")
_SECTION_LEVELS = 3
# "Source: https://…" right under the title: where a saved page came from.
_SOURCE_LINE = re.compile(r"^\s*(?:source|kilde|url)\s*:\s*<?(?P<url>https?://[^\s>]+)>?\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class ParsedMarkdown:
    """The structure found in a Markdown body.

    Attributes:
        title: The document title.
        sections: Sections in reading order; the text before the first section heading sits under the title.
    """

    title: str
    sections: tuple[Section, ...]


def load_markdown(source: SourceFile, *, detect: LanguageDetector) -> Document:
    """Load a Markdown file with optional YAML front matter.

    Args:
        source: The file to load.
        detect: Finds the language when the front matter declares none.

    Returns:
        The parsed document.

    Raises:
        UnreadableDocumentError: If the file is not UTF-8, its front matter is malformed or it has no content.
    """
    try:
        post = frontmatter.loads(source.text())
    except yaml.YAMLError as exc:
        raise UnreadableDocumentError(source.path, f"malformed front matter ({exc})") from exc
    metadata, declared_title = read_metadata(post.metadata, path=source.path)
    lines = post.content.splitlines()
    if _is_saved_page(lines):
        return _load_saved_page(source, lines, metadata=metadata, title=declared_title, detect=detect)
    parsed = parse_markdown(post.content, title=declared_title, fallback_title=source.path.stem)
    return build_document(
        source, title=parsed.title, sections=parsed.sections, metadata=metadata, detect=detect
    )


def _is_saved_page(lines: list[str]) -> bool:
    """A web page saved as text under one "# Title" line: no other heading, so its layout is the text's."""
    headings = [line for line in lines if _HEADING.match(line)]
    return len(headings) == 1 and headings[0].startswith("# ") and not any(_FENCE.match(x) for x in lines)


def _load_saved_page(
    source: SourceFile, lines: list[str], *, metadata: Metadata, title: str | None, detect: LanguageDetector
) -> Document:
    """Read a saved page as plain text (headings inferred), with its "Source:" line as the URL."""
    start = next(index for index, line in enumerate(lines) if _HEADING.match(line))
    heading = _HEADING.match(lines[start])
    body = lines[start + 1 :]
    first = next((index for index, line in enumerate(body) if line.strip()), None)
    url = None
    if first is not None and (found := _SOURCE_LINE.match(body[first])):
        url, body = found.group("url"), body[first + 1 :]
    resolved = title or (clean_inline(heading.group("text")) if heading else source.path.stem)
    parsed = parse_text("\n".join(body), fallback_title=source.path.stem, title=resolved)
    metadata = replace(metadata, url=metadata.url or url, updated=metadata.updated or parsed.updated)
    return build_document(source, title=resolved, sections=parsed.sections, metadata=metadata, detect=detect)


def parse_markdown(body: str, *, fallback_title: str, title: str | None = None) -> ParsedMarkdown:
    """Split a Markdown body into sections at ``#``, ``##`` and ``###`` headings.

    The first H1, when it comes before any other heading, is the title heading and not a section.

    Args:
        body: The Markdown text without front matter.
        fallback_title: Title when neither ``title`` nor a heading is available.
        title: A title declared elsewhere (front matter); otherwise the first heading is used.

    Returns:
        The parsed structure.
    """
    lines = body.splitlines()
    resolved_title = title or _first_heading(lines) or fallback_title
    parser = _BodyParser(SectionBuilder(resolved_title))
    for line in lines:
        parser.feed(line)
    return ParsedMarkdown(title=resolved_title, sections=parser.finish())


def clean_inline(text: str) -> str:
    """Remove inline Markdown that should not reach a reader: images, link syntax and strong markers.

    ``[text](url)`` becomes ``text (url)``, or just ``text`` when the URL is the text.
    """
    text = _IMAGE.sub("", text)
    text = _LINK.sub(_render_link, text)
    text = _AUTOLINK.sub(lambda match: match.group("url"), text)
    return normalise_space(_STRONG.sub("", text))


def _render_link(match: re.Match[str]) -> str:
    text, url = match.group("text"), match.group("url")
    return text if url.removeprefix("mailto:") == text.strip() else f"{text} ({url})"


def _first_heading(lines: list[str]) -> str | None:
    in_fence = False
    for line in lines:
        if _FENCE.match(line):
            in_fence = not in_fence
        elif not in_fence and (match := _HEADING.match(line)):
            return clean_inline(match.group("text")) or None
    return None


class _BodyParser:
    """Feeds Markdown lines one at a time into a section builder."""

    def __init__(self, builder: SectionBuilder) -> None:
        self._builder = builder
        self._current: list[str] = []
        self._in_fence = False
        self._seen_heading = False

    def feed(self, line: str) -> None:
        """Consume one line of the body."""
        if _FENCE.match(line):
            self._flush()
            self._in_fence = not self._in_fence
        elif self._in_fence:
            self._current.append(line)
        elif heading := _HEADING.match(line):
            self._heading(len(heading.group("marks")), heading.group("text"))
        elif not line.strip() or _RULE.match(line):
            self._flush()
        else:
            self._text(_QUOTE.sub("", line))

    def finish(self) -> tuple[Section, ...]:
        """Return the sections collected from all lines."""
        self._flush()
        return self._builder.build()

    def _heading(self, level: int, text: str) -> None:
        self._flush()
        is_title = level == 1 and not self._seen_heading
        self._seen_heading = True
        if is_title:
            return
        if level <= _SECTION_LEVELS:
            self._builder.start(clean_inline(text))
        else:
            self._builder.add(clean_inline(text))

    def _text(self, line: str) -> None:
        item = list_item_text(line)
        if item is not None:
            self._flush()
            self._current.append(item)
        else:
            # A non-item line continues the open paragraph or list item (CommonMark lazy continuation).
            self._current.append(line)

    def _flush(self) -> None:
        if self._current:
            self._builder.add(clean_inline(" ".join(self._current)))
        self._current = []
