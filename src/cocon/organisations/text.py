"""French-aware text keys: accents folded, words stemmed (PyStemmer), for search and duplicates."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_WORD = re.compile(r"[a-z0-9]+")
_ELISION = re.compile(r"\b(?:l|d|qu|n|s|j|c|m|t|jusqu|lorsqu|puisqu)['’]", re.IGNORECASE)
STOP_WORDS = frozenset("""a au aux avec ce ces d dans de des du en et l la le les leur leurs
ou par pour qu que qui sa se ses son sur un une""".split())


def fold(text: str) -> str:
    """Lower-case and strip accents: "Coopérative" → "cooperative"."""
    text = text.lower().replace("œ", "oe").replace("æ", "ae")
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def words(text: str) -> list[str]:
    """Folded words of a text, elisions removed."""
    return _WORD.findall(fold(_ELISION.sub(" ", text or "")))


@lru_cache(maxsize=1)
def _stemmer():
    import Stemmer

    return Stemmer.Stemmer("french")


@lru_cache(maxsize=50_000)
def stem(word: str) -> str:
    """Snowball French stem of a folded word; numbers and short words stay whole."""
    if word.isdigit() or len(word) <= 3:
        return word
    return _stemmer().stemWord(word)


def search_terms(text: str) -> list[str]:
    """The stems a query or a document is matched on, stop words dropped, order kept."""
    seen: dict[str, None] = {}
    for word in words(text):
        if word not in STOP_WORDS:
            seen.setdefault(stem(word))
    return list(seen)


def search_key(*texts: str) -> str:
    """The stored search text: stems between spaces, so `LIKE '% stem%'` finds a prefix."""
    terms: dict[str, None] = {}
    for text in texts:
        for term in search_terms(text):
            terms.setdefault(term)
    return " " + " ".join(terms) + " "


def name_key(text: str) -> str:
    """The key that makes two spellings of one name or commune the same (duplicates)."""
    return " ".join(words(text.replace("-", " ")))
