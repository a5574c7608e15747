"""A thread page loads its posts' authors in one query, whatever the number of authors."""

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
