"""The Chroma store: generations, the active pointer, records and nearest neighbours (embedded Chroma)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import numpy as np
import pytest

from core.language import Language
from knowledge.models import Chunk
from knowledge.vector_store import ChromaStore


def _chunk(number: int, **changes: object) -> Chunk:
    values: dict[str, object] = {
        "chunk_id": f"doc#0.{number}",
        "doc_id": "doc",
        "text": f"Avsnitt {number}",
        "title": "Tittel",
        "section": "Seksjon",
        "url": "https://example.org",
        "language": Language.NB,
        "updated": date(2024, 1, 3),
        "position": number,
        "group_id": f"doc#0.{number}",
        "source_path": "/docs/doc.md",
        "content_hash": "h",
    }
    return Chunk(**(values | changes))  # type: ignore[arg-type]


def _unit(*values: float) -> np.ndarray:
    vector = np.asarray(values, dtype=np.float32)
    return vector / np.linalg.norm(vector)


@pytest.fixture
def store(tmp_path: Path) -> ChromaStore:
    return ChromaStore(path=str(tmp_path / "chroma"), prefix="test")


def test_empty_store_has_no_active_generation(store: ChromaStore) -> None:
    assert store.active() is None


def test_records_round_trip_every_field_in_document_order(store: ChromaStore) -> None:
    chunks = [
        _chunk(1),
        _chunk(0, url=None, updated=None, official=False, language=Language.EN, group_id="orig#0.0"),
    ]
    vectors = np.stack([_unit(1, 0, 0), _unit(0, 1, 0)])
    collection = store.create_generation()
    store.add(collection, chunks, vectors)

    found, embeddings = store.records(collection)

    assert found == [chunks[1], chunks[0]]
    assert np.allclose(embeddings, vectors[::-1], atol=1e-6)


def test_query_returns_nearest_with_cosine_similarity(store: ChromaStore) -> None:
    collection = store.create_generation()
    store.add(collection, [_chunk(0), _chunk(1)], np.stack([_unit(1, 0, 0), _unit(0, 1, 0)]))

    found = store.query_many(collection, [_unit(1, 0.1, 0)], k=5)[0]

    assert [chunk_id for chunk_id, _ in found] == ["doc#0.0", "doc#0.1"]
    assert found[0][1] == pytest.approx(float(np.dot(_unit(1, 0.1, 0), _unit(1, 0, 0))), abs=1e-4)


def test_query_on_an_empty_generation_is_empty(store: ChromaStore) -> None:
    assert store.query_many(store.create_generation(), [_unit(1, 0)], k=3) == [[]]


def test_activate_moves_the_pointer_and_drops_other_generations(tmp_path: Path, store: ChromaStore) -> None:
    old = store.create_generation()
    store.add(old, [_chunk(0)], np.stack([_unit(1, 0)]))
    store.activate(old, model="m1", layout="2")
    abandoned = store.create_generation()  # an interrupted ingest's left-over
    new = store.create_generation()
    store.add(new, [_chunk(1)], np.stack([_unit(0, 1)]))

    store.activate(new, model="m2", layout="2")

    active = store.active()
    assert active is not None and (active.collection, active.model, active.layout) == (new, "m2", "2")
    reopened = ChromaStore(path=str(tmp_path / "chroma"), prefix="test")
    assert reopened.active() == active
    for gone in (old, abandoned):
        with pytest.raises(Exception):  # noqa: B017 - Chroma's error type differs between versions
            reopened.records(gone)


def test_passages_are_read_whole_across_pages(store: ChromaStore, monkeypatch: pytest.MonkeyPatch) -> None:
    import knowledge.chroma_records as chroma_records

    monkeypatch.setattr(chroma_records, "PAGE", 3)
    chunks = [_chunk(number) for number in range(7)]
    vectors = np.stack([_unit(1, number, 0) for number in range(7)])
    collection = store.create_generation()
    store.add(collection, chunks, vectors, terms={c.chunk_id: ["avsnitt", str(c.position)] for c in chunks})
    store.activate(collection, model="m", layout="l")
    active = store.active()
    assert active is not None

    found, terms, records = store.passages(active)

    assert found == chunks
    assert terms == {c.chunk_id: ["avsnitt", str(c.position)] for c in chunks}
    assert len(records) == 7
