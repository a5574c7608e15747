"""Latency and memory of the assistant on a generated corpus 100 times larger than the guides.

The generated corpus repeats every passage of the real index 100 times with light edits
(numbers changed, sentences shuffled within the passage), each copy with the vectors of its
original plus small noise: that exercises search at that size without spending hours encoding
text on a small machine. Encoding time is extrapolated from the measured rate instead.

    python bench/bench_assistant_scale.py [--factor 100]
"""

from __future__ import annotations

import argparse
import random
import resource
import statistics
import sys
import time
from pathlib import Path

import numpy as np

QUESTIONS = Path(__file__).with_name("assistant_questions.jsonl")


def rss_mb() -> float:
    """Peak resident memory of this process, in MiB."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def scaled_index(index, factor: int, seed: int = 7):
    """A copy of `index` with every passage repeated `factor` times, perturbed."""
    from cocon.assistant.index import Index, guide_label, indexed_text
    from cocon.assistant.lexical import LexicalIndex
    from cocon.assistant.passages import Passage

    rng = random.Random(seed)
    passages, rows = [], []
    for copy in range(factor):
        for i, passage in enumerate(index.passages):
            sentences = list(passage.sentences)
            if copy:
                rng.shuffle(sentences)
                sentences = [s.replace("2020", str(1990 + copy % 30)) for s in sentences]
            doc = passage.doc if copy == 0 else f"copie-{copy:03d}-{passage.doc}"
            passages.append(Passage(f"{doc}#{passage.position}", doc, passage.position, passage.section, sentences))
            rows.append(i)
    rows = np.asarray(rows)
    noise = np.random.default_rng(seed)

    def spread(matrix):
        if matrix is None:
            return None
        out = matrix[rows] + noise.normal(0, 0.01, (len(rows), matrix.shape[1])).astype(np.float32)
        return out / np.linalg.norm(out, axis=1, keepdims=True)

    guides = dict(index.guides)
    for p in passages:
        guides.setdefault(p.doc, index.guides.get(p.doc.split("-", 2)[-1]))
    start = time.perf_counter()
    lexical = LexicalIndex.build([indexed_text(p, guide_label(guides.get(p.doc))) for p in passages])
    lexical_seconds = time.perf_counter() - start
    return Index(passages, guides, spread(index.embeddings), spread(index.use_embeddings), lexical,
                 dict(index.params)), lexical_seconds


def main(argv: list[str] | None = None) -> int:
    import json

    from cocon.assistant import Assistant
    from cocon.assistant.index import load_index, save_index
    from webapp.config import load_config

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--factor", type=int, default=100)
    parser.add_argument("--workdir", default=None, help="where to save the scaled index (default: a temp dir)")
    args = parser.parse_args(argv)
    cfg = load_config()
    base = Assistant.load_or_build(cfg["CORPUS_DIR"], cfg["INDEX_DIR"], cfg["EMBEDDING_MODEL"],
                                   cfg["EMBEDDING_QUERY_PREFIX"], cfg["EMBEDDING_PASSAGE_PREFIX"])
    rss_base = rss_mb()
    index, lexical_seconds = scaled_index(base.index, args.factor)
    import tempfile

    workdir = Path(args.workdir or tempfile.mkdtemp(prefix="cocon-scale-"))
    save_index(index, workdir / "index")
    start = time.perf_counter()
    index = load_index(workdir / "index")
    load_seconds = time.perf_counter() - start
    assistant = Assistant(index, base.encoder, base.use_encoder, base.settings)
    questions = [json.loads(line)["question"] for line in QUESTIONS.read_text(encoding="utf-8").splitlines()]
    for question in questions[:5]:
        assistant.ask(question)
    timings = []
    for question in questions:
        start = time.perf_counter()
        assistant.ask(question)
        timings.append(1000 * (time.perf_counter() - start))
    timings.sort()
    size_mb = sum(f.stat().st_size for f in (workdir / "index").rglob("*") if f.is_file()) / 2**20
    print(f"passages: {len(base.index.passages)} → {len(index.passages)} (×{args.factor})")
    print(f"BM25 build over the scaled corpus: {lexical_seconds:.1f} s; saved index: {size_mb:.0f} MiB; "
          f"load: {load_seconds:.1f} s")
    print(f"warm answer latency: p50 {statistics.median(timings):.0f} ms, "
          f"p95 {timings[int(0.95 * len(timings))]:.0f} ms over {len(timings)} questions")
    print(f"peak RSS: {rss_base:.0f} MiB with the real corpus, {rss_mb():.0f} MiB with the scaled one")
    return 0


if __name__ == "__main__":
    sys.exit(main())
