"""Threads and posts: writing, replying, mentioning, editing with history, deleting with a trace."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from cocon import audit, notifications, search
from cocon.accounts.models import User
from cocon.errors import Conflict, Forbidden, InvalidInput, NotFound
from cocon.events import Event
from cocon.paging import Page, clamp_page, page_of_rank
from cocon.validation import clean_text
from cocon.workshops import markdown, mentions, permissions
from cocon.workshops.models import Post, PostRevision, Thread, Workshop

TITLES = {
    "mention": {"fr": "%(who)s vous a mentionné·e dans « %(thread)s »",
                "en": "%(who)s mentioned you in “%(thread)s”"},
    "reply": {"fr": "%(who)s a répondu à votre message dans « %(thread)s »",
              "en": "%(who)s replied to your post in “%(thread)s”"},
}

# Posts on one page of a thread: a long debate stays quick to open and to read with a screen
# reader, and a page costs the same whatever the thread's length (docs/benchmarks.md).
POSTS_PER_PAGE = 50


@dataclass
class Outcome:
    """What a forum action changed: the post, live events, notifications to e-mail."""

    post: Post
    events: list[Event] = field(default_factory=list)
    notes: list = field(default_factory=list)


def thread_url(thread: Thread) -> str:
    """The page of a thread."""
    w = thread.workshop
    return f"/conseils/{w.council.slug}/ateliers/{w.id}/fils/{thread.id}"


def thread_page_url(thread: Thread, page: int = 1) -> str:
    """One page of a thread (the first page is the thread's own address)."""
    return thread_url(thread) + (f"?page={page}" if page > 1 else "")


def post_url(post: Post) -> str:
    """A post's lasting address, kept in notifications, e-mails and the search index: it
    answers with the page of the thread that holds the post, however long the thread grows."""
    w = post.thread.workshop
    return f"/conseils/{w.council.slug}/ateliers/{w.id}/messages/{post.id}"


def page_of_post(db: Session, post: Post, *, per_page: int = POSTS_PER_PAGE) -> int:
    """The page of its thread on which a post is shown. Posts keep their place: deleting or
    hiding one leaves a trace in the thread rather than removing it."""
    rank = db.scalar(select(func.count()).select_from(Post)
                     .where(Post.thread_id == post.thread_id, Post.id <= post.id)) or 1
    return page_of_rank(rank, per_page)


def post_location(db: Session, post: Post) -> str:
    """Where a post is shown now: its thread's page and the post's anchor."""
    return f"{thread_page_url(post.thread, page_of_post(db, post))}#message-{post.id}"


def post_payload(post: Post) -> dict:
    """What live clients receive about a post (HTML already sanitised)."""
    return {"id": post.id, "thread_id": post.thread_id, "author": post.author.display_name
            if post.author else "", "html": post.body_html if post.is_visible else "",
            "reply_to_id": post.reply_to_id, "created_at": post.created_at.isoformat(),
            "edited_at": post.edited_at.isoformat() if post.edited_at else None,
            "deleted_by": post.deleted_by.display_name if post.deleted_by else None,
            "hidden": post.hidden_at is not None, "deleted": post.deleted_at is not None}


def _event(name: str, post: Post) -> Event:
    return Event(name, f"thread:{post.thread_id}", post_payload(post))


def get_thread(db: Session, workshop: Workshop, thread_id: int) -> Thread:
    """The thread of this workshop with this id, or NotFound."""
    thread = db.get(Thread, thread_id)
    if thread is None or thread.workshop_id != workshop.id:
        raise NotFound("This thread does not exist.")
    return thread


def list_threads(db: Session, workshop: Workshop) -> list[Thread]:
    """The workshop's threads, newest first."""
    return list(db.scalars(select(Thread).where(Thread.workshop_id == workshop.id)
                           .order_by(Thread.id.desc())))


def _posts_of(thread: Thread):
    # authors in one more query rather than one per author (bench/bench_forum.py)
    return (select(Post).where(Post.thread_id == thread.id)
            .options(selectinload(Post.author)).order_by(Post.id))


def list_posts(db: Session, thread: Thread, *, after: int = 0,
               limit: int | None = None) -> list[Post]:
    """The thread's posts in order, only those after a post id when catching up, at most
    `limit` of them."""
    return list(db.scalars(_posts_of(thread).where(Post.id > after).limit(limit)))


def thread_page(db: Session, thread: Thread, page: int = 1, *,
                per_page: int = POSTS_PER_PAGE) -> Page[Post]:
    """One page of the thread's posts, oldest first; a page beyond the last gives the last."""
    total = db.scalar(select(func.count()).select_from(Post)
                      .where(Post.thread_id == thread.id)) or 0
    page = clamp_page(page, total, per_page)
    items = db.scalars(_posts_of(thread).offset((page - 1) * per_page).limit(per_page))
    return Page(items=list(items), total=total, page=page, per_page=per_page)


def _index(db: Session, post: Post, now: datetime) -> None:
    w = post.thread.workshop
    if not post.is_visible:
        search.remove_document(db, kind="post", object_id=post.id)
        return
    search.index_document(db, kind="post", object_id=post.id, council_id=w.council_id,
                          workshop_id=w.id, title=post.thread.title,
                          body=markdown.plain_text(post.body_markdown), url=post_url(post),
                          is_public=w.is_public and w.council.is_public, now=now)


def _notify(db: Session, post: Post, now: datetime, *, skip: set[int],
            replies: bool = True) -> list:
    """Tell the people mentioned, then the author replied to."""
    thread, author = post.thread, post.author
    workshop = thread.workshop
    people = [m.user for m in workshop.council.memberships] + [m.user for m in workshop.members]
    notes, told = [], set(skip) | {author.id}
    targets = [("mention", u) for u in mentions.find_mentions(post.body_markdown, people)]
    if replies and post.reply_to is not None and post.reply_to.author is not None:
        targets.append(("reply", post.reply_to.author))
    for kind, user in targets:
        if user.id in told or not permissions.can_view_workshop(user, workshop):
            continue
        told.add(user.id)
        lang = "en" if user.locale == "en" else "fr"
        title = TITLES[kind][lang] % {"who": author.display_name, "thread": thread.title}
        notes.append(notifications.notify(
            db, user_id=user.id, kind=kind, title=title, url=post_url(post), now=now,
            body=markdown.plain_text(post.body_markdown)[:500]))
    return [n for n in notes if n is not None]


def check_can_post(author: User | None, thread: Thread) -> None:
    """Refuse, with the reason, whoever may not write in this thread (a locked one says so)."""
    if permissions.can_post(author, thread.workshop, thread):
        return
    if thread.locked and permissions.can_post(author, thread.workshop):
        raise Forbidden("This thread is locked: new messages are no longer accepted.")
    raise Forbidden("You may not write in this thread.")


def set_thread_locked(db: Session, thread: Thread, *, locked: bool, actor: User | None,
                      now: datetime) -> Thread:
    """Lock (no more messages, except from moderators) or unlock a thread; audited."""
    if not permissions.can_moderate(actor, thread.workshop):
        raise Forbidden("Only the workshop's moderators may lock or unlock a thread.")
    if bool(thread.locked) == bool(locked):
        if locked:
            raise Conflict("This thread is already locked.")
        raise Conflict("This thread is not locked.")
    thread.locked = bool(locked)
    db.flush()
    audit.record(db, action="thread.lock" if locked else "thread.unlock", now=now, actor=actor,
                 council_id=thread.workshop.council_id, target_type="thread",
                 target_id=thread.id)
    return thread


def add_post(db: Session, thread: Thread, *, author: User, body: str, now: datetime,
             reply_to_id: int | None = None) -> Outcome:
    """Write a post (or a reply) in a thread; mentioned people and the replied-to are told."""
    check_can_post(author, thread)
    text = markdown.check_markdown(body)
    reply_to = None
    if reply_to_id is not None:
        reply_to = db.get(Post, reply_to_id)
        if reply_to is None or reply_to.thread_id != thread.id:
            raise InvalidInput("The message you reply to is not in this thread.")
    post = Post(thread=thread, thread_id=thread.id, author=author, author_id=author.id,
                body_markdown=text, body_html=markdown.render(text), reply_to=reply_to,
                created_at=now)
    db.add(post)
    db.flush()
    _index(db, post, now)
    return Outcome(post, [_event("post.created", post)], _notify(db, post, now, skip=set()))


def start_thread(db: Session, workshop: Workshop, *, author: User, title: str, body: str,
                 now: datetime) -> Outcome:
    """Open a thread with its first post."""
    if not permissions.can_post(author, workshop):
        raise Forbidden("You may not write in this workshop.")
    title = clean_text(title, field="title", max_length=200)
    markdown.check_markdown(body)
    thread = Thread(workshop=workshop, workshop_id=workshop.id, title=title, author_id=author.id,
                    created_at=now)
    db.add(thread)
    db.flush()
    search.index_document(db, kind="thread", object_id=thread.id, council_id=workshop.council_id,
                          workshop_id=workshop.id, title=title, body="", url=thread_url(thread),
                          is_public=workshop.is_public and workshop.council.is_public, now=now)
    outcome = add_post(db, thread, author=author, body=body, now=now)
    outcome.events.append(Event("thread.created", f"workshop:{workshop.id}",
                                {"id": thread.id, "title": title, "url": thread_url(thread)}))
    return outcome


def edit_post(db: Session, post: Post, *, actor: User, body: str, now: datetime) -> Outcome:
    """Change a post's text; the previous text is kept as a revision anyone may read."""
    if not permissions.can_edit_post(actor, post, post.thread.workshop):
        raise Forbidden("You may not edit this message.")
    text = markdown.check_markdown(body)
    if text == post.body_markdown:
        return Outcome(post)
    db.add(PostRevision(post=post, body_markdown=post.body_markdown, body_html=post.body_html,
                        written_at=post.edited_at or post.created_at, replaced_at=now))
    known = {u.id for u in mentions.find_mentions(
        post.body_markdown, [m.user for m in post.thread.workshop.council.memberships]
        + [m.user for m in post.thread.workshop.members])}
    post.body_markdown, post.body_html, post.edited_at = text, markdown.render(text), now
    db.flush()
    _index(db, post, now)
    notes = _notify(db, post, now, skip=known, replies=False)  # only new mentions are told
    return Outcome(post, [_event("post.updated", post)], notes)


def delete_post(db: Session, post: Post, *, actor: User, now: datetime) -> Outcome:
    """Delete a post: its text goes, a trace "deleted by …" stays in the thread."""
    workshop = post.thread.workshop
    if not permissions.can_delete_post(actor, post, workshop):
        raise Forbidden("You may not delete this message.")
    post.deleted_at, post.deleted_by, post.deleted_by_id = now, actor, actor.id
    db.flush()
    _index(db, post, now)
    if actor.id != post.author_id:
        audit.record(db, action="post.delete", now=now, actor=actor,
                     council_id=workshop.council_id, target_type="post", target_id=post.id)
    return Outcome(post, [_event("post.deleted", post)])
