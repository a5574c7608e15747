"""Build, save and load the assistant's index folder.

Layout: `passages.jsonl`, `embeddings.npy` (sentence-transformers), `use_embeddings.npy`,
`lexical/` (bm25s) and `params.json` (model, prefixes, corpus hash). An index whose
params do not match the requested model or the corpus on disk is rebuilt, never used.
"""

from __future__ import annotations

import hashlib
import re
import json
import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import numpy as np

from cocon.errors import ConfigurationError, InvalidInput

from .glossary import Glossary
from .lexical import LexicalIndex
from .loaders import list_guides, load_text
from .metadata import SOURCES_FILE, GuideInfo, guide_info, read_sources
from .passages import Passage, make_passages
from .repair import repair_text

FORMAT_VERSION = 10  # bump when repair, splitting or indexed words change, so saved indexes are rebuilt
PASSAGE_WORDS = 180
PASSAGE_OVERLAP = 60

Progress = Callable[[str, int, int], None]  # (stage, advance, total)


@dataclass
class Index:
    """Everything retrieval needs, in memory."""

    passages: list[Passage]
    guides: dict[str, GuideInfo]
    embeddings: np.ndarray
    use_embeddings: np.ndarray | None
    lexical: LexicalIndex
    params: dict = field(default_factory=dict)
    _glossary: Glossary | None = field(default=None, init=False, repr=False, compare=False)

    def glossary(self) -> Glossary:
        """The acronyms of the glossary with those the passages define (computed once, in memory:
        it follows the passages, so a saved index never disagrees with it)."""
        if self._glossary is None:
            self._glossary = Glossary.from_texts([p.text for p in self.passages])
        return self._glossary

    @property
    def skipped(self) -> list[dict]:
        """Guides that could not be read, with the reason."""
        return self.params.get("skipped", [])


def indexed_text(passage: Passage, label: str = "") -> str:
    """What retrieval sees: the guide's short label, the section heading, then the passage."""
    parts = [label] if label else []
    if passage.section and not passage.text.startswith(passage.section):
        parts.append(passage.section)
    parts.append(passage.text)
    return ". ".join(parts)


def guide_label(info: GuideInfo | None) -> str:
    """Words a reader uses to name a guide ("selon l'AIMF", "la fiche normande")."""
    if info is None:
        return ""
    return re.sub(r"\([^)]*\)", "", info.publisher).strip()


def corpus_hash(corpus_dir: Path) -> str:
    """A digest of the guides, their metadata and the splitting rules."""
    digest = hashlib.sha256(f"v{FORMAT_VERSION}:{PASSAGE_WORDS}:{PASSAGE_OVERLAP}".encode())
    files = list_guides(corpus_dir)
    sources = Path(corpus_dir) / SOURCES_FILE
    for path in files + ([sources] if sources.exists() else []):
        digest.update(path.name.encode() + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def read_corpus(corpus_dir: Path) -> tuple[list[Passage], dict[str, GuideInfo], list[dict]]:
    """Passages of every readable guide; unreadable guides are reported, not fatal."""
    corpus_dir = Path(corpus_dir)
    if not corpus_dir.is_dir():
        raise ConfigurationError("The corpus folder %(path)s does not exist", path=str(corpus_dir))
    entries = read_sources(corpus_dir)
    passages: list[Passage] = []
    guides: dict[str, GuideInfo] = {}
    skipped: list[dict] = []
    for path in list_guides(corpus_dir):
        try:
            paragraphs = repair_text(load_text(path))
        except InvalidInput as exc:
            skipped.append({"doc": path.name, "error": str(exc)})
            continue
        guides[path.name] = guide_info(path.name, entries)
        passages.extend(make_passages(path.name, paragraphs, PASSAGE_WORDS, PASSAGE_OVERLAP))
    return passages, guides, skipped


def _text_key(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def _reusable(index_dir: Path, params: dict, name: str) -> dict[str, np.ndarray]:
    """Embeddings of an older index built with the same encoder, by passage text."""
    try:
        old = json.loads((index_dir / "params.json").read_text(encoding="utf-8"))
        if any(old.get(k) != params.get(k) for k in ("model", "query_prefix", "passage_prefix")):
            return {}
        matrix = np.load(index_dir / name)
        keys = [json.loads(line)["key"] for line in
                (index_dir / "passages.jsonl").read_text(encoding="utf-8").splitlines()]
        return dict(zip(keys, matrix)) if len(keys) == len(matrix) else {}
    except (OSError, ValueError, KeyError):
        return {}


def _embed(encoder, texts: list[str], cached: dict[str, np.ndarray], stage: str,
           progress: Progress | None) -> np.ndarray:
    keys = [_text_key(t) for t in texts]
    missing = [i for i, k in enumerate(keys) if k not in cached]
    if progress:
        progress(stage, len(texts) - len(missing), len(texts))
    fresh = encoder.encode_passages([texts[i] for i in missing],
                                    progress=(lambda n: progress(stage, n, len(texts))) if progress else None)
    vectors = dict(cached)
    vectors.update({keys[i]: fresh[j] for j, i in enumerate(missing)})
    if not texts:
        return np.zeros((0, fresh.shape[1] if fresh.ndim == 2 else 1), np.float32)
    return np.vstack([vectors[k] for k in keys]).astype(np.float32)


def build_index(corpus_dir: Path, index_dir: Path, encoder, use_encoder=None,
                progress: Progress | None = None) -> Index:
    """Read, repair, split, embed and save the corpus; unchanged passages reuse their vectors."""
    index_dir = Path(index_dir)
    passages, guides, skipped = read_corpus(corpus_dir)
    params = {"format": FORMAT_VERSION, "model": encoder.model_name, "query_prefix": encoder.query_prefix,
              "passage_prefix": encoder.passage_prefix, "use": use_encoder is not None,
              "corpus_hash": corpus_hash(corpus_dir), "passages": len(passages),
              "guides": sorted(guides), "skipped": skipped, "built_at": time.time()}
    texts = [indexed_text(p, guide_label(guides.get(p.doc))) for p in passages]
    embeddings = _embed(encoder, texts, _reusable(index_dir, params, "embeddings.npy"),
                        "embeddings", progress)
    use_embeddings = None
    if use_encoder is not None:
        use_embeddings = _embed(use_encoder, texts, _reusable(index_dir, params, "use_embeddings.npy"),
                                "use", progress)
    lexical = LexicalIndex.build(texts)
    index = Index(passages, guides, embeddings, use_embeddings, lexical, params)
    save_index(index, index_dir)
    return index


def save_index(index: Index, index_dir: Path) -> None:
    """Write the index folder atomically enough: into a sibling folder, then swap."""
    index_dir = Path(index_dir)
    staging = index_dir.with_name(index_dir.name + ".tmp")
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    with (staging / "passages.jsonl").open("w", encoding="utf-8") as handle:
        for passage in index.passages:
            record = passage.to_dict()
            record["key"] = _text_key(indexed_text(passage, guide_label(index.guides.get(passage.doc))))
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    np.save(staging / "embeddings.npy", index.embeddings)
    if index.use_embeddings is not None:
        np.save(staging / "use_embeddings.npy", index.use_embeddings)
    index.lexical.save(staging / "lexical")
    guides = {name: info.__dict__ for name, info in index.guides.items()}
    (staging / "guides.json").write_text(json.dumps(guides, ensure_ascii=False), encoding="utf-8")
    (staging / "params.json").write_text(json.dumps(index.params, ensure_ascii=False, indent=1), encoding="utf-8")
    old = index_dir.with_name(index_dir.name + ".old")
    shutil.rmtree(old, ignore_errors=True)
    if index_dir.exists():
        index_dir.rename(old)
    staging.rename(index_dir)
    shutil.rmtree(old, ignore_errors=True)


def index_is_current(index_dir: Path, corpus_dir: Path, model: str, query_prefix: str,
                     passage_prefix: str, use: bool) -> bool:
    """True when the saved index matches this model, these prefixes and the corpus on disk."""
    try:
        params = json.loads((Path(index_dir) / "params.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    expected = {"format": FORMAT_VERSION, "model": model, "query_prefix": query_prefix,
                "passage_prefix": passage_prefix, "use": use, "corpus_hash": corpus_hash(corpus_dir)}
    return all(params.get(k) == v for k, v in expected.items())


def load_index(index_dir: Path) -> Index:
    """Read a saved index folder."""
    index_dir = Path(index_dir)
    params = json.loads((index_dir / "params.json").read_text(encoding="utf-8"))
    with (index_dir / "passages.jsonl").open(encoding="utf-8") as handle:
        passages = [Passage.from_dict(json.loads(line)) for line in handle]
    guides = {name: GuideInfo(**info) for name, info in
              json.loads((index_dir / "guides.json").read_text(encoding="utf-8")).items()}
    embeddings = np.load(index_dir / "embeddings.npy")
    use_path = index_dir / "use_embeddings.npy"
    use_embeddings = np.load(use_path) if use_path.exists() else None
    lexical = LexicalIndex.load(index_dir / "lexical")
    return Index(passages, guides, embeddings, use_embeddings, lexical, params)
