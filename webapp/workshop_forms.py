"""Forms of the workshops and their forum (length rules live in the core services)."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l, lazy_pgettext
from flask_wtf import FlaskForm
from wtforms import BooleanField, HiddenField, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, Optional

MARKDOWN_HINT = _l("Markdown: **bold**, *italic*, > quote, - list, links. Mention someone "
                   "with @ and their name.")


class WorkshopForm(FlaskForm):
    title = StringField(_l("Title"), validators=[DataRequired()])
    theme = StringField(_l("Theme"), validators=[Optional()])
    description = TextAreaField(_l("Description"), validators=[Optional()])
    is_public = BooleanField(_l("Public workshop (readable by anyone when the council is public)"),
                             default=True)
    citizens_may_post = BooleanField(_l("Citizens with an account may post"))


class ThreadForm(FlaskForm):
    title = StringField(_l("Subject"), validators=[DataRequired()])
    body = TextAreaField(_l("Message"), description=MARKDOWN_HINT, render_kw={"rows": 6})


class PostForm(FlaskForm):
    body = TextAreaField(_l("Your reply"), description=MARKDOWN_HINT, render_kw={"rows": 6})
    reply_to = HiddenField()


class EditForm(FlaskForm):
    body = TextAreaField(_l("Message"), description=MARKDOWN_HINT, render_kw={"rows": 8})


class ReasonForm(FlaskForm):
    reason = TextAreaField(_l("Reason"), render_kw={"rows": 3})


class ModerationForm(FlaskForm):
    action = SelectField(_l("Action"), choices=[
        ("hide", _l("Hide the message")), ("restore", _l("Restore the message")),
        ("warn", _l("Warn the author")), ("dismiss", _l("Dismiss the reports"))])
    reason = TextAreaField(_l("Reason (recorded, and sent to the author when hiding or "
                              "warning)"), render_kw={"rows": 2})


class StatusForm(FlaskForm):
    status = SelectField(_l("Status"), choices=[
        ("open", lazy_pgettext("workshop", "Open")), ("closed", lazy_pgettext("workshop", "Closed")),
        ("archived", lazy_pgettext("workshop", "Archived"))])
