"""Fixtures shared by the assistant's integration tests: the real bundled model, loaded once."""

from __future__ import annotations

from pathlib import Path

import pytest

from cocon.assistant import Assistant

REPO = Path(__file__).resolve().parents[3]

GUIDE_SCIC = """Les sociétés coopératives d'intérêt collectif

La SCIC se caractérise par le multisociétariat : elle associe autour d'un même projet des salariés,
des bénéficiaires et des collectivités publiques. La loi de 2014 permet aux collectivités de
détenir jusqu'à 50 % du capital d'une SCIC.

Les monnaies locales

Les monnaies locales complémentaires favorisent les circuits courts et sont reconnues comme
moyens de paiement lorsqu'elles sont émises par des entreprises de l'ESS.
"""

GUIDE_FOOD = """# Alimentation durable

Les projets alimentaires territoriaux rassemblent les producteurs, les cantines et les habitants
autour d'une alimentation locale, biologique et solidaire. Les jardins partagés et les
épiceries solidaires en sont des exemples.
"""


def write_fixture_corpus(folder: Path) -> Path:
    """A small corpus: two good guides, a corrupt PDF and an empty guide."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "guide-scic.txt").write_text(GUIDE_SCIC, encoding="utf-8")
    (folder / "guide-alimentation.md").write_text(GUIDE_FOOD, encoding="utf-8")
    (folder / "casse.pdf").write_bytes(b"%PDF-1.4 this is not really a pdf")
    (folder / "vide.txt").write_text("   \n\n", encoding="utf-8")
    (folder / "sources.json").write_text(
        '{"guides": {"guide-scic.txt": {"title": "Guide des SCIC", "publisher": "Test", "year": 2024}}}',
        encoding="utf-8")
    return folder


@pytest.fixture(scope="session")
def corpus_writer():
    """The function that writes the fixture corpus into a folder."""
    return write_fixture_corpus


@pytest.fixture(scope="session")
def repo_root() -> Path:
    return REPO


@pytest.fixture(scope="session")
def fixture_corpus(tmp_path_factory) -> Path:
    return write_fixture_corpus(tmp_path_factory.mktemp("corpus"))


@pytest.fixture(scope="session")
def small_assistant(fixture_corpus, tmp_path_factory) -> Assistant:
    """The assistant over the fixture corpus, with the real bundled model."""
    return Assistant.load_or_build(fixture_corpus, tmp_path_factory.mktemp("index") / "index")


@pytest.fixture(scope="session")
def corpus_assistant(request, tmp_path_factory) -> Assistant:
    """The assistant over the real guides; its index is cached between test runs if it can be."""
    cache = getattr(request.config, "cache", None)  # absent with -p no:cacheprovider
    folder = cache.mkdir("cocon-assistant-index") if cache else tmp_path_factory.mktemp("ix")
    index_dir = Path(folder) / "index"
    return Assistant.load_or_build(REPO / "corpus", index_dir)
