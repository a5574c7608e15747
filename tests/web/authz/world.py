"""The authorisation world: councils A and B with every kind of object, built through the core.

`build_world(db)` returns `World`: the people of each role of the matrix (`users`) and the
ids the matrix's URL templates name (`keys`). Keys of council B's objects start with `b_`;
the IDOR cases of the test put them under council A's slug.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta

from cocon.accounts.models import User
from cocon.accounts.services import register_user
from cocon.assistant.models import AssistantQuestion
from cocon.council.models import Role
from cocon.council.plenary import agenda, attendance
from cocon.council.plenary import services as plenaries
from cocon.council.services import add_college, add_member, create_council, invite_member
from cocon.db import utcnow
from cocon.minutes import notes_service, services as minutes
from cocon.organisations import services as organisations
from cocon.proposals import drafting, register
from cocon.proposals.casting import cast_vote
from cocon.proposals.voting import close_ballot, create_ballot, open_ballot
from cocon.workshops import forum, moderation, services as workshops

PASSWORD = "un mot de passe assez long"

# the roles of the matrix, in the order the report prints them
ROLES = ("anonymous", "citizen", "voter", "advisory", "observer", "facilitator",
         "council_admin", "site_admin", "other_member", "other_facilitator")


@dataclass
class World:
    users: dict[str, User | None] = field(default_factory=dict)
    keys: dict[str, object] = field(default_factory=dict)


def _person(db, key: str, name: str, now, admin: bool = False) -> User:
    return register_user(db, email=f"{key}@authz.example.org", password=PASSWORD,
                         display_name=name, locale="fr", now=now, is_site_admin=admin)


def _council(db, name: str, admin: User, now, public: bool = True):
    council = create_council(db, name=name, territory="Testville", is_public=public,
                             max_proxies=2, creator=admin, now=now)
    voting = add_college(db, council, name="Élu·es", weight=1, now=now)
    actors = add_college(db, council, name="Acteurs de l'ESS", weight=1, now=now)
    advisory = add_college(db, council, name="Agents", weight=0, votes=False, now=now)
    return council, voting, actors, advisory


def _plenary(db, council, facilitator, now, title: str, *, state: str, items: int = 2,
             starts_at=None):
    """A session brought to `state` (draft, convened, open, closed) through the services."""
    plenary = plenaries.create_plenary(db, council, title=title, starts_at=starts_at or now,
                                       actor=facilitator, now=now)
    created = [agenda.add_agenda_item(db, plenary, title=f"{title}, point {i + 1}",
                                      actor=facilitator, now=now)[0] for i in range(items)]
    if state != "draft":
        plenaries.convene_plenary(db, plenary, actor=facilitator, now=now)
    if state in ("open", "closed"):
        plenaries.open_plenary(db, plenary, actor=facilitator, now=now)
    return plenary, created


def _close(db, plenary, facilitator, now):
    plenaries.close_plenary(db, plenary, actor=facilitator, now=now)


def _minutes(db, plenary, item, facilitator, now, status: str):
    """Minutes of a closed session, with a note, moved to `status`."""
    record = minutes.get_or_create_minutes(db, plenary=plenary, now=now)
    notes_service.save_note(db, minutes=record, item=item, body="Première version.",
                            actor=facilitator, now=now)
    notes_service.save_note(db, minutes=record, item=item, body="Deuxième version.",
                            actor=facilitator, now=now + timedelta(seconds=1))
    if status == "draft":
        action = minutes.add_action(db, minutes=record, description="Relancer la région",
                                    actor=facilitator, now=now)
        return record, action.id
    until = now + timedelta(days=7) if status == "submitted" else now + timedelta(seconds=5)
    minutes.submit_minutes(db, minutes=record, comments_until=until, actor=facilitator, now=now)
    if status in ("submitted", "submitted_over"):
        if status == "submitted_over":
            record.comments_until = now - timedelta(minutes=1)
        return record
    minutes.approve_minutes(db, minutes=record, actor=facilitator, now=now + timedelta(seconds=10))
    if status == "locked":
        minutes.lock_minutes(db, minutes=record, actor=facilitator, now=now + timedelta(seconds=11))
    return record


def _organisation(db, council, actor, now, name: str, *, validated: bool, represent: bool):
    data = {"name": name, "legal_form": "scic", "commune": "Testville", "postcode": "59000"}
    return organisations.propose_organisation(db, council, data, actor=actor, now=now,
                                              validated=validated, represent=represent)


def _forum(db, council, facilitator, author, other, now, prefix: str) -> dict:
    """A public and a members-only workshop, each with a thread; posts by `author` and `other`."""
    public = workshops.create_workshop(db, council, title=f"Atelier public {prefix}",
                                       actor=facilitator, now=now)
    private = workshops.create_workshop(db, council, title=f"Atelier interne {prefix}",
                                        is_public=False, actor=facilitator, now=now)
    first = forum.start_thread(db, public, author=author, title=f"Fil public {prefix}",
                               body="Un premier message.", now=now).post
    reply = forum.add_post(db, first.thread, author=other, body="Une réponse.", now=now,
                           reply_to_id=first.id).post
    forum.edit_post(db, first, actor=author, body="Un premier message, corrigé.", now=now)
    inner = forum.start_thread(db, private, author=author, title=f"Fil interne {prefix}",
                               body=f"Un message interne {prefix}.", now=now).post
    moderation.report_post(db, reply, reporter=author, reason="Hors sujet", now=now)
    return {"w_pub": public.id, "w_mem": private.id, "t_pub": first.thread_id,
            "t_mem": inner.thread_id, "post_author": first.id, "post_other": reply.id,
            "post_mem": inner.id}


def _votes(db, council, facilitator, voters, proposal, plenary, items, now) -> dict:
    """Ballots on the open session: draft, open (public and secret), closed and adopted."""
    def ballot(item, question, secret=False, subject=None):
        return create_ballot(db, item=item, question=question, method="simple_majority",
                             secret=secret, proposal=subject, actor=facilitator, now=now)
    draft = ballot(items[0], "Question en préparation ?")
    public = ballot(items[0], "Question ouverte ?")
    secret = ballot(items[1], "Question secrète ?", secret=True)
    drafting.put_on_agenda(db, proposal=proposal, item=items[1], actor=facilitator, now=now)
    closed = ballot(items[1], "Adopter la proposition ?", subject=proposal)
    for each in (public, secret, closed):
        open_ballot(db, ballot=each, actor=facilitator, now=now)
    for voter in voters:
        cast_vote(db, ballot=closed, voter=voter, choice="pour", now=now)
    close_ballot(db, ballot=closed, actor=facilitator, now=now)
    return {"ballot_draft": draft.id, "ballot_open": public.id, "ballot_secret": secret.id,
            "ballot_closed": closed.id}


def _proposals(db, council, author, amender, now, prefix: str) -> dict:
    draft = drafting.create_proposal(db, council=council, title=f"Brouillon {prefix}",
                                     body="Texte du brouillon.", author=author, now=now)
    submitted = drafting.create_proposal(db, council=council, title=f"Proposition {prefix}",
                                         body="Texte soumis.", author=author, now=now)
    drafting.submit_proposal(db, proposal=submitted, actor=author, now=now)
    amendment = drafting.propose_amendment(db, proposal=submitted, author=amender,
                                           new_body="Texte soumis et amendé.",
                                           reason="Plus clair.", now=now)
    voted = drafting.create_proposal(db, council=council, title=f"Orientation {prefix}",
                                     body="Texte adopté.", author=author, now=now)
    drafting.submit_proposal(db, proposal=voted, actor=author, now=now)
    other = drafting.propose_amendment(db, proposal=voted, author=amender,
                                       new_body="Autre texte.", reason="Autre.", now=now)
    return {"prop_draft": draft.id, "prop_sub": submitted.id, "amend": amendment.id,
            "amend_other": other.id, "_voted": voted}


def _council_world(db, prefix: str, people: dict, now, extra: User) -> tuple[dict, object]:
    """One council with its sessions, votes, register, forum, directory and minutes."""
    admin, facilitator = people["council_admin"], people["facilitator"]
    council, voting, actors, advisory = _council(db, f"Conseil {prefix}", admin, now)
    add_member(db, council, facilitator, role=Role.FACILITATOR, college_id=voting.id, now=now)
    add_member(db, council, people["voter"], role=Role.MEMBER, college_id=voting.id, now=now)
    add_member(db, council, extra, role=Role.MEMBER, college_id=actors.id, now=now)
    if people.get("advisory") is not None:
        add_member(db, council, people["advisory"], role=Role.MEMBER, college_id=advisory.id,
                   now=now)
    if people.get("observer") is not None:
        add_member(db, council, people["observer"], role=Role.OBSERVER, now=now)
    keys = {"slug": council.slug, "council_id": council.id, "college": actors.id,
            "membership": next(m.id for m in council.memberships if m.user_id == extra.id)}
    keys.update(_proposals(db, council, people["voter"], extra, now, prefix))
    voted = keys.pop("_voted")
    draft, draft_items = _plenary(db, council, facilitator, now, f"Séance {prefix} brouillon",
                                  state="draft", items=1)
    convened, _ = _plenary(db, council, facilitator, now, f"Séance {prefix} convoquée",
                           state="convened", starts_at=now + timedelta(hours=1))
    attendance.give_proxy(db, convened, people["voter"], extra.id, now=now)
    live, live_items = _plenary(db, council, facilitator, now, f"Séance {prefix} ouverte",
                                state="open")
    for user in (facilitator, people["voter"]):
        attendance.register_attendance(db, live, user, "present", now=now)
    keys.update(pl_draft=draft.id, item_draft=draft_items[0].id, pl_conv=convened.id,
                pl_open=live.id, item_open=live_items[0].id, item_open2=live_items[1].id)
    keys.update(_votes(db, council, facilitator, [facilitator, people["voter"]], voted, live,
                       live_items, now))
    orientation = register.orientations(db, council)[0]
    indicator = register.add_indicator(db, orientation=orientation, name="Emplois", unit="ETP",
                                       actor=facilitator, now=now)
    keys.update(orientation=orientation.id, indicator=indicator.id)
    keys.update(_forum(db, council, facilitator, people["voter"], extra, now, prefix))
    valid = _organisation(db, council, people["voter"], now, f"Coop {prefix}", validated=False,
                          represent=True)
    organisations.validate_organisation(db, council, valid, actor=facilitator, now=now)
    pending = _organisation(db, council, extra, now, f"Asso {prefix}", validated=False,
                            represent=True)
    keys.update(org_valid=valid.id, org_pending=pending.id)
    for status in ("draft", "submitted", "submitted_over", "approved", "locked"):
        plenary, items = _plenary(db, council, facilitator, now,
                                  f"Séance {prefix} compte rendu {status}", state="open", items=1)
        _close(db, plenary, facilitator, now)
        made = _minutes(db, plenary, items[0], facilitator, now, status)
        if status == "draft":
            keys["action"] = made[1]
        keys[f"cr_{status}"] = plenary.id  # a closed session whose minutes are in `status`
        keys[f"cr_item_{status}"] = items[0].id
    return keys, council


def build_world(db) -> World:
    """Both councils, their people and objects; flushed, the caller commits."""
    now = utcnow()
    names = {"citizen": "Camille Citoyenne", "voter": "Victor Votant",
             "advisory": "Agathe Agente", "observer": "Olivier Observateur",
             "facilitator": "Fanny Animatrice", "council_admin": "Adèle Administratrice",
             "site_admin": "Simone Site", "other_member": "Bruno Voisin",
             "other_facilitator": "Béatrice Voisine"}
    users = {key: _person(db, key, name, now, admin=key == "site_admin")
             for key, name in names.items()}
    users["anonymous"] = None
    extra_a = _person(db, "extra-a", "Xavier Membre", now)
    extra_b = _person(db, "extra-b", "Yasmine Membre", now)
    admin_b = _person(db, "admin-b", "Bérénice Admin", now)
    keys_a, council_a = _council_world(db, "A", users, now, extra_a)
    keys_b, council_b = _council_world(db, "B", {
        "council_admin": admin_b, "facilitator": users["other_facilitator"],
        "voter": users["other_member"]}, now, extra_b)
    private = create_council(db, name="Conseil privé", territory="Testville", is_public=False,
                             creator=admin_b, now=now)
    _invitation, token = invite_member(db, council_a, email="invitee@authz.example.org",
                                       role=Role.MEMBER, college_id=keys_a["college"],
                                       actor=users["council_admin"], now=now)
    _invitation_b, token_b = invite_member(db, council_b, email="invitee-b@authz.example.org",
                                           role=Role.MEMBER, college_id=keys_b["college"],
                                           actor=admin_b, now=now)
    question = AssistantQuestion(token="authz-question", asked_at=now, question="Qu'est-ce "
                                 "qu'une SCIC ?", abstained=True, confidence=0.1)
    db.add(question)
    db.flush()
    keys = dict(keys_a)
    keys.update({f"b_{k}": v for k, v in keys_b.items()})
    keys.update(private_slug=private.slug, private_id=private.id, token=token, b_token=token_b, question=question.id,
                extra_a=extra_a.id, extra_a_email=extra_a.email, extra_b=extra_b.id,
                extra_b_email=extra_b.email, year=now.year)
    keys.update({f"user_{k}": u.id for k, u in users.items() if u is not None})
    return World(users=users, keys=keys)
