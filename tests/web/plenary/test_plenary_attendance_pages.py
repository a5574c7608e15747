"""Attendance, proxies and check-in through the pages: each refusal says why, changes nothing."""

import pytest

from plenary_web_helpers import base, checked_in, reload, session_for, world


@pytest.fixture
def people(app_db):
    people = world(app_db, members=4, max_proxies=1)
    for person in people["members"] + [people["facilitator"]]:
        person.locale = "en"  # assert on the messages' own wording
    app_db.commit()
    return people


def _proxies(app_db, plenary):
    return [(p.giver_id, p.holder_id) for p in reload(app_db, plenary).proxies]


def test_a_member_registers_present_and_the_quorum_shows_it(client, app_db, login, people):
    plenary = session_for(app_db, people, state="convened")
    me = people["members"][0]
    login(me)
    response = client.post(base(people, plenary) + "/presence", data={"att-status": "present"})
    assert response.status_code == 302
    assert reload(app_db, plenary).attendances[0].status.value == "present"
    page = client.get(base(people, plenary)).get_data(as_text=True)
    assert 'id="quorum-present">1<' in page


def test_an_unknown_status_is_refused(client, app_db, login, people):
    plenary = session_for(app_db, people, state="convened")
    login(people["members"][0])
    response = client.post(base(people, plenary) + "/presence", data={"att-status": "maybe"})
    assert response.status_code == 400
    assert "present, excused or absent" in response.get_data(as_text=True)
    assert reload(app_db, plenary).attendances == []


def test_a_member_gives_and_withdraws_a_proxy(client, app_db, login, people):
    plenary = session_for(app_db, people, state="convened")
    me, holder = people["members"][:2]
    login(me)
    url = base(people, plenary)
    assert client.post(url + "/procuration", data={"proxy-holder": holder.id}).status_code == 302
    assert _proxies(app_db, plenary) == [(me.id, holder.id)]
    assert "represented by" in client.get(url).get_data(as_text=True)
    assert client.post(url + "/procuration/retirer").status_code == 302
    assert _proxies(app_db, plenary) == []


@pytest.mark.parametrize("target, status, words", [
    ("self", 400, "yourself"),
    ("stranger", 400, "member of the council"),
    ("observer", 400, "voting member"),
    ("adviser", 400, "voting member"),
    ("garbage", 400, "member of the council"),
])
def test_bad_proxies_are_refused_with_a_reason(client, app_db, login, people, make_user, target,
                                               status, words):
    plenary = session_for(app_db, people, state="convened")
    me = people["members"][0]
    ids = {"self": me.id, "observer": people["observer"].id, "adviser": people["adviser"].id,
           "stranger": people["admin"].id + 10_000, "garbage": "x"}
    login(me)
    response = client.post(base(people, plenary) + "/procuration",
                           data={"proxy-holder": ids[target]})
    assert response.status_code == status
    assert words in response.get_data(as_text=True)
    assert _proxies(app_db, plenary) == []


def test_a_proxy_beyond_the_maximum_is_refused(client, app_db, login, people):
    plenary = session_for(app_db, people, state="convened")
    first, second, holder = people["members"][:3]
    url = base(people, plenary)
    login(first)
    client.post(url + "/procuration", data={"proxy-holder": holder.id})
    login(second)
    response = client.post(url + "/procuration", data={"proxy-holder": holder.id})
    assert response.status_code == 409 and "maximum" in response.get_data(as_text=True)
    assert _proxies(app_db, plenary) == [(first.id, holder.id)]


def test_a_chain_of_proxies_is_refused(client, app_db, login, people):
    people["council"].max_proxies = 3
    app_db.commit()
    plenary = session_for(app_db, people, state="convened")
    a, b, c = people["members"][:3]
    url = base(people, plenary)
    login(b)
    client.post(url + "/procuration", data={"proxy-holder": c.id})
    login(a)
    response = client.post(url + "/procuration", data={"proxy-holder": b.id})
    assert response.status_code == 409 and "chained" in response.get_data(as_text=True)
    assert _proxies(app_db, plenary) == [(b.id, c.id)]


def test_someone_present_gives_no_proxy(client, app_db, login, people):
    plenary = session_for(app_db, people, state="open")
    me, holder = people["members"][:2]
    checked_in(app_db, plenary, me)
    login(me)
    response = client.post(base(people, plenary) + "/procuration",
                           data={"proxy-holder": holder.id})
    assert response.status_code == 409 and _proxies(app_db, plenary) == []


def test_nothing_changes_after_closing(client, app_db, login, people):
    plenary = session_for(app_db, people, state="closed")
    me, holder = people["members"][:2]
    url = base(people, plenary)
    login(me)
    response = client.post(url + "/procuration", data={"proxy-holder": holder.id})
    assert response.status_code == 409 and "closed" in response.get_data(as_text=True)
    response = client.post(url + "/presence", data={"att-status": "present"})
    assert response.status_code == 409
    login(people["facilitator"])
    response = client.post(url + "/emargement", data={"user_id": me.id, "status": "present"})
    assert response.status_code == 409
    assert "check-in is no longer possible" in response.get_data(as_text=True)
    fresh = reload(app_db, plenary)
    assert fresh.attendances == [] and fresh.proxies == []


def test_the_facilitator_checks_people_in(client, app_db, login, people):
    plenary = session_for(app_db, people, state="open")
    target = people["members"][2]
    login(people["facilitator"])
    url = base(people, plenary) + "/emargement"
    page = client.get(url).get_data(as_text=True)
    assert target.display_name in page
    assert client.post(url, data={"user_id": target.id, "status": "present"}).status_code == 302
    record = reload(app_db, plenary).attendances[0]
    assert (record.user_id, record.status.value, record.checked_in_by_id) == (
        target.id, "present", people["facilitator"].id)
    response = client.post(url, data={"user_id": people["admin"].id + 10_000,
                                      "status": "present"})
    assert response.status_code == 400 and "not a member" in response.get_data(as_text=True)
    response = client.post(url, data={"user_id": target.id, "status": "sleeping"})
    assert response.status_code == 400
    assert reload(app_db, plenary).attendances[0].status.value == "present"


def test_observers_see_no_attendance_form(client, app_db, login, people):
    plenary = session_for(app_db, people, state="convened")
    login(people["observer"])
    page = client.get(base(people, plenary)).get_data(as_text=True)
    assert "/presence" not in page
    response = client.post(base(people, plenary) + "/presence", data={"att-status": "present"})
    assert response.status_code == 403 and reload(app_db, plenary).attendances == []
