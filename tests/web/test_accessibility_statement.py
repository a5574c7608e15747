"""The accessibility statement (déclaration d'accessibilité): RGAA format, honest, reachable."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from webapp.config import load_config

AXE_FILE = Path(__file__).resolve().parent.parent / "browser" / "vendor" / "axe.min.js"
APOSTROPHE = "['’]"


def text_of(response) -> str:
    html = response.get_data(as_text=True)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).replace("\u00a0", " ")


def test_the_statement_is_in_french_and_says_not_compliant_for_want_of_an_audit(client):
    response = client.get("/accessibilite")
    assert response.status_code == 200
    html, text = response.get_data(as_text=True), text_of(response)
    assert re.search(f"<h1>Déclaration d{APOSTROPHE}accessibilité</h1>", html)
    assert "article 47 de la loi n° 2005-102 du 11 février 2005" in text
    assert "La plateforme cocon est non conforme avec le RGAA 4.1.2" in text
    assert re.search(f"Aucun audit de conformité RGAA n{APOSTROPHE}a encore été réalisé", text)
    assert "partiellement conforme" not in text and "totalement conforme" not in text
    for heading in ("État de conformité", "Contenus non accessibles", "Voies de recours",
                    f"Retour d{APOSTROPHE}information et contact",
                    "Établissement de cette déclaration"):
        assert re.search(f"<h2 id=\"[a-z-]+\">{heading}</h2>", html), heading


def test_the_statement_says_what_was_tested_and_what_was_not(client):
    text = text_of(client.get("/accessibilite"))
    assert "wcag2a, wcag2aa, wcag21a, wcag21aa" in text
    assert "jugement majoritaire" in text and "au clavier seul" in text
    assert re.search(f"Aucun lecteur d{APOSTROPHE}écran \\(NVDA, JAWS, VoiceOver, TalkBack\\)",
                     text)
    assert "23 novembre 2026" in text


def test_the_axe_core_version_stated_is_the_one_the_tests_run():
    version = re.search(r'axe\.version="([0-9.]+)"', AXE_FILE.read_text("utf-8")).group(1)
    template = (Path(__file__).resolve().parents[2] / "webapp" / "templates" / "pages"
                / "accessibility.html").read_text("utf-8")
    assert re.findall(r'version="([0-9.]+)"', template) == [version, version]


def test_the_remedies_name_the_defenseur_des_droits(client):
    html = client.get("/accessibilite").get_data(as_text=True)
    assert 'href="https://formulaire.defenseurdesdroits.fr/"' in html
    assert 'href="https://www.defenseurdesdroits.fr/saisir/delegues"' in html
    assert "Défenseur des droits, Libre réponse 71120, 75342 Paris CEDEX 07" in html


def test_the_statement_is_complete_in_english(client):
    client.get("/langue/en?next=/")
    response = client.get("/accessibilite")
    html, text = response.get_data(as_text=True), text_of(response)
    assert '<html lang="en">' in html
    assert "<h1>Accessibility statement</h1>" in html
    assert "The cocon platform is not compliant with RGAA 4.1.2" in text
    assert "Remedies" in text and "Défenseur des droits" in text
    assert not re.search("[Dd]éclaration|conformité|Voies de recours", text)


@pytest.mark.parametrize("path", ["/", "/compte/connexion", "/assistant", "/accessibilite"])
def test_every_page_links_to_the_statement_with_the_compliance_status(client, path):
    html = client.get(path).get_data(as_text=True)
    footer = html[html.index('<footer'):]
    assert re.search(r'<a href="/accessibilite">Accessibilité\u00a0: non conforme</a>', footer)


def test_a_configured_contact_address_is_offered_as_an_e_mail_link(app, client):
    app.config["ACCESSIBILITY_CONTACT"] = "accessibilite@metropole.example"
    html = client.get("/accessibilite").get_data(as_text=True)
    assert ('<a href="mailto:accessibilite@metropole.example">'
            'Écrire à accessibilite@metropole.example</a>') in html


def test_a_configured_contact_page_is_offered_as_a_link(app, client):
    app.config["ACCESSIBILITY_CONTACT"] = "https://metropole.example/contact-accessibilite"
    html = client.get("/accessibilite").get_data(as_text=True)
    assert '<a href="https://metropole.example/contact-accessibilite">' in html
    assert "mailto:https" not in html


def test_without_a_contact_the_councils_addresses_are_offered(client, app_db, make_user,
                                                               make_council):
    html = client.get("/accessibilite").get_data(as_text=True)
    contact = html[html.index('id="accessibility-contact"'):html.index('id="remedies-title"')]
    assert "mailto:" not in contact and re.search(f"l{APOSTROPHE}organisme qui exploite", contact)
    council = make_council(make_user(admin=True))
    council.contact_email = "conseil-ess@testville.example"
    app_db.commit()
    html = client.get("/accessibilite").get_data(as_text=True)
    assert 'href="mailto:conseil-ess@testville.example"' in html
    assert "Conseil de l&#39;ESS de Testville" in html


def test_the_contact_is_read_from_the_environment():
    config = load_config(environ={"COCON_ACCESSIBILITY_CONTACT": "a11y@example.org"})
    assert config["ACCESSIBILITY_CONTACT"] == "a11y@example.org"
    assert load_config(environ={})["ACCESSIBILITY_CONTACT"] is None


def test_search_is_in_the_main_menu_for_visitors_too(client):
    """RGAA 12.1: besides the menu, a second way to find pages, for everyone."""
    html = client.get("/").get_data(as_text=True)
    menu = html[html.index('class="main-nav"'):html.index("</nav>")]
    assert '<a href="/recherche">Rechercher</a>' in menu
    assert client.get("/recherche?q=conseil").status_code == 200
