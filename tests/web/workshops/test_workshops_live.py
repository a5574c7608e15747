"""Socket.IO: a post made over HTTP reaches the thread's room; rooms one may not see are refused."""

from sqlalchemy import select

from cocon.workshops.models import Thread


def socket_for(app, client):
    return app.extensions["socketio"].test_client(app, namespace="/live", flask_test_client=client)


def make_thread(client, url):
    response = client.post(url, data={"title": "Cantines", "body": "Premier message"})
    assert response.status_code == 302
    return response.headers["Location"]


def test_a_post_made_over_http_reaches_clients_in_the_thread_room(app, client, login, forum,
                                                                   app_db):
    login(forum.member)
    thread_url = make_thread(client, forum.w)
    thread = app_db.scalar(select(Thread))
    live = socket_for(app, app.test_client())  # a visitor of a public workshop
    assert live.emit("join", {"room": f"thread:{thread.id}"}, namespace="/live",
                     callback=True) == {"ok": True, "room": f"thread:{thread.id}"}
    live.get_received("/live")
    client.post(thread_url, data={"body": "Une **nouvelle** idée"})
    received = [m for m in live.get_received("/live") if m["name"] == "post.created"]
    assert len(received) == 1
    payload = received[0]["args"][0]
    assert payload["html"] == "<p>Une <strong>nouvelle</strong> idée</p>\n"
    assert payload["author"] == "Lucie Ernst" and payload["thread_id"] == thread.id


def test_edits_and_deletions_are_published_too(app, client, login, forum, app_db):
    login(forum.member)
    make_thread(client, forum.w)
    thread = app_db.scalar(select(Thread))
    live = socket_for(app, app.test_client())
    live.emit("join", {"room": f"thread:{thread.id}"}, namespace="/live", callback=True)
    post_id = client.get(f"{forum.w}/fils/{thread.id}/messages.json").get_json()["posts"][0]["id"]
    client.post(f"{forum.w}/messages/{post_id}/modifier", data={"body": "Corrigé"})
    client.post(f"{forum.w}/messages/{post_id}/supprimer")
    names = [m["name"] for m in live.get_received("/live")]
    assert names == ["post.updated", "post.deleted"]


def test_rooms_of_members_only_workshops_refuse_outsiders(app, client, login, forum, app_db):
    login(forum.member)
    make_thread(client, forum.p)
    thread = app_db.scalar(select(Thread))
    visitor = socket_for(app, app.test_client())
    for room in (f"thread:{thread.id}", f"workshop:{forum.private.id}"):
        assert visitor.emit("join", {"room": room}, namespace="/live",
                            callback=True) == {"ok": False, "error": "forbidden"}
    client.post(f"{forum.p}/fils/{thread.id}", data={"body": "secret"})
    assert [m for m in visitor.get_received("/live") if m["name"] == "post.created"] == []
    member = socket_for(app, client)
    assert member.emit("join", {"room": f"thread:{thread.id}"}, namespace="/live",
                       callback=True)["ok"] is True


def test_unknown_threads_are_refused(app, client, forum):
    live = socket_for(app, client)
    assert live.emit("join", {"room": "thread:99999"}, namespace="/live",
                     callback=True)["ok"] is False
