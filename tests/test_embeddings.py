"""The MiniLM embedder pinned to reference vectors, its tokenizer, and the chunker's budget.

Regenerate the reference after a deliberate model change:
``PYTHONPATH=. .venv/bin/python tests/test_embeddings.py``
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from assistant.config import Settings
from assistant.errors import ModelFileError
from assistant.feeds import parse_bytes
from assistant.models import Paper
from assistant.services import builtin_feed_path
from vectorstore.chunking import MAX_TITLE_TOKENS, Chunker
from vectorstore.embeddings import (
    MAX_WORD_PIECES,
    FakeEmbedder,
    MiniLMEmbedder,
    make_embedder,
)

REFERENCE = Path(__file__).parent / "data" / "minilm_reference.json"
REFERENCE_SENTENCES = [
    "Large language models can answer questions about research papers.",
    "A diffusion model generates images from text prompts.",
    "The cat sat quietly on the warm windowsill.",
]


def sample_papers() -> list[Paper]:
    path = builtin_feed_path()
    return parse_bytes(path.read_bytes(), str(path)).papers


def cosine(a: np.ndarray, b: np.ndarray) -> float:
    return float(a @ b / (np.linalg.norm(a) * np.linalg.norm(b)))


def special_ids(minilm: Any) -> tuple[int, int]:
    """[CLS] and [SEP] as the tokenizer itself adds them around any text."""
    tokenizer = _tokenizer(minilm)
    ids = tokenizer.encode("x").ids
    return ids[0], ids[-1]


def _tokenizer(minilm: Any) -> Any:
    minilm.token_ids("load")  # loads lazily
    return minilm._tokenizer


# --- the real model ---------------------------------------------------------------------------


@pytest.mark.integration
def test_minilm_matches_its_reference_vectors(minilm: Any) -> None:
    reference = json.loads(REFERENCE.read_text())
    assert reference["sentences"] == REFERENCE_SENTENCES
    assert reference["model_id"] == minilm.model_id
    got = minilm.embed(REFERENCE_SENTENCES)
    assert got.shape == (3, 384) == (3, minilm.dim)
    assert got.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(got, axis=1), 1.0, atol=1e-5)
    for row, expected in zip(got, reference["vectors"], strict=True):
        assert cosine(row, np.asarray(expected)) >= 0.999


@pytest.mark.integration
def test_minilm_reproduces_the_published_sentence_transformers_similarities(minilm: Any) -> None:
    # From the sentence-transformers README (all-MiniLM-L6-v2, fp32): 0.6660, 0.1046, 0.1411.
    vecs = minilm.embed(
        ["The weather is lovely today.", "It's so sunny outside!", "He drove to the stadium."]
    )
    sims = vecs @ vecs.T
    assert sims[0, 1] == pytest.approx(0.6660, abs=0.02)
    assert sims[0, 2] == pytest.approx(0.1046, abs=0.02)
    assert sims[1, 2] == pytest.approx(0.1411, abs=0.02)


@pytest.mark.integration
def test_tokenizer_does_not_pad(minilm: Any) -> None:
    # The shipped tokenizer.json pads to 128; a short sentence must stay short.
    assert len(minilm.token_ids("A short sentence.")) == 4
    assert _tokenizer(minilm).padding is None
    assert len(_tokenizer(minilm).encode("A short sentence.").ids) == 6


@pytest.mark.integration
def test_padding_in_a_batch_does_not_change_a_vector(minilm: Any) -> None:
    short = "A short sentence."
    alone = minilm.embed([short])[0]
    batched = minilm.embed([short, REFERENCE_SENTENCES[0] * 8])[0]
    assert cosine(alone, batched) >= 0.9999


@pytest.mark.integration
def test_input_over_256_word_pieces_is_truncated(minilm: Any) -> None:
    long_text = "retrieval augmented generation " * 400  # ~1,600 pieces; BERT stops at 512
    assert len(minilm.token_ids(long_text)) > 4 * MAX_WORD_PIECES
    longer = minilm.embed([long_text, long_text * 2])
    assert longer.shape == (2, 384)
    assert cosine(longer[0], longer[1]) >= 0.9999  # both cut to the same first 256 pieces
    cls_id, sep_id = special_ids(minilm)
    row = minilm._truncate(_tokenizer(minilm).encode(long_text).ids)
    assert len(row) == MAX_WORD_PIECES and row[0] == cls_id and row[-1] == sep_id


@pytest.mark.integration
def test_chunks_of_every_sample_abstract_fit_256_word_pieces(minilm: Any) -> None:
    tokenizer = _tokenizer(minilm)
    chunker = Chunker(minilm)
    papers = sample_papers()
    chunks = [(paper, chunk) for paper in papers for chunk in chunker.chunk(paper)]
    assert len(chunks) > len(papers)  # some abstracts need several chunks
    longest = 0
    for paper, chunk in chunks:
        pieces = len(tokenizer.encode(chunk.embed_text).ids)  # with [CLS] and [SEP]
        longest = max(longest, pieces)
        assert pieces <= MAX_WORD_PIECES, (chunk.chunk_id, pieces)
        assert chunk.embed_text.startswith(f"title: {paper.title}\n\n")
        assert chunk.embed_text.endswith(chunk.text)
    assert longest > MAX_WORD_PIECES - 24  # chunks use the budget, not a fraction of it


@pytest.mark.integration
def test_chunks_cover_the_whole_abstract(minilm: Any) -> None:
    paper = max(sample_papers(), key=lambda p: len(p.abstract))
    chunks = Chunker(minilm).chunk(paper)
    assert [c.ord for c in chunks] == list(range(len(chunks)))
    assert [c.chunk_id for c in chunks] == [f"{paper.paper_id}#{i}" for i in range(len(chunks))]
    assert paper.abstract.startswith(chunks[0].text)
    assert paper.abstract.endswith(chunks[-1].text)
    for chunk in chunks:
        assert chunk.text in paper.abstract


@pytest.mark.integration
@pytest.mark.parametrize(
    "title",
    [
        " ".join(f"word{i}" for i in range(400)),
        "-".join(["x"] * 500),  # no spaces: cut by characters
        "Quantum " * 300 + "Entanglement",
    ],
)
def test_an_overlong_title_is_cut_not_fatal(
    minilm: Any, title: str, capsys: pytest.CaptureFixture[str]
) -> None:
    tokenizer = _tokenizer(minilm)
    paper = Paper("2501.00001", title, "We study long titles in feeds. " * 80)
    chunks = Chunker(minilm).chunk(paper)
    assert len(chunks) >= 2
    for chunk in chunks:
        assert len(tokenizer.encode(chunk.embed_text).ids) <= MAX_WORD_PIECES
        title_line = chunk.embed_text.split("\n\n", 1)[0].removeprefix("title: ")
        assert title.startswith(title_line) and title_line
        assert len(minilm.token_ids(title_line)) <= MAX_TITLE_TOKENS
    assert capsys.readouterr().out == ""  # llama-index prints its warnings to stdout


def test_missing_model_file_is_a_clear_error(tmp_path: Path) -> None:
    embedder = MiniLMEmbedder(onnx_path=tmp_path / "missing.onnx")
    with pytest.raises(ModelFileError, match=r"cannot load embedding model .*missing\.onnx"):
        embedder.embed(["x"])


def test_embedding_nothing_needs_no_model(tmp_path: Path) -> None:
    embedder = MiniLMEmbedder(onnx_path=tmp_path / "missing.onnx")
    assert embedder.embed([]).shape == (0, 384)


# --- the fake embedder ------------------------------------------------------------------------


def test_fake_embedder_is_deterministic_normalised_and_wording_sensitive() -> None:
    fake = FakeEmbedder()
    a, b, c, empty = fake.embed(
        ["attention heads in transformers", "transformers attention heads", "protein folding", ""]
    )
    assert np.array_equal(a, FakeEmbedder().embed(["attention heads in transformers"])[0])
    np.testing.assert_allclose([np.linalg.norm(v) for v in (a, b, c, empty)], 1.0, atol=1e-6)
    assert cosine(a, b) > 0.8 > cosine(a, c)
    assert fake.token_ids("Two words") == fake.token_ids("two, words!")


def test_make_embedder_follows_settings(tmp_path: Path) -> None:
    assert isinstance(make_embedder(Settings(home=tmp_path, embedder="fake")), FakeEmbedder)
    assert isinstance(make_embedder(Settings(home=tmp_path, embedder="minilm")), MiniLMEmbedder)


def test_chunks_with_the_fake_embedder_start_with_the_title() -> None:
    for paper in sample_papers()[:5]:
        for chunk in Chunker(FakeEmbedder()).chunk(paper):
            assert chunk.embed_text == f"title: {paper.title}\n\n{chunk.text}"


def _write_reference() -> None:
    embedder = MiniLMEmbedder()
    vecs = embedder.embed(REFERENCE_SENTENCES)
    payload = {
        "model_id": embedder.model_id,
        "dim": embedder.dim,
        "sentences": REFERENCE_SENTENCES,
        "vectors": [[round(float(x), 5) for x in row] for row in vecs],
    }
    REFERENCE.write_text(json.dumps(payload) + "\n")


if __name__ == "__main__":
    _write_reference()
