"""French typography (non-breaking spaces, dates) and English dates for the minutes."""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime

from babel.dates import format_date, format_datetime, get_timezone

NNBSP = "\u202f"  # narrow no-break space: before ; ! ? and inside « »
NBSP = "\u00a0"  # no-break space: before the colon
_SPACES = "[ \t\u00a0\u202f]"

_RULES = [
    # an existing space before ; ! ? becomes narrow and unbreakable
    (re.compile(_SPACES + r"+([;!?])"), NNBSP + r"\1"),
    # a word glued to ; ! ? followed by a space or the end ("pourquoi?") gets one; URLs keep theirs
    (re.compile(r"(?<=[\w)\]»])([;!?]+)(?=\s|$)"), NNBSP + r"\1"),
    (re.compile(_SPACES + r"+:"), NBSP + ":"),
    # "note: x" but never "18:30" or "https://"
    (re.compile(r"(?<=[^\W\d_])(:)(?=\s|$)"), NBSP + r"\1"),
    (re.compile("«" + _SPACES + "*"), "«" + NNBSP),
    (re.compile(_SPACES + "*»"), NNBSP + "»"),
]
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff\ud800-\udfff]")


def clean(text: object) -> str:
    """Text every format accepts: no control characters, NFC, newlines normalised."""
    value = "" if text is None else str(text)
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", _CONTROL.sub("", value))


def french_spaces(text: str) -> str:
    """Apply French punctuation spacing: U+202F before ; ! ? and inside « », U+00A0 before :."""
    for pattern, repl in _RULES:
        text = pattern.sub(repl, text)
    return text


def is_english(locale: str) -> bool:
    return str(locale).lower().startswith("en")


def polish(text: object, locale: str) -> str:
    """Clean text, then give it the typography of the document's language."""
    value = clean(text)
    return value if is_english(locale) else french_spaces(value)


def format_when(value: datetime | None, locale: str, tz: str = "Europe/Paris") -> str:
    """'lundi 23 novembre 2026 à 18 h 30' in French, 'Monday, November 23, 2026 at 6:30 PM' in English."""
    if value is None:
        return ""
    zone = get_timezone(tz)
    if is_english(locale):
        return format_datetime(value, "EEEE, MMMM d, y 'at' h:mm a", tzinfo=zone, locale="en")
    text = format_datetime(value, "EEEE d MMMM y 'à' H 'h' mm", tzinfo=zone, locale="fr")
    return re.sub(r"(\d+) h (\d\d)$", r"\1" + NBSP + "h" + NBSP + r"\2", text)


def format_day(value: date | datetime | None, locale: str, tz: str = "Europe/Paris") -> str:
    """A date alone: 'lundi 23 novembre 2026' / 'Monday, November 23, 2026'."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = value.astimezone(get_timezone(tz)).date()
    if is_english(locale):
        return format_date(value, "EEEE, MMMM d, y", locale="en")
    return format_date(value, "EEEE d MMMM y", locale="fr")
