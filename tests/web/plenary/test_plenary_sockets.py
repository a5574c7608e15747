"""The plenary's live room: joins are checked, and changes made over HTTP reach the room."""

from plenary_web_helpers import base, session_for, world


def _socket(app, client):
    return app.extensions["socketio"].test_client(app, namespace="/live",
                                                  flask_test_client=client)


def _events(socket, name):
    return [m for m in socket.get_received("/live") if m["name"] == name]


def test_a_member_follows_the_current_item_live(app, app_db):
    people = world(app_db)
    plenary = session_for(app_db, people, items=3, state="open")
    member_http = app.test_client()
    facilitator_http = app.test_client()
    member_http.post("/compte/connexion", data={"email": people["members"][0].email,
                                                "password": "un mot de passe assez long"})
    facilitator_http.post("/compte/connexion", data={"email": people["facilitator"].email,
                                                     "password": "un mot de passe assez long"})
    socket = _socket(app, member_http)
    ack = socket.emit("join", {"room": f"plenary:{plenary.id}"}, namespace="/live",
                      callback=True)
    assert ack == {"ok": True, "room": f"plenary:{plenary.id}"}
    socket.get_received("/live")
    response = facilitator_http.post(base(people, plenary) + "/point-courant",
                                     data={"item": "next"})
    assert response.status_code == 302
    updates = _events(socket, "plenary.updated")
    assert len(updates) == 1
    state = updates[0]["args"][0]
    assert state["current_item"]["title"] == "Point 2" and state["state"] == "open"
    facilitator_http.post(base(people, plenary) + "/emargement",
                          data={"user_id": people["members"][1].id, "status": "present"})
    attendance = _events(socket, "plenary.attendance")
    assert attendance and attendance[0]["args"][0]["quorum"]["present"] == 1


def test_a_refused_change_sends_nothing(app, client, app_db, login):
    people = world(app_db)
    plenary = session_for(app_db, people, items=1, state="convened")
    socket = _socket(app, client)
    socket.emit("join", {"room": f"plenary:{plenary.id}"}, namespace="/live", callback=True)
    socket.get_received("/live")
    login(people["facilitator"])
    assert client.post(base(people, plenary) + "/point-courant").status_code == 409
    assert socket.get_received("/live") == []


def test_a_room_one_may_not_see_is_refused(app, client, app_db, login):
    people = world(app_db)
    draft = session_for(app_db, people)
    socket = _socket(app, client)
    ack = socket.emit("join", {"room": f"plenary:{draft.id}"}, namespace="/live", callback=True)
    assert ack == {"ok": False, "error": "forbidden"}
    ack = socket.emit("join", {"room": "plenary:999999"}, namespace="/live", callback=True)
    assert ack["ok"] is False
    people["council"].is_public = False
    app_db.commit()
    convened = session_for(app_db, people, state="convened")
    ack = socket.emit("join", {"room": f"plenary:{convened.id}"}, namespace="/live",
                      callback=True)
    assert ack["ok"] is False
    login(people["members"][0])
    socket = _socket(app, client)
    ack = socket.emit("join", {"room": f"plenary:{convened.id}"}, namespace="/live",
                      callback=True)
    assert ack["ok"] is True
