"""Compose a short French answer from sentences of the best passages, each one cited."""

from __future__ import annotations

from dataclasses import dataclass, field

from .french import terms

ABSTENTION = ("Les guides du corpus ne répondent pas à cette question. Vous pouvez la proposer "
              "à un atelier thématique du Conseil de l'ESS, qui pourra s'en saisir.")
MAX_SENTENCES = 3


@dataclass
class Source:
    """A passage shown under the answer."""

    doc: str
    title: str
    text: str
    score: float
    publisher: str = ""
    year: int | None = None
    section: str = ""
    passage_id: str = ""
    position: int = 0

    def citation(self) -> str:
        """"Title, publisher, year, section" as a reader cites it."""
        parts = [f"« {self.title} »"]
        if self.publisher:
            parts.append(self.publisher)
        if self.year:
            parts.append(str(self.year))
        if self.section:
            parts.append(f"partie « {self.section} »")
        return ", ".join(parts)

    def to_dict(self) -> dict:
        return {"doc": self.doc, "title": self.title, "text": self.text, "score": round(self.score, 4),
                "publisher": self.publisher, "year": self.year, "section": self.section,
                "passage_id": self.passage_id, "position": self.position}


@dataclass
class AnswerSentence:
    """A sentence quoted from a source, with the index of that source in `Answer.sources`."""

    text: str
    source: int


@dataclass
class Answer:
    """What the assistant says: quoted sentences with citations, or an honest abstention."""

    question: str
    abstained: bool
    sources: list[Source]
    sentences: list[AnswerSentence] = field(default_factory=list)
    confidence: float = 0.0
    error: str | None = None

    @property
    def text(self) -> str:
        if self.abstained or not self.sentences:
            return ABSTENTION
        return "\n".join(f"{s.text} [{s.source + 1}] ({self.sources[s.source].citation()})"
                         for s in self.sentences)

    def to_dict(self) -> dict:
        data = {"question": self.question, "answer": self.text, "abstained": self.abstained,
                "sources": [s.to_dict() for s in self.sources], "confidence": round(self.confidence, 4),
                "citations": [{"sentence": s.text, "source": s.source} for s in self.sentences]}
        if self.error:
            data["error"] = self.error
        return data


def _sentence_score(sentence: str, weights: dict[str, float]) -> float:
    present = set(terms(sentence))
    return sum(w for t, w in weights.items() if t in present)


def pick_sentences(query_weights: dict[str, float], passages: list[list[str]],
                   limit: int = MAX_SENTENCES) -> list[tuple[int, str]]:
    """Choose up to `limit` sentences (source index, sentence) that best match the question.

    The best passage always contributes; other passages only with a sentence at least half
    as relevant as the best one, so the answer stays on topic.
    """
    scored: list[tuple[float, int, int, str]] = []
    for p_index, sentences in enumerate(passages):
        for s_index, sentence in enumerate(sentences):
            if len(sentence.split()) < 4:
                continue  # headings and fragments say nothing on their own
            score = _sentence_score(sentence, query_weights) * (1.0 - 0.15 * p_index)
            scored.append((score, p_index, s_index, sentence))
    if not scored:
        return []
    best = max(s[0] for s in scored)
    if best <= 0:
        first = next((s for s in scored if s[1] == 0), scored[0])
        return [(first[1], first[3])]
    chosen = sorted((s for s in scored if s[0] >= 0.5 * best), key=lambda s: -s[0])[:limit]
    seen: set[str] = set()
    result = []
    for score, p_index, s_index, sentence in sorted(chosen, key=lambda s: (s[1], s[2])):
        if sentence not in seen:
            seen.add(sentence)
            result.append((p_index, sentence))
    return result
