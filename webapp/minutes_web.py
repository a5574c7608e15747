"""Helpers shared by the minutes pages: loading with permissions, labels, file responses."""

from __future__ import annotations

from datetime import datetime

from flask import Response, abort, g
from flask_babel import get_locale, lazy_gettext as _l
from sqlalchemy import select

from cocon.council.plenary.state import PARIS
from cocon.minutes.models import Minutes
from cocon.minutes.permissions import can_view_minutes
from webapp.blueprints.plenaries import load_plenary
from webapp.database import get_db

STATUS_LABELS = {
    "draft": _l("Draft"),
    "submitted": _l("Submitted to the members"),
    "approved": _l("Approved"),
    "locked": _l("Locked"),
}
ATTENDANCE_LABELS = {
    "present": _l("Present"),
    "represented": _l("Represented"),
    "excused": _l("Excused"),
    "absent": _l("Absent"),
}
DOWNLOAD_FORMATS = ("odt", "pdf", "docx", "md")
FORMAT_LABELS = {"odt": "ODT (OpenDocument)", "pdf": "PDF", "docx": "DOCX (Word)",
                 "md": "Markdown"}


def locale() -> str:
    return "en" if str(get_locale() or "fr").startswith("en") else "fr"


def minutes_of(plenary) -> Minutes | None:
    return get_db().scalar(select(Minutes).where(Minutes.plenary_id == plenary.id))


def load_minutes(slug: str, pid: int):
    """The plenary and its minutes (None if never created) when the user may read them."""
    plenary = load_plenary(slug, pid)
    minutes = minutes_of(plenary)
    if not can_view_minutes(g.user, plenary, minutes):
        abort(404 if g.user is None or minutes is None or minutes.status == "draft" else 403)
    return plenary, minutes


def paris_time(moment: datetime) -> str:
    return moment.astimezone(PARIS).strftime("%H:%M")


LOCAL_INPUT = "%Y-%m-%dT%H:%M"  # what <input type="datetime-local"> sends, in Paris time


def parse_paris_input(value: str | None) -> datetime | None:
    """A datetime-local field's value as an aware datetime, or None if empty or malformed."""
    try:
        return datetime.strptime((value or "").strip(), LOCAL_INPUT).replace(tzinfo=PARIS)
    except ValueError:
        return None


def paris_input(moment: datetime) -> str:
    """A moment as a datetime-local field's value, in Paris time."""
    return moment.astimezone(PARIS).strftime(LOCAL_INPUT)


def file_response(data: bytes, mimetype: str, filename: str):
    """A download with its Content-Type and an attachment file name."""
    response = Response(data, content_type=mimetype)
    response.headers.set("Content-Disposition", "attachment", filename=filename)
    response.headers["Cache-Control"] = "no-store"
    return response
