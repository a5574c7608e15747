"""Small input checks shared by every domain's services."""

from __future__ import annotations

import re
import unicodedata

from email_validator import EmailNotValidError, validate_email

from cocon.errors import InvalidInput

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def clean_text(value: object, *, field: str, max_length: int, required: bool = True,
               multiline: bool = False) -> str:
    """Normalise a user-given text (NFC, no control characters) and check its length."""
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise InvalidInput("The field %(field)s must be text.", field=field)
    text = unicodedata.normalize("NFC", _CONTROL.sub("", value)).strip()
    if not multiline:
        text = " ".join(text.split())
    if required and not text:
        raise InvalidInput("The field %(field)s is required.", field=field)
    if len(text) > max_length:
        raise InvalidInput("The field %(field)s may have at most %(n)s characters.",
                           field=field, n=max_length)
    return text


MAX_ID = 2 ** 31 - 1  # ids are 32-bit integers in PostgreSQL


def parse_id(value: object) -> int | None:
    """An object id given as text (a form field, a query parameter), or None.

    Only ASCII digits within the database's integer range count: "²" passes str.isdigit()
    but not int(), and twenty digits overflow the database's integers.
    """
    if not isinstance(value, str) or not value.isascii() or not value.isdigit():
        return None
    number = int(value)
    return number if number <= MAX_ID else None


def clean_email(value: object) -> str:
    """Return a normalised, lower-cased e-mail address, or raise InvalidInput."""
    text = clean_text(value, field="email", max_length=254)
    try:
        result = validate_email(text, check_deliverability=False)
    except EmailNotValidError:
        raise InvalidInput("This e-mail address is not valid.") from None
    return result.normalized.lower()


def slugify(value: str, *, max_length: int = 60) -> str:
    """An ASCII slug for URLs, from a French name."""
    ascii_text = unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug[:max_length].strip("-") or "conseil"
