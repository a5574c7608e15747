"""A person who used every part of cocon, built through the real services (RGPD tests).

Zéphyrine Quintavalle-Brumaire facilitates a council and sits in a voting college; she posts,
edits, mentions, reports, drafts, supports, comments, amends, represents an organisation,
holds a proxy in a closed session and another in a session to come, votes in a roll-call and
in a secret ballot (once for herself, once by proxy), writes minutes notes and comments,
has notifications, settings, a login session, a failed login and invitations. Nobody else
writes her name in their own texts (mentions by others are kept as written: see erasure.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from cocon import notifications
from cocon.accounts import sessions
from cocon.accounts.services import register_user
from cocon.council.models import Role
from cocon.council.plenary import attendance as plenary_attendance
from cocon.council.plenary.models import AgendaItem
from cocon.council.plenary.services import (close_plenary, convene_plenary, create_plenary,
                                            open_plenary)
from cocon.council.services import add_college, add_member, create_council, invite_member
from cocon.minutes.comments import add_comment
from cocon.minutes.notes_service import save_note
from cocon.minutes.services import add_action, get_or_create_minutes, submit_minutes
from cocon.organisations.services import propose_organisation
from cocon.proposals import casting, drafting, voting
from cocon.workshops import forum, moderation
from cocon.workshops.services import create_workshop, join_workshop

NAME = "Zéphyrine Quintavalle-Brumaire"
EMAIL = "zephyrine.quintavalle@rgpd.example.org"
LOCAL_PART = "zephyrine.quintavalle"
PASSWORD = "un mot de passe assez long"
NOW = datetime(2026, 11, 23, 14, 0, tzinfo=timezone.utc)
POST_TEXT = ("Les circuits courts alimentaires méritent un groupe de travail : "
             "@Bruno Membre, tu en es ?")
EDITED_TEXT = "Les circuits courts alimentaires méritent un groupe de travail dédié."
NOTE_TEXT = "Débat nourri sur la charte des achats responsables."


@dataclass
class PrivacyWorld:
    person: object
    bruno: object
    carla: object
    admin: object
    council: object
    closed_plenary: object
    next_plenary: object
    public_ballot: object
    secret_ballot: object
    post: object
    minutes: object


def _at(minutes: int) -> datetime:
    return NOW + timedelta(minutes=minutes)


def _user(db, name, email, admin=False):
    return register_user(db, email=email, password=PASSWORD, display_name=name, now=NOW,
                         is_site_admin=admin)


def build_privacy_world(db) -> PrivacyWorld:
    admin = _user(db, "Ada Administratrice", "ada@example.org", admin=True)
    person = _user(db, NAME, EMAIL)
    bruno = _user(db, "Bruno Membre", "bruno@example.org")
    carla = _user(db, "Carla Membre", "carla@example.org")
    council = create_council(db, name="Conseil de l'ESS de Privaville", territory="Privaville",
                             creator=admin, now=NOW)
    council.contact_email = EMAIL  # she was the council's contact too
    elus = add_college(db, council, name="Élu·es", weight=1, now=NOW)
    add_member(db, council, person, role=Role.FACILITATOR, college_id=elus.id, now=NOW)
    for user in (bruno, carla):
        add_member(db, council, user, role=Role.MEMBER, college_id=elus.id, now=NOW)
    invite_member(db, council, email="nouvelle@example.org", role=Role.MEMBER,
                  college_id=elus.id, actor=person, now=NOW)
    other = create_council(db, name="Conseil voisin", territory="Ailleurs", creator=admin,
                           now=NOW)
    invite_member(db, other, email=EMAIL.upper(), role=Role.OBSERVER, actor=admin, now=NOW)
    propose_organisation(db, council, {"name": "Coopérative des Quatre Vents",
                                       "legal_form": "cooperative", "commune": "Privaville"},
                         actor=person, now=NOW, represent=True)

    workshop = create_workshop(db, council, title="Alimentation durable", actor=admin, now=NOW)
    join_workshop(db, workshop, user=person, now=NOW)
    join_workshop(db, workshop, user=bruno, now=NOW)
    outcome = forum.start_thread(db, workshop, author=person, title="Circuits courts",
                                 body=POST_TEXT, now=NOW)
    post = outcome.post
    forum.edit_post(db, post, actor=person, body=EDITED_TEXT, now=_at(1))
    reply = forum.add_post(db, post.thread, author=bruno, body="Je suis partant.", now=_at(2),
                           reply_to_id=post.id).post
    moderation.report_post(db, reply, reporter=person, reason="Hors sujet ?", now=_at(3))

    proposal = drafting.create_proposal(db, council=council, title="Groupe circuits courts",
                                        body="Créer un groupe de travail.", author=person,
                                        coauthors=[bruno], now=NOW)
    theirs = drafting.create_proposal(db, council=council, title="Marchés publics responsables",
                                      body="Clauses sociales.", author=bruno,
                                      coauthors=[person], now=NOW)
    drafting.submit_proposal(db, proposal=theirs, actor=bruno, now=NOW)
    drafting.support_proposal(db, proposal=theirs, user=person, now=NOW)
    drafting.comment_proposal(db, proposal=theirs, author=person, body="Bonne idée.", now=NOW)
    drafting.propose_amendment(db, proposal=theirs, author=person, new_body="Clauses sociales "
                               "et environnementales.", reason="Plus complet.", now=NOW)

    closed_plenary = create_plenary(db, council, title="Séance d'automne", starts_at=NOW,
                                    actor=admin, now=NOW - timedelta(days=30))
    item = AgendaItem(plenary=closed_plenary, position=0, title="Charte des achats")
    db.add(item)
    db.flush()
    convene_plenary(db, closed_plenary, actor=admin, now=NOW - timedelta(days=20))
    for user in (admin, person, bruno):
        plenary_attendance.register_attendance(db, closed_plenary, user, "present", now=NOW)
    plenary_attendance.give_proxy(db, closed_plenary, carla, person.id, now=NOW)
    open_plenary(db, closed_plenary, actor=admin, now=NOW)
    public_ballot = voting.create_ballot(db, item=item, question="Adopter la charte ?",
                                         method="simple_majority", secret=False, actor=admin,
                                         now=_at(5))
    secret_ballot = voting.create_ballot(db, item=item, question="Élire le bureau ?",
                                         method="simple_majority", secret=True, actor=admin,
                                         now=_at(5))
    for ballot in (public_ballot, secret_ballot):
        voting.open_ballot(db, ballot=ballot, actor=admin, now=_at(6))
    casting.cast_vote(db, ballot=public_ballot, voter=person, choice="pour", now=_at(7))
    casting.cast_vote(db, ballot=public_ballot, voter=bruno, choice="contre", now=_at(7))
    casting.cast_vote(db, ballot=secret_ballot, voter=person, choice="contre", now=_at(8))
    casting.cast_vote(db, ballot=secret_ballot, voter=person, on_behalf_of=carla,
                      choice="abstention", now=_at(8))
    casting.cast_vote(db, ballot=secret_ballot, voter=bruno, choice="pour", now=_at(8))
    for ballot in (public_ballot, secret_ballot):
        voting.close_ballot(db, ballot=ballot, actor=admin, now=_at(9))
    close_plenary(db, closed_plenary, actor=admin, now=_at(60))

    minutes = get_or_create_minutes(db, plenary=closed_plenary, now=_at(70))
    save_note(db, minutes=minutes, item=item, body=NOTE_TEXT, actor=person, now=_at(70))
    add_action(db, minutes=minutes, description="Rédiger la charte", responsible=NAME,
               actor=admin, now=_at(71))
    submit_minutes(db, minutes=minutes, comments_until=_at(60 * 24 * 7), actor=admin, now=_at(72))
    add_comment(db, minutes=minutes, body="Merci pour ce compte rendu.", actor=person, now=_at(73))

    next_plenary = create_plenary(db, council, title="Séance de printemps",
                                  starts_at=NOW + timedelta(days=120), actor=admin, now=NOW)
    db.add(AgendaItem(plenary=next_plenary, position=0, title="Budget"))
    db.flush()
    convene_plenary(db, next_plenary, actor=admin, now=_at(80))
    plenary_attendance.register_attendance(db, next_plenary, person, "present", now=_at(81))
    plenary_attendance.give_proxy(db, next_plenary, bruno, person.id, now=_at(82))

    notifications.set_preference(db, user_id=person.id, kind="vote", channel="email")
    notifications.notify(db, user_id=person.id, kind="vote", title="Un vote est ouvert",
                         url="/", now=_at(6))
    sessions.start_session(db, person, remember=True, now=_at(90))
    sessions.record_failure(db, email=EMAIL, address="192.0.2.7", now=_at(91))
    db.flush()
    return PrivacyWorld(person=person, bruno=bruno, carla=carla, admin=admin, council=council,
                        closed_plenary=closed_plenary, next_plenary=next_plenary,
                        public_ballot=public_ballot, secret_ballot=secret_ballot, post=post,
                        minutes=minutes)
