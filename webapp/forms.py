"""Forms: they read and check the request's fields; services do the rest."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    BooleanField, DecimalField, EmailField, IntegerField, PasswordField, SelectField,
    StringField, TextAreaField,
)
from wtforms.validators import DataRequired, Email, InputRequired, Length, NumberRange, Optional

from cocon.accounts.passwords import MAX_LENGTH, MIN_LENGTH, RECOMMENDED_LENGTH

LANGUAGES = [("fr", "Français"), ("en", "English")]
PASSWORD_HELP = _l("At least %(n)s characters; %(r)s or more is better. Any characters; "
                   "a sentence is easy to remember.", n=MIN_LENGTH, r=RECOMMENDED_LENGTH)


class RegisterForm(FlaskForm):
    display_name = StringField(_l("Name"), validators=[DataRequired(), Length(max=120)],
                               render_kw={"autocomplete": "name"})
    email = EmailField(_l("E-mail address"), validators=[DataRequired(), Email(), Length(max=254)],
                       render_kw={"autocomplete": "email"})
    password = PasswordField(_l("Password"), description=PASSWORD_HELP,
                             validators=[DataRequired(), Length(min=MIN_LENGTH, max=MAX_LENGTH)],
                             render_kw={"autocomplete": "new-password"})
    locale = SelectField(_l("Preferred language"), choices=LANGUAGES, default="fr")


class LoginForm(FlaskForm):
    email = EmailField(_l("E-mail address"), validators=[DataRequired(), Length(max=254)],
                       render_kw={"autocomplete": "username"})
    password = PasswordField(_l("Password"), validators=[DataRequired(), Length(max=MAX_LENGTH)],
                             render_kw={"autocomplete": "current-password"})
    remember = BooleanField(_l("Remember me on this device"))


class ProfileForm(FlaskForm):
    display_name = StringField(_l("Name"), validators=[DataRequired(), Length(max=120)])
    locale = SelectField(_l("Preferred language"), choices=LANGUAGES)


class PasswordForm(FlaskForm):
    current = PasswordField(_l("Current password"), validators=[DataRequired()],
                            render_kw={"autocomplete": "current-password"})
    new = PasswordField(_l("New password"), description=PASSWORD_HELP,
                        validators=[DataRequired(), Length(min=MIN_LENGTH, max=MAX_LENGTH)],
                        render_kw={"autocomplete": "new-password"})


class CouncilForm(FlaskForm):
    name = StringField(_l("Name"), validators=[DataRequired(), Length(max=200)])
    territory = StringField(_l("Territory"), validators=[DataRequired(), Length(max=200)])
    description = TextAreaField(_l("Description"), validators=[Optional(), Length(max=5000)])
    is_public = BooleanField(_l("Public council (anyone may read it)"), default=True)
    quorum = DecimalField(_l("Quorum (share of voting members, between 0 and 1)"), default=0.5,
                          places=None, validators=[InputRequired(), NumberRange(0, 1)])
    max_proxies = IntegerField(_l("Maximum proxies per holder"), default=1,
                               validators=[InputRequired(), NumberRange(0, 10)])


class CollegeForm(FlaskForm):
    name = StringField(_l("Name"), validators=[DataRequired(), Length(max=120)])
    weight = DecimalField(_l("Vote weight"), default=1, places=None,
                          validators=[InputRequired(), NumberRange(0, 1000)])
    votes = BooleanField(_l("This college votes (otherwise it only advises)"), default=True)
    description = StringField(_l("Description"), validators=[Optional(), Length(max=2000)])


class MemberForm(FlaskForm):
    email = EmailField(_l("E-mail address"), validators=[DataRequired(), Length(max=254)])
    role = SelectField(_l("Role"))
    college = SelectField(_l("College"), coerce=str)
