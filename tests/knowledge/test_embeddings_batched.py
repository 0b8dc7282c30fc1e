"""Threads embedding at once share forward passes, and each gets exactly its own vectors."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

import numpy as np
import pytest

from knowledge.embeddings import SentenceTransformerEmbedder

TEXTS = [
    [f"Sluttrapporten for prosjekt {n} leveres innen {n * 10} dager.", f"Question number {n} about budgets"]
    for n in range(12)
]


def test_texts_embedded_from_many_threads_equal_those_embedded_one_by_one(
    embedder: SentenceTransformerEmbedder,
) -> None:
    alone = [embedder.embed(texts) for texts in TEXTS]
    calls: list[int] = []
    encode = embedder._model.encode
    start = threading.Barrier(len(TEXTS))

    def counted(texts: list[str], **options: object) -> object:
        calls.append(len(texts))
        return encode(texts, **options)

    def one(texts: list[str]) -> np.ndarray:
        start.wait()
        return embedder.embed(texts)

    embedder._model.encode = counted  # type: ignore[method-assign]
    try:
        with ThreadPoolExecutor(len(TEXTS)) as pool:
            together = list(pool.map(one, TEXTS))
    finally:
        del embedder._model.encode
    for mine, reference in zip(together, alone, strict=True):
        assert mine.shape == reference.shape == (2, embedder.dimension)
        np.testing.assert_allclose(mine, reference, atol=1e-5)
    assert sum(calls) == 2 * len(TEXTS)
    assert len(calls) < len(TEXTS)  # some threads' texts went through one forward pass together


def test_a_failing_forward_pass_raises_in_every_thread_that_waited_for_it(
    embedder: SentenceTransformerEmbedder,
) -> None:
    def broken(texts: list[str], **options: object) -> object:
        raise RuntimeError("out of memory")

    embedder._model.encode = broken  # type: ignore[method-assign]
    try:
        with ThreadPoolExecutor(4) as pool:
            futures = [pool.submit(embedder.embed, texts) for texts in TEXTS[:4]]
            for future in futures:
                with pytest.raises(RuntimeError, match="out of memory"):
                    future.result(timeout=30)
    finally:
        del embedder._model.encode
    assert embedder.embed(["still works"]).shape == (1, embedder.dimension)
    assert embedder.embed([]).shape == (0, embedder.dimension)
