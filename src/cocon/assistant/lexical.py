"""French BM25 (bm25s) over stemmed, accent-folded terms, tolerant of typos."""

from __future__ import annotations

import json
import math
from collections import Counter, defaultdict
from pathlib import Path

import numpy as np

from .french import content_words, question_words, stem, terms


def _deletes(word: str) -> set[str]:
    """Every string one deletion away from `word`."""
    return {word[:i] + word[i + 1:] for i in range(len(word))}


def damerau(a: str, b: str) -> int:
    """Optimal string alignment distance (edit distance counting transpositions as one)."""
    rows = [list(range(len(b) + 1))]
    for i in range(1, len(a) + 1):
        row = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            row[j] = min(rows[-1][j] + 1, row[j - 1] + 1, rows[-1][j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                row[j] = min(row[j], rows[-2][j - 2] + 1)
        rows.append(row)
    return rows[-1][-1]


class Speller:
    """Maps an unknown query word to the most frequent corpus word within one or two edits."""

    def __init__(self, frequencies: dict[str, int]) -> None:
        self.frequencies = frequencies
        self._by_delete: dict[str, list[str]] = defaultdict(list)
        for word in frequencies:
            if len(word) >= 4:
                for variant in _deletes(word) | {word}:
                    self._by_delete[variant].append(word)

    def correct(self, word: str) -> str | None:
        """The corrected word, or None when the word is known or nothing is close enough."""
        if word in self.frequencies or len(word) < 5 or word.isdigit():
            return None
        probes = _deletes(word) | {word}
        if len(word) >= 8:
            probes |= {d2 for d1 in _deletes(word) for d2 in _deletes(d1)}
        limit = 1 if len(word) < 7 else 2
        best, best_key = None, None
        for probe in probes:
            for candidate in self._by_delete.get(probe, ()):
                if candidate[0] != word[0]:
                    continue  # typos rarely touch the first letter; "disent" is not "visent"
                distance = damerau(word, candidate)
                if distance <= limit:
                    key = (distance, -self.frequencies[candidate])
                    if best_key is None or key < best_key:
                        best, best_key = candidate, key
        return best


class LexicalIndex:
    """BM25 over passages; also reports how much of a query a passage covers."""

    def __init__(self, retriever, speller: Speller, doc_freq: dict[str, int], n_docs: int) -> None:
        self.retriever = retriever
        self.speller = speller
        self.doc_freq = doc_freq
        self.n_docs = n_docs
        self._vocab = retriever.vocab_dict

    @classmethod
    def build(cls, texts: list[str], k1: float = 1.2, b: float = 0.75) -> "LexicalIndex":
        """Index passage texts (section headings included by the caller)."""
        import bm25s

        tokenized = [terms(t) for t in texts]
        retriever = bm25s.BM25(k1=k1, b=b)
        retriever.index(tokenized, show_progress=False)
        frequencies = Counter(w for t in texts for w in content_words(t))
        doc_freq = Counter(term for toks in tokenized for term in set(toks))
        return cls(retriever, Speller(dict(frequencies)), dict(doc_freq), len(texts))

    def save(self, folder: Path) -> None:
        """Write the BM25 matrices and the speller's word counts into `folder`."""
        folder.mkdir(parents=True, exist_ok=True)
        self.retriever.save(str(folder), show_progress=False)
        payload = {"frequencies": self.speller.frequencies, "doc_freq": self.doc_freq, "n_docs": self.n_docs}
        (folder / "words.json").write_text(json.dumps(payload, ensure_ascii=False), encoding="utf-8")

    @classmethod
    def load(cls, folder: Path) -> "LexicalIndex":
        """Read an index written by `save`."""
        import bm25s

        retriever = bm25s.BM25.load(str(folder), show_progress=False)
        payload = json.loads((folder / "words.json").read_text(encoding="utf-8"))
        return cls(retriever, Speller(payload["frequencies"]), payload["doc_freq"], payload["n_docs"])

    def query_terms(self, question: str) -> list[str]:
        """Stemmed terms of a question, with misspelt words corrected against the corpus."""
        result = []
        for word in question_words(question):
            term = stem(word)
            if term not in self._vocab:
                corrected = self.speller.correct(word)
                if corrected:
                    term = stem(corrected)
            result.append(term)
        return result

    def idf(self, term: str) -> float:
        """Inverse document frequency; unknown terms weigh as much as the rarest."""
        df = self.doc_freq.get(term, 0)
        return math.log(1 + (self.n_docs - df + 0.5) / (df + 0.5))

    def scores(self, query_terms: list[str]) -> np.ndarray:
        """BM25 score of every passage."""
        known = [t for t in query_terms if t in self._vocab]
        if not known:
            return np.zeros(self.n_docs, dtype=np.float32)
        return np.asarray(self.retriever.get_scores(known), dtype=np.float32)

    def unknown_share(self, query_terms: list[str]) -> float:
        """Share of the question's idf weight carried by words that no passage contains."""
        unique = set(query_terms)
        total = sum(self.idf(t) for t in unique)
        return sum(self.idf(t) for t in unique if t not in self._vocab) / total if total else 1.0

    def coverage(self, query_terms: list[str], passage_terms: set[str]) -> float:
        """Share of the question's idf weight that a passage contains (0..1)."""
        unique = set(query_terms)
        total = sum(self.idf(t) for t in unique)
        if total == 0:
            return 0.0
        return sum(self.idf(t) for t in unique if t in passage_terms) / total
