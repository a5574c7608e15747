"""Acronyms of the social and solidarity economy, used to expand questions both ways, and a
small thesaurus from everyday words to the guides' words.

The acronyms are the hand-written list below merged with the pairs the guides define themselves
("contrats de relance et de transition écologique (CRTE)", "SEL (Systèmes d'échanges locaux)"),
harvested from the indexed passages when the assistant loads its index (`Glossary`); the
hand-written meaning wins when both exist.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from .french import STOP_WORDS, fold, terms

ACRONYMS: dict[str, str] = {
    "ESS": "économie sociale et solidaire",
    "IS": "innovation sociale",
    "SCIC": "société coopérative d'intérêt collectif",
    "SCOP": "société coopérative et participative",
    "ESUS": "entreprise solidaire d'utilité sociale",
    "CRESS": "chambre régionale de l'économie sociale et solidaire",
    "PTCE": "pôle territorial de coopération économique",
    "CAE": "coopérative d'activité et d'emploi",
    "SIAE": "structure d'insertion par l'activité économique",
    "IAE": "insertion par l'activité économique",
    "RTES": "réseau des collectivités territoriales pour une économie solidaire",
    "AMAP": "association pour le maintien d'une agriculture paysanne",
    "AIMF": "association internationale des maires francophones",
    "AFD": "agence française de développement",
    "ARENE": "agence régionale de l'environnement et des nouvelles énergies",
    "OIT": "organisation internationale du travail",
    "ONG": "organisation non gouvernementale",
    "EPCI": "établissement public de coopération intercommunale",
    "PLIE": "plan local pour l'insertion et l'emploi",
    "DLA": "dispositif local d'accompagnement",
    "SRDEII": "schéma régional de développement économique, d'innovation et d'internationalisation",
    "SPASER": "schéma de promotion des achats socialement et écologiquement responsables",
    "PAT": "projet alimentaire territorial",
    "TZCLD": "territoires zéro chômeur de longue durée",
    "EBE": "entreprise à but d'emploi",
    "FEDER": "fonds européen de développement régional",
    "FSE": "fonds social européen",
    "RSE": "responsabilité sociétale des entreprises",
    "ODD": "objectifs de développement durable",
    "CIGALES": "clubs d'investisseurs pour une gestion alternative et locale de l'épargne solidaire",
    "EA": "entreprise adaptée",
    "ESAT": "établissement et service d'aide par le travail",
    "QPV": "quartiers prioritaires de la politique de la ville",
    "PAEN": "périmètre de protection des espaces agricoles et naturels périurbains",
}

# Too common in these guides to add anything but noise when expanded.
NOT_EXPANDED = {"ESS", "IS"}
_TOKEN = re.compile(r"(?<!\w)[^\W\d_]{2,8}(?!\w)")


class Glossary:
    """Acronyms and their meanings, looked up in questions both ways."""

    def __init__(self, acronyms: dict[str, str], common_words: frozenset[str] = frozenset()) -> None:
        self.acronyms = {a: m for a, m in acronyms.items() if a not in NOT_EXPANDED}
        # Acronyms that are also ordinary lower-case words of the guides ("sel", "east") are only
        # expanded when written in capitals.
        self.common_words = common_words
        self._phrases = {fold(m): a for a, m in self.acronyms.items()}
        self._stemmed = {}
        for acronym, meaning in self.acronyms.items():
            key = tuple(terms(meaning))
            if len(key) >= 2:
                self._stemmed.setdefault(key, acronym)

    @classmethod
    def from_texts(cls, texts: list[str], hand_written: dict[str, str] | None = None) -> "Glossary":
        """The hand-written acronyms completed by those the texts define (hand-written wins)."""
        hand_written = ACRONYMS if hand_written is None else hand_written
        merged = dict(harvest_acronyms(texts))
        merged.update(hand_written)
        common = frozenset(w for t in texts for w in _LOWER_WORD.findall(t))
        return cls(merged, common)

    def expand(self, question: str) -> str:
        """Words to add to a question: the meaning of its acronyms, the acronym of its phrases."""
        extra: list[str] = []
        for token in _TOKEN.findall(question):
            upper = token.upper()
            if upper not in self.acronyms:
                continue
            # Lower-case words that merely look like acronyms ("pat", "ea", "is", "sel") are left alone.
            if token.isupper() or (len(token) >= 4 and (upper in ACRONYMS or token.lower() not in self.common_words)):
                extra.append(self.acronyms[upper])
        folded = fold(question)
        for phrase, acronym in self._phrases.items():
            if phrase in folded:
                extra.append(acronym)
        question_terms = terms(question)
        if len(question_terms) >= 2:
            joined = " " + " ".join(question_terms) + " "
            for key, acronym in self._stemmed.items():
                if " " + " ".join(key) + " " in joined:
                    extra.append(acronym)
        return " ".join(dict.fromkeys(extra))


@lru_cache(maxsize=1)
def _hand_written() -> Glossary:
    return Glossary(ACRONYMS)


def expand(question: str, glossary: Glossary | None = None) -> str:
    """Words to add to a question: the meaning of its acronyms, the acronym of its phrases
    (with the hand-written acronyms unless a `glossary` is given)."""
    return (glossary or _hand_written()).expand(question)


# --- acronyms the guides define --------------------------------------------------------------

_ACRONYM = r"[A-Z][A-Za-z0-9&]{1,9}"
_DEFINED_BEFORE = re.compile(r"\((" + _ACRONYM + r")\)")  # "long form (ACR)"
_DEFINED_AFTER = re.compile(r"\b(" + _ACRONYM + r")\s+\(([^()]{5,160})\)")  # "ACR (long form)"
_WORDS = re.compile(r"[^\W\d_]+")  # words split at spaces, apostrophes and hyphens
_LOWER_WORD = re.compile(r"(?<!\w)[a-zà-ÿ]{2,8}(?!\w)")
_MAX_SKIPPED = 1  # content words of a long form that give no letter ("Conseil [supérieur] …")


def looks_like_acronym(token: str) -> bool:
    """"CRTE", "SRADDET", "Scop" is not (one capital), "R&D" is."""
    letters = [c for c in token if c.isalpha()]
    capitals = sum(c.isupper() for c in letters)
    return len(letters) >= 2 and token[:2].isupper() and capitals >= max(2, len(letters) - 2)


def long_form_start(acronym: str, words: list[str]) -> int | None:
    """Index of the first of `words` when their ending spells `acronym` by initials, else None.

    Each letter (or up to three, "COopérative") comes from the start of a word, read backwards
    from the last word, which must give a letter; stop words may be skipped, and one other word;
    the first word may not be a stop word.
    """
    letters = "".join(c for c in fold(acronym) if c.isalnum())
    folded = [fold(w) for w in words]
    last = len(folded) - 1

    @lru_cache(maxsize=None)
    def search(li: int, wi: int, skips: int) -> int | None:
        if wi < 0:
            return None
        word = folded[wi]
        for k in range(min(3, li + 1), 0, -1):
            if letters[li - k + 1: li + 1] == word[:k]:
                if li - k < 0:
                    if word not in STOP_WORDS:
                        return wi
                else:
                    found = search(li - k, wi - 1, skips)
                    if found is not None:
                        return found
        if wi == last:
            return None  # the word right before the acronym gives its last letter
        if word in STOP_WORDS:
            return search(li, wi - 1, skips)
        return search(li, wi - 1, skips - 1) if skips > 0 else None

    return search(len(letters) - 1, last, _MAX_SKIPPED) if letters and words else None


def harvest_acronyms(texts: list[str]) -> dict[str, str]:
    """Acronyms the texts define, with their most frequent long form (first seen on a tie)."""
    seen: dict[str, Counter] = {}

    def note(acronym: str, text: str, spans: list[re.Match], start: int | None, minimum: int = 2) -> None:
        if start is not None and len(spans) - start >= minimum:
            long_form = " ".join(text[spans[start].start():spans[-1].end()].split())
            seen.setdefault(acronym, Counter())[long_form] += 1

    for text in texts:
        for match in _DEFINED_BEFORE.finditer(text):
            acronym = match.group(1)
            if looks_like_acronym(acronym):
                spans = list(_WORDS.finditer(text, max(0, match.start() - 400), match.start()))
                spans = spans[-(3 * len(acronym) + 4):]
                note(acronym, text, spans, long_form_start(acronym, [m.group() for m in spans]))
        for match in _DEFINED_AFTER.finditer(text):
            acronym = match.group(1)
            if not looks_like_acronym(acronym):
                continue
            inside = re.split(r"[,;:]", match.group(2))[0]
            spans = list(_WORDS.finditer(inside))
            for end in range(2, min(len(spans), 3 * len(acronym) + 4) + 1):
                if long_form_start(acronym, [m.group() for m in spans[:end]]) == 0:
                    note(acronym, inside, spans[:end], 0)
                    break
    return {acronym: forms.most_common(1)[0][0] for acronym, forms in seen.items()}


# Everyday words → the words the guides use for the same thing. General to local ESS policy,
# not to particular questions; triggers are folded word prefixes, or whole words when they end
# with a space ("asso " is not "associer").
THESAURUS: list[tuple[tuple[str, ...], str]] = [
    (("mairie", "municipal"), "commune collectivité ville"),
    (("ville", "villes"), "collectivités communes métropoles"),
    (("argent", "financer", "payer", "sous", "budget"), "financement financements subvention"),
    (("aider", "aide", "appuyer"), "soutenir soutien accompagnement appui"),
    (("entreprises sociales", "entreprise sociale", "entreprises solidaires", "structures solidaires",
      "entrepreneurs sociaux"), "structures acteurs de l'ESS"),
    (("marche public", "marches publics", "appel d'offre", "appels d'offres"), "commande publique achats clauses"),
    (("nourriture", "manger", "repas", "agricult"), "alimentation alimentaire circuits courts"),
    (("logement", "loger", "immobili", "terrain"), "habitat foncier"),
    # "des locaux" (premises), not "acteurs locaux", "élus locaux", "plans locaux" (the adjective)
    (("local pas cher", "un local ", "le local ", "du local ", "des locaux", "les locaux", "de locaux",
      "nos locaux", "vos locaux", "leurs locaux", "ses locaux", "en locaux", "bureau", "batiment"),
     "locaux loyers lieux foncier tiers-lieux"),
    (("chomage", "chomeur", "travail", "emploi"), "emploi insertion"),
    (("etranger", "international", "afrique", "pays du sud"), "coopération décentralisée solidarité internationale"),
    (("informatique", "internet", "ordinateur", "digital"), "numérique"),
    (("chauffage", "electricite", "facture"), "énergie précarité énergétique"),
    (("demarrer", "lancer", "creer", "monter"), "création émergence amorçage porteurs de projet"),
    (("benefice",), "excédents bénéfices"),
    (("mettre de cote", "epargne"), "réserve"),
    (("danger", "risque", "piege", "attention"), "vigilance points d'attention"),
    (("mesurer", "effets", "resultats", "impact"), "évaluation indicateurs impact"),
    (("ecrire", "ecriture", "participer", "associer", "concerter"), "co-construction concertation élaboration"),
    (("dechet", "recycl", "reparer", "reparation"), "économie circulaire réemploi recyclage"),
    (("monnaie",), "monnaie locale complémentaire"),
    (("quartier", "banlieue", "pauvre", "pauvrete"), "quartiers prioritaires politique de la ville"),
    (("definition", "definir", "c'est quoi", "qu'est-ce", "signifie"), "désigne définition se caractérise"),
    (("loi",), "loi juridique réglementaire"),
    (("former", "formation", "apprendre"), "formation sensibilisation"),
]


def synonyms(question: str) -> str:
    """Guide vocabulary for the everyday words of a question."""
    folded = " " + re.sub(r"[^\w'-]+", " ", fold(question).replace("’", "'")) + " "
    extra = []
    for triggers, words in THESAURUS:
        if any(f" {t}" in folded for t in triggers):
            extra.append(words)
    return " ".join(extra)
