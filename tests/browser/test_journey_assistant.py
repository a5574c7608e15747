"""The assistant page in Chromium: a conversation with JavaScript, a form without, accessible."""

from __future__ import annotations

import re

from playwright.sync_api import expect

import pytest

from tests.conftest import SCIC_QUESTION, scic_assistant
from webapp.assistant_runtime import set_assistant

QUESTION = SCIC_QUESTION


@pytest.fixture(scope="module")
def fixture_assistant(tmp_path_factory):
    return scic_assistant(tmp_path_factory, "browser")


@pytest.fixture
def app(app, fixture_assistant):
    """The conftest app with the fixture assistant installed."""
    set_assistant(app, fixture_assistant)
    return app


def test_answers_appear_without_reloading_and_are_announced(page, live_server, axe):
    page.goto(f"{live_server.url}/assistant")
    axe(page, context="assistant")
    page.locator("#question").fill(QUESTION)
    url = page.url
    page.locator("#assistant-form button[type=submit]").click()
    answer = page.locator("#assistant-conversation article").first
    answer.wait_for()
    assert page.url == url  # no reload
    assert "50 %" in answer.inner_text()
    assert "50 %" in page.locator("#assistant-status").inner_text()
    axe(page, context="assistant with an answer")
    answer.locator("fieldset button").first.click()
    # the feedback buttons give way to a thank-you, announced in the status region
    expect(page.locator("#assistant-conversation fieldset button")).to_have_count(0)
    expect(page.locator("#assistant-status")).to_have_text(re.compile("Merci pour votre avis|Thank you"))


def test_the_form_works_without_javascript(browser, live_server):
    context = browser.new_context(java_script_enabled=False, locale="fr-FR")
    page = context.new_page()
    page.goto(f"{live_server.url}/assistant")
    page.locator("#question").fill(QUESTION)
    page.locator("#assistant-form button[type=submit]").click()
    page.wait_for_load_state()
    assert "50 %" in page.locator("#assistant-conversation").inner_text()
    page.locator(".assistant-feedback button[value=yes]").click()
    page.wait_for_load_state()
    assert page.url.endswith("/assistant")
    context.close()


def test_the_question_field_is_reachable_and_usable_by_keyboard(page, live_server):
    page.goto(f"{live_server.url}/assistant")
    page.locator("#question").focus()
    page.keyboard.type("Qu'est-ce qu'une SCIC ?")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    page.locator("#assistant-conversation article").first.wait_for()
