"""A facilitator prepares, convenes and runs a plenary; a member, in a second browser, says
they will come and watches the current item change live. axe checks every page."""

from datetime import timedelta

from playwright.sync_api import expect

from cocon.council.plenary import services
from cocon.council.plenary.state import PARIS
from cocon.db import utcnow
from integration.plenary.plenary_factories import PASSWORD, make_people
from web.plenary.plenary_web_helpers import base, session_for


def _sign_in(page, base, user):
    page.goto(base + "/compte/connexion")
    page.locator("input[name=email]").fill(user.email)
    page.locator("input[name=password]").fill(PASSWORD)
    page.locator("main form button[type=submit]").click()
    expect(page.locator("form[action$='/deconnexion'], form[action*='logout']")).to_have_count(1)


def test_a_facilitator_runs_a_plenary_that_a_member_follows_live(page, browser, live_server,
                                                                  axe, app_db):
    people = make_people(app_db)
    app_db.commit()
    base, slug = live_server.url, people["council"].slug

    _sign_in(page, base, people["facilitator"])
    page.goto(f"{base}/conseils/{slug}")
    page.locator(f"a[href='/conseils/{slug}/seances']").click()
    axe(page, context="sessions list")
    page.locator(f"a[href='/conseils/{slug}/seances/nouvelle']").click()
    axe(page, context="new session")
    starts = (utcnow() + timedelta(hours=1)).astimezone(PARIS)
    page.locator("#title").fill("Plénière de rentrée")
    page.locator("#starts_at").fill(starts.strftime("%Y-%m-%dT%H:%M"))
    page.locator("#place").fill("Maison des associations")
    page.locator("main form button[type=submit]").click()

    expect(page.locator("#item-title")).to_be_visible()
    axe(page, context="agenda")
    for title in ("Accueil et émargement", "Clause sociale dans les marchés publics"):
        page.locator("#item-title").fill(title)
        page.locator("#item-expected_minutes").fill("20")
        page.locator("form[action$='/ordre-du-jour'] button[type=submit]").click()
        expect(page.locator("ol.agenda-edit")).to_contain_text(title)
    session_url = page.url.rsplit("/ordre-du-jour", 1)[0]
    page.goto(session_url)
    page.locator("form[action$='/convoquer'] button").click()
    expect(page.locator("#plenary-state")).to_have_class("badge state-convened")
    axe(page, context="convened session")

    member_context = browser.new_context(locale="fr-FR")
    member = member_context.new_page()
    member.set_default_timeout(10_000)
    try:
        _sign_in(member, base, people["members"][0])
        member.goto(session_url)
        member.locator("input[name='att-status'][value='present']").check()
        member.locator("form[action$='/presence'] button[type=submit]").click()
        expect(member.locator("#quorum-present")).to_have_text("1")
        axe(member, context="member's session page")
        expect(member.locator("#plenary-live")).to_have_attribute("data-live", "joined")

        page.reload()
        expect(page.locator("#quorum-present")).to_have_text("1")
        page.locator("form[action$='/ouvrir'] button").click()
        expect(member.locator("#current-item")).to_contain_text("Accueil et émargement")
        page.locator("form[action$='/point-courant'] button").click()
        expect(member.locator("#current-item")).to_contain_text("Clause sociale")
        expect(member.locator("#live-announcer")).to_contain_text("Clause sociale")
        expect(member.locator("li[aria-current='step']")).to_contain_text("Clause sociale")
        axe(member, context="member's page after live updates")

        member.goto(session_url + "/projection")
        expect(member.locator("#current-item")).to_contain_text("Clause sociale")
        axe(member, context="projector view")
        page.goto(session_url + "/emargement")
        axe(page, context="check-in list")
    finally:
        member_context.close()


def test_a_dropped_connection_catches_up_on_what_it_missed(page, live_server, axe, app_db):
    people = make_people(app_db)
    app_db.commit()
    plenary = session_for(app_db, people, items=3, state="open")
    page.goto(live_server.url + base(people, plenary))
    root = page.locator("#plenary-live")
    expect(root).to_have_attribute("data-live", "joined")
    page.context.set_offline(True)
    expect(root).to_have_attribute("data-live", "disconnected")
    # changed while the page was away: no event will ever reach it
    services.set_current_item(app_db, plenary, plenary.items[2].id, actor=None, now=utcnow())
    app_db.commit()
    page.context.set_offline(False)
    expect(page.locator("#current-item")).to_contain_text("Point 3", timeout=20_000)
    expect(page.locator("#live-announcer")).to_contain_text("Point 3")
    expect(root).to_have_attribute("data-live", "joined")
