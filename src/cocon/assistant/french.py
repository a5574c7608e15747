"""French text normalisation shared by lexical search and answer composition."""

from __future__ import annotations

import re

from cocon.french import ELISION, TOKEN, fold, stem  # noqa: F401 (fold, stem re-exported)

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
selon apres parle parlent disent dit mentionne mentionnent evoque evoquent evoques
document documents differents
""".split()
STOP_WORDS = frozenset(_STOP_WORDS)
# Words of the way a question is asked, not of what it asks ("l'eusko c'est quoi exactement",
# "PAEN et ZAP, ça veut dire quoi ?"). Left out of questions only: in the guides they are words.
QUESTION_FILLERS = frozenset("""
cest koi kwa quoi exactement precisement vraiment ca veut veux voudrais voudrait
voudrions aimerais aimerait dire signifie signifient sagit agit svp stp bonjour bonsoir salut merci
savoir expliquer explique expliquez pouvez pourriez pourrais
""".split())
# A question about the corpus itself ("selon les guides", "que disent les guides") names the
# guides without asking about a guide; "un guide pratique pour les élus" does ask about one.
_ABOUT_THE_GUIDES = re.compile(
    r"\b(?:le|les|ce|ces|vos|nos|tes|du|aux|au)\s+(?:(?:differents|divers|autres|deux|trois|quatre|cinq)\s+)?"
    r"guides?\b")
_COMPOUND = re.compile(r"\b([a-z]{2,})-([a-z]{2,})\b")
# "peut-elle", "doit-on": a verb and its subject pronoun, not a compound word
_PRONOUNS = frozenset("je tu il elle on nous vous ils elles ce".split())


def words(text: str) -> list[str]:
    """Folded words of a text, elisions removed, stop words kept.

    A hyphenated compound also yields its joined form, so "micro-crédit" meets "microcrédit".
    """
    folded = fold(ELISION.sub(" ", text))
    joined = [a + b for a, b in _COMPOUND.findall(folded)
              if b not in _PRONOUNS and a not in STOP_WORDS]
    return TOKEN.findall(folded) + joined


def content_words(text: str) -> list[str]:
    """Folded words without stop words or one-letter words."""
    return [w for w in words(text) if w not in STOP_WORDS and len(w) > 1]


def terms(text: str) -> list[str]:
    """The stemmed index terms of a text."""
    return [stem(w) for w in content_words(text)]


# Short forms people type for the guides' words.
COLLOQUIAL = {"asso": "association", "assos": "associations", "assoc": "association",
              "coop": "cooperative", "coops": "cooperatives", "subv": "subvention"}


def question_words(question: str) -> list[str]:
    """Content words of a question, without the words of its phrasing ("c'est quoi", "selon les
    guides"), short forms written out ("assos" → "associations")."""
    folded = _ABOUT_THE_GUIDES.sub(" ", fold(ELISION.sub(" ", question)))
    return [COLLOQUIAL.get(w, w) for w in content_words(folded) if w not in QUESTION_FILLERS]
