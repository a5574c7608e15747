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


_END = (".", "!", "?", "…", ":", ";", ".»", ". »", "!»", "?»")
_ITEM = ("• ", "› ", "> ", "- ", "– ")


def _sentence_score(sentence: str, weights: dict[str, float]) -> float:
    present = set(terms(sentence))
    return sum(w for t, w in weights.items() if t in present)


def _quotable(sentence: str) -> float:
    """How well a sentence stands on its own: 0 for headings and scraps, 1 for a full sentence."""
    stripped = sentence.strip()
    if "http" in stripped or "www." in stripped or stripped.lower().startswith("source"):
        return 0.0  # references, not statements
    has_figure = any(c.isdigit() for c in stripped)
    words = [w for w in stripped.split() if any(c.isalpha() for c in w)]
    if len(words) < (3 if has_figure else 5):
        return 0.0
    is_item = stripped.startswith(_ITEM)
    if not stripped.endswith(_END) and not is_item:
        return 0.8 if has_figure else 0.0  # a key figure is quotable; a heading is not
    body = stripped[2:].lstrip() if is_item else stripped
    return 0.7 if body[:1].islower() and not is_item else 1.0


def pick_sentences(query_weights: dict[str, float], passages: list[list[str]],
                   limit: int = MAX_SENTENCES) -> list[tuple[int, str]]:
    """Choose sentences (source index, sentence) that best match the question, in reading order.

    The best passage always contributes; another passage only with a sentence nearly as
    relevant as the best one. A sentence that announces a list (ending with ":") brings the
    first items of that list along.
    """
    scored: list[tuple[float, int, int]] = []
    for p_index, sentences in enumerate(passages):
        for s_index, sentence in enumerate(sentences):
            quality = _quotable(sentence)
            if quality:
                score = _sentence_score(sentence, query_weights) * quality * (1.0 - 0.15 * p_index)
                scored.append((score, p_index, s_index))
    if not scored:
        return []
    best = max(s[0] for s in scored)
    if best <= 0:
        first = next((s for s in scored if s[1] == 0), scored[0])
        return [(first[1], passages[first[1]][first[2]])]
    chosen = [s for s in sorted(scored, key=lambda s: -s[0])
              if s[0] >= (0.5 if s[1] == 0 else 0.8) * best][:limit]
    picked: list[tuple[int, int]] = []
    for _, p_index, s_index in chosen:
        picked.append((p_index, s_index))
        sentences = passages[p_index]
        if sentences[s_index].rstrip().endswith(":"):
            picked.extend((p_index, i) for i in range(s_index + 1, min(s_index + 5, len(sentences))))
    result, seen = [], set()
    for p_index, s_index in sorted(set(picked)):
        sentence = passages[p_index][s_index]
        if sentence not in seen:
            seen.add(sentence)
            result.append((p_index, sentence))
    return result
