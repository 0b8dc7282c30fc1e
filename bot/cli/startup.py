"""Building the one settings object at start-up, with the process-wide environment the libraries need."""

from __future__ import annotations

import logging
import os
import sys

from bot.settings import DEFAULT_EMBEDDING_MODEL, Settings


def load_settings() -> Settings:
    """The settings from the environment and ``.env``; logging to stderr; no model hub lookups."""
    settings = Settings()
    # The default model ships inside a package: never let the loader reach for a model hub.
    if settings.embedding_model == DEFAULT_EMBEDDING_MODEL:
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    logging.basicConfig(
        level=logging.WARNING, stream=sys.stderr, format="%(levelname)s %(name)s: %(message)s"
    )
    return settings
