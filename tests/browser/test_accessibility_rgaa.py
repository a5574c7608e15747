"""The RGAA sample checked with axe-core (WCAG 2.1 A and AA tags): zero violations of any impact.

The sample follows RGAA 4.1's rule for choosing pages: home, login, search with results, a
workshop thread with replies and a quotation, a proposal with an amendment, every page of the
voting journey (the ballot before voting for each method, after voting, the facilitator's
view, the results), the register and an orientation with its chart, the minutes and their
verification, the assistant with an answer, and the accessibility statement; in French, and
in English for a few.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from a11y_world import METHODS, build, close, sign_in, switch_language, user
from cocon.db import utcnow
from cocon.proposals.casting import cast_vote
from cocon.proposals.voting_models import Ballot
from tests.conftest import scic_assistant
from webapp.assistant_runtime import set_assistant

# beyond WCAG 2.1 A/AA: axe's rules mapped to RGAA tests, its best practices (headings order,
# landmarks, skip link) and its experimental table and heading checks
EXTRA_TAGS = ("RGAAv4", "best-practice", "experimental")


@pytest.fixture(scope="module")
def small_assistant(tmp_path_factory):
    return scic_assistant(tmp_path_factory, "a11y")


@pytest.fixture
def app(app, small_assistant):
    set_assistant(app, small_assistant)
    return app


@pytest.fixture
def world(app_db):
    return build(app_db)


class Audit:
    """Visits each page of a journey, runs axe on it and reports every violation at the end."""

    def __init__(self, axe, page, base: str):
        self.axe, self.page, self.base, self.failures = axe, page, base, []

    def visit(self, path: str, context: str) -> None:
        response = self.page.goto(self.base + path)
        assert response.ok, f"{context}: {path} answered {response.status}"
        self.check(context)

    def check(self, context: str) -> None:
        """Run axe on the page as it is now (after an action, a live update…)."""
        try:
            self.axe(self.page, context=context, strict=True, extra_tags=EXTRA_TAGS)
        except AssertionError as exc:
            self.failures.append(str(exc))

    def assert_clean(self) -> None:
        assert self.failures == [], "\n".join(self.failures)


@pytest.fixture
def audit(axe, page, live_server):
    return Audit(axe, page, live_server.url)


def ballot_path(world, ballot) -> str:
    return f"/conseils/{world.slug}/scrutins/{ballot.id}"


def test_public_pages_have_no_violation(page, world, audit):
    slug = world.slug
    audit.visit("/", "home")
    audit.visit("/compte/connexion", "login")
    audit.visit("/accessibilite", "accessibility statement")
    audit.visit(f"/conseils/{slug}/registre", "register")
    audit.visit(f"/conseils/{slug}/registre/{world.orientation.id}", "orientation with indicators")
    expect(page.locator("svg.chart[role=img]")).to_have_count(2)
    audit.visit(f"/conseils/{slug}/propositions/{world.proposal.id}", "proposal with an amendment")
    expect(page.locator("article.amendment")).to_have_count(1)
    for ballot in world.closed:
        audit.visit(ballot_path(world, ballot), f"results ({ballot.method})")
        expect(page.locator("#verdict")).to_have_count(1)
    audit.visit(f"/conseils/{slug}/seances/{world.past.id}/compte-rendu", "minutes")
    audit.visit("/comptes-rendus/verifier", "verify minutes")
    audit.visit("/assistant", "assistant")
    page.locator("#question").fill("Quelle part du capital d'une SCIC une collectivité "
                                   "peut-elle détenir ?")
    page.locator("#assistant-form button[type=submit]").click()
    page.locator("#assistant-conversation article").first.wait_for()
    audit.check("assistant with an answer")
    audit.assert_clean()


def test_member_pages_have_no_violation(page, live_server, world, audit):
    slug, thread = world.slug, world.thread
    sign_in(page, live_server.url, "scop@demo.cocon.fr")
    audit.visit("/recherche?q=cantines", "search with results")
    expect(page.locator(".search-results li").first).to_contain_text("cantines")
    audit.visit(f"/conseils/{slug}/ateliers/{thread.workshop_id}/fils/{thread.id}",
                "thread with replies and a quotation")
    expect(page.locator("main blockquote")).to_have_count(1)
    audit.visit(f"/conseils/{slug}/seances/{world.plenary.id}", "session in progress")
    for method in METHODS:
        audit.visit(ballot_path(world, world.ballots[method]), f"ballot before voting ({method})")
        expect(page.locator("form.ballot-form")).to_have_count(1)
    page.goto(live_server.url + ballot_path(world, world.ballots["simple_majority"]))
    page.locator("form.ballot-form input[name=choice]").first.check()
    page.locator("form.ballot-form button[type=submit]").click()
    expect(page.locator("#you-voted")).to_be_visible()
    audit.check("after voting")
    audit.visit(ballot_path(world, world.draft), "vote not open yet")
    audit.assert_clean()


def test_facilitator_pages_have_no_violation(page, live_server, world, audit, app_db):
    slug = world.slug
    sign_in(page, live_server.url, "animation@demo.cocon.fr")
    audit.visit(f"/conseils/{slug}/seances/{world.plenary.id}/scrutins",
                "votes of the session (facilitator)")
    audit.visit(ballot_path(world, world.draft), "draft ballot (facilitator)")
    audit.visit(ballot_path(world, world.ballots["majority_judgment"]),
                "open ballot with paper counts (facilitator)")
    public = world.ballots["two_thirds"]
    for local, choice in (("scop", "pour"), ("elue1", "contre")):
        cast_vote(app_db, ballot=app_db.get(Ballot, public.id), voter=user(app_db, local),
                  choice=choice, now=utcnow())
    close(app_db, public, world.facilitator)
    audit.visit(ballot_path(world, public), "closed public ballot with its roll-call")
    expect(page.locator("#roll-call tbody tr")).to_have_count(2)
    audit.visit(f"/conseils/{slug}/seances/{world.past.id}/compte-rendu", "minutes (facilitator)")
    audit.assert_clean()


def test_english_pages_have_no_violation(page, live_server, world, audit):
    slug = world.slug
    switch_language(page, live_server.url, "en")
    audit.visit("/", "home (en)")
    audit.visit("/recherche?q=cantines", "search (en)")
    audit.visit(f"/conseils/{slug}/propositions/{world.proposal.id}", "proposal (en)")
    audit.visit(f"/conseils/{slug}/registre/{world.orientation.id}", "orientation (en)")
    judgment = next(b for b in world.closed if b.method == "majority_judgment")
    audit.visit(ballot_path(world, judgment), "majority judgment results (en)")
    expect(page.locator("#merit-table")).to_have_count(1)
    audit.visit("/assistant", "assistant (en)")
    audit.visit("/accessibilite", "accessibility statement (en)")
    expect(page.locator("h1")).to_have_text("Accessibility statement")
    audit.assert_clean()


NOT_A_TABLE_WIDER_THAN_THE_SCREEN = """() => {
  const width = document.documentElement.clientWidth, wide = [];
  document.querySelectorAll('body *').forEach(el => {
    const r = el.getBoundingClientRect();
    if (r.width > 0 && r.right > width + 1 && !el.closest('table, .visually-hidden, .skip-link'))
      { wide.push(el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + ' '
                  + Math.round(r.right)); }
  });
  return wide;
}"""


def test_pages_reflow_at_320_pixels_without_horizontal_scrolling(browser, live_server, world):
    """RGAA 10.11: at 320 CSS pixels (a 1280-pixel window zoomed to 400 %), only data tables,
    which need two dimensions, may scroll sideways."""
    base, slug = live_server.url, world.slug
    context = browser.new_context(locale="fr-FR", viewport={"width": 320, "height": 640})
    page = context.new_page()
    page.set_default_timeout(10_000)
    try:
        sign_in(page, base, "animation@demo.cocon.fr")
        pages = ["/", "/accessibilite", "/recherche?q=cantines", "/assistant",
                 f"/conseils/{slug}/ateliers/{world.thread.workshop_id}/fils/{world.thread.id}",
                 f"/conseils/{slug}/propositions/{world.proposal.id}",
                 f"/conseils/{slug}/seances/{world.plenary.id}",
                 f"/conseils/{slug}/scrutins/{world.ballots['majority_judgment'].id}",
                 f"/conseils/{slug}/scrutins/{world.closed[0].id}",
                 f"/conseils/{slug}/scrutins/{world.closed[2].id}",
                 f"/conseils/{slug}/registre", f"/conseils/{slug}/registre/{world.orientation.id}",
                 f"/conseils/{slug}/seances/{world.past.id}/compte-rendu"]
        too_wide = {}
        for path in pages:
            page.goto(base + path)
            if wide := page.evaluate(NOT_A_TABLE_WIDER_THAN_THE_SCREEN):
                too_wide[path] = wide[:5]
        assert too_wide == {}
    finally:
        context.close()


# WCAG 1.4.12's test values: line height 1.5, paragraphs 2 em apart, letters 0.12 em, words 0.16 em
TEXT_SPACING = """() => {
  const style = document.createElement('style');
  style.textContent = '* { line-height: 1.5 !important; letter-spacing: 0.12em !important;'
    + ' word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; }';
  document.head.appendChild(style);
}"""
CLIPPED = """() => {
  const clipped = [];
  document.querySelectorAll('body *').forEach(el => {
    if (el.closest('.visually-hidden, .skip-link, svg') || !el.checkVisibility()) { return; }
    const cs = getComputedStyle(el);
    const hides = v => v === 'hidden' || v === 'clip';
    if ((hides(cs.overflowX) && el.scrollWidth > el.clientWidth + 1)
        || (hides(cs.overflowY) && el.scrollHeight > el.clientHeight + 1)) {
      clipped.push(el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + '.' + el.className);
    }
  });
  return clipped;
}"""


def test_text_spacing_can_be_increased_without_losing_content(page, live_server, world):
    """RGAA 10.12: with WCAG's larger text spacing, no text is cut off by a fixed box."""
    base, slug = live_server.url, world.slug
    sign_in(page, base, "animation@demo.cocon.fr")
    lost = {}
    thread = f"/conseils/{slug}/ateliers/{world.thread.workshop_id}/fils/{world.thread.id}"
    for path in ["/", thread,
                 f"/conseils/{slug}/scrutins/{world.ballots['majority_judgment'].id}",
                 f"/conseils/{slug}/scrutins/{world.closed[2].id}",
                 f"/conseils/{slug}/registre/{world.orientation.id}",
                 f"/conseils/{slug}/seances/{world.plenary.id}", "/assistant", "/accessibilite"]:
        page.goto(base + path)
        page.evaluate(TEXT_SPACING)
        if clipped := page.evaluate(CLIPPED):
            lost[path] = clipped[:5]
    assert lost == {}


def test_the_layout_checks_catch_cut_off_text_and_a_page_wider_than_the_screen(page):
    page.set_content("<!doctype html><html lang='fr'><title>t</title><body>"
                     "<div id='box' style='height:1.2em;overflow:hidden'>Une ligne<br>Deux</div>"
                     "<p id='wide' style='width:2000px'>Large</p></body></html>")
    page.evaluate(TEXT_SPACING)
    assert page.evaluate(CLIPPED) == ["div#box."]
    assert page.evaluate(NOT_A_TABLE_WIDER_THAN_THE_SCREEN)[0].startswith("p#wide")
