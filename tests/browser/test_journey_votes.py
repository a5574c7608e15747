"""A facilitator runs a secret vote; two members vote from their own browsers; results."""

import re

from playwright.sync_api import expect

from tests.conftest import PASSWORD
from votes_web_fixtures import quick_user, votes_world  # noqa: F401


def _login(browser, base, user):
    context = browser.new_context(locale="fr-FR", viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.set_default_timeout(10_000)
    page.goto(base + "/compte/connexion")
    page.get_by_label("Adresse électronique").fill(user.email)
    page.get_by_label("Mot de passe").fill(PASSWORD)
    page.get_by_role("button", name="Se connecter").click()
    expect(page.get_by_role("button", name="Se déconnecter")).to_be_visible()
    return page


def test_two_members_vote_live_and_see_the_result(browser, page, live_server, axe,
                                                  votes_world):
    w = votes_world
    base = live_server.url
    # the facilitator, on a computer
    page.goto(base + "/compte/connexion")
    page.get_by_label("Adresse électronique").fill(w.facilitator.email)
    page.get_by_label("Mot de passe").fill(PASSWORD)
    page.get_by_role("button", name="Se connecter").click()
    page.goto(f"{base}/conseils/{w.council.slug}/seances/{w.plenary.id}")
    page.locator(f"a[href$='/seances/{w.plenary.id}/scrutins']").click()
    axe(page, context="plenary votes")
    page.locator("#question").fill("Adopter la charte des achats responsables ?")
    page.locator("#new-ballot-title ~ form button[type=submit]").click()
    page.locator("form[action$='/ouvrir'] button").click()
    expect(page.locator("#ballot-state")).to_have_text(re.compile("open|ouvert", re.I))
    ballot_url = page.url

    # two members, each on a phone
    alice = _login(browser, base, w.alice)
    bob = _login(browser, base, w.bob)
    alice.goto(ballot_url)
    expect(alice.locator("#ballot-live")).to_have_attribute("data-live", "joined")
    axe(alice, context="ballot form")
    expect(alice.locator("fieldset legend")).to_have_text(
        "Adopter la charte des achats responsables ?")
    alice.locator("input[name=choice][value=pour]").check()
    alice.locator("form.ballot-form button[type=submit]").click()
    expect(alice.locator("#you-voted")).to_be_visible()
    expect(alice.locator("#voted-count")).to_have_text("1")
    axe(alice, context="you voted")

    bob.goto(ballot_url)
    bob.locator("input[name=choice][value=contre]").check()
    bob.locator("form.ballot-form button[type=submit]").click()
    expect(bob.locator("#you-voted")).to_be_visible()
    expect(alice.locator("#voted-count")).to_have_text("2")  # live, without reloading

    page.goto(ballot_url)
    page.locator("form[action$='/fermer'] button").click()
    expect(page.locator("#verdict")).to_be_visible()
    expect(page.locator("#counts")).to_contain_text("1")
    axe(page, context="results")
    alice.goto(ballot_url)
    expect(alice.locator("#by-college")).to_contain_text("Acteurs de l'ESS")
    for other in (alice, bob):
        other.context.close()
