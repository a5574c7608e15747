"""French-aware text keys: accents folded, words stemmed (PyStemmer), for search and duplicates."""

from __future__ import annotations

from cocon.french import fold, folded_words, stem  # noqa: F401 (fold re-exported)

STOP_WORDS = frozenset("""a au aux avec ce ces d dans de des du en et l la le les leur leurs
ou par pour qu que qui sa se ses son sur un une""".split())


def search_terms(text: str) -> list[str]:
    """The stems a query or a document is matched on, stop words dropped, order kept."""
    seen: dict[str, None] = {}
    for word in folded_words(text):
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
    return " ".join(folded_words(text.replace("-", " ")))
