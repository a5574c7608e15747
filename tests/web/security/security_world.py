"""A council with something behind every route: the world the security tests fuzz and attack.

`build_world(db, people)` adds, on top of the votes fixture (council, open plenary, members):
a workshop with a thread, two posts and a report; a submitted proposal with an amendment and a
comment; an open ballot and a closed one with its orientation and indicator; a validated and a
pending organisation; a closed plenary with draft minutes and a note; a pending invitation.
"""

from __future__ import annotations

from datetime import date, timedelta
from types import SimpleNamespace

from cocon.council.models import Role
from cocon.council.plenary.models import AgendaItem, Plenary
from cocon.council.services import invite_member
from cocon.db import utcnow
from cocon.minutes.notes_service import save_note
from cocon.minutes.services import add_action, get_or_create_minutes
from cocon.organisations.services import propose_organisation
from cocon.proposals import drafting, register
from cocon.proposals.casting import cast_vote
from cocon.proposals.voting import close_ballot, create_ballot, open_ballot
from cocon.workshops import forum, moderation, services as workshops


def build_world(db, people: SimpleNamespace, *, text: str = "Bonjour à toutes et à tous",
                name: str = "Coopérative du Val") -> SimpleNamespace:
    """Every kind of object a route can name, written through the core services."""
    now = utcnow()
    council, facilitator, alice, bob = (people.council, people.facilitator, people.alice,
                                        people.bob)
    workshop = workshops.create_workshop(db, council, title="Alimentation durable",
                                         description=text, actor=facilitator, now=now)
    started = forum.start_thread(db, workshop, author=alice, title="Cantines bio", body=text,
                                 now=now)
    reply = forum.add_post(db, started.post.thread, author=bob, body=text, now=now,
                           reply_to_id=started.post.id)
    moderation.report_post(db, reply.post, reporter=alice, reason="Hors sujet", now=now)
    proposal = drafting.create_proposal(db, council=council, title="Charte des achats",
                                        body=text, author=alice, now=now)
    drafting.submit_proposal(db, proposal=proposal, actor=alice, now=now)
    amendment = drafting.propose_amendment(db, proposal=proposal, author=bob,
                                           new_body=text + " (amendé)", reason="Plus clair",
                                           now=now)
    drafting.comment_proposal(db, proposal=proposal, author=bob, body=text, now=now)
    item = people.item
    ballot = create_ballot(db, item=item, question="Adopter la charte ?",
                           method="simple_majority", secret=False, actor=facilitator, now=now)
    open_ballot(db, ballot=ballot, actor=facilitator, now=now)
    adopted = drafting.create_proposal(db, council=council, title="Tiers-lieu", body=text,
                                       author=alice, now=now)
    drafting.submit_proposal(db, proposal=adopted, actor=alice, now=now)
    closed = create_ballot(db, item=item, question="Créer un tiers-lieu ?",
                           method="simple_majority", secret=False, proposal=adopted,
                           actor=facilitator, now=now)
    open_ballot(db, ballot=closed, actor=facilitator, now=now)
    for voter in (facilitator, alice, bob):
        cast_vote(db, ballot=closed, voter=voter, choice="pour", reason=None, grades=None,
                  on_behalf_of=None, now=now)
    close_ballot(db, ballot=closed, actor=facilitator, now=now)
    orientation = register.orientations(db, council)[0]
    indicator = register.add_indicator(db, orientation=orientation, name="Repas bio", unit="%",
                                       target="50", actor=facilitator, now=now)
    register.add_indicator_value(db, indicator=indicator, measured_on=date(2026, 1, 15),
                                 value="20", actor=facilitator, now=now)
    organisation = propose_organisation(
        db, council, {"name": name, "commune": "Testville", "legal_form": "association"},
        actor=facilitator, now=now, validated=True)
    pending = propose_organisation(
        db, council, {"name": "Épicerie solidaire", "commune": "Testville",
                      "legal_form": "association"}, actor=alice, now=now)
    past = Plenary(council=council, title="Séance d'hiver", starts_at=now - timedelta(days=30),
                   created_at=now - timedelta(days=40), convened_at=now - timedelta(days=40),
                   opened_at=now - timedelta(days=30),
                   closed_at=now - timedelta(days=30) + timedelta(hours=2))
    db.add(past)
    db.flush()
    past_item = AgendaItem(plenary_id=past.id, position=0, title="Bilan de l'année")
    db.add(past_item)
    db.flush()
    minutes = get_or_create_minutes(db, plenary=past, now=now)
    save_note(db, minutes=minutes, item=past_item, body=text, actor=facilitator, now=now)
    action = add_action(db, minutes=minutes, description=text, responsible="Fanny",
                        actor=facilitator, now=now)
    _invitation, token = invite_member(db, council, email="invite@example.org",
                                       role=Role.OBSERVER, actor=people.admin, now=now)
    db.commit()
    membership = next(m for m in council.memberships if m.user_id == bob.id)
    return SimpleNamespace(
        **vars(people), workshop=workshop, thread=started.post.thread, post=started.post,
        reply=reply.post, proposal=proposal, amendment=amendment, ballot=ballot,
        closed_ballot=closed, orientation=orientation, indicator=indicator,
        organisation=organisation, pending=pending, past=past, past_item=past_item,
        minutes=minutes, action=action, token=token, membership=membership)


def url_values(world: SimpleNamespace, rule: str) -> dict:
    """Values for a route's placeholders, taken from the world (the right kind of object)."""
    minutes_route = "compte-rendu" in rule or "feuille-emargement" in rule
    plenary = world.past if minutes_route else world.plenary
    return {
        "slug": world.council.slug, "workshop_id": world.workshop.id,
        "thread_id": world.thread.id, "post_id": world.reply.id,
        "pid": world.proposal.id if "/propositions/" in rule else plenary.id,
        "aid": world.amendment.id, "bid": world.ballot.id, "oid": world.orientation.id,
        "iid": world.indicator.id,
        "item_id": world.past_item.id if minutes_route else world.item.id,
        "membership_id": world.membership.id, "organisation_id": world.organisation.id,
        "year": utcnow().year, "fmt": "md", "dataset": "votes", "ext": "csv",
        "token": world.token, "doc": "guide-scic.txt", "position": 0, "question_id": 1,
        "action": "rejoindre", "code": "fr", "action_id": world.action.id,
    }
