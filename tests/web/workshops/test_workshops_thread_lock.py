"""Facilitators lock and unlock a thread; posting in a locked thread is refused, saying why."""

from sqlalchemy import select

from cocon.audit import AuditEntry
from cocon.db import utcnow
from cocon.workshops import forum as forum_core
from cocon.workshops.models import Post, Thread


def _thread(app_db, forum):
    outcome = forum_core.start_thread(app_db, forum.workshop, author=forum.facilitator,
                                      title="Cantines bio", body="Premier message", now=utcnow())
    app_db.commit()
    return outcome.post.thread


def test_lock_refuses_members_then_unlock_lets_them_write(client, login, forum, app_db):
    thread = _thread(app_db, forum)
    url = f"{forum.w}/fils/{thread.id}"
    login(forum.member)
    page = client.get(url).get_data(as_text=True)
    assert "Lock the thread" not in page and "Verrouiller" not in page
    assert client.post(f"{url}/verrou", data={"locked": "y"}).status_code == 403

    client.post("/compte/deconnexion")
    login(forum.facilitator)
    response = client.post(f"{url}/verrou", data={"locked": "y"})
    assert response.status_code == 302
    app_db.expire_all()
    assert app_db.get(Thread, thread.id).locked
    assert 'id="thread-locked"' in client.get(url).get_data(as_text=True)

    client.post("/compte/deconnexion")
    login(forum.member)
    page = client.get(url).get_data(as_text=True)
    assert 'id="thread-locked"' in page and 'id="reply-form"' not in page
    response = client.post(url, data={"body": "Je passe quand même"})
    assert response.status_code == 403
    text = response.get_data(as_text=True)
    assert "locked" in text or "verrouillé" in text
    assert app_db.scalar(select(Post).where(Post.body_markdown == "Je passe quand même")) is None

    client.post("/compte/deconnexion")
    login(forum.facilitator)
    assert client.post(url, data={"body": "Mot de la modération"}).status_code == 302
    client.post(f"{url}/verrou", data={})
    app_db.expire_all()
    assert not app_db.get(Thread, thread.id).locked
    actions = [e.action for e in app_db.scalars(select(AuditEntry).where(
        AuditEntry.target_type == "thread", AuditEntry.target_id == thread.id))]
    assert actions == ["thread.lock", "thread.unlock"]

    client.post("/compte/deconnexion")
    login(forum.member)
    assert client.post(url, data={"body": "Enfin"}).status_code == 302
