"""The forum's services on a real database: posts, replies, mentions, edits, deletion, moderation."""

import pytest
from sqlalchemy import select

from cocon import notifications
from cocon.audit import AuditEntry
from cocon.errors import Conflict, Forbidden, InvalidInput
from cocon.workshops import forum, moderation, services
from cocon.workshops.models import PostRevision, WorkshopStatus


def test_a_thread_starts_with_its_first_post_and_announces_it(db, forum_world):
    w = forum_world
    outcome = forum.start_thread(db, w.workshop, author=w.lucie, title="Cantines",
                                 body="Des **légumes** locaux", now=w.now)
    assert outcome.post.body_html == "<p>Des <strong>légumes</strong> locaux</p>\n"
    names = [e.name for e in outcome.events]
    assert names == ["post.created", "thread.created"]
    assert outcome.events[0].room == f"thread:{outcome.post.thread_id}"
    assert outcome.events[0].payload["html"] == outcome.post.body_html


def test_a_mention_and_a_reply_notify_the_right_people_once(db, forum_world):
    w = forum_world
    first = forum.start_thread(db, w.workshop, author=w.lucie, title="T", body="Bonjour",
                               now=w.now).post
    reply = forum.add_post(db, first.thread, author=w.camille, reply_to_id=first.id, now=w.now,
                           body="> cité\n\nMerci @Lucie Ernst et @Karim Benali")
    kinds = sorted((n.user_id, n.kind) for n in reply.notes)
    assert kinds == sorted([(w.lucie.id, "mention"), (w.facilitator.id, "mention")])
    assert "Camille Roth" in reply.notes[0].title
    assert notifications.unread_count(db, w.lucie.id) == 1


def test_a_person_who_chose_none_gets_no_notification(db, forum_world):
    w = forum_world
    notifications.set_preference(db, user_id=w.lucie.id, kind="mention", channel="none")
    forum.start_thread(db, w.workshop, author=w.camille, title="T", body="@Lucie Ernst ?",
                       now=w.now)
    assert notifications.unread_count(db, w.lucie.id) == 0


def test_a_reply_must_stay_in_its_thread(db, forum_world):
    w = forum_world
    a = forum.start_thread(db, w.workshop, author=w.lucie, title="A", body="a", now=w.now).post
    b = forum.start_thread(db, w.workshop, author=w.lucie, title="B", body="b", now=w.now).post
    with pytest.raises(InvalidInput):
        forum.add_post(db, b.thread, author=w.camille, body="x", reply_to_id=a.id, now=w.now)


def test_an_edit_keeps_the_previous_text_and_tells_only_new_mentions(db, forum_world):
    w = forum_world
    post = forum.start_thread(db, w.workshop, author=w.lucie, title="T",
                              body="Avis de @Camille Roth ?", now=w.now).post
    outcome = forum.edit_post(db, post, actor=w.lucie, now=w.now,
                              body="Avis de @Camille Roth et @Karim Benali ?")
    assert [n.user_id for n in outcome.notes] == [w.facilitator.id]
    revisions = db.scalars(select(PostRevision).where(PostRevision.post_id == post.id)).all()
    assert [r.body_markdown for r in revisions] == ["Avis de @Camille Roth ?"]
    assert post.edited_at == w.now and outcome.events[0].name == "post.updated"


def test_only_the_author_edits(db, forum_world):
    w = forum_world
    post = forum.start_thread(db, w.workshop, author=w.lucie, title="T", body="x", now=w.now).post
    with pytest.raises(Forbidden):
        forum.edit_post(db, post, actor=w.facilitator, body="y", now=w.now)


def test_deletion_by_a_facilitator_leaves_a_trace_and_an_audit_entry(db, forum_world):
    w = forum_world
    post = forum.start_thread(db, w.workshop, author=w.lucie, title="T", body="x", now=w.now).post
    outcome = forum.delete_post(db, post, actor=w.facilitator, now=w.now)
    assert outcome.events[0].payload["deleted_by"] == "Karim Benali"
    assert outcome.events[0].payload["html"] == ""
    assert db.scalar(select(AuditEntry.action).where(
        AuditEntry.target_type == "post", AuditEntry.target_id == post.id)) \
        == "post.delete"
    with pytest.raises(Forbidden):
        forum.delete_post(db, post, actor=w.facilitator, now=w.now)


def test_report_hide_restore_and_warn_are_recorded_with_their_reason(db, forum_world):
    w = forum_world
    post = forum.start_thread(db, w.workshop, author=w.lucie, title="T", body="x", now=w.now).post
    moderation.report_post(db, post, reporter=w.camille, reason="Propos injurieux", now=w.now)
    with pytest.raises(Conflict):
        moderation.report_post(db, post, reporter=w.camille, reason="encore", now=w.now)
    assert len(moderation.queue(db, w.workshop)) == 1
    with pytest.raises(Forbidden):
        moderation.hide_post(db, post, actor=w.camille, reason="non", now=w.now)
    with pytest.raises(InvalidInput):
        moderation.hide_post(db, post, actor=w.facilitator, reason="  ", now=w.now)
    hidden = moderation.hide_post(db, post, actor=w.facilitator, reason="Injure", now=w.now)
    assert hidden.events[0].name == "post.hidden" and post.hide_reason == "Injure"
    assert moderation.queue(db, w.workshop) == []
    assert [n.kind for n in hidden.notes] == ["moderation"]
    moderation.restore_post(db, post, actor=w.facilitator, reason="Erreur", now=w.now)
    assert post.hidden_at is None
    notes = moderation.warn_author(db, post, actor=w.facilitator, reason="Restez courtois",
                                   now=w.now)
    assert notes[0].user_id == w.lucie.id and notes[0].body == "Restez courtois"
    actions = db.scalars(select(AuditEntry.action).order_by(AuditEntry.id)).all()
    assert actions[-3:] == ["post.hide", "post.restore", "post.warn"]


def test_observers_read_but_do_not_write_and_citizens_write_only_where_opened(db, forum_world):
    w = forum_world
    with pytest.raises(Forbidden):
        forum.start_thread(db, w.workshop, author=w.observer, title="T", body="x", now=w.now)
    with pytest.raises(Forbidden):
        forum.start_thread(db, w.workshop, author=w.citizen, title="T", body="x", now=w.now)
    w.workshop.citizens_may_post = True
    forum.start_thread(db, w.workshop, author=w.citizen, title="T", body="x", now=w.now)


def test_joining_leaving_and_closing_a_workshop(db, forum_world):
    w = forum_world
    services.join_workshop(db, w.workshop, user=w.lucie, now=w.now)
    with pytest.raises(Conflict):
        services.join_workshop(db, w.workshop, user=w.lucie, now=w.now)
    services.leave_workshop(db, w.workshop, user=w.lucie)
    with pytest.raises(Forbidden):
        services.set_status(db, w.workshop, status="closed", actor=w.lucie, now=w.now)
    services.set_status(db, w.workshop, status="closed", actor=w.facilitator, now=w.now)
    assert w.workshop.status == WorkshopStatus.CLOSED
    with pytest.raises(Forbidden):
        forum.start_thread(db, w.workshop, author=w.lucie, title="T", body="x", now=w.now)


def test_only_facilitators_open_workshops_and_titles_are_checked(db, forum_world):
    w = forum_world
    with pytest.raises(Forbidden):
        services.create_workshop(db, w.council, title="X", actor=w.lucie, now=w.now)
    with pytest.raises(InvalidInput):
        services.create_workshop(db, w.council, title=" ", actor=w.facilitator, now=w.now)


def test_digest_preferences_collect_pending_notifications(db, forum_world):
    w = forum_world
    notifications.set_preference(db, user_id=w.lucie.id, kind="mention", channel="digest")
    forum.start_thread(db, w.workshop, author=w.camille, title="T", body="@Lucie Ernst", now=w.now)
    pending = notifications.pending_digests(db)
    assert list(pending) == [w.lucie.id]
    assert notifications.pending_emails(db, [n.id for n in pending[w.lucie.id]]) == []
    with pytest.raises(InvalidInput):
        notifications.set_preference(db, user_id=w.lucie.id, kind="mention", channel="pigeon")
