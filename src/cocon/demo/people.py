"""The demonstration council's colleges and members."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from cocon.accounts.models import User
from cocon.accounts.services import find_user_by_email, register_user
from cocon.council.models import Council, Role
from cocon.council.services import add_college, add_member, create_council

DEMO_PASSWORD = "conseil-ess-demo-2026"
SLUG = "conseil-ess-eurometropole-demo"

COLLEGES = [  # name, weight, votes, description
    ("Élu·es", 1, True, "Élu·es de la métropole et des communes membres"),
    ("Acteurs de l'ESS", 1, True, "Associations, coopératives, mutuelles, fondations, entreprises sociales"),
    ("Partenaires institutionnels", 1, True, "CRESS, État, Région, chambres consulaires, financeurs"),
    ("Agents", 0, False, "Agent·es des services, qui éclairent les débats sans voter"),
    ("Citoyen·nes", 1, True, "Habitant·es tiré·es au sort ou volontaires"),
]

PEOPLE = [  # email local part, name, role, college index or None
    ("admin", "Claire Fontaine", Role.ADMIN, None),
    ("animation", "Karim Benali", Role.FACILITATOR, 3),
    ("animation2", "Sophie Muller", Role.FACILITATOR, 3),
    ("elue1", "Anne-Marie Schott", Role.MEMBER, 0),
    ("elu2", "Thomas Weber", Role.MEMBER, 0),
    ("elue3", "Nadia Haddad", Role.MEMBER, 0),
    ("elu4", "Jean-Luc Meyer", Role.MEMBER, 0),
    ("scop", "Lucie Ernst", Role.MEMBER, 1),
    ("scic", "Mehdi Ouali", Role.MEMBER, 1),
    ("asso", "Camille Roth", Role.MEMBER, 1),
    ("mutuelle", "Pierre Klein", Role.MEMBER, 1),
    ("fondation", "Élise Zimmermann", Role.MEMBER, 1),
    ("recyclerie", "Yann Le Goff", Role.MEMBER, 1),
    ("cress", "Fatou Diallo", Role.MEMBER, 2),
    ("region", "Hélène Marchal", Role.MEMBER, 2),
    ("banque", "Olivier Hertz", Role.MEMBER, 2),
    ("agent", "Julie Bauer", Role.MEMBER, 3),
    ("citoyenne1", "Inès Moreau", Role.MEMBER, 4),
    ("citoyen2", "Paul Sanchez", Role.MEMBER, 4),
    ("observateur", "Marc Lefèvre", Role.OBSERVER, None),
]

LOGINS = [("administrator", "admin@demo.cocon.fr", Role.ADMIN),
          ("facilitator", "animation@demo.cocon.fr", Role.FACILITATOR),
          ("member (ESS actor)", "scop@demo.cocon.fr", Role.MEMBER),
          ("member (elected)", "elue1@demo.cocon.fr", Role.MEMBER),
          ("observer", "observateur@demo.cocon.fr", Role.OBSERVER)]


def ensure_council(db: Session, *, now: datetime) -> tuple[Council, bool]:
    """The demonstration council, created with its people when absent."""
    council = db.scalar(select(Council).where(Council.slug == SLUG))
    if council is not None:
        return council, False
    users = [_ensure_user(db, local, name, now, is_site_admin=(local == "admin"))
             for local, name, _, _ in PEOPLE]
    council = create_council(
        db, name="Conseil de l'ESS de l'Eurométropole (démonstration)",
        territory="Eurométropole de démonstration",
        description=("Le Conseil de l'économie sociale et solidaire réunit la collectivité et "
                     "les acteurs de l'ESS du territoire pour co-construire la politique locale : "
                     "deux séances plénières par an, des ateliers thématiques toute l'année.\n\n"
                     "Ceci est un conseil de démonstration : les personnes sont fictives."),
        is_public=True, quorum="0.5", max_proxies=1, creator=users[0], now=now)
    council.slug = SLUG
    council.contact_email = "conseil-ess@demo.cocon.fr"
    colleges = [add_college(db, council, name=name, weight=weight, votes=votes,
                            description=description, actor=users[0], now=now)
                for name, weight, votes, description in COLLEGES]
    for user, (_, _, role, college_index) in zip(users[1:], PEOPLE[1:]):
        college = colleges[college_index] if college_index is not None else None
        add_member(db, council, user, role=role, college_id=college.id if college else None,
                   actor=users[0], now=now)
    db.flush()
    return council, True


def _ensure_user(db: Session, local: str, name: str, now: datetime, *,
                 is_site_admin: bool) -> User:
    email = f"{local}@demo.cocon.fr"
    user = find_user_by_email(db, email)
    if user is None:
        user = register_user(db, email=email, password=DEMO_PASSWORD, display_name=name,
                             now=now, is_site_admin=is_site_admin)
    return user
