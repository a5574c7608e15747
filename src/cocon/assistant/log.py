"""Anonymous question log and the statistics facilitators read from it."""

from __future__ import annotations

import secrets
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from cocon.errors import InvalidInput, NotFound

from .answer import Answer
from .french import content_words, fold
from .models import AssistantQuestion

CHANNELS = ("web", "api")


def log_question(db: Session, *, answer: Answer, channel: str, now: datetime) -> AssistantQuestion:
    """Record a question and the outcome, with nothing that identifies who asked."""
    if channel not in CHANNELS:
        raise InvalidInput("Unknown channel %(channel)s", channel=channel)
    top = answer.sources[0] if answer.sources else None
    row = AssistantQuestion(token=secrets.token_urlsafe(16)[:22], asked_at=now, question=answer.question[:1000],
                            abstained=answer.abstained, confidence=float(answer.confidence),
                            top_doc=top.doc[:255] if top else "", top_passage=top.passage_id[:300] if top else "",
                            channel=channel)
    db.add(row)
    db.flush()
    return row


def rate_answer(db: Session, *, token: str, useful: bool, now: datetime) -> AssistantQuestion:
    """Record whether an answer was useful; a later rating replaces an earlier one."""
    row = db.scalar(select(AssistantQuestion).where(AssistantQuestion.token == str(token)[:32]))
    if row is None:
        raise NotFound("This answer cannot be rated any more")
    row.useful = bool(useful)
    row.rated_at = now
    db.flush()
    return row


@dataclass
class QuestionStatistics:
    """What facilitators see: volumes, frequent themes, unanswered and poorly rated questions."""

    total: int = 0
    abstained: int = 0
    rated_useful: int = 0
    rated_useless: int = 0
    themes: list[tuple[str, int]] = field(default_factory=list)
    frequent: list[tuple[str, int]] = field(default_factory=list)
    unanswered: list[AssistantQuestion] = field(default_factory=list)
    poorly_rated: list[AssistantQuestion] = field(default_factory=list)


def question_statistics(db: Session, *, since: datetime | None = None, limit: int = 20) -> QuestionStatistics:
    """Aggregate the log: most frequent words and questions, what went unanswered or disliked."""
    query = select(AssistantQuestion)
    if since is not None:
        query = query.where(AssistantQuestion.asked_at >= since)
    rows = list(db.scalars(query.order_by(AssistantQuestion.asked_at.desc())))
    stats = QuestionStatistics(total=len(rows), abstained=sum(r.abstained for r in rows),
                               rated_useful=sum(r.useful is True for r in rows),
                               rated_useless=sum(r.useful is False for r in rows))
    words = Counter(w for r in rows for w in set(content_words(r.question)) if len(w) > 3)
    stats.themes = words.most_common(limit)
    questions = Counter(" ".join(fold(r.question).split()).rstrip(" ?") for r in rows)
    stats.frequent = [(q, n) for q, n in questions.most_common(limit) if n > 1]
    stats.unanswered = [r for r in rows if r.abstained][:limit]
    stats.poorly_rated = [r for r in rows if r.useful is False][:limit]
    return stats


def count_questions(db: Session) -> int:
    """How many questions the log holds."""
    return int(db.scalar(select(func.count(AssistantQuestion.id))) or 0)


def can_view_question_log(user, roles: list[str]) -> bool:
    """Site administrators and anyone who facilitates or administers a council read the log."""
    if user is None:
        return False
    return bool(getattr(user, "is_site_admin", False)) or any(r in ("facilitator", "admin") for r in roles)


@dataclass
class ThemeSummary:
    """Anonymised themes of a period: counts and words shared by several questions, no question text."""

    total: int = 0
    unanswered: int = 0
    themes: list[tuple[str, int]] = field(default_factory=list)


def question_themes(db: Session, *, since: datetime, until: datetime, limit: int = 15,
                    min_questions: int = 2) -> ThemeSummary:
    """Most frequent words of the questions asked in [since, until), for public reports.

    Only alphabetic words of more than three letters that occur in at least `min_questions`
    different questions are kept, so that a name or an address typed once never shows.
    """
    rows = list(db.scalars(select(AssistantQuestion).where(AssistantQuestion.asked_at >= since,
                                                           AssistantQuestion.asked_at < until)))
    words = Counter(w for r in rows for w in set(content_words(r.question)) if len(w) > 3 and w.isalpha())
    themes = [(w, n) for w, n in words.most_common() if n >= min_questions][:limit]
    return ThemeSummary(total=len(rows), unanswered=sum(bool(r.abstained) for r in rows), themes=themes)
