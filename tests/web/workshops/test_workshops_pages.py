"""The workshop pages through Flask's test client: every route and every bad input."""

import re

from sqlalchemy import select

from cocon.workshops.markdown import MAX_LENGTH
from cocon.workshops.models import Post, Thread, Workshop


def start(client, forum, title="Cantines", body="Des légumes **locaux**", url=None):
    return client.post(url or forum.w, data={"title": title, "body": body})


def last_post(app_db):
    app_db.expire_all()
    return app_db.scalar(select(Post).order_by(Post.id.desc()))


def test_the_council_page_links_to_its_workshops(client, forum):
    assert forum.base.encode() in client.get(f"/conseils/{forum.council.slug}").data


def test_visitors_see_public_workshops_but_not_members_only_ones(client, forum):
    page = client.get(forum.base).data.decode()
    assert "Alimentation durable" in page and "Atelier interne" not in page
    assert client.get(forum.w).status_code == 200
    assert client.get(forum.p).status_code == 404


def test_council_members_see_members_only_workshops(client, login, forum):
    login(forum.member)
    assert "Atelier interne" in client.get(forum.base).data.decode()
    assert client.get(forum.p).status_code == 200


def test_a_facilitator_opens_a_workshop_and_a_member_may_not(client, login, forum, app_db):
    login(forum.member)
    assert client.get(f"{forum.base}/nouveau").status_code == 403
    client.post("/compte/deconnexion")
    login(forum.facilitator)
    response = client.post(f"{forum.base}/nouveau", data={"title": "Commande publique",
                                                          "theme": "Achats", "is_public": "y"})
    assert response.status_code == 302
    assert app_db.scalar(select(Workshop).where(Workshop.title == "Commande publique"))


def test_a_member_starts_a_thread_and_replies_without_javascript(client, login, forum, app_db):
    login(forum.member)
    response = start(client, forum)
    assert response.status_code == 302
    thread_url = response.headers["Location"]
    page = client.get(thread_url).data.decode()
    assert "Des légumes <strong>locaux</strong>" in page
    first = last_post(app_db)
    form = client.get(f"{thread_url}?repondre={first.id}").data.decode()
    assert "&gt; **Lucie Ernst** :" in form and f'value="{first.id}"' in form
    response = client.post(thread_url, data={"body": "Je réponds", "reply_to": str(first.id)})
    assert response.status_code == 302
    assert last_post(app_db).reply_to_id == first.id


def test_empty_too_long_and_hostile_posts(client, login, forum, app_db):
    login(forum.member)
    assert start(client, forum, body="   ").status_code == 422
    assert start(client, forum, body="x" * (MAX_LENGTH + 1)).status_code == 422
    assert start(client, forum, title="", body="ok").status_code == 422
    assert app_db.scalar(select(Thread)) is None
    thread_url = start(client, forum, body="<script>alert(1)</script> "
                       "<img src=x onerror=alert(1)> [x](javascript:alert(1))").headers["Location"]
    page = client.get(thread_url).data.decode()
    assert "<script>alert" not in page and "<img" not in page
    assert not re.search(r'href="javascript:', page)


def test_visitors_and_observers_cannot_post(client, forum):
    assert start(client, forum).status_code == 401


def test_a_citizen_cannot_post_unless_the_workshop_is_open_to_citizens(client, login, forum,
                                                                         app_db):
    login(forum.outsider)
    assert start(client, forum).status_code == 403
    app_db.get(Workshop, forum.workshop.id).citizens_may_post = True
    app_db.commit()
    assert start(client, forum).status_code == 302


def test_edit_keeps_a_visible_history_and_only_the_author_edits(client, login, forum, app_db):
    login(forum.member)
    start(client, forum, body="Première version")
    post = last_post(app_db)
    edit = f"{forum.w}/messages/{post.id}/modifier"
    assert client.post(edit, data={"body": ""}).status_code == 422
    assert client.post(edit, data={"body": "Seconde version"}).status_code == 302
    history = client.get(f"{forum.w}/messages/{post.id}/historique").data.decode()
    assert "Première version" in history and "Seconde version" in history
    client.post("/compte/deconnexion")
    login(forum.facilitator)
    assert client.post(edit, data={"body": "réécrit"}).status_code == 403


def test_deletion_leaves_a_trace_with_who_deleted(client, login, forum, app_db):
    login(forum.member)
    thread_url = start(client, forum, body="À supprimer").headers["Location"]
    post = last_post(app_db)
    client.post("/compte/deconnexion")
    login(forum.facilitator)
    assert client.post(f"{forum.w}/messages/{post.id}/supprimer").status_code == 302
    page = client.get(thread_url).data.decode()
    assert "À supprimer" not in page and "Karim Benali" in page and "post-trace" in page


def test_report_then_hide_from_the_moderation_queue(client, login, forum, app_db):
    login(forum.member)
    thread_url = start(client, forum, body="Message limite").headers["Location"]
    post = last_post(app_db)
    client.post("/compte/deconnexion")
    login(forum.facilitator)
    report = f"{forum.w}/messages/{post.id}/signaler"
    assert client.post(report, data={"reason": ""}).status_code == 422
    assert client.post(report, data={"reason": "Hors sujet"}).status_code == 302
    queue = client.get(f"{forum.w}/moderation").data.decode()
    assert "Hors sujet" in queue and "Message limite" in queue
    moderate = f"{forum.w}/messages/{post.id}/moderer"
    assert client.post(moderate, data={"action": "hide", "reason": ""}).status_code == 422
    assert client.post(moderate, data={"action": "hide", "reason": "Hors charte"}).status_code == 302
    assert "Message limite" in client.get(thread_url).data.decode()  # moderators still see it
    client.post("/compte/deconnexion")
    assert "Message limite" not in client.get(thread_url).data.decode()
    assert client.get(f"{forum.w}/messages/{post.id}/historique").status_code == 404


def test_members_may_not_see_the_moderation_queue(client, login, forum):
    login(forum.member)
    assert client.get(f"{forum.w}/moderation").status_code == 403


def test_join_and_leave(client, login, forum, app_db):
    login(forum.member)
    assert client.post(f"{forum.w}/rejoindre").status_code == 302
    assert client.post(f"{forum.w}/rejoindre").status_code == 409
    assert "Lucie Ernst" in client.get(forum.w).data.decode()
    assert client.post(f"{forum.w}/quitter").status_code == 302
    assert client.post(f"{forum.w}/quitter").status_code == 409


def test_status_change_is_for_facilitators(client, login, forum, app_db):
    login(forum.member)
    assert client.post(f"{forum.w}/statut", data={"status": "closed"}).status_code == 403
    client.post("/compte/deconnexion")
    login(forum.facilitator)
    assert client.post(f"{forum.w}/statut", data={"status": "closed"}).status_code == 302
    app_db.expire_all()
    assert app_db.get(Workshop, forum.workshop.id).status.value == "closed"
    page = client.get(forum.w).get_data(as_text=True)
    assert '<option selected value="closed">Clos</option>' in page or '>Clos</option>' in page
    assert "Clôturée" not in page  # the session's feminine label is not the workshop's


def test_messages_json_gives_what_came_after_a_post(client, login, forum, app_db):
    login(forum.member)
    thread_url = start(client, forum, body="un").headers["Location"]
    first = last_post(app_db)
    client.post(thread_url, data={"body": "deux"})
    data = client.get(f"{thread_url}/messages.json?after={first.id}").get_json()
    assert [p["html"] for p in data["posts"]] == ["<p>deux</p>\n"]


def test_unknown_and_foreign_ids_are_not_found(client, login, forum):
    login(forum.member)
    assert client.get(f"{forum.base}/9999").status_code == 404
    assert client.get(f"{forum.w}/fils/9999").status_code == 404
    assert client.get(f"{forum.w}/messages/9999/historique").status_code == 404


def test_a_facilitator_invites_a_council_member_and_others_may_not(client, login, forum):
    login(forum.member)
    assert client.post(f"{forum.w}/inviter",
                       data={"user_id": forum.member.id}).status_code == 403
    client.post("/compte/deconnexion")
    login(forum.facilitator)
    assert client.post(f"{forum.w}/inviter", data={"user_id": "x"}).status_code == 400
    assert client.post(f"{forum.w}/inviter",
                       data={"user_id": forum.outsider.id}).status_code == 400  # not in council
    assert client.post(f"{forum.w}/inviter", data={"user_id": forum.member.id}).status_code == 302
    assert "Lucie Ernst" in client.get(forum.w).data.decode()
    assert client.post(f"{forum.w}/inviter", data={"user_id": forum.member.id}).status_code == 409


def test_messages_json_renders_each_post_as_its_reader_sees_it(client, login, forum, app_db):
    login(forum.member)
    thread_url = start(client, forum, body="un").headers["Location"]
    first = last_post(app_db)
    client.post(thread_url, data={"body": "deux"})
    second = last_post(app_db)
    mine = client.get(f"{thread_url}/messages.json?post={second.id}").get_json()["posts"]
    assert [p["id"] for p in mine] == [second.id]
    assert "/modifier" in mine[0]["article"] and f'id="message-{second.id}"' in mine[0]["article"]
    client.post("/compte/deconnexion")
    anonymous = client.get(f"{thread_url}/messages.json?post={first.id}").get_json()["posts"]
    assert len(anonymous) == 1  # a public workshop: visitors read it, without any action
    assert "/modifier" not in anonymous[0]["article"]
    assert "csrf_token" not in anonymous[0]["article"]
