"""Validators for the primitive fields of a vote document; each failure names its field."""

from __future__ import annotations

import json
import math
from fractions import Fraction

from cocon.errors import InvalidInput


def shown(value: object, limit: int = 60) -> str:
    """Render a user-supplied value for an error message, JSON-like and short."""
    try:
        text = json.dumps(value, ensure_ascii=False)
    except (TypeError, ValueError):
        text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def fail(field: str, problem: str) -> InvalidInput:
    """Build the InvalidInput for `field`; the caller raises it so control flow stays visible."""
    return InvalidInput("%(field)s: %(problem)s", field=field, problem=problem)


def is_number(value: object) -> bool:
    """True for JSON numbers (int or finite float), false for booleans and everything else."""
    if isinstance(value, bool):
        return False
    if isinstance(value, int):
        return True
    return isinstance(value, float) and math.isfinite(value)


def exact(value: int | float) -> Fraction:
    """The exact value the author wrote: 0.1 is 1/10, not the nearest binary float."""
    if isinstance(value, int):
        return Fraction(value)
    return Fraction(repr(value))


def count(value: object, field: str) -> int:
    """A non-negative whole number (3 or 3.0); booleans, strings and 3.5 are refused."""
    if not is_number(value):
        raise fail(field, f"must be a non-negative whole number, got {shown(value)}")
    if isinstance(value, float):
        if not value.is_integer():
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


def name(value: object, field: str) -> str:
    """A non-empty string naming something (a college, a candidate, a grade)."""
    if not isinstance(value, str):
        raise fail(field, f"must be a string, got {shown(value)}")
    if not value.strip():
        raise fail(field, "must not be empty")
    return value


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
