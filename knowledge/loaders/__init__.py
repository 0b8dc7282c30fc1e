"""Loaders that turn guidance files (Markdown, text, HTML, PDF) into typed documents."""

from knowledge.loaders.language_guess import LanguageDetector
from knowledge.loaders.registry import SUPPORTED_SUFFIXES, load_document

__all__ = ["SUPPORTED_SUFFIXES", "LanguageDetector", "load_document"]
