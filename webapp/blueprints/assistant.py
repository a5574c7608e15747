"""The assistant: a page for everyone (works without JavaScript), a JSON API, feedback, statistics.

Register with `app.register_blueprint(assistant.bp)`; the JSON routes under /api/ are exempt
from CSRF (anonymous, no cookie-based authority) and should be rate-limited per client.
"""

from __future__ import annotations

from flask import Blueprint, current_app, flash, g, jsonify, redirect, render_template, request, url_for
from flask_babel import gettext as _

from cocon.assistant import log
from cocon.council import permissions as council_permissions
from cocon.council.services import list_councils
from cocon.db import utcnow
from cocon.errors import CoconError, InvalidInput, NotFound
from cocon.validation import parse_id
from webapp import auth
from webapp.assistant_runtime import get_assistant
from webapp.database import commit, get_db
from webapp.errors import error_message

bp = Blueprint("assistant", __name__)

TOP_K = 5


@bp.record_once
def _exempt_api_from_csrf(state) -> None:
    csrf = state.app.extensions.get("csrf")
    if csrf is not None:
        csrf.exempt(f"{__name__}.api_ask")
        csrf.exempt(f"{__name__}.api_feedback")


def _ask(question: str, channel: str, top_k: int = TOP_K):
    """Answer and log; the log keeps the question and outcome only."""
    answer = get_assistant(current_app._get_current_object()).ask(question, top_k=top_k)
    row = log.log_question(get_db(), answer=answer, channel=channel, now=utcnow())
    commit()
    return answer, row.token


@bp.route("/assistant", methods=["GET", "POST"])
def page():
    question, answer, token, error = "", None, None, None
    if request.method == "POST":
        question = (request.form.get("question") or "")[:2000]
        try:
            answer, token = _ask(question, "web")
        except CoconError as exc:
            get_db().rollback()
            error = error_message(exc)
    status = 200 if error is None else 422
    from webapp.blueprints.assistant_guides import can_manage_guides
    return render_template("assistant/page.html", question=question, answer=answer, token=token,
                           error=error, can_see_statistics=bool(g.user and _facilitated_councils()),
                           can_manage_guides=can_manage_guides(g.user)), status


@bp.post("/assistant/avis")
def feedback():
    token = request.form.get("token", "")
    useful = request.form.get("useful") == "yes"
    try:
        log.rate_answer(get_db(), token=token, useful=useful, now=utcnow())
    except NotFound:
        get_db().rollback()
        flash(_("This answer can no longer be rated."), "error")
    else:
        commit()
        flash(_("Thank you for your feedback."), "success")
    return redirect(url_for("assistant.page"))


@bp.post("/api/assistant/ask")
def api_ask():
    payload = request.get_json(silent=True)
    if not isinstance(payload, dict):
        raise InvalidInput("Send a JSON object with a question")
    top_k = payload.get("top_k", TOP_K)
    if not isinstance(top_k, int) or isinstance(top_k, bool):
        raise InvalidInput("top_k must be between 1 and 50")
    answer, token = _ask(payload.get("question"), "api", top_k)
    data = answer.to_dict()
    data["token"] = token
    data["feedback_url"] = url_for("assistant.api_feedback")
    return jsonify(data)


@bp.post("/api/assistant/feedback")
def api_feedback():
    payload = request.get_json(silent=True)
    if not isinstance(payload, dict) or not isinstance(payload.get("useful"), bool):
        raise InvalidInput("Send a JSON object with a token and useful: true or false")
    log.rate_answer(get_db(), token=str(payload.get("token", "")), useful=payload["useful"], now=utcnow())
    commit()
    return jsonify({"ok": True})


def _facilitated_councils():
    return [c for c in list_councils(get_db()) if council_permissions.can_facilitate(g.user, c)]


@bp.get("/assistant/statistiques")
@auth.login_required
def statistics():
    councils = _facilitated_councils()
    auth.require(log.can_view_question_log(g.user, ["facilitator"] if councils else []))
    from cocon.workshops.permissions import can_post
    from cocon.workshops.services import list_workshops

    workshops = [w for c in councils for w in list_workshops(get_db(), c, g.user) if can_post(g.user, w)]
    stats = log.question_statistics(get_db())
    return render_template("assistant/statistics.html", stats=stats, workshops=workshops)


@bp.post("/assistant/statistiques/<int:question_id>/fil")
@auth.login_required
def to_thread(question_id: int):
    from cocon.assistant.models import AssistantQuestion
    from cocon.workshops import forum
    from cocon.workshops.models import Workshop

    db = get_db()
    row = db.get(AssistantQuestion, question_id)
    workshop = db.get(Workshop, parse_id(request.form.get("workshop_id")) or 0)
    if row is None or workshop is None:
        raise NotFound("This question or workshop does not exist")
    auth.require(council_permissions.can_facilitate(g.user, workshop.council))
    body = _("Question asked to the assistant on %(date)s, which the guides did not answer well:\n\n> %(question)s",
             date=row.asked_at.strftime("%d/%m/%Y"), question=row.question)
    outcome = forum.start_thread(db, workshop, author=g.user, title=row.question[:200], body=body, now=utcnow())
    commit(outcome.events)
    return redirect(forum.thread_url(outcome.post.thread))


@bp.get("/assistant/guides/<path:doc>/<int:position>")
def passage(doc: str, position: int):
    """A passage with its neighbours, so a citation can be read in context."""
    index = get_assistant(current_app._get_current_object()).index
    by_doc = [p for p in index.passages if p.doc == doc]
    if not by_doc or not 0 <= position < len(by_doc) or doc not in index.guides:
        raise NotFound("This passage does not exist")
    context = [p for p in by_doc if position - 1 <= p.position <= position + 1]
    return render_template("assistant/passage.html", guide=index.guides[doc], context=context,
                           position=position)
