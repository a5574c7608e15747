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

_FOLDED = {fold(expansion): acronym for acronym, expansion in ACRONYMS.items()}


def expand(question: str) -> str:
    """Words to add to a question: the meaning of its acronyms, the acronym of its phrases."""
    extra: list[str] = []
    for token in re.findall(r"[A-Za-zÀ-ÿ]{2,8}", question):
        upper = token.upper()
        # Lower-case words that merely look like acronyms ("pat", "ea", "is") are left alone.
        if upper in ACRONYMS and (token.isupper() or len(token) >= 4):
            extra.append(ACRONYMS[upper])
    folded = fold(question)
    for phrase, acronym in _FOLDED.items():
        if phrase in folded:
            extra.append(acronym)
    return " ".join(dict.fromkeys(extra))
