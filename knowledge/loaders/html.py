"""Loader for saved HTML pages.

Navigation, headers, footers, forms, scripts and similar chrome are dropped; sections start at ``h2``
and ``h3``; paragraphs, list items and stray text become blocks.
"""

from __future__ import annotations

from datetime import date

from bs4 import BeautifulSoup, NavigableString, Tag
from bs4.element import PreformattedString

from core.language import Language
from knowledge.loaders.chrome import is_page_chrome
from knowledge.loaders.dates import parse_date, parse_last_updated
from knowledge.loaders.document import Metadata, build_document
from knowledge.loaders.language_guess import LanguageDetector, language_from_code
from knowledge.loaders.sections import SectionBuilder, normalise_space
from knowledge.loaders.source import SourceFile
from knowledge.models import Document, Section

_INVISIBLE_TAGS = ("script", "style", "noscript", "template", "svg", "iframe")
_CHROME_TAGS = (*_INVISIBLE_TAGS, "nav", "aside", "form", "figcaption")
_PAGE_FRAME_TAGS = ("header", "footer")
_SECTION_TAGS = frozenset({"h1", "h2", "h3"})
_MINOR_HEADING_TAGS = frozenset({"h4", "h5", "h6"})
_TEXT_BLOCK_TAGS = frozenset({"p", "pre", "dt", "dd", "summary", "caption", "address"})
_LIST_TAGS = frozenset({"ul", "ol"})
_CONTAINER_TAGS = frozenset({"div", "section", "article", "main", "body", "blockquote", "figure", "details"})
_TABLE_TAGS = frozenset({"table", "thead", "tbody", "tfoot", "tr", "td", "th"})
_OTHER_BLOCK_TAGS = frozenset({"li", "dl", "header", "footer", "hr"})
_BLOCK_TAGS = (
    _SECTION_TAGS
    | _MINOR_HEADING_TAGS
    | _TEXT_BLOCK_TAGS
    | _LIST_TAGS
    | _CONTAINER_TAGS
    | _TABLE_TAGS
    | _OTHER_BLOCK_TAGS
)


def load_html(source: SourceFile, *, detect: LanguageDetector) -> Document:
    """Load a UTF-8 HTML page.

    Args:
        source: The file to load.
        detect: Finds the language when ``<html lang>`` does not name a supported one.

    Returns:
        The parsed document, with the canonical URL when the page declares one.

    Raises:
        UnreadableDocumentError: If the file is not UTF-8 text or has no content.
    """
    soup = BeautifulSoup(source.text(), "html.parser")
    _drop_chrome(soup)
    h1 = soup.find("h1")
    title_tag = h1 if isinstance(h1, Tag) else None
    title = _title(soup, title_tag) or source.path.stem
    walker = _Walker(SectionBuilder(title), title_tag=title_tag)
    walker.walk(soup.body or soup)
    metadata = Metadata(
        url=_canonical_url(soup),
        language=_declared_language(soup),
        updated=walker.updated or _meta_modified(soup),
    )
    return build_document(source, title=title, sections=walker.sections(), metadata=metadata, detect=detect)


def _drop_chrome(soup: BeautifulSoup) -> None:
    """Remove chrome in place; headers and footers inside ``main`` or ``article`` belong to the content."""
    for tag in soup.find_all(_CHROME_TAGS):
        tag.decompose()
    for tag in soup.find_all(_PAGE_FRAME_TAGS):
        if not tag.decomposed and tag.find_parent(["main", "article"]) is None:
            tag.decompose()
    for br in soup.find_all("br"):
        br.replace_with(" ")


def _title(soup: BeautifulSoup, title_tag: Tag | None) -> str:
    if title_tag is not None and (text := _text_of(title_tag)):
        return text
    return normalise_space(soup.title.get_text()) if soup.title else ""


def _canonical_url(soup: BeautifulSoup) -> str | None:
    link = soup.find("link", rel="canonical")
    meta = soup.find("meta", attrs={"property": "og:url"})
    for tag, attribute in ((link, "href"), (meta, "content")):
        if isinstance(tag, Tag) and (value := tag.get(attribute)):
            return str(value).strip()
    return None


def _declared_language(soup: BeautifulSoup) -> Language | None:
    root = soup.find("html")
    code = root.get("lang") if isinstance(root, Tag) else None
    return language_from_code(str(code)) if code else None


def _meta_modified(soup: BeautifulSoup) -> date | None:
    meta = soup.find("meta", attrs={"property": "article:modified_time"})
    value = meta.get("content") if isinstance(meta, Tag) else None
    return parse_date(str(value)[:10]) if value else None


def _text_of(tag: Tag) -> str:
    """The visible text of a tag, whitespace collapsed, with a space at each block boundary inside it."""
    return normalise_space(_raw_text(tag))


def _raw_text(tag: Tag) -> str:
    parts: list[str] = []
    for node in tag.descendants:
        if isinstance(node, Tag) and node.name in _BLOCK_TAGS:
            parts.append(" ")
        elif isinstance(node, NavigableString) and not isinstance(node, PreformattedString):
            parts.append(str(node))
    return "".join(parts)


class _Walker:
    """Walks the content tree in reading order and feeds headings and blocks to a section builder."""

    def __init__(self, builder: SectionBuilder, *, title_tag: Tag | None) -> None:
        self._builder = builder
        self._title_tag = title_tag
        self.updated: date | None = None

    def sections(self) -> tuple[Section, ...]:
        """The sections collected by `walk`."""
        return self._builder.build()

    def walk(self, container: Tag) -> None:
        """Visit a container's children; runs of inline content between blocks become one block."""
        run: list[str] = []
        for child in list(container.children):
            if isinstance(child, PreformattedString):
                continue
            if isinstance(child, NavigableString):
                run.append(str(child))
            elif isinstance(child, Tag) and child.name not in _BLOCK_TAGS and child.find(_BLOCK_TAGS) is None:
                run.append(_raw_text(child))
            elif isinstance(child, Tag):
                self._add("".join(run))
                run = []
                self._visit(child)
        self._add("".join(run))

    def _visit(self, tag: Tag) -> None:
        if tag is self._title_tag:
            return
        if tag.name in _SECTION_TAGS:
            self._builder.start(_text_of(tag))
        elif tag.name in _MINOR_HEADING_TAGS or tag.name in _TEXT_BLOCK_TAGS or tag.name == "li":
            self._add(_text_of(tag))
        elif tag.name in _LIST_TAGS:
            self._list(tag)
        else:
            self.walk(tag)

    def _list(self, tag: Tag) -> None:
        number = _start_number(tag)
        for item in tag.find_all("li", recursive=False):
            nested = [
                inner.extract() for inner in item.find_all(_LIST_TAGS) if inner.find_parent("li") is item
            ]
            text = _text_of(item)
            self._add(f"{number}. {text}" if tag.name == "ol" and text else text)
            number += 1
            for inner in nested:
                self._list(inner)

    def _add(self, text: str) -> None:
        block = normalise_space(text)
        if not block or is_page_chrome(block):
            return
        found = parse_last_updated(block)
        if found is not None:
            self.updated = self.updated or found
            return
        self._builder.add(block)


def _start_number(tag: Tag) -> int:
    start = tag.get("start")
    return int(str(start)) if start is not None and str(start).isdigit() else 1
