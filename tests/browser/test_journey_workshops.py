"""Two people in two browsers write in a workshop thread and see each other's posts live."""

import re

from playwright.sync_api import expect

from cocon.council.models import Role
from cocon.council.services import add_member
from cocon.db import utcnow
from cocon.workshops import forum, services
from tests.conftest import PASSWORD


def sign_in(page, base, user):
    page.goto(base + "/compte/connexion")
    page.get_by_label("Adresse électronique").fill(user.email)
    page.get_by_label("Mot de passe").fill(PASSWORD)
    page.get_by_role("button", name="Se connecter").click()
    expect(page.get_by_role("button", name=re.compile("Se déconnecter|Sign out"))).to_be_visible()


def thread_with_two_people(app_db, make_user, make_council, title):
    """A facilitator, Karim, and a member, Lucie, in a workshop thread; returns them and it."""
    admin = make_user(admin=True, name="Claire Fontaine")
    council = make_council(admin)
    karim = make_user(name="Karim Benali")
    lucie = make_user(name="Lucie Ernst")
    add_member(app_db, council, karim, role=Role.FACILITATOR, actor=admin, now=utcnow())
    add_member(app_db, council, lucie, role=Role.MEMBER, college_id=council.colleges[1].id,
               actor=admin, now=utcnow())
    workshop = services.create_workshop(app_db, council, title=title, actor=karim, now=utcnow())
    thread = forum.start_thread(app_db, workshop, author=karim, title="Cantines bio",
                                body="Premier message", now=utcnow()).post.thread
    app_db.commit()
    return karim, lucie, thread


def test_two_browsers_see_each_others_posts_live(browser, page, live_server, axe, make_user,
                                                 make_council, app_db):
    admin = make_user(admin=True, name="Claire Fontaine")
    council = make_council(admin)
    # both read the interface in English: the journey also covers the English catalogue
    karim = make_user(name="Karim Benali", locale="en")
    lucie = make_user(name="Lucie Ernst", locale="en")
    add_member(app_db, council, karim, role=Role.FACILITATOR, actor=admin, now=utcnow())
    add_member(app_db, council, lucie, role=Role.MEMBER, college_id=council.colleges[1].id,
               actor=admin, now=utcnow())
    services.create_workshop(app_db, council, title="Alimentation durable", actor=karim,
                             now=utcnow())
    app_db.commit()
    base = live_server.url

    sign_in(page, base, karim)
    page.goto(f"{base}/conseils/{council.slug}")
    page.get_by_role("link", name="Thematic workshops").click()
    axe(page, context="workshop list")
    page.get_by_role("link", name="Alimentation durable").click()
    axe(page, context="workshop")
    page.get_by_label("Subject").fill("Cantines et circuits courts")
    page.get_by_label("Message").fill("Quels **producteurs** pour les cantines ?")
    page.get_by_role("button", name="Publish").click()
    expect(page.locator("h1")).to_have_text("Cantines et circuits courts")
    expect(page.locator("#posts[data-live='on']")).to_have_count(1)
    axe(page, context="thread")
    thread_url = page.url.split("#")[0]

    other = browser.new_context(locale="fr-FR")
    lucie_page = other.new_page()
    lucie_page.set_default_timeout(10_000)
    try:
        sign_in(lucie_page, base, lucie)
        lucie_page.goto(thread_url)
        expect(lucie_page.locator("#posts[data-live='on']")).to_have_count(1)
        lucie_page.get_by_label("Your reply").fill("La légumerie @Karim Benali peut aider.")
        lucie_page.get_by_role("button", name="Publish").click()

        # Karim's page did not reload: the post arrives live and is announced
        expect(page.locator(".post")).to_have_count(2, timeout=15_000)
        expect(page.locator(".post").nth(1)).to_contain_text("La légumerie")
        expect(page.locator("#live-announcer")).to_contain_text("Lucie Ernst")
        assert page.evaluate("document.activeElement.tagName") != "ARTICLE"
        # the live post carries the actions this reader may take, as after a reload
        live_post = page.locator(".post").nth(1)
        expect(live_post.get_by_role("link", name=re.compile("^Reply"))).to_have_count(1)
        expect(live_post.get_by_role("link", name="Report")).to_have_count(1)

        page.get_by_label("Your reply").fill("Merci, je note.")
        page.get_by_role("button", name="Publish").click()
        expect(lucie_page.locator(".post")).to_have_count(3, timeout=15_000)
        expect(lucie_page.locator(".post").nth(2)).to_contain_text("Merci, je note.")
        karims_reply = lucie_page.locator(".post").nth(2)
        expect(karims_reply.get_by_role("link", name=re.compile("^Reply"))).to_have_count(1)
        expect(karims_reply.get_by_role("link", name="Edit")).to_have_count(0)
        axe(lucie_page, context="thread after live posts")
    finally:
        other.close()


def test_a_long_thread_pages_and_new_posts_appear_on_the_last_page_only(
        browser, page, live_server, axe, make_user, make_council, app_db):
    """A reader of page 1 of a 120-post thread is told of a new post with a link to the last
    page (the post is not slipped into page 1); a reader of the last page sees it arrive."""
    from cocon.workshops.forum import POSTS_PER_PAGE
    karim, lucie, thread = thread_with_two_people(app_db, make_user, make_council,
                                                  "Alimentation durable")
    for n in range(2, 2 * POSTS_PER_PAGE + 21):
        forum.add_post(app_db, thread, author=karim, body=f"Message {n}", now=utcnow())
    app_db.commit()
    workshop, council = thread.workshop, thread.workshop.council
    base = live_server.url
    thread_url = f"{base}/conseils/{council.slug}/ateliers/{workshop.id}/fils/{thread.id}"

    page.goto(thread_url)  # a visitor on page 1
    expect(page.locator("#posts[data-live='on']")).to_have_count(1)
    expect(page.locator(".post")).to_have_count(POSTS_PER_PAGE)
    axe(page, context="long thread, page 1")
    last_reader = browser.new_context(locale="fr-FR").new_page()
    writer_context = browser.new_context(locale="fr-FR")
    writer = writer_context.new_page()
    try:
        last_reader.goto(thread_url)
        last_reader.get_by_role("navigation", name="Pages du fil", exact=True) \
            .get_by_role("link", name="Dernière page").click()
        expect(last_reader.locator("#posts[data-live='on']")).to_have_count(1)
        expect(last_reader.locator(".post")).to_have_count(20)

        sign_in(writer, base, lucie)
        writer.goto(thread_url)
        writer.get_by_label("Votre réponse").fill("Je reviens sur la légumerie.")
        writer.get_by_role("button", name="Publier").click()
        expect(writer).to_have_url(re.compile(r"\?page=3#message-\d+$"))
        expect(writer.locator(".post").last).to_contain_text("Je reviens sur la légumerie.")

        expect(last_reader.locator(".post")).to_have_count(21, timeout=15_000)
        expect(last_reader.locator(".post").last).to_contain_text("la légumerie")
        notice = page.locator("#posts-elsewhere")
        expect(notice).to_be_visible(timeout=15_000)
        expect(page.locator("#live-announcer")).to_contain_text(
            "Nouveau message de Lucie Ernst sur la dernière page")
        expect(page.locator(".post")).to_have_count(POSTS_PER_PAGE)
        axe(page, context="long thread, page 1, new message elsewhere")
        notice.get_by_role("link").click()
        expect(page.locator(".post").last).to_contain_text("Je reviens sur la légumerie.")
        expect(page.get_by_role("navigation", name="Pages du fil", exact=True)) \
            .to_contain_text("Page 3 sur 3")
    finally:
        last_reader.context.close()
        writer_context.close()
