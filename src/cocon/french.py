"""French text basics shared by the assistant, the forum search and the directory:
accents folded, elisions removed, words stemmed with Snowball (PyStemmer)."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

TOKEN = re.compile(r"[a-z0-9]+")
ELISION = re.compile(r"\b(?:l|d|qu|n|s|j|c|m|t|jusqu|lorsqu|puisqu|quoiqu)['’]", re.IGNORECASE)


def fold(text: str) -> str:
    """Lower-case and strip accents: "Économie" → "economie"."""
    text = text.lower().replace("œ", "oe").replace("æ", "ae")
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def folded_words(text: str) -> list[str]:
    """The folded words of a text, elisions removed ("l'économie" → "economie")."""
    return TOKEN.findall(fold(ELISION.sub(" ", text or "")))


@lru_cache(maxsize=1)
def _stemmer():
    import Stemmer

    return Stemmer.Stemmer("french")


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """Snowball French stem of a folded word (numbers and words of ≤ 3 letters kept whole)."""
    if word.isdigit() or len(word) <= 3:
        return word
    return _stemmer().stemWord(word)
