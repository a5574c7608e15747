"""Acronyms of the social and solidarity economy, used to expand questions both ways."""

from __future__ import annotations

import re

from .french import fold

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
}

# Too common in these guides to add anything but noise when expanded.
NOT_EXPANDED = {"ESS", "IS"}
_FOLDED = {fold(expansion): acronym for acronym, expansion in ACRONYMS.items() if acronym not in NOT_EXPANDED}


def expand(question: str) -> str:
    """Words to add to a question: the meaning of its acronyms, the acronym of its phrases."""
    extra: list[str] = []
    for token in re.findall(r"[A-Za-zÀ-ÿ]{2,8}", question):
        upper = token.upper()
        # Lower-case words that merely look like acronyms ("pat", "ea", "is") are left alone.
        if upper in ACRONYMS and upper not in NOT_EXPANDED and (token.isupper() or len(token) >= 4):
            extra.append(ACRONYMS[upper])
    folded = fold(question)
    for phrase, acronym in _FOLDED.items():
        if phrase in folded:
            extra.append(acronym)
    return " ".join(dict.fromkeys(extra))

# Everyday words → the words the guides use for the same thing. General to local ESS policy,
# not to particular questions; triggers are folded word prefixes.
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
    (("local pas cher", "locaux", "bureau", "batiment"), "locaux loyers lieux foncier tiers-lieux"),
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
    folded = " " + fold(question).replace("’", "'") + " "
    extra = []
    for triggers, words in THESAURUS:
        if any(f" {t}" in folded for t in triggers):
            extra.append(words)
    return " ".join(extra)
