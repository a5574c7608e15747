"""Issue 9: the attendance form offers the member's organisations; lists show them."""

import pytest

from cocon.db import utcnow
from cocon.organisations import services as orgs
from plenary_web_helpers import base, reload, session_for, world


def _org(app_db, council, name, validated=True):
    return orgs.propose_organisation(app_db, council, {
        "name": name, "legal_form": "association", "commune": "Testville"},
        actor=None, now=utcnow(), validated=validated)


@pytest.fixture
def people(app_db):
    people = world(app_db, members=3, max_proxies=1)
    council, me, holder = people["council"], people["members"][0], people["members"][1]
    for person in people["members"] + [people["facilitator"]]:
        person.locale = "en"
    now = utcnow()
    people["first"] = _org(app_db, council, "Coop Habitat")
    people["represented"] = _org(app_db, council, "La Recyclerie du Port")
    people["foreign"] = _org(app_db, council, "Les Jardins d'ailleurs")
    people["pending"] = _org(app_db, council, "Atelier en attente", validated=False)
    orgs.affiliate(app_db, people["first"], me, is_representative=False, actor=None, now=now)
    orgs.affiliate(app_db, people["represented"], me, is_representative=True, actor=None, now=now)
    orgs.affiliate(app_db, people["pending"], me, is_representative=False, actor=None, now=now)
    orgs.affiliate(app_db, people["foreign"], holder, is_representative=True, actor=None, now=now)
    app_db.commit()
    return people


def test_the_form_offers_my_validated_organisations_the_represented_one_first(
        client, app_db, login, people):
    plenary = session_for(app_db, people, state="convened")
    login(people["members"][0])
    page = client.get(base(people, plenary)).get_data(as_text=True)
    select = page[page.index('name="att-organisation"'):]
    select = select[:select.index("</select>")]
    assert f'selected value="{people["represented"].id}"' in select
    assert "Coop Habitat" in select and "Only myself (no organisation)" in select
    assert "Atelier en attente" not in select and "Les Jardins" not in select
    assert '<label for="att-organisation">I speak for</label>' in page


def test_a_member_without_organisations_sees_no_choice(client, app_db, login, people):
    plenary = session_for(app_db, people, state="convened")
    login(people["members"][2])
    page = client.get(base(people, plenary)).get_data(as_text=True)
    assert 'name="att-organisation"' not in page and 'name="att-status"' in page


def test_the_choice_is_recorded_and_shown(client, app_db, login, people):
    plenary = session_for(app_db, people, state="convened")
    login(people["members"][0])
    response = client.post(base(people, plenary) + "/presence", data={
        "att-status": "present", "att-organisation": str(people["first"].id)})
    assert response.status_code == 302
    record = reload(app_db, plenary).attendances[0]
    assert record.organisation_id == people["first"].id
    page = client.get(base(people, plenary)).get_data(as_text=True)
    assert "speaking for Coop Habitat" in page
    assert f'selected value="{people["first"].id}"' in page


@pytest.mark.parametrize("which", ["foreign", "pending", "garbage"])
def test_an_organisation_i_do_not_belong_to_is_refused(client, app_db, login, people, which):
    plenary = session_for(app_db, people, state="convened")
    login(people["members"][0])
    value = "abc" if which == "garbage" else str(people[which].id)
    response = client.post(base(people, plenary) + "/presence", data={
        "att-status": "present", "att-organisation": value})
    assert response.status_code == 400
    assert "You can only speak for an organisation you belong to" in response.get_data(
        as_text=True)
    assert reload(app_db, plenary).attendances == []


def test_check_in_list_and_proxies_show_the_organisations(client, app_db, login, people):
    plenary = session_for(app_db, people, state="convened")
    me, holder = people["members"][0], people["members"][1]
    login(me)
    client.post(base(people, plenary) + "/presence", data={
        "att-status": "excused", "att-organisation": str(people["first"].id)})
    client.post(base(people, plenary) + "/procuration", data={"proxy-holder": str(holder.id)})
    page = client.get(base(people, plenary)).get_data(as_text=True)
    assert ('represented by Membre 1 <span class="meta organisation-label">'
            "(Les Jardins d&#39;ailleurs)</span>") in page
    client.post("/compte/deconnexion")
    login(people["facilitator"])
    page = client.get(base(people, plenary) + "/emargement").get_data(as_text=True)
    row = page[page.index('<th scope="row">Membre 0'):]
    row = row[:row.index("</tr>")]
    assert '(Coop Habitat)</span>' in row  # chosen for the session, not the represented one
    assert 'proxy to Membre 1 <span class="meta organisation-label">(Les Jardins' in row
