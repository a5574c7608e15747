"""Split repaired paragraphs into passages that keep their section heading and position."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field

MAX_DISPLAY_CHARS = 1200
_TERMINAL = (".", "!", ":", ";", "»", "…", ")", ",")
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+(?=[«\"“(A-ZÀ-ÖØ-ÞŒ0-9•>–-])|\s+(?=[•]\s)")
_ABBREVIATIONS = re.compile(r"(?:\b(?:M|Mme|MM|ex|cf|etc|p|n°|art|St)\.|\b[A-Z]\.|(?:^|\s)\d{1,2}\.)$")


@dataclass
class Passage:
    """A passage of a guide as indexed and shown: `text` is the sentences joined."""

    passage_id: str
    doc: str
    position: int
    section: str
    sentences: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return " ".join(self.sentences)

    def to_dict(self) -> dict:
        data = asdict(self)
        data["text"] = self.text
        return data

    @classmethod
    def from_dict(cls, data: dict) -> "Passage":
        return cls(passage_id=data["passage_id"], doc=data["doc"], position=data["position"],
                   section=data["section"], sentences=list(data["sentences"]))


def is_heading(paragraph: str) -> bool:
    """A short line without final punctuation that starts like a title."""
    words = paragraph.split()
    if not words or len(words) > 14 or len(paragraph) > 110:
        return False
    if paragraph.endswith(_TERMINAL) or any(m in paragraph for m in ("www", "@", "http", "[")):
        return False
    if sum(c.isdigit() for c in paragraph) > len(paragraph) / 3 or paragraph.count(",") >= 2:
        return False  # figures of a chart, lists of names
    first = paragraph[0]
    return first.isupper() or (first.isdigit() and bool(re.match(r"^\d+[.)]?\s+\w", paragraph)))


def split_sentences(paragraph: str) -> list[str]:
    """Sentences of a paragraph; each is a verbatim piece of it, and long ones are cut."""
    pieces: list[str] = []
    buffer = ""
    for chunk in _SENTENCE_END.split(paragraph):
        chunk = chunk.strip()
        if not chunk:
            continue
        buffer = f"{buffer} {chunk}" if buffer else chunk
        if not _ABBREVIATIONS.search(buffer):
            pieces.append(buffer)
            buffer = ""
    if buffer:
        pieces.append(buffer)
    result: list[str] = []
    for piece in pieces:
        result.extend(_cut_long(piece, 500))
    return result


def _cut_long(sentence: str, limit: int) -> list[str]:
    """Cut a sentence longer than `limit` characters at semicolons, commas or spaces."""
    if len(sentence) <= limit:
        return [sentence]
    for separator in ("; ", ", ", " "):
        cut = sentence.rfind(separator, limit // 2, limit)
        if cut > 0:
            head = sentence[:cut + len(separator.rstrip())]
            return [head] + _cut_long(sentence[cut + len(separator):].strip(), limit)
    return [sentence[:limit]] + _cut_long(sentence[limit:], limit)


def _main_section(units: list[tuple[str, str]]) -> str:
    """The heading under which most of a passage's words sit."""
    weight: dict[str, int] = {}
    for section, sentence in units:
        weight[section] = weight.get(section, 0) + len(sentence.split())
    named = {k: v for k, v in weight.items() if k}
    return max(named, key=named.get) if named else ""


def make_passages(doc: str, paragraphs: list[str], words: int = 120, overlap: int = 40) -> list[Passage]:
    """Group sentences into passages of about `words` words, overlapping by about `overlap`."""
    units: list[tuple[str, str]] = []  # (section, sentence)
    section = ""
    for paragraph in paragraphs:
        if is_heading(paragraph):
            section = paragraph
        for sentence in split_sentences(paragraph):
            units.append((section, sentence))
    passages: list[Passage] = []
    start = 0
    while start < len(units):
        end, count, chars = start, 0, 0
        while end < len(units):
            sentence = units[end][1]
            length = len(sentence.split())
            if end > start and (count + length > words or chars + len(sentence) + 1 > MAX_DISPLAY_CHARS):
                break
            if end > start and units[end][0] != units[end - 1][0] and count >= words // 3:
                break  # a new section starts a new passage once this one has some substance
            count += length
            chars += len(sentence) + 1
            end += 1
        position = len(passages)
        passages.append(Passage(passage_id=f"{doc}#{position}", doc=doc, position=position,
                                section=_main_section(units[start:end]),
                                sentences=[s for _, s in units[start:end]]))
        if end >= len(units):
            break
        back, kept = end, 0
        while back - 1 > start and kept + len(units[back - 1][1].split()) <= overlap \
                and units[back - 1][0] == units[end - 1][0]:
            back -= 1
            kept += len(units[back][1].split())
        start = back if back > start else end
    return passages
