"""French full-text search on the database in use (SQLite FTS5 or PostgreSQL), with visibility."""

from cocon import search
from cocon.workshops import forum


def find(db, query, councils, workshops=(), members=()):
    return search.search(db, query, visible_council_ids=councils, visible_workshop_ids=workshops,
                         member_council_ids=members)


def test_coopérative_finds_plural_and_unaccented_forms(db, forum_world):
    w, c = forum_world, forum_world.council.id
    search.index_document(db, kind="plenary", object_id=1, council_id=c, title="Séance",
                          body="Les coopératives du territoire", url="/s/1", is_public=True,
                          now=w.now)
    search.index_document(db, kind="plenary", object_id=2, council_id=c, title="Autre",
                          body="Une cooperative sans accent", url="/s/2", is_public=True,
                          now=w.now)
    search.index_document(db, kind="plenary", object_id=3, council_id=c, title="Rien",
                          body="Mobilité douce", url="/s/3", is_public=True, now=w.now)
    assert {h.object_id for h in find(db, "coopérative", [c])} == {1, 2}
    assert {h.object_id for h in find(db, "COOPERATIVES", [c])} == {1, 2}
    assert find(db, "de la", [c]) == []


def test_every_word_must_match(db, forum_world):
    c = forum_world.council.id
    search.index_document(db, kind="plenary", object_id=1, council_id=c, title="a",
                          body="circuits courts et cantines", url="/1", is_public=True,
                          now=forum_world.now)
    assert len(find(db, "circuit court", [c])) == 1
    assert find(db, "circuit vélo", [c]) == []


def test_reindexing_replaces_and_removing_forgets(db, forum_world):
    c, now = forum_world.council.id, forum_world.now
    search.index_document(db, kind="plenary", object_id=1, council_id=c, title="t",
                          body="mutuelles", url="/1", is_public=True, now=now)
    search.index_document(db, kind="plenary", object_id=1, council_id=c, title="t",
                          body="fondations", url="/1", is_public=True, now=now)
    assert find(db, "mutuelle", [c]) == [] and len(find(db, "fondation", [c])) == 1
    search.remove_document(db, kind="plenary", object_id=1)
    assert find(db, "fondation", [c]) == []


def test_visibility_by_council_workshop_and_membership(db, forum_world):
    c, now = forum_world.council.id, forum_world.now
    search.index_document(db, kind="plenary", object_id=1, council_id=c, title="t",
                          body="insertion publique", url="/1", is_public=True, now=now)
    search.index_document(db, kind="plenary", object_id=2, council_id=c, title="t",
                          body="insertion brouillon", url="/2", is_public=False, now=now)
    search.index_document(db, kind="post", object_id=3, council_id=c, workshop_id=42, title="t",
                          body="insertion atelier", url="/3", is_public=False, now=now)
    assert {h.object_id for h in find(db, "insertion", [])} == set()
    assert {h.object_id for h in find(db, "insertion", [c])} == {1}
    assert {h.object_id for h in find(db, "insertion", [c], members=[c])} == {1, 2}
    assert {h.object_id for h in find(db, "insertion", [c], [42], [c])} == {1, 2, 3}


def test_posts_are_indexed_and_leave_the_index_when_deleted(db, forum_world):
    w = forum_world
    post = forum.start_thread(db, w.workshop, author=w.lucie, title="Légumerie",
                              body="Les coopératives maraîchères", now=w.now).post
    hits = find(db, "cooperative", [w.council.id], [w.workshop.id])
    assert [h.kind for h in hits] == ["post"] and hits[0].url.endswith(f"/ateliers/{w.workshop.id}/messages/{post.id}")
    assert [h.kind for h in find(db, "légumerie", [w.council.id], [w.workshop.id])] \
        == ["thread", "post"] or len(find(db, "légumerie", [w.council.id], [w.workshop.id])) == 2
    forum.delete_post(db, post, actor=w.lucie, now=w.now)
    assert find(db, "cooperative", [w.council.id], [w.workshop.id]) == []
