"""Demonstration sessions: a past plenary, held and closed, and the next one, convened."""

from __future__ import annotations

from datetime import datetime, time, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from cocon.council.models import Council
from cocon.council.plenary import agenda, attendance, services
from cocon.council.plenary.models import Plenary
from cocon.council.plenary.state import PARIS

PAST_ITEMS = [
    ("Accueil, émargement et validation du quorum", "", 15),
    ("Bilan 2025 de la feuille de route ESS",
     "Présentation par la vice-présidente en charge de l'ESS : fonds d'amorçage, achats "
     "publics responsables, soutien aux tiers-lieux.", 30),
    ("Clause sociale et achats publics responsables",
     "Retour de l'atelier thématique : part des marchés réservés aux structures d'insertion "
     "et aux entreprises adaptées, accompagnement des petites structures aux réponses.", 40),
    ("Foncier solidaire et tiers-lieux",
     "Propositions pour ouvrir des locaux vacants de la collectivité aux associations et "
     "coopératives du territoire.", 35),
    ("Choix des thèmes des ateliers pour l'année", "Vote des trois thèmes de travail.", 25),
]
UPCOMING_ITEMS = [
    ("Accueil et émargement", "", 10),
    ("Suivi des orientations adoptées",
     "Où en sont la clause sociale et l'ouverture des locaux vacants ?", 30),
    ("Mois de l'ESS : programme de novembre",
     "Les actions proposées par les acteurs du territoire.", 30),
    ("Alimentation durable et circuits courts",
     "Premières propositions de l'atelier : restauration collective, épiceries solidaires.", 40),
]
EXCUSED = ["elu4", "banque"]
PROXIES = [("elue3", "elue1"), ("recyclerie", "scop")]
ABSENT = ["citoyen2"]


def _at(day, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute), tzinfo=PARIS)


def add_sessions(db: Session, council: Council, *, now: datetime) -> None:
    """Hold a past plenary from convocation to closing, then convene the next one."""
    users = {m.user.email.split("@")[0]: m.user for m in council.memberships}
    facilitator = users["animation"]
    starts = _at((now - timedelta(days=150)).astimezone(PARIS).date(), 17, 30)
    past = services.create_plenary(
        db, council, title="Séance plénière de printemps", starts_at=starts,
        ends_at=starts + timedelta(hours=2, minutes=30),
        place="Hôtel de la collectivité, salle des conseils",
        description="Bilan de la feuille de route et choix des thèmes de l'année.",
        actor=facilitator, now=starts - timedelta(days=40))
    for title, text, minutes in PAST_ITEMS:
        agenda.add_agenda_item(db, past, title=title, description=text, expected_minutes=minutes,
                               actor=facilitator, now=starts - timedelta(days=35))
    services.convene_plenary(db, past, actor=facilitator, now=starts - timedelta(days=21))
    before = starts - timedelta(days=3)
    for local in EXCUSED:
        attendance.register_attendance(db, past, users[local], "excused", now=before)
    for giver, holder in PROXIES:
        attendance.give_proxy(db, past, users[giver], users[holder].id, now=before)
    away = set(EXCUSED) | set(ABSENT) | {giver for giver, _ in PROXIES}
    for local, user in users.items():
        if local not in away and local != "observateur":
            attendance.check_in(db, past, user.id, "present", actor=facilitator, now=starts)
    for local in ABSENT:
        attendance.check_in(db, past, users[local].id, "absent", actor=facilitator, now=starts)
    services.open_plenary(db, past, actor=facilitator, now=starts + timedelta(minutes=5))
    moment = starts + timedelta(minutes=20)
    while (next_id := services.next_item_id(past)) is not None:
        services.set_current_item(db, past, next_id, actor=facilitator, now=moment)
        moment += timedelta(minutes=30)
    # left open: the votes step holds its ballots during the session, then
    # close_past_sessions closes it (votes are only created and opened in an open session)

    day = (now + timedelta(days=24)).astimezone(PARIS).date()
    upcoming = services.create_plenary(
        db, council, title="Séance plénière d'automne", starts_at=_at(day, 18),
        ends_at=_at(day, 20, 30), place="Maison des associations, grande salle",
        video_url="https://visio.demo.cocon.fr/pleniere-automne",
        description="Suivi des orientations, Mois de l'ESS et alimentation durable.",
        actor=facilitator, now=now - timedelta(days=10))
    for title, text, minutes in UPCOMING_ITEMS:
        agenda.add_agenda_item(db, upcoming, title=title, description=text,
                               expected_minutes=minutes, actor=facilitator, now=now)
    services.convene_plenary(db, upcoming, actor=facilitator, now=now)
    attendance.register_attendance(db, upcoming, users["scop"], "present", now=now)
    attendance.register_attendance(db, upcoming, users["elu2"], "excused", now=now)


def close_past_sessions(db: Session, council: Council, *, now: datetime) -> None:
    """Close the past plenary at the end of its session, once its votes have been held."""
    facilitator = next(m.user for m in council.memberships
                       if m.user.email.split("@")[0] == "animation")
    for plenary in db.scalars(select(Plenary).where(Plenary.council_id == council.id,
                                                   Plenary.opened_at.is_not(None),
                                                   Plenary.closed_at.is_(None))):
        services.close_plenary(db, plenary, actor=facilitator,
                               now=plenary.starts_at + timedelta(hours=2, minutes=25))
