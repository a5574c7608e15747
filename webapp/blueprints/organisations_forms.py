"""Forms of the directory: they read the request's fields; the core checks and saves."""

from __future__ import annotations

from flask_babel import gettext as _, lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField, FileRequired
from wtforms import (
    BooleanField, DateField, EmailField, SelectField, SelectMultipleField, StringField,
    TextAreaField, widgets,
)
from wtforms.validators import DataRequired, Email, Length, Optional

from cocon.organisations import vocabularies as voc


class CheckboxesField(SelectMultipleField):
    """Several choices shown as a group of checkboxes."""

    widget = widgets.ListWidget(prefix_label=False)
    option_widget = widgets.CheckboxInput()


def _choices(table: dict) -> list[tuple[str, str]]:
    return [(getattr(code, "value", code), _(label)) for code, label in table.items()]


class OrganisationForm(FlaskForm):
    name = StringField(_l("Name"), validators=[DataRequired(), Length(max=200)])
    legal_form = SelectField(_l("Legal form"), validators=[DataRequired()])
    cooperative_kind = SelectField(_l("Kind of cooperative"), validators=[Optional()],
                                   description=_l("Only for a cooperative."))
    esus = BooleanField(_l("ESUS approval (entreprise solidaire d'utilité sociale)"))
    esus_date = DateField(_l("Date of the ESUS approval"), validators=[Optional()])
    sectors = CheckboxesField(_l("Sectors of activity"), validators=[Optional()])
    stakes = CheckboxesField(_l("Territorial stakes it works on"), validators=[Optional()])
    address = StringField(_l("Address"), validators=[Length(max=300)],
                          render_kw={"autocomplete": "street-address"})
    postcode = StringField(_l("Postcode"), validators=[Length(max=10)],
                           render_kw={"autocomplete": "postal-code", "inputmode": "numeric"})
    commune = StringField(_l("Commune"), validators=[DataRequired(), Length(max=120)])
    website = StringField(_l("Website"), validators=[Length(max=300)],
                          description=_l("An address starting with https:// or http://."),
                          render_kw={"inputmode": "url"})
    description = TextAreaField(_l("Short description"), validators=[Length(max=4000)])
    size_range = SelectField(_l("Number of employees"), validators=[Optional()])
    is_network_head = BooleanField(_l("Network head (fédération, réseau, CRESS…)"))
    is_council_member = BooleanField(_l("Member of the council"))
    latitude = StringField(_l("Latitude"), validators=[Length(max=20)],
                           description=_l("Optional, for the map (for instance 48.5734)."))
    longitude = StringField(_l("Longitude"), validators=[Length(max=20)],
                            description=_l("Optional, for the map (for instance 7.7521)."))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.legal_form.choices = [("", _("Choose…"))] + _choices(voc.LEGAL_FORMS)
        self.cooperative_kind.choices = [("", "—")] + _choices(voc.COOPERATIVE_KINDS)
        self.sectors.choices = _choices(voc.SECTORS)
        self.stakes.choices = _choices(voc.STAKES)
        self.size_range.choices = [("", _("Not given"))] + _choices(voc.SIZE_RANGES)

    def data_for_core(self) -> dict:
        """The fields as the core's clean_organisation reads them."""
        names = ["name", "legal_form", "cooperative_kind", "esus", "esus_date", "sectors",
                 "stakes", "address", "postcode", "commune", "website", "description",
                 "size_range", "is_network_head", "is_council_member", "latitude", "longitude"]
        return {name: getattr(self, name).data for name in names}

    def fill_from(self, organisation) -> None:
        """Show an organisation's current profile in the form."""
        for name in ["name", "legal_form", "esus", "esus_date", "address", "postcode", "commune",
                     "website", "description", "is_network_head", "is_council_member"]:
            getattr(self, name).data = getattr(organisation, name)
        self.cooperative_kind.data = organisation.cooperative_kind or ""
        self.size_range.data = organisation.size_range or ""
        self.sectors.data = organisation.sector_list
        self.stakes.data = organisation.stake_list
        self.latitude.data = "" if organisation.latitude is None else str(organisation.latitude)
        self.longitude.data = "" if organisation.longitude is None else str(organisation.longitude)


class AffiliationForm(FlaskForm):
    email = EmailField(_l("E-mail address of the member"),
                       validators=[DataRequired(), Email(), Length(max=254)])
    is_representative = BooleanField(_l("Represents the organisation (may edit its profile)"))


class ImportForm(FlaskForm):
    file = FileField(_l("CSV file"), validators=[FileRequired()],
                     description=_l("Columns separated by ; or , — UTF-8 or Windows-1252. "
                                    "Required columns: nom, forme_juridique, commune."))
