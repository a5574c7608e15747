"""Checks of an organisation's fields, shared by the forms' services and the CSV import."""

from __future__ import annotations

import re
from datetime import date
from urllib.parse import urlsplit

from cocon.errors import InvalidInput
from cocon.organisations import vocabularies as voc
from cocon.validation import clean_text

_POSTCODE = re.compile(r"^(?:\d{5}|2[AB]\d{3})$")
TEXT_LIMITS = {"name": 200, "address": 300, "commune": 120, "description": 4000}


def clean_website(value: object) -> str:
    """An http(s) address with a host, or empty; any other scheme is refused."""
    text = clean_text(value, field="website", max_length=300, required=False)
    if not text:
        return ""
    if "://" not in text and not text.lower().startswith(("javascript:", "data:", "mailto:")):
        text = "https://" + text
    parts = urlsplit(text)
    if parts.scheme.lower() not in {"http", "https"} or not parts.hostname or " " in text:
        raise InvalidInput("The website must be an address starting with http:// or https://.")
    return text


def clean_codes(values, lookup, *, field: str) -> str:
    """Codes of a vocabulary, stored between spaces; an unknown one is refused by name."""
    if isinstance(values, str):
        values = [v for v in re.split(r"[|,;]", values) if v.strip()]
    codes: list[str] = []
    for value in values or []:
        code = lookup(str(value))
        if code is None:
            raise InvalidInput("Unknown %(field)s: %(value)s.", field=field, value=str(value)[:60])
        if code not in codes:
            codes.append(code)
    return " " + " ".join(codes) + " "


def clean_date(value: object) -> date | None:
    """A date given as a date, as YYYY-MM-DD or as DD/MM/YYYY; empty is None."""
    if value is None or isinstance(value, date):
        return value
    text = str(value).strip()
    if not text:
        return None
    match = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4})", text)
    try:
        if match:
            return date(int(match[3]), int(match[2]), int(match[1]))
        return date.fromisoformat(text)
    except ValueError:
        raise InvalidInput("The ESUS approval date is not a valid date.") from None


def clean_coordinate(value: object, *, field: str, limit: float) -> float | None:
    """A latitude or longitude in its range, or None."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    try:
        number = float(str(value).replace(",", "."))
    except ValueError:
        raise InvalidInput("The %(field)s must be a number.", field=field) from None
    if not -limit <= number <= limit:
        raise InvalidInput("The %(field)s is out of range.", field=field)
    return number


def clean_legal_form(form: object, kind: object) -> tuple[str, str | None]:
    """The ESS family and, for a cooperative, its kind (SCOP, SCIC…)."""
    code, implied_kind = voc.legal_form_code(str(form or ""))
    if code is None:
        raise InvalidInput("Unknown legal form: %(value)s.", value=str(form or "")[:60])
    if code != voc.LegalForm.COOPERATIVE.value:
        return code, None
    if kind not in (None, ""):
        implied_kind = voc.cooperative_kind_code(str(kind))
        if implied_kind is None:
            raise InvalidInput("Unknown cooperative kind: %(value)s.", value=str(kind)[:60])
    return code, implied_kind or "autre"


def clean_organisation(data: dict) -> dict:
    """Every field of an organisation checked and normalised, from a form or a CSV row."""
    out = {name: clean_text(data.get(name), field=name, max_length=limit,
                            required=name in {"name", "commune"}, multiline=name == "description")
           for name, limit in TEXT_LIMITS.items()}
    out["legal_form"], out["cooperative_kind"] = clean_legal_form(
        data.get("legal_form"), data.get("cooperative_kind"))
    out["esus"] = bool(data.get("esus"))
    out["esus_date"] = clean_date(data.get("esus_date")) if out["esus"] else None
    out["sectors"] = clean_codes(data.get("sectors"), voc.sector_code, field="sector")
    out["stakes"] = clean_codes(data.get("stakes"), voc.stake_code, field="stake")
    postcode = clean_text(data.get("postcode"), field="postcode", max_length=10, required=False)
    if postcode and not _POSTCODE.match(postcode.upper()):
        raise InvalidInput("The postcode must have five digits.")
    out["postcode"] = postcode.upper()
    out["website"] = clean_website(data.get("website"))
    size = data.get("size_range")
    out["size_range"] = voc.size_code(str(size)) if size not in (None, "") else None
    if size not in (None, "") and out["size_range"] is None:
        raise InvalidInput("Unknown size range: %(value)s.", value=str(size)[:30])
    out["is_network_head"] = bool(data.get("is_network_head"))
    out["is_council_member"] = bool(data.get("is_council_member"))
    out["latitude"] = clean_coordinate(data.get("latitude"), field="latitude", limit=90)
    out["longitude"] = clean_coordinate(data.get("longitude"), field="longitude", limit=180)
    if (out["latitude"] is None) != (out["longitude"] is None):
        raise InvalidInput("Give both the latitude and the longitude, or neither.")
    return out
