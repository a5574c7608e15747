"""Demonstration workshops: two thematic workshops with members, threads, a mention and an edit."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy.orm import Session

from cocon.accounts.services import find_user_by_email
from cocon.workshops import forum, services

WORKSHOPS = [
    {"title": "Alimentation durable et circuits courts", "theme": "Transition alimentaire",
     "facilitator": "animation", "public": True, "citizens": True,
     "description": ("Relier producteurs locaux, épiceries solidaires et restauration collective.\n\n"
                     "Objectif : une proposition pour la plénière de printemps."),
     "members": ["scop", "asso", "citoyenne1", "elue1", "cress"],
     "threads": [
         ("Approvisionner les cantines en produits locaux", [
             ("elue1", "La métropole sert 18 000 repas par jour. Nous visons **40 % de produits "
                       "locaux** d'ici deux ans. Quelles coopératives peuvent suivre les volumes ?"),
             ("scop", "Notre coopérative maraîchère peut fournir des légumes de saison, à condition "
                      "d'avoir des commandes planifiées sur l'année. @Camille Roth, votre "
                      "légumerie solidaire pourrait-elle faire la transformation ?"),
             ("asso", "Oui, la légumerie peut traiter environ 2 tonnes par semaine. Il nous "
                      "faudrait une convention sur trois ans pour embaucher en insertion."),
         ]),
         ("Épiceries solidaires : quel appui logistique ?", [
             ("citoyenne1", "Dans mon quartier, l'épicerie solidaire manque d'un camion "
                            "frigorifique. Une mutualisation entre associations est-elle possible ?"),
             ("cress", "La CRESS recense déjà trois structures intéressées. Je propose un "
                       "recensement des besoins avant la prochaine réunion."),
         ]),
     ]},
    {"title": "Commande publique responsable", "theme": "Achats publics",
     "facilitator": "animation2", "public": True, "citizens": False,
     "description": "Ouvrir les marchés publics aux structures de l'ESS : clauses sociales, "
                    "marchés réservés, allotissement.",
     "members": ["scic", "recyclerie", "agent", "elu2", "region"],
     "threads": [
         ("Clauses sociales : retours d'expérience", [
             ("agent", "En 2025, 37 marchés comportaient une clause d'insertion, soit 120 000 "
                       "heures de travail. Le suivi reste lourd pour les services."),
             ("recyclerie", "Les clauses fonctionnent quand les lots sont assez petits pour "
                            "qu'une structure d'insertion puisse répondre seule."),
         ]),
         ("Marchés réservés aux entreprises de l'ESS", [
             ("scic", "L'article L2113-13 du code de la commande publique permet de réserver "
                      "des marchés aux SIAE. Pourquoi ne pas l'utiliser pour l'entretien des "
                      "espaces verts ?"),
             ("elu2", "Bonne idée : je propose d'en faire une orientation soumise au vote."),
         ]),
     ]},
]
EDIT = ("Les clauses fonctionnent quand les lots sont assez petits pour qu'une structure "
        "d'insertion puisse répondre seule, ou en groupement avec une coopérative.")


def _user(db: Session, local: str):
    return find_user_by_email(db, f"{local}@demo.cocon.fr")


def add_workshops(db: Session, council, *, now: datetime) -> None:
    """Create the demonstration workshops, their threads and posts."""
    when = now - timedelta(days=20)
    for spec in WORKSHOPS:
        facilitator = _user(db, spec["facilitator"])
        workshop = services.create_workshop(
            db, council, title=spec["title"], theme=spec["theme"],
            description=spec["description"], is_public=spec["public"],
            citizens_may_post=spec["citizens"], actor=facilitator, now=when)
        for local in spec["members"]:
            services.join_workshop(db, workshop, user=_user(db, local), now=when)
        for title, posts in spec["threads"]:
            (first_author, first_body), *replies = posts
            when += timedelta(hours=5)
            outcome = forum.start_thread(db, workshop, author=_user(db, first_author),
                                         title=title, body=first_body, now=when)
            previous = outcome.post
            for local, body in replies:
                when += timedelta(hours=3)
                previous = forum.add_post(db, previous.thread, author=_user(db, local), body=body,
                                          reply_to_id=previous.id, now=when).post
                if body.startswith("Les clauses fonctionnent"):
                    forum.edit_post(db, previous, actor=previous.author, body=EDIT,
                                    now=when + timedelta(minutes=30))
    db.flush()
