"""A disk cache of passage embeddings for the benchmarks, so that building many big indexes stays affordable.

Only index building goes through it; questions are always embedded by the model itself.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from pathlib import Path

import numpy as np
from numpy.typing import NDArray

from knowledge.embeddings import Embedder


def _key(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


class CachedEmbedder:
    """``inner``'s embeddings, remembered by text in ``path`` (an ``.npz`` file) across processes.

    Args:
        inner: The real model.
        path: The cache file (read if it exists; written by :meth:`save`).
    """

    def __init__(self, inner: Embedder, path: Path) -> None:
        self._inner = inner
        self._path = path
        self._vectors: dict[str, NDArray[np.float32]] = {}
        if path.exists():
            stored = np.load(path)
            self._vectors = dict(zip(stored["keys"].tolist(), stored["vectors"], strict=True))

    @property
    def name(self) -> str:
        """The inner model's name."""
        return self._inner.name

    def embed(self, texts: Sequence[str]) -> NDArray[np.float32]:
        """Cached vectors, the missing ones embedded by the model."""
        keys = [_key(text) for text in texts]
        missing = [k for k in dict.fromkeys(keys) if k not in self._vectors]
        if missing:
            by_key = {key: text for key, text in zip(keys, texts, strict=True)}
            for key, vector in zip(missing, self._inner.embed([by_key[k] for k in missing]), strict=True):
                self._vectors[key] = vector
        return np.stack([self._vectors[key] for key in keys]).astype(np.float32)

    def save(self) -> None:
        """Write the cache file."""
        if self._vectors:
            keys = list(self._vectors)
            np.savez(self._path, keys=np.array(keys), vectors=np.stack([self._vectors[k] for k in keys]))
