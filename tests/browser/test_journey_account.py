"""A visitor registers, signs out and in, switches language and sees the council."""

from playwright.sync_api import expect


def test_register_login_switch_language_and_see_the_council(page, live_server, axe, make_user,
                                                           make_council):
    council = make_council(make_user(admin=True, name="Claire Fontaine"))
    base = live_server.url

    page.goto(base + "/")
    expect(page.locator("h1")).to_contain_text("conseils")
    axe(page, context="home")

    page.get_by_role("link", name="Créer un compte").first.click()
    axe(page, context="register")
    page.get_by_label("Nom").fill("Inès Moreau")
    page.get_by_label("Adresse électronique").fill("ines@example.org")
    page.get_by_label("Mot de passe").fill("les coopératives du quartier")
    page.get_by_role("button", name="Créer mon compte").click()
    expect(page.locator(".flash")).to_contain_text("Inès Moreau")

    page.get_by_role("button", name="Se déconnecter").click()
    page.get_by_role("link", name="Se connecter").first.click()
    axe(page, context="login")
    page.get_by_label("Adresse électronique").fill("ines@example.org")
    page.get_by_label("Mot de passe").fill("mauvais mot de passe")
    page.get_by_role("button", name="Se connecter").click()
    expect(page.get_by_role("alert")).to_be_visible()
    page.get_by_label("Mot de passe").fill("les coopératives du quartier")
    page.get_by_role("button", name="Se connecter").click()
    expect(page.get_by_role("link", name="Mon compte")).to_be_visible()

    page.get_by_role("link", name="English").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("link", name="My account")).to_be_visible()

    page.get_by_role("link", name=council.name).click()
    expect(page.locator("h1")).to_have_text(council.name)
    expect(page.get_by_role("table")).to_contain_text("Élu·es")
    axe(page, context="council")
    page.get_by_role("link", name="Members").click()
    expect(page.get_by_role("table")).to_contain_text("Claire Fontaine")
    axe(page, context="members")


def test_the_skip_link_is_the_first_stop_and_moves_focus_to_the_content(page, live_server):
    page.goto(live_server.url + "/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent")
    assert "Aller au contenu" in focused or "Skip to content" in focused
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "contenu"
