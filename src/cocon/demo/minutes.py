"""Demonstration minutes: the facilitator's notes and actions on the past plenary, as a draft."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from cocon.council.plenary.models import Plenary
from cocon.minutes.notes_service import save_note
from cocon.minutes.services import add_action, get_or_create_minutes

NOTES = [
    "Quorum constaté à l'ouverture ; la séance est ouverte à 18 h 05.",
    "La vice-présidente présente le bilan :\n\n- fonds d'amorçage : 12 projets soutenus ;\n"
    "- achats responsables : 9 % des marchés réservés ;\n- trois tiers-lieux accompagnés.",
    "L'atelier présente sa proposition. Débat sur le seuil de **15 %** et sur "
    "l'accompagnement des petites structures.",
    "Les associations demandent un inventaire des locaux vacants avant la fin de l'année.",
    "Les trois thèmes retenus seront travaillés en ateliers dès la rentrée.",
]
ACTIONS = [("Publier l'inventaire des locaux vacants de la collectivité", "Service ESS", 60),
           ("Envoyer le calendrier des ateliers thématiques", "Équipe d'animation", 21)]


def add_minutes(db: Session, council, *, now) -> None:
    """Draft the minutes of the past plenary: notes on each item and the actions decided."""
    users = {m.user.email.split("@")[0]: m.user for m in council.memberships}
    facilitator = users["animation"]
    plenary = db.scalar(select(Plenary).where(Plenary.council_id == council.id)
                        .order_by(Plenary.starts_at).limit(1))
    if plenary is None:
        return
    written = plenary.starts_at + timedelta(days=1)
    minutes = get_or_create_minutes(db, plenary=plenary, now=written)
    for item, text in zip(plenary.items, NOTES):
        save_note(db, minutes=minutes, item=item, body=text, actor=facilitator, now=written)
    for description, responsible, days in ACTIONS:
        add_action(db, minutes=minutes, description=description, responsible=responsible,
                   due=(plenary.starts_at + timedelta(days=days)).date(), actor=facilitator,
                   now=written)
