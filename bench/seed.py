"""Seeding the benchmark database through cocon's core services (fast: no HTTP, cheap hashes),
and signing session cookies for accounts logged in server-side.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import timedelta

PASSWORD = "un mot de passe de banc d'essai"


def cheap_hashing() -> None:
    """Argon2id with cheap parameters, as in the tests: the bench measures the platform, not
    the cost of guessing a password (a hash keeps its parameters, so logins still verify)."""
    from argon2 import PasswordHasher

    from cocon.accounts.passwords import use_hasher
    use_hasher(PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))


def cookie_signer(secret_key: str):
    """A function token -> value of the `cocon` session cookie naming that login session."""
    from pathlib import Path

    from flask import Flask
    app = Flask("bench_cookies", root_path=str(Path(__file__).resolve().parent))
    app.secret_key = secret_key
    serializer = app.session_interface.get_signing_serializer(app)
    return lambda token: serializer.dumps({"sid": token})


def make_users(db, count: int, *, prefix: str, now) -> list:
    """`count` accounts registered through the accounts service."""
    from cocon.accounts.services import register_user
    tag = uuid.uuid4().hex[:6]
    return [register_user(db, email=f"{prefix}-{tag}-{i}@bench.example", password=PASSWORD,
                          display_name=f"{prefix.capitalize()} {i}", now=now)
            for i in range(count)]


def login_tokens(db, users, *, now) -> list[str]:
    """Open one server-side login session per user; returns their secret tokens."""
    from cocon.accounts.sessions import start_session
    return [start_session(db, user, remember=True, now=now) for user in users]


@dataclass
class PlenaryWorld:
    """An open plenary of a council whose members all vote."""

    slug: str
    plenary_id: int
    item_id: int
    facilitator_email: str
    participant_ids: list[int] = field(default_factory=list)
    tokens: list[str] = field(default_factory=list)


def seed_plenary(db, participants: int, *, now) -> PlenaryWorld:
    """A public council with two voting colleges, a facilitator, `participants` voting members
    (each logged in), and an open plenary with one agenda item."""
    from cocon.council.models import Role
    from cocon.council.plenary.agenda import add_agenda_item
    from cocon.council.plenary.services import convene_plenary, create_plenary, open_plenary
    from cocon.council.services import add_college, add_member, create_council

    admin, facilitator = make_users(db, 2, prefix="animation", now=now)
    council = create_council(db, name=f"Conseil de banc d'essai {participants}",
                             territory="Banc", creator=admin, now=now)
    elus = add_college(db, council, name="Élu·es", weight=1, now=now)
    acteurs = add_college(db, council, name="Acteurs de l'ESS", weight=1, now=now)
    add_member(db, council, facilitator, role=Role.FACILITATOR, college_id=elus.id, now=now)
    members = make_users(db, participants, prefix="membre", now=now)
    for i, user in enumerate(members):
        add_member(db, council, user, role=Role.MEMBER,
                   college_id=(elus if i % 2 else acteurs).id, now=now)
    plenary = create_plenary(db, council, title="Plénière de charge", starts_at=now,
                             ends_at=now + timedelta(hours=3), actor=facilitator, now=now)
    item, _events = add_agenda_item(db, plenary, title="Délibération mise aux voix",
                                    actor=facilitator, now=now)
    convene_plenary(db, plenary, actor=facilitator, now=now)
    open_plenary(db, plenary, actor=facilitator, now=now)
    tokens = login_tokens(db, members, now=now)
    db.commit()
    return PlenaryWorld(slug=council.slug, plenary_id=plenary.id, item_id=item.id,
                        facilitator_email=facilitator.email,
                        participant_ids=[u.id for u in members], tokens=tokens)


WORDS = ("économie sociale solidaire coopérative association mutuelle territoire achats publics "
         "responsables insertion emploi commande clause sociale marché collectivité métropole "
         "conseil plénière atelier délibération vote budget subvention financement projet "
         "habitants quartier mobilité alimentation circuits courts recyclage réemploi énergie "
         "citoyenne gouvernance partagée bénévoles salariés utilité agrément entreprise "
         "solidarité formation jeunes logement santé culture numérique inclusion").split()


def paragraphs(count: int, seed: int = 7) -> list[str]:
    """`count` distinct French-looking Markdown messages of 40 to 120 words."""
    import random
    rng = random.Random(seed)
    out = []
    for i in range(count):
        words = [rng.choice(WORDS) for _ in range(rng.randint(40, 120))]
        text = " ".join(words).capitalize() + "."
        if i % 5 == 0:
            text += f"\n\n- point {i}\n- **{rng.choice(WORDS)}** {rng.choice(WORDS)}"
        out.append(text)
    return out


@dataclass
class ForumWorld:
    """A public workshop with its threads, and members logged in to read and write."""

    slug: str
    workshop_id: int
    read_thread_id: int
    post_thread_id: int
    council_id: int
    member_ids: list[int] = field(default_factory=list)
    tokens: list[str] = field(default_factory=list)
    total_posts: int = 0


def seed_forum_base(db, *, members: int, now) -> ForumWorld:
    """Council, members (logged in), one public workshop, a thread to read, one to write in."""
    from cocon.council.models import Role
    from cocon.council.services import add_college, add_member, create_council
    from cocon.workshops.forum import start_thread
    from cocon.workshops.services import create_workshop

    admin, facilitator = make_users(db, 2, prefix="animation", now=now)
    council = create_council(db, name="Conseil du forum de charge", territory="Banc",
                             creator=admin, now=now)
    college = add_college(db, council, name="Acteurs de l'ESS", weight=1, now=now)
    add_member(db, council, facilitator, role=Role.FACILITATOR, college_id=college.id, now=now)
    people = make_users(db, members, prefix="membre", now=now)
    for user in people:
        add_member(db, council, user, role=Role.MEMBER, college_id=college.id, now=now)
    workshop = create_workshop(db, council, title="Achats responsables", actor=facilitator,
                               now=now)
    texts = paragraphs(2)
    read = start_thread(db, workshop, author=people[0], title="Un fil à lire", body=texts[0],
                        now=now).post.thread
    write = start_thread(db, workshop, author=people[1], title="Un fil où écrire",
                         body=texts[1], now=now).post.thread
    tokens = login_tokens(db, people, now=now)
    db.commit()
    return ForumWorld(slug=council.slug, workshop_id=workshop.id, read_thread_id=read.id,
                      post_thread_id=write.id, council_id=council.id,
                      member_ids=[u.id for u in people], tokens=tokens, total_posts=2)


def bulk_posts(db, world: ForumWorld, count: int, *, thread_id: int | None = None,
               per_thread: int = 50, now) -> None:
    """Add `count` posts (and their search entries) with bulk inserts: in `thread_id`, or in
    new threads of `per_thread` posts. The HTML is rendered by cocon's Markdown renderer
    (once per distinct text) and the search terms by cocon's French analysis."""
    from datetime import timedelta

    from sqlalchemy import insert

    from cocon.search import SearchDocument, analyse
    from cocon.workshops.markdown import plain_text, render
    from cocon.workshops.models import Post, Thread

    texts = paragraphs(200, seed=world.total_posts)
    htmls = [render(t) for t in texts]
    plains = [plain_text(t) for t in texts]
    stems: dict = {}
    done = 0
    while done < count:
        if thread_id is None:
            batch_threads = min(100, -(-(count - done) // per_thread))
            titles = [f"Fil {world.total_posts + done + i}: {WORDS[i % len(WORDS)]}"
                      for i in range(batch_threads)]
            ids = db.execute(insert(Thread).returning(Thread.id), [
                {"workshop_id": world.workshop_id, "title": t, "author_id": world.member_ids[0],
                 "created_at": now, "locked": False} for t in titles]).scalars().all()
            slots = [(tid, title) for tid, title in zip(ids, titles) for _ in range(per_thread)]
        else:
            title = db.get(Thread, thread_id).title
            slots = [(thread_id, title)] * min(5000, count - done)
        slots = slots[:count - done]
        rows = []
        for k, (tid, _title) in enumerate(slots):
            n = world.total_posts + done + k
            rows.append({"thread_id": tid, "author_id": world.member_ids[n % len(world.member_ids)],
                         "body_markdown": texts[n % 200], "body_html": htmls[n % 200],
                         "created_at": now - timedelta(seconds=count - done - k),
                         "hide_reason": ""})
        post_ids = db.execute(insert(Post).returning(Post.id), rows).scalars().all()
        docs = []
        for k, (pid, (tid, title)) in enumerate(zip(post_ids, slots)):
            i = (world.total_posts + done + k) % 200
            if title not in stems:  # the analysis is per word: title and body apart
                stems[title] = " ".join(analyse(title))
            if i not in stems:
                stems[i] = " ".join(analyse(plains[i]))
            docs.append({"kind": "post", "object_id": pid, "council_id": world.council_id,
                         "workshop_id": world.workshop_id, "title": title,
                         "body": plains[i], "is_public": True,
                         "url": f"/conseils/{world.slug}/ateliers/{world.workshop_id}/fils/{tid}"
                                f"#message-{pid}", "stemmed": f"{stems[title]} {stems[i]}",
                         "updated_at": now})
        db.execute(insert(SearchDocument), docs)
        db.commit()
        done += len(rows)
    world.total_posts += count
