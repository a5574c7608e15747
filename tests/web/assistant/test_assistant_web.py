"""The assistant page (without JavaScript), the JSON API, feedback and facilitator statistics."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from cocon.assistant.models import AssistantQuestion
from tests.conftest import SCIC_QUESTION, scic_assistant
from webapp.assistant_runtime import set_assistant



@pytest.fixture(scope="module")
def fixture_assistant(tmp_path_factory):
    return scic_assistant(tmp_path_factory, "web")


@pytest.fixture
def assistant_app(app, fixture_assistant):
    set_assistant(app, fixture_assistant)
    return app


@pytest.fixture
def web(assistant_app, client):
    return client


QUESTION = SCIC_QUESTION


def test_the_page_is_a_form_that_works_without_javascript(web):
    page = web.get("/assistant")
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert 'name="question"' in html and 'for="question"' in html and "assistant.js" in html
    answer = web.post("/assistant", data={"question": QUESTION})
    html = answer.get_data(as_text=True)
    assert answer.status_code == 200
    assert "50 %" in html and "Guide scic" in html
    assert 'name="useful"' in html


def test_an_empty_question_shows_a_message_on_the_form(web):
    response = web.post("/assistant", data={"question": "   "})
    assert response.status_code == 422
    assert 'aria-invalid="true"' in response.get_data(as_text=True)


def test_html_in_a_question_is_escaped(web):
    response = web.post("/assistant", data={"question": "<script>alert(1)</script> SCIC ?"})
    assert "<script>alert(1)</script>" not in response.get_data(as_text=True)


def test_the_api_returns_the_contract_and_a_feedback_token(web, assistant_app):
    response = web.post("/api/assistant/ask", json={"question": QUESTION, "top_k": 1})
    assert response.status_code == 200
    data = response.get_json()
    assert {"question", "answer", "abstained", "sources", "token"} <= set(data)
    assert data["sources"][0]["doc"] == "guide-scic.txt"
    rated = web.post("/api/assistant/feedback", json={"token": data["token"], "useful": False})
    assert rated.get_json() == {"ok": True}
    session = assistant_app.extensions["cocon_sessions"]()
    row = session.scalar(select(AssistantQuestion).where(AssistantQuestion.token == data["token"]))
    assert row.useful is False and row.channel == "api" and row.question == QUESTION
    session.close()


@pytest.mark.parametrize("payload", [{"question": ""}, {"question": "x" * 5000}, {"nothing": 1},
                                     {"question": "SCIC", "top_k": 0}])
def test_the_api_refuses_bad_input_with_a_json_error(web, payload):
    response = web.post("/api/assistant/ask", json=payload)
    assert response.status_code == 400
    assert "error" in response.get_json()


def test_feedback_without_javascript_thanks_the_reader(web, assistant_app):
    data = web.post("/api/assistant/ask", json={"question": QUESTION}).get_json()
    response = web.post("/assistant/avis", data={"token": data["token"], "useful": "yes"}, follow_redirects=True)
    assert response.status_code == 200
    unknown = web.post("/assistant/avis", data={"token": "nope", "useful": "yes"}, follow_redirects=True)
    assert unknown.status_code == 200


def test_a_passage_can_be_read_in_context(web):
    response = web.get("/assistant/guides/guide-scic.txt/0")
    assert response.status_code == 200 and "multisociétariat" in response.get_data(as_text=True)
    assert web.get("/assistant/guides/guide-scic.txt/99").status_code == 404


def test_statistics_are_for_facilitators_only(web, assistant_app, make_user, login):
    assert web.get("/assistant/statistiques").status_code == 302  # to the login page
    citizen = make_user()
    login(citizen)
    assert web.get("/assistant/statistiques").status_code == 403


def test_a_site_admin_sees_unanswered_questions(web, make_user, login):
    web.post("/api/assistant/ask", json={"question": "Quelle est la recette de la tarte tatin ?"})
    admin = make_user(admin=True)
    login(admin)
    response = web.get("/assistant/statistiques")
    assert response.status_code == 200
    assert "tarte tatin" in response.get_data(as_text=True)


def test_the_page_links_facilitators_to_statistics_and_admins_to_the_guides(
        assistant_app, make_user, make_council, app_db):
    from cocon.council.models import Role
    from cocon.council.services import add_member
    from cocon.db import utcnow
    admin = make_user(admin=True)
    council = make_council(admin)
    facilitator, member = make_user(), make_user()
    add_member(app_db, council, facilitator, role=Role.FACILITATOR, now=utcnow())
    add_member(app_db, council, member, role=Role.MEMBER, college_id=council.colleges[0].id,
               now=utcnow())
    app_db.commit()
    seen = {}
    for who, user in (("visitor", None), ("member", member), ("facilitator", facilitator),
                      ("admin", admin)):
        client = assistant_app.test_client()
        if user is not None:
            from tests.conftest import PASSWORD
            client.post("/compte/connexion", data={"email": user.email, "password": PASSWORD})
        html = client.get("/assistant").get_data(as_text=True)
        seen[who] = ("/assistant/statistiques" in html, "/assistant/guides" in html)
    assert seen == {"visitor": (False, False), "member": (False, False),
                    "facilitator": (True, False), "admin": (True, True)}
