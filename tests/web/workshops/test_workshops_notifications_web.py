"""Notifications in the app (counter, list, settings) and by e-mail after commit; the digest."""

from cocon import notifications


def outbox(app):
    return [p.read_text("utf-8") for p in app.extensions["cocon_mailer"].sent()]


def test_a_mention_is_counted_listed_and_e_mailed(app, client, login, forum):
    login(forum.facilitator)
    client.post(forum.w, data={"title": "Cantines", "body": "Qu'en pense @Lucie Ernst ?"})
    mails = outbox(app)
    assert len(mails) == 1 and forum.member.email in mails[0]
    client.post("/compte/deconnexion")
    login(forum.member)
    header = client.get("/").data.decode()
    assert 'class="badge">1<' in header
    page = client.get("/notifications/").data.decode()
    assert "Karim Benali" in page and "Cantines" in page
    assert 'class="badge">1<' not in client.get("/").data.decode()  # read once listed


def test_choosing_app_only_sends_no_mail_and_none_stores_nothing(app, client, login, forum,
                                                                  app_db):
    login(forum.member)
    assert client.get("/notifications/reglages").status_code == 200
    response = client.post("/notifications/reglages", data={
        "mention": "app", "reply": "none", "convocation": "email", "moderation": "app",
        "vote": "app"})
    assert response.status_code == 302
    client.post("/compte/deconnexion")
    login(forum.facilitator)
    client.post(forum.w, data={"title": "T", "body": "@Lucie Ernst"})
    assert outbox(app) == []
    assert notifications.unread_count(app_db, forum.member.id) == 1


def test_bad_channels_are_refused(client, login, forum):
    login(forum.member)
    response = client.post("/notifications/reglages", data={"mention": "pigeon"})
    assert response.status_code == 200 and "pigeon" not in response.data.decode()


def test_the_daily_digest_groups_notifications_in_one_mail(app, client, login, forum, app_db):
    from webapp.notifications import send_digests
    notifications.set_preference(app_db, user_id=forum.member.id, kind="mention",
                                 channel="digest")
    app_db.commit()
    login(forum.facilitator)
    client.post(forum.w, data={"title": "Un", "body": "@Lucie Ernst"})
    client.post(forum.w, data={"title": "Deux", "body": "@Lucie Ernst"})
    assert outbox(app) == []
    with app.app_context():
        session = app.extensions["cocon_sessions"]()
        assert send_digests(session) == 1
        assert send_digests(session) == 0  # nothing twice
        session.close()
    mails = outbox(app)
    assert len(mails) == 1 and "Un" in mails[0] and "Deux" in mails[0]


def test_the_notification_pages_need_an_account(client):
    assert client.get("/notifications/").status_code == 302
