"""Validators for the primitive fields of a vote document; each failure names its field."""

from __future__ import annotations

import json
import math
import unicodedata
from decimal import Decimal
from fractions import Fraction

from cocon.errors import InvalidInput


def shown(value: object, limit: int = 60) -> str:
    """Render a user-supplied value for an error message, JSON-like and short."""
    if isinstance(value, Decimal):  # as the author wrote it
        text = str(value)
    else:
        try:
            text = json.dumps(value, ensure_ascii=False, default=str)
        except (TypeError, ValueError):
            text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def fail(field: str, problem: str) -> InvalidInput:
    """Build the InvalidInput for `field`; the caller raises it so control flow stays visible."""
    return InvalidInput("%(field)s: %(problem)s", field=field, problem=problem)


def is_number(value: object) -> bool:
    """True for JSON numbers (int, finite float, or the Decimal that `load_document` reads a
    decimal number as), false for booleans and everything else."""
    if isinstance(value, bool):
        return False
    if isinstance(value, int):
        return True
    if isinstance(value, Decimal):
        return value.is_finite()
    return isinstance(value, float) and math.isfinite(value)


def exact(value: int | float | Decimal) -> Fraction:
    """The exact value the author wrote: 0.1 is 1/10, not the nearest binary float."""
    if isinstance(value, (int, Decimal)):
        return Fraction(value)
    return Fraction(repr(value))


def plain(value: object) -> object:
    """A number as JSON output shows it: a decimal that is whole as an int, else a float."""
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    return value


# Numbers a vote document may hold: counts, shares and weights far beyond any assembly, but
# bounded, so that exact arithmetic never meets a 10^400 (nor a 10^-400 that a float would
# silently turn into 0).
LARGEST = 10 ** 15
SMALLEST_EXPONENT = -30


def in_range(value: int | Decimal, field: str) -> None:
    """Refuse a number too large (or, for a decimal, too small but not zero) to be meant."""
    if abs(value) >= LARGEST:
        raise fail(field, f"{shown(value)} is too large (the limit is 10^15)")
    if isinstance(value, Decimal) and value and value.adjusted() < SMALLEST_EXPONENT:
        raise fail(field, f"{shown(value)} is too small (write 0, or at least 10^-30)")


def text(value: str, field: str) -> None:
    """Refuse a string that is not valid Unicode text (a lone UTF-16 surrogate)."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise fail(field, "contains an invalid character (a lone UTF-16 surrogate such as "
                          "\\ud800); write the text in UTF-8") from None


def count(value: object, field: str) -> int:
    """A non-negative whole number (3 or 3.0); booleans, strings and 3.5 are refused."""
    if not is_number(value):
        raise fail(field, f"must be a non-negative whole number, got {shown(value)}")
    if isinstance(value, (float, Decimal)):
        if value != int(value):
            raise fail(field, f"must be a whole number, got {shown(value)}")
        value = int(value)
    if value < 0:
        raise fail(field, f"must not be negative, got {shown(value)}")
    return value


def share(value: object, field: str) -> Fraction:
    """A share between 0 and 1 inclusive, kept exact."""
    if not is_number(value):
        raise fail(field, f"must be a number between 0 and 1, got {shown(value)}")
    result = exact(value)
    if not 0 <= result <= 1:
        raise fail(field, f"must be between 0 and 1, got {shown(value)}")
    return result


def weight(value: object, field: str) -> Fraction:
    """A non-negative vote weight, kept exact."""
    if not is_number(value):
        raise fail(field, f"must be a non-negative number, got {shown(value)}")
    result = exact(value)
    if result < 0:
        raise fail(field, f"must not be negative, got {shown(value)}")
    return result


def composed(text: str) -> str:
    """A name in Unicode's composed form (NFC): « é » typed as « e » and a combining accent names
    the same college, candidate or grade as a precomposed « é ». Labels and reasons are echoed
    as written. ASCII text is its own composed form (the common case, checked first: a ballot
    file of a million grades goes through here)."""
    return text if text.isascii() else unicodedata.normalize("NFC", text)


def name(value: object, field: str) -> str:
    """A non-empty string naming something (a college, a candidate, a grade), composed (NFC)."""
    if not isinstance(value, str):
        raise fail(field, f"must be a string, got {shown(value)}")
    if not value.strip():
        raise fail(field, "must not be empty")
    return composed(value)


def names(value: object, field: str, *, minimum: int = 1) -> tuple[str, ...]:
    """A list of unique non-empty strings, at least `minimum` of them."""
    if not isinstance(value, list):
        raise fail(field, f"must be a list of strings, got {shown(value)}")
    if len(value) < minimum:
        raise fail(field, f"must list at least {minimum}, got {len(value)}")
    result = tuple(name(item, f"{field}[{index}]") for index, item in enumerate(value))
    seen: set[str] = set()
    for index, item in enumerate(result):
        if item in seen:
            raise fail(f"{field}[{index}]", f"{shown(item)} is listed twice")
        seen.add(item)
    return result


def mapping(value: object, field: str) -> dict:
    """A JSON object."""
    if not isinstance(value, dict):
        raise fail(field, f"must be an object, got {shown(value)}")
    return value


def known_keys(obj: dict, allowed: tuple[str, ...], field: str) -> None:
    """Refuse keys outside `allowed`, so that a typo is never silently ignored."""
    for key in obj:
        if key not in allowed:
            where = f"{field}.{key}" if field else str(key)
            raise fail(where, f"unknown key; allowed keys are: {', '.join(allowed)}")
