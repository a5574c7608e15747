"""French text normalisation shared by lexical search and answer composition."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_STOP_WORDS = """
a afin ai aie aient aies ait alors as au aucun aucune aupres auquel aussi autre autres aux auxquelles
auxquels avaient avais avait avant avec avez aviez avions avoir avons ayant ayez ayons bon c ca ce ceci
cela celle celles celui cependant certain certaine certaines certains ces cet cette ceux chacun chaque
chez ci comme comment d dans de des desquelles desquels dont donc du duquel elle elles en encore entre
es est et etaient etais etait etant ete etes etiez etions etre eu eue eues eurent eus eusse eussent
eusses eussiez eussions eut eux faire fait fais font fut furent fus i il ils j je jusqu l la laquelle le
lequel les lesquelles lesquels leur leurs lors lui m ma mais me meme memes mes moi mon n ne ni non nos
notre nous on ont ou par parce pas peu peut peuvent plus pour pourquoi puis qu quand que quel quelle
quelles quels qui quoi s sa sans se sera serait ses seulement si sien soi soient sois soit sommes son
sont sous soyez soyons suis sur t ta tandis te tes toi ton tous tout toute toutes tres tu un une unes
uns vers via voici voila vos votre vous y
quoi svp merci bonjour quest estce combien
guide guides selon apres parle parlent disent dit mentionne mentionnent evoque evoquent evoques
document documents differents
""".split()
STOP_WORDS = frozenset(_STOP_WORDS)
_TOKEN = re.compile(r"[a-z0-9]+")
_ELISION = re.compile(r"\b(?:l|d|qu|n|s|j|c|m|t|jusqu|lorsqu|puisqu|quoiqu)['’]", re.IGNORECASE)


def fold(text: str) -> str:
    """Lower-case and strip accents: "Économie" → "economie"."""
    text = text.lower().replace("œ", "oe").replace("æ", "ae")
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


_COMPOUND = re.compile(r"\b([a-z]{2,})-([a-z]{2,})\b")
# "peut-elle", "doit-on": a verb and its subject pronoun, not a compound word
_PRONOUNS = frozenset("je tu il elle on nous vous ils elles ce".split())


def words(text: str) -> list[str]:
    """Folded words of a text, elisions removed, stop words kept.

    A hyphenated compound also yields its joined form, so "micro-crédit" meets "microcrédit".
    """
    folded = fold(_ELISION.sub(" ", text))
    joined = [a + b for a, b in _COMPOUND.findall(folded)
              if b not in _PRONOUNS and a not in STOP_WORDS]
    return _TOKEN.findall(folded) + joined


@lru_cache(maxsize=1)
def _stemmer():
    import Stemmer

    return Stemmer.Stemmer("french")


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """Snowball French stem of a folded word (numbers and acronyms kept whole)."""
    if word.isdigit() or len(word) <= 3:
        return word
    return _stemmer().stemWord(word)


def content_words(text: str) -> list[str]:
    """Folded words without stop words or one-letter words."""
    return [w for w in words(text) if w not in STOP_WORDS and len(w) > 1]


def terms(text: str) -> list[str]:
    """The stemmed index terms of a text."""
    return [stem(w) for w in content_words(text)]
