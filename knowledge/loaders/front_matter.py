"""Reading document metadata from a Markdown file's YAML front matter."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from pathlib import Path
from typing import Any

from core.language import Language
from knowledge.errors import UnreadableDocumentError
from knowledge.loaders.dates import parse_date
from knowledge.loaders.document import Metadata
from knowledge.loaders.language_guess import language_from_code


def read_metadata(front_matter: Mapping[str, Any], *, path: Path) -> tuple[Metadata, str | None]:
    """Validate the front matter keys the loaders use.

    Args:
        front_matter: The parsed YAML mapping.
        path: The file, for error messages.

    Returns:
        The metadata and the declared title (None when absent).

    Raises:
        UnreadableDocumentError: If a key holds a value of the wrong kind.
    """
    metadata = Metadata(
        doc_id=_optional_text(front_matter, "id", path=path),
        url=_optional_text(front_matter, "url", path=path),
        language=_language(front_matter.get("language"), path=path),
        updated=_updated(front_matter.get("updated"), path=path),
        translation_of=_optional_text(front_matter, "translation_of", path=path),
        official=_official(front_matter.get("official", True), path=path),
    )
    return metadata, _optional_text(front_matter, "title", path=path)


def _optional_text(front_matter: Mapping[str, Any], key: str, *, path: Path) -> str | None:
    value = front_matter.get(key)
    if value is None:
        return None
    if not isinstance(value, str | int | float) or isinstance(value, bool):
        raise UnreadableDocumentError(path, f"front matter '{key}' must be text, not {type(value).__name__}")
    return str(value).strip() or None


def _language(value: object, *, path: Path) -> Language | None:
    if value is None:
        return None
    language = language_from_code(str(value))
    if language is None:
        raise UnreadableDocumentError(path, f"unsupported language {value!r} in front matter")
    return language


def _updated(value: object, *, path: Path) -> date | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    parsed = parse_date(str(value))
    if parsed is None:
        raise UnreadableDocumentError(path, f"front matter 'updated' is not a date: {value!r}")
    return parsed


def _official(value: object, *, path: Path) -> bool:
    if not isinstance(value, bool):
        raise UnreadableDocumentError(path, f"front matter 'official' must be true or false, not {value!r}")
    return value
