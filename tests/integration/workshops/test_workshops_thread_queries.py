"""A thread page loads its posts' authors in one query, whatever the number of authors, and a
page of a long thread costs the same on every page."""

from sqlalchemy import event

from cocon.workshops import forum


def test_listing_a_thread_does_not_load_each_author_apart(db, forum_world):
    w = forum_world
    authors = [w.lucie, w.camille, w.facilitator]
    thread = forum.start_thread(db, w.workshop, author=w.lucie, title="Circuits courts",
                                body="Premier message.", now=w.now).post.thread
    for i in range(12):
        forum.add_post(db, thread, author=authors[i % 3], body=f"Réponse {i}.", now=w.now)
    db.commit()
    db.expunge_all()  # nothing in the identity map: every author must come from the database
    thread = db.get(type(thread), thread.id)
    statements = []
    listener = lambda *args: statements.append(args[2])  # noqa: E731
    event.listen(db.get_bind(), "before_cursor_execute", listener)
    try:
        posts = forum.list_posts(db, thread)
        names = {p.author.display_name for p in posts}
    finally:
        event.remove(db.get_bind(), "before_cursor_execute", listener)
    assert len(posts) == 13 and names == {"Lucie Ernst", "Camille Roth", "Karim Benali"}
    assert len(statements) <= 2, statements  # the posts, then their authors


def test_a_page_of_a_long_thread_costs_three_queries_and_holds_its_share(db, forum_world):
    """A count, the page's posts, their authors: the same work on page 1 and on the last page,
    whatever the thread's length; the page of each post follows from its rank."""
    w = forum_world
    thread = forum.start_thread(db, w.workshop, author=w.lucie, title="Long débat",
                                body="Premier.", now=w.now).post.thread
    posts = list(forum.list_posts(db, thread))
    for i in range(1, 23):
        posts.append(forum.add_post(db, thread, author=w.camille if i % 2 else w.lucie,
                                    body=f"Réponse {i}.", now=w.now).post)
    db.commit()
    db.expunge_all()
    thread = db.get(type(thread), thread.id)
    statements = []
    listener = lambda *args: statements.append(args[2])  # noqa: E731
    event.listen(db.get_bind(), "before_cursor_execute", listener)
    try:
        last = forum.thread_page(db, thread, 3, per_page=10)
    finally:
        event.remove(db.get_bind(), "before_cursor_execute", listener)
    assert [p.id for p in last.items] == [p.id for p in posts[20:]]
    assert (last.total, last.page, last.pages, last.is_last) == (23, 3, 3, True)
    assert len(statements) <= 3, statements
    beyond = forum.thread_page(db, thread, 40, per_page=10)
    assert beyond.page == 3 and [p.id for p in beyond.items] == [p.id for p in posts[20:]]
    first = forum.thread_page(db, thread, 1, per_page=10)
    assert [p.id for p in first.items] == [p.id for p in posts[:10]] and first.has_next
    for index, page in ((0, 1), (9, 1), (10, 2), (19, 2), (20, 3), (22, 3)):
        assert forum.page_of_post(db, db.get(type(posts[index]), posts[index].id),
                                  per_page=10) == page
    deleted = db.get(type(posts[4]), posts[4].id)
    forum.delete_post(db, deleted, actor=deleted.author, now=w.now)  # leaves a trace
    db.commit()
    assert forum.page_of_post(db, db.get(type(posts[12]), posts[12].id), per_page=10) == 2
