"""Voting and replying in a thread with the keyboard alone (RGAA themes 7, 10 and 12).

Only page.keyboard is used: Tab, Shift+Tab, Enter, Space and the arrow keys. At every stop the
focus must show; a whole page is tabbed through to prove there is no trap, that every control
is reached and that the focus follows the visual order; live updates (someone else's post, a
vote opening) must reach the aria-live region without moving the focus.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect
from sqlalchemy import select

from a11y_world import CANDIDATES, build, user
from cocon.db import utcnow
from cocon.proposals.casting import has_voted
from cocon.proposals.voting import close_ballot, open_ballot
from cocon.proposals.voting_models import Ballot
from cocon.workshops import forum
from cocon.workshops.models import Post
from a11y_keyboard import assert_visible_focus, cycle, follow, press, sign_in, stop, tab_to
from webapp.live import publish

MEMBER = "scop@demo.cocon.fr"  # Lucie Ernst, ESS actors' college


@pytest.fixture
def world(app_db):
    return build(app_db)


def publish_as_someone_else(app, app_db, events) -> None:
    """What the web layer does after another person's request: commit, then publish."""
    app_db.commit()
    with app.app_context():
        publish(events)


def remember_focus(page) -> None:
    page.evaluate("window.__focusBefore = document.activeElement")


def assert_focus_unchanged(page) -> None:
    assert page.evaluate("document.activeElement === window.__focusBefore"), stop(page)


def closed_result(app_db, world, ballot):
    app_db.expire_all()
    ballot = app_db.get(Ballot, ballot.id)
    close_ballot(app_db, ballot=ballot, actor=world.facilitator, now=utcnow())
    app_db.commit()
    return ballot.result


def test_a_member_votes_by_simple_majority_with_the_keyboard_alone(page, live_server, world,
                                                                   app_db):
    base, ballot = live_server.url, world.ballots["simple_majority"]
    sign_in(page, base, MEMBER)
    page.goto(f"{base}/conseils/{world.slug}/scrutins/{ballot.id}")
    expect(page.locator("#ballot-live")).to_have_attribute("data-live", "joined")

    stops = cycle(page, context="ballot page")
    keys = [s for s in stops if s["name"] == "choice" or s["type"] == "submit"
            and s["text"] == "Voter" or s["tag"] == "summary"]
    # the choices, then the button that casts the vote, then the withdrawal
    assert [s["tag"] for s in keys] == ["input", "button", "summary"], keys
    assert stops[0]["text"] == "Aller au contenu"

    page.reload()
    skip = press(page, "Tab")
    assert skip["text"] == "Aller au contenu"
    assert_visible_focus(skip, "skip link")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "contenu"
    radio = tab_to(page, lambda s: s["name"] == "choice", context="to the choices")
    assert radio["value"] == "pour" and not radio["checked"]
    assert press(page, "Space")["checked"]
    assert press(page, "ArrowDown")["value"] == "contre"
    where = press(page, "ArrowUp")
    assert where["value"] == "pour" and where["checked"]
    assert_visible_focus(where, "chosen option")
    button = press(page, "Tab")
    assert button["tag"] == "button" and button["text"] == "Voter"
    assert press(page, "Shift+Tab")["value"] == "pour"  # back to the chosen option
    assert press(page, "Tab")["text"] == "Voter"
    follow(page)

    confirmation = page.locator("#you-voted")
    expect(confirmation).to_be_visible()
    expect(confirmation).to_have_attribute("role", "status")
    expect(page).to_have_title(re.compile(r"^Votre vote a été enregistré"))  # read on arrival
    expect(page.locator(".flashes[role=status]")).to_contain_text("Votre vote a été enregistré")
    app_db.expire_all()
    assert has_voted(app_db, app_db.get(Ballot, ballot.id), user(app_db, "scop"))
    cycle(page, context="after voting")
    assert closed_result(app_db, world, ballot)["counts"]["pour"] == 1


def test_a_member_grades_every_option_with_the_keyboard_alone(page, live_server, world, app_db):
    base, ballot = live_server.url, world.ballots["majority_judgment"]
    sign_in(page, base, MEMBER)
    page.goto(f"{base}/conseils/{world.slug}/scrutins/{ballot.id}")
    stops = cycle(page, context="majority judgment ballot")
    groups = [s["name"] for s in stops if s["name"].startswith("grade-")]
    assert groups == ["grade-0", "grade-1", "grade-2"]  # the options in the order shown

    page.reload()
    grades = ballot.grades
    chosen = {}
    first = tab_to(page, lambda s: s["name"] == "grade-0", context="to the first option")
    assert first["value"] == grades[0]
    for index, moves in enumerate((1, 3, 0)):  # "Très bien", "Assez bien", "Excellent"
        where = press(page, "Space")
        for _ in range(moves):
            where = press(page, "ArrowRight")
        assert where["checked"] and where["name"] == f"grade-{index}"
        assert_visible_focus(where, f"grade of option {index}")
        chosen[CANDIDATES[index]] = where["value"]
        where = press(page, "Tab")
    assert where["tag"] == "button" and where["text"] == "Voter", where
    follow(page)
    expect(page.locator("#you-voted")).to_be_visible()
    assert chosen == {CANDIDATES[0]: grades[1], CANDIDATES[1]: grades[3],
                      CANDIDATES[2]: grades[0]}
    result = closed_result(app_db, world, ballot)
    assert {e["candidate"]: e["majority_grade"] for e in result["ranking"]} == chosen


def test_a_member_replies_in_a_thread_with_the_keyboard_alone(app, page, live_server, world,
                                                              app_db):
    base, thread = live_server.url, world.thread
    sign_in(page, base, MEMBER)
    page.goto(f"{base}{forum.thread_url(thread)}")
    expect(page.locator("#posts[data-live='on']")).to_have_count(1)
    stops = cycle(page, context="thread")
    replies = [i for i, s in enumerate(stops) if s["text"].startswith("Répondre")]
    body = next(i for i, s in enumerate(stops) if s["name"] == "body")
    publish_at = next(i for i, s in enumerate(stops) if s["text"] == "Publier")
    assert replies and max(replies) < body < publish_at  # the posts, then the form, then send

    last = app_db.scalars(select(Post).where(Post.thread_id == thread.id)
                          .order_by(Post.id.desc())).first()
    tab_to(page, lambda s: s["href"].endswith(f"repondre={last.id}#reply-form"),
           limit=150, context="to the last post's reply link")
    follow(page)  # the reply form, with the quotation
    expect(page.locator("#posts[data-live='on']")).to_have_count(1)
    field = tab_to(page, lambda s: s["name"] == "body", context="to the reply field")
    assert field["value"].startswith("> **Anne-Marie Schott**")
    page.keyboard.press("Control+End")
    page.keyboard.type("Nous pouvons signer une convention dès janvier.")

    remember_focus(page)
    other = forum.add_post(app_db, thread, author=user(app_db, "asso"), now=utcnow(),
                           body="La légumerie est prête à signer.")
    publish_as_someone_else(app, app_db, other.events)
    expect(page.locator("#live-announcer")).to_contain_text("Camille Roth")
    expect(page.locator(f"#message-{other.post.id}")).to_contain_text("La légumerie est prête")
    assert_focus_unchanged(page)
    assert stop(page)["value"].endswith("Nous pouvons signer une convention dès janvier.")

    assert press(page, "Tab")["text"] == "Publier"
    follow(page)
    mine = page.locator(".post").last
    expect(mine).to_contain_text("Nous pouvons signer une convention dès janvier.")
    expect(mine.locator("blockquote").first).to_contain_text("Il nous faudrait une convention")
    app_db.expire_all()
    newest = app_db.scalars(select(Post).where(Post.thread_id == thread.id)
                            .order_by(Post.id.desc())).first()
    assert newest.author.email == MEMBER and newest.reply_to_id == last.id


def test_a_vote_opening_is_announced_without_moving_the_focus(app, page, live_server, world,
                                                              app_db):
    base = live_server.url
    sign_in(page, base, MEMBER)
    page.goto(f"{base}/conseils/{world.slug}/scrutins/{world.draft.id}")
    expect(page.locator("#ballot-live")).to_have_attribute("data-live", "joined")
    tab_to(page, lambda s: s["text"] == "Scrutins de la séance", context="ballot page")
    remember_focus(page)
    publish_as_someone_else(app, app_db, open_ballot(
        app_db, ballot=app_db.get(Ballot, world.draft.id), actor=world.facilitator, now=utcnow()))
    expect(page.locator("#live-announcer")).to_have_text("Le scrutin est ouvert.")
    expect(page.locator("#ballot-state")).to_have_text(re.compile("ouvert", re.I))
    assert_focus_unchanged(page)
    link = tab_to(page, lambda s: s["text"].startswith("Le scrutin est ouvert"),
                  context="to the new link")
    assert link["tag"] == "a"
    follow(page)
    tab_to(page, lambda s: s["name"] == "choice", context="to the ballot that opened")

    # the same on the session page, where members wait between votes
    page.goto(f"{base}/conseils/{world.slug}/seances/{world.plenary.id}")
    expect(page.locator("#plenary-live")).to_have_attribute("data-live", "joined")
    press(page, "Tab")
    remember_focus(page)
    publish_as_someone_else(app, app_db, open_ballot(
        app_db, ballot=app_db.get(Ballot, world.later.id), actor=world.facilitator, now=utcnow()))
    question = world.later.question
    expect(page.locator("#live-announcer")).to_contain_text(question)
    assert_focus_unchanged(page)
    link = tab_to(page, lambda s: s["href"].endswith(f"/scrutins/{world.later.id}"),
                  context="to the vote that opened")
    assert link["text"].startswith("Un scrutin est ouvert")
    follow(page)
    expect(page.locator("h1")).to_have_text(question)
    tab_to(page, lambda s: s["name"] == "choice", context="to the choices")


@pytest.mark.parametrize("html, complaint", [
    ("<input id='a' aria-label='a'><input id='b' aria-label='b'><input id='c' aria-label='c'>"
     "<script>document.getElementById('b').addEventListener('keydown', function (e) {"
     " if (e.key === 'Tab') { e.preventDefault(); } });</script>", "never came back"),
    ("<style>:focus, :focus-visible { outline: none; }</style><button>Un</button>",
     "no visible focus"),
    ("<p><button tabindex='2'>En haut</button></p><p><button tabindex='1'>En bas</button></p>",
     "goes back up the page"),
])
def test_the_keyboard_checks_catch_a_trap_a_hidden_focus_and_a_jumbled_order(page, html,
                                                                            complaint):
    page.set_content(f"<!doctype html><html lang='fr'><title>t</title><body>{html}</body></html>")
    with pytest.raises(AssertionError, match=complaint):
        cycle(page, context="faulty page", limit=30)
