"""Compose a short French answer from sentences of the best passages, each one cited."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .french import fold, terms

ABSTENTION = ("Les guides du corpus ne répondent pas à cette question. Vous pouvez la proposer "
              "à un atelier thématique du Conseil de l'ESS, qui pourra s'en saisir.")
MAX_SENTENCES = 3
# passages._cut_long cuts sentences over 500 characters between half and all of that length.
_CUT_PIECE_CHARS = 200
_SHORT_CONTINUATION = 300  # characters of a cut sentence's end quoted along with its start


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


# A reference inside a sentence ("(pour en savoir plus : www.selidaire.org)", a bare link) says
# where to read more; it does not make the rest of the sentence any less of a statement.
_REFERENCE = re.compile(r"\(\s*(?:pour en savoir plus|plus d['’]informations?|voir|cf\.?|source)[^()]*\)"
                        r"|\(\s*(?:https?://|www\.)[^()]*\)|(?:https?://|www\.)\S+", re.IGNORECASE)
_MIN_WORDS_AROUND_LINK = 6
LINK_QUALITY = 0.85  # a sentence carrying a link is often a pointer rather than the answer itself
_FOOTNOTE = re.compile(r"^\[\d+\]")


def _without_references(sentence: str) -> str:
    """The sentence with its links and "(pour en savoir plus …)" asides removed, for judging."""
    text = _REFERENCE.sub(" ", sentence)
    text = re.sub(r"\s+([.,;:!?…])", r"\1", text)
    return " ".join(text.split())


def _quotable(sentence: str) -> float:
    """How well a sentence stands on its own: 0 for headings and scraps, 1 for a full sentence."""
    stripped = sentence.strip()
    if stripped.lower().startswith("source") or _FOOTNOTE.match(stripped):
        return 0.0  # references, not statements
    has_link = "http" in stripped or "www." in stripped
    if has_link:
        stripped = _without_references(stripped)
        if stripped.endswith(":"):
            return 0.0  # "rendez-vous sur : www…": the link was the whole point
    has_figure = any(c.isdigit() for c in stripped)
    words = [w for w in stripped.split() if any(c.isalpha() for c in w)]
    if len(words) < (_MIN_WORDS_AROUND_LINK if has_link else 3 if has_figure else 5):
        return 0.0  # little more than a link
    is_item = stripped.startswith(_ITEM)
    # A piece of a very long sentence that the splitter cut after a comma (passages._cut_long).
    is_cut = stripped.endswith(",") and len(stripped) >= _CUT_PIECE_CHARS
    if not stripped.endswith(_END) and not is_item and not is_cut:
        return 0.8 if has_figure else 0.0  # a key figure is quotable; a heading is not
    body = stripped[2:].lstrip() if is_item else stripped
    quality = 0.7 if body[:1].islower() and not is_item else 1.0
    return quality * (LINK_QUALITY if has_link else 1.0)


# Questions that ask for a number, a date, an amount or a duration (read on the folded question,
# before stop words are removed: "combien" and "quand" are stop words).
_FIGURE_QUESTION = re.compile(
    r"\b(?:combien|quand|en quelle annee|a quelle (?:date|epoque|periode)|a partir de quel"
    r"|(?:quel|quelle|quels|quelles) (?:est |sont |etait )?(?:le |la |les |l')?"
    r"(?:montant|pourcentage|delai|seuil|taux|somme|budget|cout|nombre|proportion|part|date|annee"
    r"|duree|age|prix|plafond|chiffre|effectif|frequence|echeance|periode|niveau)s?)\b")
_FIGURE = re.compile(
    r"\d|€|%|\b(?:deux|trois|quatre|cinq|six|sept|huit|dix|onze|douze|quinze|vingt|trente"
    r"|quarante|cinquante|soixante|cent|cents|mille|millions?|milliards?|moitie)\b")
FIGURE_BOOST = 1.5  # 1.25 to 2 gave the same evaluation figures; without it one answer lost its figure


def asks_for_figure(question: str) -> bool:
    """True for "combien", "quand", "en quelle année", "quel montant / délai / seuil …" questions."""
    return bool(_FIGURE_QUESTION.search(fold(question).replace("’", "'")))


_NUMBERING = re.compile(r"^\s*(?:[•›>–-]\s*)?\d{1,2}[.)]\s")  # "3. Former les élus" is not a figure


def _has_figure(sentence: str) -> bool:
    return bool(_FIGURE.search(fold(_NUMBERING.sub("", sentence))))


# Questions whose only useful answer is a figure: how many, how much, since when, which year,
# what amount, rate, share or duration. Narrower than `_FIGURE_QUESTION`: a bare "quand" often
# means "in which case", "quel niveau" or "quelle période" can be answered in words, "quelle
# part les collectivités prennent-elles" asks for a role, "quels prix récompensent" for awards.
_AMOUNT_NOUNS = (r"montant|pourcentage|delai|seuil|taux|somme|budget(?! participatif)|cout|nombre"
                 r"|proportion|date|annee|duree|age|plafond|chiffre|effectif|ecart")
_FIGURE_ONLY_QUESTION = re.compile(
    r"\bcombien\b"
    r"|\b(?:en|depuis|jusqu'en|a partir de) quelle annee\b|\b(?:depuis|jusqu'a|a partir de) quand\b"
    r"|\ba quelle date\b|\ben quel mois\b|\bquel jour\b"
    # quel(le)(s) [est / sera / a été…] [exactement…] [le / son / leur…] <noun>
    r"|\b(?:quel|quelle|quels|quelles) (?:(?:est|sont|etait|etaient|sera|seront|serait|a ete|ont ete) )?"
    r"(?:(?:exactement|precisement|actuellement|environ) )?"
    r"(?:(?:le|la|les|son|sa|ses|leur|leurs|ce|cette) |l')?(?:" + _AMOUNT_NOUNS + r")s?\b"
    r"|\b(?:quel|quelle)s? (?:(?:est|sont|etait|sera) )?(?:le|la|les|l'|son|sa|leur) prix\b"
    r"|\bquelle (?:est (?:la|sa|leur) )?part (?:de|des|du|d')"
    # keywords: "Montant maximum du prêt ?", "Nombre de salariés de l'ESS ?"
    r"|^\W*(?:(?:le|la|les) |l')?(?:" + _AMOUNT_NOUNS + r")s? (?:de|des|du|d'|max|min|moyen|total)")
# A quantity stated in a sentence: digits, number words, a fraction, an approximate number
# ("une quinzaine"), a share ("la plupart des") or a month ("en novembre" dates an event); a bare
# "%" or "€" (a table's heading, "% d'emplois") states none, nor do "tiers-lieux", "à des tiers",
# "un logement neuf" or "la majorité municipale".
_QUANTITY = re.compile(
    r"\d|\b(?:deux|trois|quatre|cinq|six|sept|huit|dix|onze|douze|treize|quatorze|quinze"
    r"|seize|vingt|trente|quarante|cinquante|soixante|cent|cents|mille|millions?|milliards?"
    r"|moitie)\b"
    r"|\bneuf [a-z]+s\b"
    r"|\b(?:un|deux|le|les deux) tiers\b(?!-)|\b(?:un|trois|le|les trois) quarts?\b"
    r"|\b(?:dizaine|douzaine|quinzaine|vingtaine|trentaine|quarantaine|cinquantaine|soixantaine"
    r"|centaine|millier)s?\b"
    r"|\b(?:majorite|plupart|totalite|minorite) (?:des|de|du|d')"
    r"|\b(?:un|une) (?:an|annee|mois|semaine|heure)s?\b"
    r"|\b(?:janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre)\b")


def _plain(text: str) -> str:
    """Folded, with straight apostrophes and single spaces: what the patterns above read."""
    return " ".join(fold(text).replace("’", "'").split())


def needs_figure(question: str) -> bool:
    """True when the question can only be answered with a figure ("combien", "quel montant")."""
    return bool(_FIGURE_ONLY_QUESTION.search(_plain(question)))


def states_quantity(sentence: str) -> bool:
    """True when a sentence gives a number, in digits or in words (a list's "3." does not count)."""
    return bool(_QUANTITY.search(_plain(_NUMBERING.sub("", sentence))))


def _is_cut(sentence: str) -> bool:
    """A piece of an over-long sentence cut after a comma, to be continued by the next piece."""
    return sentence.rstrip().endswith(",")


def pick_sentences(query_weights: dict[str, float], passages: list[list[str]],
                   limit: int = MAX_SENTENCES, *, blocks: list[int] | None = None,
                   positions: list[int] | None = None, figure: bool = False) -> list[tuple[int, str]]:
    """Choose sentences (source index, text) that best match the question.

    The best sentence comes first (with the list it belongs to), the others in reading order.

    The best passage always contributes; another passage only with a sentence nearly as
    relevant as the best one. `blocks` gives each passage the rank it counts as: a neighbour of
    the best passage in the same guide (a list split across two passages) counts as the best
    one; `positions` (places in the guide) then order the block in reading order. For a
    question asking for a figure (`figure`), sentences holding a number, amount, percentage,
    year or duration weigh more. A sentence that announces a list (ending with ":") brings the
    first items of that list along; a long sentence the splitter cut at a comma is quoted with
    its continuation when that is short, and pieces quoted one after the other are joined.
    Every text returned is a verbatim piece of its passage (`" ".join(sentences)`).
    """
    blocks = blocks if blocks is not None else list(range(len(passages)))
    scored: list[tuple[float, int, int]] = []
    for p_index, sentences in enumerate(passages):
        for s_index, sentence in enumerate(sentences):
            quality = _quotable(sentence)
            if quality:
                score = _sentence_score(sentence, query_weights) * quality * (1.0 - 0.15 * blocks[p_index])
                if figure and _has_figure(sentence):
                    score *= FIGURE_BOOST
                scored.append((score, p_index, s_index))
    if not scored:
        return []
    best = max(s[0] for s in scored)
    if best <= 0:
        first = next((s for s in scored if blocks[s[1]] == 0), scored[0])
        return [(first[1], _shown(passages[first[1]][first[2]]))]
    chosen = [s for s in sorted(scored, key=lambda s: -s[0])
              if s[0] >= (0.5 if blocks[s[1]] == 0 else 0.8) * best][:limit]
    picked: list[tuple[int, int]] = []
    for _, p_index, s_index in chosen:
        picked.append((p_index, s_index))
        sentences = passages[p_index]
        if sentences[s_index].rstrip().endswith(":"):
            picked.extend((p_index, i) for i in range(s_index + 1, min(s_index + 5, len(sentences))))
        elif _is_cut(sentences[s_index]) and s_index + 1 < len(sentences) \
                and len(sentences[s_index + 1]) <= _SHORT_CONTINUATION:
            picked.append((p_index, s_index + 1))

    def reading_order(item: tuple[int, int]) -> tuple[int, int, int]:
        p_index, s_index = item
        return (blocks[p_index], positions[p_index] if positions else p_index, s_index)

    # A list stays with its announcement and the pieces of a cut sentence are joined; the run
    # holding the best sentence comes first, the others follow in reading order.
    best_sentence = passages[chosen[0][1]][chosen[0][2]]
    runs: list[list[tuple[int, str]]] = []
    lead = 0
    seen: set[str] = set()
    previous: tuple[int, int] | None = None
    for p_index, s_index in sorted(set(picked), key=reading_order):
        sentence = passages[p_index][s_index]
        if sentence in seen:
            continue
        seen.add(sentence)
        follows = bool(runs) and previous == (p_index, s_index - 1)
        if follows and _is_cut(passages[p_index][s_index - 1]):
            runs[-1][-1] = (p_index, f"{runs[-1][-1][1]} {sentence}")  # two pieces of one sentence
        elif follows and runs[-1][0][1].rstrip().endswith(":"):
            runs[-1].append((p_index, sentence))  # an item of the list the run announces
        else:
            runs.append([(p_index, sentence)])
        if sentence == best_sentence:
            lead = len(runs) - 1
        previous = (p_index, s_index)
    if lead:
        runs.insert(0, runs.pop(lead))
    result = [entry for run in runs for entry in run]
    return [(p_index, _shown(text)) for p_index, text in result]


def _shown(text: str) -> str:
    """The quoted text without the dangling comma of a cut sentence (still a verbatim prefix)."""
    text = text.strip()
    return text[:-1].rstrip() if text.endswith(",") else text
