"""Forms of the plenary pages: they read fields; the plenary services decide."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    DateTimeLocalField, IntegerField, RadioField, SelectField, StringField, TextAreaField,
)
from wtforms.validators import DataRequired, Length, NumberRange, Optional

KINDS = [("ordinary", _l("Ordinary session")), ("extraordinary", _l("Extraordinary session"))]
STATUSES = [("present", _l("Present")), ("excused", _l("Excused")), ("absent", _l("Absent"))]


class PlenaryForm(FlaskForm):
    title = StringField(_l("Title"), validators=[DataRequired(), Length(max=200)])
    kind = SelectField(_l("Kind of session"), choices=KINDS, default="ordinary")
    starts_at = DateTimeLocalField(_l("Starts at (Paris time)"), format="%Y-%m-%dT%H:%M",
                                   validators=[DataRequired()])
    ends_at = DateTimeLocalField(_l("Ends at (optional)"), format="%Y-%m-%dT%H:%M",
                                 validators=[Optional()])
    place = StringField(_l("Place"), validators=[Optional(), Length(max=300)])
    video_url = StringField(_l("Video link (optional)"), validators=[Optional(), Length(max=500)])
    description = TextAreaField(_l("Description"), validators=[Optional(), Length(max=5000)])


class AgendaItemForm(FlaskForm):
    title = StringField(_l("Item title"), validators=[DataRequired(), Length(max=200)])
    description = TextAreaField(_l("Item description"),
                                validators=[Optional(), Length(max=5000)])
    expected_minutes = IntegerField(_l("Expected duration in minutes"),
                                    validators=[Optional(), NumberRange(1, 1440)])


class AttendanceForm(FlaskForm):
    status = RadioField(_l("Will you attend?"), choices=STATUSES,
                        validators=[DataRequired()])
    # choices: the member's validated organisations, set by the view (issue 9)
    organisation = SelectField(_l("I speak for"), choices=[], validate_choice=False,
                               validators=[Optional()], description=_l(
                                   "The organisation shown beside your name in this session: "
                                   "attendance, proxies, roll-call votes and minutes."))


class ProxyForm(FlaskForm):
    holder = SelectField(_l("Give my proxy to"), coerce=int)
