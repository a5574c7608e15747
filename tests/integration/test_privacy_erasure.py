"""RGPD: a person exports everything cocon holds about them, then erases their account.

After the erasure the WHOLE database (every table the database lists, every value; and
pg_dump on PostgreSQL) is searched for the name, the e-mail and its local part; secret ballots
and closed results must be unchanged, the roll-call vote must still count.
"""

from __future__ import annotations

import io
import json
import shutil
import zipfile

import pytest
from privacy_dump import occurrences, whole_database_dumps
from privacy_world import (EDITED_TEXT, EMAIL, LOCAL_PART, NAME, NOTE_TEXT, NOW, POST_TEXT,
                           build_privacy_world)
from sqlalchemy import select

from cocon import audit
from cocon.accounts.erasure import ERASED_NAME, erase_account
from cocon.accounts.models import User
from cocon.accounts.personal_data import export_personal_data
from cocon.accounts.personal_data_files import JSON_NAME, to_json, to_zip
from cocon.accounts.services import authenticate
from cocon.audit import AuditEntry
from cocon.council.plenary.models import Proxy
from cocon.notifications import Notification
from cocon.proposals.tally_input import count_ballot
from cocon.proposals.voting_models import PublicVote, SecretVote

LATER = NOW.replace(day=28)
NEEDLES = [NAME, EMAIL, LOCAL_PART, "Zéphyrine", "Quintavalle"]


def _secret_papers(db, ballot):
    return sorted((v.college, v.choice) for v in db.scalars(
        select(SecretVote).where(SecretVote.ballot_id == ballot.id)))


def test_the_export_holds_everything_about_the_person_and_no_secret_choice(db):
    world = build_privacy_world(db)
    document = export_personal_data(db, user=world.person, now=LATER)
    assert document["account"]["email"] == EMAIL and document["account"]["display_name"] == NAME
    assert [p["text"] for p in document["posts"]] == [EDITED_TEXT]
    assert document["posts"][0]["revisions"][0]["text"] == POST_TEXT
    assert document["threads"][0]["title"] == "Circuits courts"
    assert document["reports"][0]["reason"] == "Hors sujet ?"
    assert [o["organisation"] for o in document["organisations"]] == [
        "Coopérative des Quatre Vents"]
    assert document["organisations"][0]["is_representative"] is True
    assert {m["role"] for m in document["council_memberships"]} == {"facilitator"}
    assert sorted(p["session"] for p in document["proxies_held"]) == [
        "Séance d'automne", "Séance de printemps"]
    assert {p["giver"] for p in document["proxies_held"]} == {"Carla Membre", "Bruno Membre"}
    assert [(v["question"], v["choice"]) for v in document["roll_call_votes"]] == [
        ("Adopter la charte ?", "pour")]
    secret = [p for p in document["ballot_participations"] if p["secret"]]
    assert sorted((p["member"], p["by_proxy"]) for p in secret) == [
        ("Carla Membre", True), (NAME, False)]
    assert all("choice" not in p for p in document["ballot_participations"])
    assert [p["title"] for p in document["proposals"]] == ["Groupe circuits courts"]
    assert [p["title"] for p in document["coauthorships"]] == ["Marchés publics responsables"]
    assert [s["proposal"] for s in document["supports"]] == ["Marchés publics responsables"]
    assert document["proposal_comments"][0]["text"] == "Bonne idée."
    assert document["amendments"][0]["reason"] == "Plus complet."
    assert document["minutes_notes"][0]["text"] == NOTE_TEXT
    assert document["minutes_note_revisions"][0]["text"] == NOTE_TEXT
    assert document["minutes_comments"][0]["text"] == "Merci pour ce compte rendu."
    assert {n["kind"] for n in document["notifications"]} == {"vote", "reply",
                                                                 "convocation"}
    assert {"kind": "vote", "channel": "email"} in document["notification_settings"]
    assert len(document["login_sessions"]) == 1
    assert "token_hash" not in json.dumps(document)
    assert [i["council"] for i in document["invitations_received"]] == ["Conseil voisin"]
    assert [i["role"] for i in document["invitations_sent"]] == ["member"]
    assert "organisation.propose" in {a["action"] for a in document["audit_entries"]}
    assert [a["status"] for a in document["attendance"]] == ["present", "present"]

    archive = zipfile.ZipFile(io.BytesIO(to_zip(document, now=LATER)))
    names = set(archive.namelist())
    assert {"README.txt", JSON_NAME, "account.csv", "posts.csv", "roll_call_votes.csv",
            "proxies_held.csv", "minutes_notes.csv"} <= names
    assert json.loads(archive.read(JSON_NAME)) == json.loads(to_json(document))
    posts_csv = archive.read("posts.csv").decode("utf-8-sig")
    assert posts_csv.startswith("post_id;thread;text;") and EDITED_TEXT in posts_csv
    assert POST_TEXT.replace('"', '""') in posts_csv  # the revision, as JSON in one cell


def test_after_erasure_the_name_and_email_are_nowhere_in_the_database(db, engine):
    world = build_privacy_world(db)
    db.commit()
    results = {b.id: json.dumps(b.result, sort_keys=True)
               for b in (world.public_ballot, world.secret_ballot)}
    papers = _secret_papers(db, world.secret_ballot)
    public_counts = count_ballot(db, world.public_ballot)["counts"]
    before = whole_database_dumps(engine)
    assert all(occurrences(dump, [NAME, EMAIL]) for dump in before.values())  # the probe works
    on_postgresql = "pg_dump" if shutil.which("pg_dump") else "rows"
    assert {"sqlite": "iterdump", "postgresql": on_postgresql}[engine.dialect.name] in before
    person_id = world.person.id

    report = erase_account(db, user=world.person, now=LATER)
    db.commit()

    for how, dump in whole_database_dumps(engine).items():
        assert occurrences(dump, NEEDLES) == [], how
    assert audit.verify_chain(db) == []
    db.expire_all()
    for ballot in (world.public_ballot, world.secret_ballot):
        assert json.dumps(db.get(type(ballot), ballot.id).result, sort_keys=True) \
            == results[ballot.id]
    assert _secret_papers(db, world.secret_ballot) == papers
    vote = db.scalar(select(PublicVote).where(PublicVote.voter_id == person_id))
    assert vote.choice == "pour" and vote.voter.display_name == ERASED_NAME
    assert count_ballot(db, world.public_ballot)["counts"] == public_counts
    assert db.get(User, person_id).erased_at is not None
    assert authenticate(db, email=EMAIL, password="un mot de passe assez long", now=LATER) is None
    assert report.counts["proxies_cancelled"] == 1 and report.archived_minutes == 0


def test_erasure_cancels_proxies_of_sessions_to_come_and_tells_their_givers(db):
    world = build_privacy_world(db)
    report = erase_account(db, user=world.person, now=LATER)
    [event] = report.events  # the coming session's live quorum, without her
    assert event.room == f"plenary:{world.next_plenary.id}"
    assert event.payload["quorum"]["voting"] == 2  # Bruno and Carla; the admin has no college
    held = db.scalars(select(Proxy).where(Proxy.holder_id == world.person.id)).all()
    assert [p.plenary_id for p in held] == [world.closed_plenary.id]  # history kept
    told = db.scalars(select(Notification).where(Notification.user_id == world.bruno.id)).all()
    assert any("Séance de printemps" in n.title and "annulée" in n.title for n in told)
    mention = next(n for n in told if "mentionné" in n.title)
    assert mention.title.startswith("Participant·e supprimé·e vous a mentionné·e")
    cancelled = db.scalars(select(AuditEntry).where(AuditEntry.action == "proxy.cancelled")).all()
    assert [(e.actor_id, e.details["giver_id"]) for e in cancelled] == [
        (world.person.id, world.bruno.id)]
    erased = db.scalar(select(AuditEntry).where(AuditEntry.action == "account.erased"))
    assert erased.actor_id == world.person.id and erased.actor_name == ""
    assert world.post.author.display_name == ERASED_NAME and world.post.body_markdown \
        == EDITED_TEXT


def test_the_export_of_an_erased_account_holds_no_identity(db):
    world = build_privacy_world(db)
    erase_account(db, user=world.person, now=LATER)
    document = json.dumps(export_personal_data(db, user=world.person, now=LATER),
                          ensure_ascii=False)
    assert NAME not in document and EMAIL not in document


@pytest.mark.parametrize("role_holder", ["council", "site"])
def test_the_last_administrator_is_refused_with_the_reason(db, role_holder):
    from cocon.errors import Conflict
    world = build_privacy_world(db)
    if role_holder == "council":
        with pytest.raises(Conflict, match="last administrator of «.Conseil"):
            erase_account(db, user=world.admin, now=LATER)
    else:
        world.admin.is_site_admin = False
        world.person.is_site_admin = True
        with pytest.raises(Conflict, match="only site administrator"):
            erase_account(db, user=world.person, now=LATER)
    assert db.get(User, world.admin.id).erased_at is None


def test_an_account_is_erased_only_once(db):
    from cocon.errors import Conflict
    world = build_privacy_world(db)
    erase_account(db, user=world.person, now=LATER)
    with pytest.raises(Conflict, match="already deleted"):
        erase_account(db, user=world.person, now=LATER)
