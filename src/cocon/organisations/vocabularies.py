"""The ESS families, sectors, territorial stakes and size ranges a directory speaks in.

Labels are English msgids marked with N_ so the web layer translates them (French first);
imports also accept the French labels and the codes, folded (accents and case ignored).
"""

from __future__ import annotations

import enum
import re

from cocon.organisations.text import fold


def N_(message: str) -> str:
    """Mark a label for extraction without translating it here (the core has no locale)."""
    return message


class LegalForm(str, enum.Enum):
    """The ESS families (loi du 31 juillet 2014, article 1)."""

    ASSOCIATION = "association"
    COOPERATIVE = "cooperative"
    MUTUELLE = "mutuelle"
    FONDATION = "fondation"
    ENTREPRISE_ESS = "entreprise_ess"


class Status(str, enum.Enum):
    """A proposed organisation waits for a facilitator before entering the public directory."""

    PENDING = "pending"
    VALIDATED = "validated"


LEGAL_FORMS = {
    LegalForm.ASSOCIATION: N_("Association"),
    LegalForm.COOPERATIVE: N_("Cooperative"),
    LegalForm.MUTUELLE: N_("Mutual"),
    LegalForm.FONDATION: N_("Foundation"),
    LegalForm.ENTREPRISE_ESS: N_("ESS commercial company"),
}
FRENCH_LEGAL_FORMS = {LegalForm.ASSOCIATION: "Association", LegalForm.COOPERATIVE: "Coopérative",
                      LegalForm.MUTUELLE: "Mutuelle", LegalForm.FONDATION: "Fondation",
                      LegalForm.ENTREPRISE_ESS: "Entreprise commerciale de l'ESS"}

COOPERATIVE_KINDS = {
    "scop": N_("SCOP (worker cooperative)"),
    "scic": N_("SCIC (multi-stakeholder cooperative)"),
    "cae": N_("CAE (business and employment cooperative)"),
    "usagers": N_("Users' cooperative"),
    "autre": N_("Other cooperative"),
}
FRENCH_COOPERATIVE_KINDS = {"scop": "SCOP", "scic": "SCIC", "cae": "CAE",
                            "usagers": "Coopérative d'usagers", "autre": "Autre coopérative"}

SECTORS = {
    "action_sociale": N_("Social action"), "agriculture": N_("Agriculture and food"),
    "batiment": N_("Building and housing"), "commerce": N_("Fair and local trade"),
    "culture": N_("Culture and arts"), "education": N_("Education and training"),
    "energie": N_("Energy"), "environnement": N_("Environment and recycling"),
    "finance": N_("Solidarity finance and insurance"), "insertion": N_("Work integration"),
    "numerique": N_("Digital"), "sante": N_("Health"), "services": N_("Services to people"),
    "sport": N_("Sport and leisure"), "transport": N_("Transport and mobility"),
}
FRENCH_SECTORS = {
    "action_sociale": "Action sociale", "agriculture": "Agriculture et alimentation",
    "batiment": "Bâtiment et habitat", "commerce": "Commerce équitable et de proximité",
    "culture": "Culture et arts", "education": "Éducation et formation", "energie": "Énergie",
    "environnement": "Environnement et réemploi", "finance": "Finance solidaire et assurance",
    "insertion": "Insertion par l'activité économique", "numerique": "Numérique",
    "sante": "Santé", "services": "Services aux personnes", "sport": "Sport et loisirs",
    "transport": "Transport et mobilité",
}

STAKES = {
    "emploi": N_("Employment"), "logement": N_("Housing"), "alimentation": N_("Food"),
    "economie_circulaire": N_("Circular economy"), "sante": N_("Health"),
    "culture": N_("Culture"), "mobilite": N_("Mobility"), "numerique": N_("Digital inclusion"),
    "transition_ecologique": N_("Ecological transition"), "cohesion_sociale": N_("Social cohesion"),
    "education": N_("Education"), "egalite": N_("Gender equality"),
}
FRENCH_STAKES = {
    "emploi": "Emploi", "logement": "Logement", "alimentation": "Alimentation",
    "economie_circulaire": "Économie circulaire", "sante": "Santé", "culture": "Culture",
    "mobilite": "Mobilité", "numerique": "Numérique", "transition_ecologique": "Transition écologique",
    "cohesion_sociale": "Cohésion sociale", "education": "Éducation",
    "egalite": "Égalité femmes-hommes",
}

SIZE_RANGES = {
    "0": N_("No employee"), "1-9": N_("1 to 9 employees"), "10-49": N_("10 to 49 employees"),
    "50-249": N_("50 to 249 employees"), "250+": N_("250 employees or more"),
}


def _lookup(table: dict, french: dict) -> dict[str, str]:
    """Folded code, English label and French label → code."""
    found: dict[str, str] = {}
    for code, label in table.items():
        key = code.value if isinstance(code, enum.Enum) else code
        for name in (key, label, french.get(code, "")):
            if name:
                found[fold(name).replace("_", " ").strip()] = key
    return found


_LEGAL = _lookup(LEGAL_FORMS, FRENCH_LEGAL_FORMS)
_KINDS = _lookup(COOPERATIVE_KINDS, FRENCH_COOPERATIVE_KINDS)
_SECTORS = _lookup(SECTORS, FRENCH_SECTORS)
_STAKES = _lookup(STAKES, FRENCH_STAKES)
_SIZE_STARTS = {"0": "0", "1": "1-9", "10": "10-49", "50": "50-249", "250": "250+"}


def _find(table: dict[str, str], value: str) -> str | None:
    return table.get(fold(value).replace("_", " ").replace("’", "'").strip())


def legal_form_code(value: str) -> tuple[str | None, str | None]:
    """(legal form, cooperative kind) named by a code or label; "SCOP" means a cooperative."""
    form = _find(_LEGAL, value)
    if form:
        return form, None
    kind = _find(_KINDS, value)
    return (LegalForm.COOPERATIVE.value, kind) if kind else (None, None)


def cooperative_kind_code(value: str) -> str | None:
    """The cooperative kind named by a code or a label."""
    return _find(_KINDS, value)


def sector_code(value: str) -> str | None:
    """The sector named by a code or a label."""
    return _find(_SECTORS, value)


def stake_code(value: str) -> str | None:
    """The stake named by a code or a label."""
    return _find(_STAKES, value)


def size_code(value: str) -> str | None:
    """The size range named by its code ("10-49") or a loose spelling ("10 à 49 salariés")."""
    value = value.strip()
    if value in SIZE_RANGES:
        return value
    if fold(value).startswith(("aucun", "sans", "no ")):
        return "0"
    numbers = re.findall(r"\d+", value)
    return _SIZE_STARTS.get(numbers[0]) if numbers else None
