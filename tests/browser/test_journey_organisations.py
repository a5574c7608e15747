"""A visitor searches and filters the directory and opens an organisation; a representative
edits its profile; the diagnosis is readable. axe checks every page."""

import re

from playwright.sync_api import expect

from cocon.council.models import Role
from cocon.council.services import add_member
from cocon.db import utcnow
from cocon.organisations import services


def _directory(app_db, make_user, make_council):
    council = make_council(make_user(admin=True, name="Claire Fontaine"))
    representative = make_user(name="Lucie Ernst", email="lucie@example.org")
    add_member(app_db, council, representative, role=Role.MEMBER,
               college_id=council.colleges[1].id, now=utcnow())
    now = utcnow()
    rows = [("Bâtisseurs Solidaires", "SCOP", "Strasbourg", "emploi|logement", True),
            ("La Recyclerie du Port", "association", "Strasbourg", "economie_circulaire", True),
            ("Énergies Citoyennes", "SCIC", "Schiltigheim", "transition_ecologique", False)]
    for name, form, commune, stakes, member in rows:
        organisation = services.propose_organisation(
            app_db, council, {"name": name, "legal_form": form, "commune": commune,
                              "stakes": stakes, "is_council_member": member,
                              "description": f"{name}, acteur de l'ESS."},
            actor=None, now=now, validated=True)
        if name.startswith("Bâtisseurs"):
            services.affiliate(app_db, organisation, representative, is_representative=True,
                               actor=None, now=now)
    app_db.commit()
    return council, representative


def test_a_visitor_searches_and_a_representative_edits(page, live_server, axe, app_db, make_user,
                                                       make_council):
    from tests.conftest import PASSWORD
    council, representative = _directory(app_db, make_user, make_council)
    page.goto(f"{live_server.url}/conseils/{council.slug}")
    page.get_by_role("link", name=re.compile("Annuaire des acteurs de l.ESS")).click()
    expect(page.locator("h1")).to_be_visible()
    expect(page.locator(".organisation-list > li")).to_have_count(3)
    axe(page, context="directory")

    page.locator("#q").fill("recycleries")
    page.locator("form[role=search] button[type=submit]").click()
    expect(page.locator(".organisation-list > li")).to_have_count(1)
    expect(page.locator(".organisation-list")).to_contain_text("La Recyclerie du Port")

    page.locator("#q").fill("")
    page.locator("#commune").select_option("Strasbourg")
    page.locator("#enjeu").select_option("logement")
    page.locator("form[role=search] button[type=submit]").click()
    expect(page.locator(".organisation-list > li")).to_have_count(1)
    axe(page, context="directory filtered")
    page.get_by_role("link", name="Bâtisseurs Solidaires").click()
    expect(page.locator("h1")).to_have_text("Bâtisseurs Solidaires")
    expect(page.locator("#people-title + ul")).to_contain_text("Lucie Ernst")
    axe(page, context="organisation")

    page.goto(f"{live_server.url}/conseils/{council.slug}/annuaire/diagnostic")
    expect(page.locator("svg.bar-chart")).to_have_count(3)
    axe(page, context="diagnosis")

    page.goto(f"{live_server.url}/compte/connexion")
    page.locator("input[name=email]").fill(representative.email)
    page.locator("input[name=password]").fill(PASSWORD)
    page.locator("form button[type=submit]").last.click()
    page.goto(f"{live_server.url}/conseils/{council.slug}/annuaire/")
    page.get_by_role("link", name="Bâtisseurs Solidaires").click()
    page.locator("a.button[href$='/modifier']").click()
    axe(page, context="edit form")
    page.locator("#description").fill("SCOP de rénovation énergétique, 32 salarié·es.")
    page.locator("input[name=stakes][value=transition_ecologique]").check()
    page.locator("form.form button[type=submit]").click()
    expect(page.locator(".flash")).to_be_visible()
    expect(page.locator(".prose")).to_contain_text("rénovation énergétique")
    expect(page.locator(".organisation-facts")).to_contain_text(re.compile("cologi"))
