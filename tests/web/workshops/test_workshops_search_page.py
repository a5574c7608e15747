"""The search page never shows what the reader may not see."""


def test_search_finds_public_posts_for_visitors_and_private_ones_for_members(client, login,
                                                                              forum):
    login(forum.member)
    client.post(forum.w, data={"title": "Coopératives agricoles", "body": "Les coopératives"})
    client.post(forum.p, data={"title": "Budget interne", "body": "La cooperative du quartier"})
    page = client.get("/recherche?q=coopérative").data.decode()
    assert "Coopératives agricoles" in page and "Budget interne" in page
    client.post("/compte/deconnexion")
    page = client.get("/recherche?q=cooperatives").data.decode()
    assert "Coopératives agricoles" in page and "Budget interne" not in page


def test_private_councils_stay_out_of_visitors_results(client, login, forum, make_council,
                                                       app_db):
    from cocon.db import utcnow
    from cocon.workshops import forum as forum_service, services
    council = make_council(forum.admin, name="Conseil privé", public=False)
    workshop = services.create_workshop(app_db, council, title="Atelier", actor=forum.admin,
                                        now=utcnow())
    forum_service.start_thread(app_db, workshop, author=forum.admin, title="Mutuelles secrètes",
                               body="mutuelles", now=utcnow())
    app_db.commit()
    assert "Mutuelles secrètes" not in client.get("/recherche?q=mutuelle").data.decode()
    login(forum.admin)
    assert "Mutuelles secrètes" in client.get("/recherche?q=mutuelle").data.decode()


def test_empty_and_odd_queries_are_harmless(client, forum):
    for query in ("", "   ", '"', "AND OR NOT", "*", "<script>", "a" * 500):
        response = client.get("/recherche", query_string={"q": query})
        assert response.status_code == 200
        assert "<script>" not in response.data.decode().split('id="contenu"')[1]
