"""A thread page whose socket dropped catches up, once reconnected, on the posts it missed."""

from playwright.sync_api import expect

from cocon.workshops import forum
from tests.browser.test_journey_workshops import sign_in, thread_with_two_people


def post_as(browser, base, person, thread_url, text):
    """Another browser posts a reply in the thread."""
    other = browser.new_context(locale="fr-FR")
    other_page = other.new_page()
    other_page.set_default_timeout(10_000)
    try:
        sign_in(other_page, base, person)
        other_page.goto(thread_url)
        other_page.get_by_label("Votre réponse").fill(text)
        other_page.get_by_role("button", name="Publier").click()
        expect(other_page.locator(".post")).to_have_count(2)
    finally:
        other.close()


def test_a_dropped_socket_catches_up_on_missed_posts(browser, page, live_server, axe, make_user,
                                                     make_council, app_db):
    karim, lucie, thread = thread_with_two_people(app_db, make_user, make_council,
                                                  "Alimentation durable")
    base = live_server.url
    thread_url = f"{base}{forum.thread_url(thread)}"

    sign_in(page, base, karim)
    page.goto(thread_url)
    expect(page.locator("#posts[data-live='on']")).to_have_count(1)
    expect(page.locator(".post")).to_have_count(1)
    page.evaluate("window.coconThreadSocket.disconnect()")
    expect(page.locator("#posts[data-live='off']")).to_have_count(1)

    post_as(browser, base, lucie, thread_url, "Message écrit pendant la coupure")

    page.wait_for_timeout(500)
    expect(page.locator(".post")).to_have_count(1)  # missed while disconnected
    page.evaluate("window.coconThreadSocket.connect()")
    expect(page.locator("#posts[data-live='on']")).to_have_count(1)
    expect(page.locator(".post")).to_have_count(2)
    expect(page.locator(".post").nth(1)).to_contain_text("Message écrit pendant la coupure")
    expect(page.locator("#live-announcer")).to_contain_text("Lucie Ernst")
    axe(page, context="thread after catching up")


def test_where_websockets_are_blocked_the_thread_still_follows_by_polling(
        browser, page, live_server, make_user, make_council, app_db):
    karim, lucie, thread = thread_with_two_people(app_db, make_user, make_council, "Mobilités")
    base = live_server.url
    thread_url = f"{base}{forum.thread_url(thread)}"

    page.add_init_script("window.coconLivePollMs = 500; window.coconLiveGraceMs = 500;")
    refused = []
    page.route_web_socket("**/socket.io/**", lambda ws: (refused.append(ws.url), ws.close()))
    sign_in(page, base, karim)
    page.goto(thread_url)
    expect(page.locator(".post")).to_have_count(1)
    page.wait_for_timeout(300)
    assert refused, "the page should have tried a WebSocket"
    assert page.locator("#posts[data-live='on']").count() == 0  # never joined live

    post_as(browser, base, lucie, thread_url, "Message reçu sans WebSocket")

    expect(page.locator(".post")).to_have_count(2)
    expect(page.locator(".post").nth(1)).to_contain_text("Message reçu sans WebSocket")
