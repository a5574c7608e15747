"""Issue 9: a member says which organisation they speak for; the facilitator's check-in list
and the organisation's page show it. axe checks every page."""

from playwright.sync_api import expect

from cocon.db import utcnow
from cocon.organisations import services as orgs
from cocon.workshops.models import Workshop, WorkshopMember
from integration.plenary.plenary_factories import make_people
from test_journey_plenary import _sign_in
from web.plenary.plenary_web_helpers import base as session_path, session_for


def test_a_member_speaks_for_an_organisation_in_a_session(page, live_server, axe, app_db):
    people = make_people(app_db)
    council, me = people["council"], people["members"][0]
    now = utcnow()
    usual, other = (orgs.propose_organisation(app_db, council, {
        "name": name, "legal_form": "association", "commune": "Testville"},
        actor=None, now=now, validated=True) for name in ("Coop Habitat", "La Recyclerie"))
    orgs.affiliate(app_db, usual, me, is_representative=True, actor=None, now=now)
    orgs.affiliate(app_db, other, me, is_representative=False, actor=None, now=now)
    workshop = Workshop(council_id=council.id, title="Atelier réemploi", created_at=now)
    app_db.add(workshop)
    app_db.flush()
    app_db.add(WorkshopMember(workshop_id=workshop.id, user_id=me.id, joined_at=now))
    app_db.commit()
    plenary = session_for(app_db, people, state="convened")
    url = live_server.url + session_path(people, plenary)

    _sign_in(page, live_server.url, me)
    page.goto(url)
    select = page.get_by_label("Je parle au nom de").or_(page.get_by_label("I speak for"))
    expect(select).to_have_value(str(usual.id))
    axe(page, context="attendance with organisation")
    select.select_option(str(other.id))
    page.locator("input[name='att-status'][value='present']").check()
    page.locator("form[action$='/presence'] button[type=submit]").click()
    expect(page.locator(".mine")).to_contain_text("La Recyclerie")
    axe(page, context="attendance recorded")

    page.goto(f"{live_server.url}/conseils/{council.slug}/annuaire/{other.id}")
    expect(page.locator("#took-part")).to_contain_text("Atelier réemploi")
    axe(page, context="organisation's part")

    page.goto(live_server.url + "/compte/connexion")
    page.context.clear_cookies()
    _sign_in(page, live_server.url, people["facilitator"])
    page.goto(url + "/emargement")
    row = page.locator("tr", has_text=me.display_name)
    expect(row.locator(".organisation-label")).to_have_text("(La Recyclerie)")
    axe(page, context="check-in list with organisations")
