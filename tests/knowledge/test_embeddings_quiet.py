"""Loading the bundled model prints no progress bar into the chat (issue 12, point 10)."""

from knowledge.embeddings import SentenceTransformerEmbedder


def test_loading_the_model_prints_no_loading_weights_bar(capfd):
    embedder = SentenceTransformerEmbedder()
    out, err = capfd.readouterr()
    assert "Loading weights" not in out + err and "%|" not in out + err
    assert embedder.embed(["hei"]).shape[0] == 1
