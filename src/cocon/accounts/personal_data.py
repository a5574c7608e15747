"""Everything cocon holds about a person (RGPD articles 15 and 20), as one JSON document.

This module sits above every domain because it gathers from them all. Secret ballots appear
only as participations: the papers hold no voter, so the choice cannot be given back (nor to
anyone else). Login sessions appear with their dates, never their tokens. The assistant's
question log is not included: it holds nothing that links a question to a person.
`personal_data_files.py` turns the document into a JSON file or a ZIP of JSON and CSVs.
"""

from __future__ import annotations

import enum
from datetime import date, datetime
from typing import Any, Iterable

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from cocon import notifications
from cocon.accounts.models import LoginSession, User
from cocon.audit import AuditEntry
from cocon.council.models import Invitation, Membership
from cocon.council.plenary.models import Attendance, Plenary, Proxy
from cocon.minutes.comments import MinutesComment
from cocon.minutes.models import MinutesNote, MinutesNoteRevision
from cocon.organisations.models import Affiliation, Organisation
from cocon.proposals.models import (Amendment, Proposal, ProposalComment, Support,
                                    proposal_coauthors)
from cocon.proposals.register_models import OrientationUpdate
from cocon.proposals.voting_models import (Ballot, BallotParticipation, BallotWithdrawal,
                                           PublicVote)
from cocon.workshops.models import Post, Report, Thread, WorkshopMember

FORMAT = "cocon-personal-data"
VERSION = 1
NOT_INCLUDED = [  # in both languages: the document is read outside the site
    {"fr": "Votre choix dans les scrutins secrets\u00a0: les bulletins sont conservés sans aucun "
           "votant, si bien que personne, pas même la plateforme, ne peut dire lequel est le "
           "vôtre\u00a0; seul le fait que vous avez voté figure ici.",
     "en": "How you voted in secret ballots: the papers are stored without any voter, so "
           "nobody, the platform included, can tell which one is yours; only the fact that "
           "you took part is here."},
    {"fr": "Les questions posées à l’assistant\u00a0: elles sont enregistrées sans compte, adresse "
           "ni cookie, et ne peuvent donc pas être reliées à vous.",
     "en": "The questions asked to the assistant: they are logged without any account, "
           "address or cookie, so none of them can be linked to you."},
    {"fr": "Les tentatives de connexion échouées\u00a0: seules des empreintes du compte et de "
           "l’adresse sont gardées, un jour.",
     "en": "Failed sign-in attempts: only hashes of the account and address are kept, for "
           "one day."},
    {"fr": "Les jetons de session\u00a0: seules leurs empreintes sont stockées, et ce sont des "
           "secrets.",
     "en": "Login session tokens: only their hashes are stored, and they are secrets."},
]


def _plain(value: Any) -> Any:
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    return value


def _rows(objects: Iterable, fields: dict[str, Any]) -> list[dict[str, Any]]:
    """One dict per object: each field is an attribute name or a function of the object."""
    return [{key: _plain(get(obj) if callable(get) else getattr(obj, get))
             for key, get in fields.items()} for obj in objects]


def _name(user: User | None) -> str | None:
    return None if user is None else user.display_name


def _account(user: User) -> dict[str, Any]:
    return {key: _plain(getattr(user, key)) for key in (
        "id", "email", "display_name", "locale", "is_site_admin", "created_at",
        "last_login_at")}


def _council(db: Session, uid: int) -> dict[str, list]:
    memberships = db.scalars(select(Membership).where(Membership.user_id == uid)
                             .order_by(Membership.id))
    affiliations = db.scalars(select(Affiliation).where(Affiliation.user_id == uid)
                              .order_by(Affiliation.id))
    attendance = db.scalars(select(Attendance).where(Attendance.user_id == uid)
                            .order_by(Attendance.id))
    proxies = db.scalars(select(Proxy).where(or_(Proxy.giver_id == uid, Proxy.holder_id == uid))
                         .order_by(Proxy.id)).all()
    plenary = {"plenary_id": "plenary_id", "session": lambda p: db.get(Plenary, p.plenary_id).title}
    return {
        "council_memberships": _rows(memberships, {
            "council": lambda m: m.council.name, "role": "role",
            "college": lambda m: m.college.name if m.college else None, "joined_at": "joined_at"}),
        "organisations": _rows(affiliations, {
            "organisation_id": "organisation_id", "organisation": lambda a: a.organisation.name,
            "is_representative": "is_representative", "since": "created_at"}),
        "organisations_proposed": _rows(db.scalars(select(Organisation).where(
            Organisation.created_by_id == uid).order_by(Organisation.id)), {
            "organisation_id": "id", "name": "name", "proposed_at": "created_at"}),
        "attendance": _rows(attendance, {**plenary, "status": "status", "updated_at": "updated_at",
                                         "organisation": lambda a: a.organisation.name
                                         if a.organisation else None}),
        "proxies_given": _rows((p for p in proxies if p.giver_id == uid), {
            **plenary, "holder": lambda p: _name(p.holder), "created_at": "created_at"}),
        "proxies_held": _rows((p for p in proxies if p.holder_id == uid), {
            **plenary, "giver": lambda p: _name(p.giver), "created_at": "created_at"}),
    }


def _votes(db: Session, uid: int) -> dict[str, list]:
    def question(row) -> str:
        return db.get(Ballot, row.ballot_id).question

    public = db.scalars(select(PublicVote).where(or_(PublicVote.voter_id == uid,
                                                     PublicVote.cast_by_id == uid))
                        .order_by(PublicVote.id))
    taken = db.scalars(select(BallotParticipation).where(or_(
        BallotParticipation.member_id == uid, BallotParticipation.cast_by_id == uid))
        .order_by(BallotParticipation.id))
    return {
        "roll_call_votes": _rows(public, {
            "ballot_id": "ballot_id", "question": question, "voter": lambda v: _name(v.voter),
            "cast_by": lambda v: _name(db.get(User, v.cast_by_id)) if v.cast_by_id else None,
            "college": "college", "choice": "choice", "reason": "reason", "grades": "grades"}),
        "ballot_participations": _rows(taken, {
            "ballot_id": "ballot_id", "question": question,
            "secret": lambda p: db.get(Ballot, p.ballot_id).secret,
            "member": lambda p: _name(p.member), "cast_by": lambda p: _name(p.cast_by),
            "by_proxy": "by_proxy"}),
        "ballot_withdrawals": _rows(db.scalars(select(BallotWithdrawal).where(
            BallotWithdrawal.user_id == uid).order_by(BallotWithdrawal.id)), {
            "ballot_id": "ballot_id", "question": question, "reason": "reason",
            "created_at": "created_at"}),
    }


def _workshops(db: Session, uid: int) -> dict[str, list]:
    posts = db.scalars(select(Post).where(Post.author_id == uid).order_by(Post.id))
    return {
        "workshop_memberships": _rows(db.scalars(select(WorkshopMember).where(
            WorkshopMember.user_id == uid).order_by(WorkshopMember.id)), {
            "workshop_id": "workshop_id", "workshop": lambda m: m.workshop.title,
            "joined_at": "joined_at"}),
        "threads": _rows(db.scalars(select(Thread).where(Thread.author_id == uid)
                                    .order_by(Thread.id)), {
            "thread_id": "id", "title": "title", "created_at": "created_at"}),
        "posts": _rows(posts, {
            "post_id": "id", "thread": lambda p: p.thread.title, "text": "body_markdown",
            "created_at": "created_at", "edited_at": "edited_at", "deleted_at": "deleted_at",
            "hidden_at": "hidden_at", "hide_reason": "hide_reason",
            "revisions": lambda p: _rows(p.revisions, {
                "text": "body_markdown", "written_at": "written_at",
                "replaced_at": "replaced_at"})}),
        "reports": _rows(db.scalars(select(Report).where(Report.reporter_id == uid)
                                    .order_by(Report.id)), {
            "post_id": "post_id", "reason": "reason", "created_at": "created_at",
            "resolved_at": "resolved_at", "resolution": "resolution"}),
    }


def _proposals(db: Session, uid: int) -> dict[str, list]:
    coauthored = select(proposal_coauthors.c.proposal_id).where(
        proposal_coauthors.c.user_id == uid)
    title = {"proposal_id": "proposal_id", "proposal": lambda r: db.get(Proposal,
                                                                         r.proposal_id).title}
    return {
        "proposals": _rows(db.scalars(select(Proposal).where(Proposal.author_id == uid)
                                      .order_by(Proposal.id)), {
            "proposal_id": "id", "title": "title", "text": "body", "created_at": "created_at",
            "submitted_at": "submitted_at", "decision": "decision"}),
        "coauthorships": _rows(db.scalars(select(Proposal).where(Proposal.id.in_(coauthored))
                                          .order_by(Proposal.id)), {
            "proposal_id": "id", "title": "title"}),
        "supports": _rows(db.scalars(select(Support).where(Support.user_id == uid)
                                     .order_by(Support.id)), {**title, "created_at": "created_at"}),
        "proposal_comments": _rows(db.scalars(select(ProposalComment).where(
            ProposalComment.author_id == uid).order_by(ProposalComment.id)), {
            **title, "text": "body", "created_at": "created_at"}),
        "amendments": _rows(db.scalars(select(Amendment).where(Amendment.author_id == uid)
                                       .order_by(Amendment.id)), {
            **title, "new_text": "new_body", "reason": "reason", "status": "status",
            "created_at": "created_at"}),
        "orientation_updates": _rows(db.scalars(select(OrientationUpdate).where(
            OrientationUpdate.author_id == uid).order_by(OrientationUpdate.id)), {
            "orientation_id": "orientation_id", "note": "note", "status": "status",
            "created_at": "created_at"}),
    }


def _minutes(db: Session, uid: int) -> dict[str, list]:
    return {
        "minutes_notes": _rows(db.scalars(select(MinutesNote).where(
            MinutesNote.updated_by_id == uid).order_by(MinutesNote.id)), {
            "note_id": "id", "agenda_item": lambda n: n.agenda_item.title, "text": "body",
            "updated_at": "updated_at"}),
        "minutes_note_revisions": _rows(db.scalars(select(MinutesNoteRevision).where(
            MinutesNoteRevision.author_id == uid).order_by(MinutesNoteRevision.id)), {
            "note_id": "note_id", "number": "number", "text": "body",
            "created_at": "created_at", "updated_at": "updated_at"}),
        "minutes_comments": _rows(db.scalars(select(MinutesComment).where(
            MinutesComment.author_id == uid).order_by(MinutesComment.id)), {
            "minutes_id": "minutes_id", "text": "body", "created_at": "created_at"}),
    }


def _account_records(db: Session, user: User) -> dict[str, list]:
    uid = user.id
    Note, Pref = notifications.Notification, notifications.NotificationPreference
    invited = db.scalars(select(Invitation).where(func.lower(Invitation.email)
                                                  == user.email.lower()).order_by(Invitation.id))
    return {
        "login_sessions": _rows(db.scalars(select(LoginSession).where(
            LoginSession.user_id == uid).order_by(LoginSession.id)), {
            "started_at": "created_at", "last_seen_at": "last_seen_at",
            "ended_at": "revoked_at", "remember_me": "remember"}),
        "notifications": _rows(db.scalars(select(Note).where(Note.user_id == uid)
                                          .order_by(Note.id)), {
            "kind": "kind", "title": "title", "text": "body", "url": "url",
            "created_at": "created_at", "read_at": "read_at", "emailed_at": "emailed_at"}),
        "notification_settings": [{"kind": kind.value, "channel": channel} for kind, channel
                                  in notifications.preferences(db, uid).items()],
        "invitations_received": _rows(invited, {
            "council": lambda i: i.council.name, "role": "role", "created_at": "created_at",
            "expires_at": "expires_at", "accepted_at": "accepted_at"}),
        "invitations_sent": _rows(db.scalars(select(Invitation).where(
            Invitation.invited_by_id == uid).order_by(Invitation.id)), {
            "council": lambda i: i.council.name, "role": "role", "created_at": "created_at",
            "accepted": lambda i: i.accepted_at is not None}),
        "audit_entries": _rows(db.scalars(select(AuditEntry).where(AuditEntry.actor_id == uid)
                                          .order_by(AuditEntry.id)), {
            "action": "action", "target_type": "target_type", "target_id": "target_id",
            "details": "details", "created_at": "created_at"}),
    }


def export_personal_data(db: Session, *, user: User, now: datetime) -> dict[str, Any]:
    """The whole document about this person: account, then one list per kind of record."""
    document: dict[str, Any] = {"format": FORMAT, "version": VERSION,
                                "generated_at": now.isoformat(), "account": _account(user)}
    for part in (_account_records(db, user), _council(db, user.id), _votes(db, user.id),
                 _workshops(db, user.id), _proposals(db, user.id), _minutes(db, user.id)):
        document.update(part)
    document["not_included"] = list(NOT_INCLUDED)
    return document
