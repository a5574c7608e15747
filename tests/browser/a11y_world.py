"""The RGAA sample's data: the demonstration council plus an open session with one vote per method.

The demonstration already holds workshops with threads and replies, a proposal with an
amendment, closed votes (simple majority, consent, majority judgment), the register with
indicators and draft minutes; this adds a quoted reply, publishes the minutes (submitted,
approved, locked) and opens a plenary whose ballots wait for votes, so that every page of the
voting journey can be checked.
"""

from __future__ import annotations

import re
from datetime import timedelta
from types import SimpleNamespace

from sqlalchemy import select

from cocon.accounts.services import find_user_by_email
from cocon.council.plenary import services as plenaries
from cocon.council.plenary.models import Plenary
from cocon.db import utcnow
from cocon.demo import DEMO_PASSWORD, populate
from cocon.minutes.models import Minutes
from cocon.minutes.services import approve_minutes, lock_minutes, submit_minutes
from cocon.proposals.models import Proposal
from cocon.proposals.register import orientations
from cocon.proposals.voting import close_ballot, create_ballot, open_ballot
from cocon.proposals.voting_models import Ballot
from cocon.workshops import forum
from cocon.workshops.models import Post, Thread
from playwright.sync_api import expect

PASSWORD = DEMO_PASSWORD
QUOTE = ("> Il nous faudrait une convention sur trois ans pour embaucher en insertion.\n\n"
         "Une convention pluriannuelle est possible : la métropole en signe déjà avec deux "
         "chantiers d'insertion. [Le guide de la commande publique]"
         "(https://www.economie.gouv.fr/daj) "
         "décrit la démarche.")
METHODS = ["simple_majority", "absolute_majority", "two_thirds", "consent", "majority_judgment"]
QUESTIONS = {
    "simple_majority": "Adopter le programme du Mois de l'ESS ?",
    "absolute_majority": "Confier le suivi des orientations à l'atelier commande publique ?",
    "two_thirds": "Modifier le règlement intérieur du conseil ?",
    "consent": "Consentez-vous au calendrier des ateliers ?",
    "majority_judgment": "Quelle action prioritaire pour le Mois de l'ESS ?",
}
CANDIDATES = ["Forum des initiatives", "Marché de l'ESS", "Portes ouvertes des coopératives"]


def user(db, local: str):
    """A demonstration account by the local part of its e-mail address."""
    return find_user_by_email(db, f"{local}@demo.cocon.fr")


def build(db) -> SimpleNamespace:
    """The demonstration, a quoted reply, published minutes and an open session's ballots."""
    now = utcnow()
    report = populate(db, now=now)
    facilitator = user(db, "animation")
    thread = db.scalar(select(Thread).where(Thread.title.like("Approvisionner%")))
    last = db.scalars(select(Post).where(Post.thread_id == thread.id).order_by(Post.id)).all()[-1]
    forum.add_post(db, thread, author=user(db, "elue1"), body=QUOTE, reply_to_id=last.id,
                   now=now - timedelta(days=1))
    upcoming = db.scalars(select(Plenary).order_by(Plenary.starts_at)).all()[-1]
    plenaries.open_plenary(db, upcoming, actor=facilitator, now=upcoming.starts_at)
    ballots = {}
    for method in METHODS:
        ballot = create_ballot(db, item=upcoming.items[2], question=QUESTIONS[method],
                               method=method, secret=method != "two_thirds",
                               candidates=CANDIDATES if method == "majority_judgment" else None,
                               actor=facilitator, now=now)
        open_ballot(db, ballot=ballot, actor=facilitator, now=now)
        ballots[method] = ballot
    draft = create_ballot(db, item=upcoming.items[3], question="Soutenir la légumerie solidaire ?",
                          method="simple_majority", actor=facilitator, now=now)
    later = create_ballot(db, item=upcoming.items[3], question="Créer un groupe de travail sur "
                          "les épiceries solidaires ?", method="simple_majority",
                          actor=facilitator, now=now)
    db.flush()
    closed = db.scalars(select(Ballot).where(Ballot.closed_at.is_not(None))
                        .order_by(Ballot.id)).all()
    purchasing = db.scalar(select(Proposal).where(Proposal.title.like("Clauses sociales%")))
    orientation = next(o for o in orientations(db, purchasing.council)
                       if o.title == purchasing.title)
    minutes = db.scalar(select(Minutes))  # published: submitted, approved, locked
    submit_minutes(db, minutes=minutes, comments_until=now + timedelta(days=1), actor=facilitator,
                   now=now)
    approve_minutes(db, minutes=minutes, actor=facilitator, now=now + timedelta(days=2))
    lock_minutes(db, minutes=minutes, actor=facilitator, now=now + timedelta(days=2))
    db.commit()
    return SimpleNamespace(slug=report.council_slug, council=purchasing.council, thread=thread,
                           plenary=upcoming, past=minutes.plenary, ballots=ballots, draft=draft,
                           later=later,
                           closed=closed, proposal=purchasing, orientation=orientation,
                           minutes=minutes, facilitator=facilitator)


def close(db, ballot, actor) -> None:
    """Close a ballot of the world (its result page is then available)."""
    close_ballot(db, ballot=ballot, actor=actor, now=utcnow())
    db.commit()


def sign_in(page, base: str, email: str, password: str = PASSWORD) -> None:
    """Sign in through the login form (French or English interface)."""
    page.goto(base + "/compte/connexion")
    page.locator("input[name=email]").fill(email)
    page.locator("input[name=password]").fill(password)
    page.locator("main form button[type=submit]").click()
    expect(page.locator("form[action$='/deconnexion']")).to_have_count(1)


def switch_language(page, base: str, code: str) -> None:
    """Choose the interface language with the language switch."""
    page.goto(f"{base}/langue/{code}?next=/")
    expect(page.locator("html")).to_have_attribute("lang", re.compile(f"^{code}"))
