"""Turn the JSON document of `cocon tally` into a validated `Vote`, or raise InvalidInput."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import NamedTuple

from cocon.errors import InvalidInput

from . import fields
from .ballots import (
    CONSENT,
    CONSENT_CHOICES,
    DEFAULT_GRADES,
    MAJORITY_JUDGMENT,
    METHODS,
    OBJECTION,
    YES_NO_CHOICES,
    Ballot,
    ChoiceBallot,
    College,
    GradeBallot,
    Vote,
)
from .fields import fail, shown

LABEL_KEYS = ("id", "title", "question")
TOP_KEYS = ("method", "eligible", "present", "quorum", "colleges", "candidates", "grades",
            "ballots") + LABEL_KEYS
CHOICE_KEYS = ("choice", "college", "reason")
GRADE_KEYS = ("grades", "college")


def load_document(text: str) -> dict:
    """Parse JSON text strictly: no NaN or Infinity, no duplicate keys, an object at the top."""

    def no_constant(token: str) -> object:
        raise InvalidInput("%(token)s is not valid JSON", token=token)

    def no_duplicates(pairs: list[tuple[str, object]]) -> dict:
        result: dict = {}
        for key, value in pairs:
            if not key.isascii():  # keys name colleges and candidates: see fields.composed
                key = fields.composed(key)
            if key in result:
                raise InvalidInput("duplicate key %(key)s in a JSON object", key=shown(key))
            result[key] = value
        return result

    try:
        # decimals as written (Decimal, not the nearest binary float): 0.50000000000000001 stays
        # above one half
        doc = json.loads(text, parse_constant=no_constant, object_pairs_hook=no_duplicates,
                         parse_float=Decimal)
    except json.JSONDecodeError as error:
        raise InvalidInput("not valid JSON: %(error)s", error=str(error)) from None
    except RecursionError:
        raise InvalidInput("not valid JSON: nested too deeply") from None
    except ValueError:  # an integer of thousands of digits (Python's conversion limit)
        raise InvalidInput("not valid JSON: a number has too many digits") from None
    if not isinstance(doc, dict):
        raise InvalidInput("the document must be a JSON object, got %(got)s", got=shown(doc))
    _check_values(doc)
    return doc


def _check_values(doc: dict) -> None:
    """Every text must be valid Unicode (JSON can spell a lone surrogate, "\\ud800", which no
    output can print) and every number of a sensible size (no 10^400 weight)."""
    stack: list[tuple[object, str]] = [(doc, "")]
    while stack:
        value, where = stack.pop()
        if isinstance(value, dict):
            for key, item in value.items():
                fields.text(key, where or "document")
                stack.append((item, f"{where}.{key}" if where else key))
        elif isinstance(value, list):
            stack.extend((item, f"{where}[{index}]") for index, item in enumerate(value))
        elif isinstance(value, str):
            fields.text(value, where)
        elif isinstance(value, (int, Decimal)) and not isinstance(value, bool):
            fields.in_range(value, where)


def parse_document(doc: object) -> Vote:
    """Validate a decoded vote document and return the typed `Vote` it describes."""
    doc = fields.mapping(doc, "document")
    fields.known_keys(doc, TOP_KEYS, "")
    # An optional key set to null reads as left out, as JSON producers often write it.
    doc = {key: value for key, value in doc.items() if value is not None or key == "method"}
    if "method" not in doc:
        raise fail("method", f"is required; one of: {', '.join(METHODS)}")
    method = doc["method"]
    if method not in METHODS:
        raise fail("method", f"unknown method {shown(method)}; one of: {', '.join(METHODS)}")
    labels = _labels(doc)
    candidates, grades = _options(doc, method)
    colleges = _colleges(doc["colleges"]) if "colleges" in doc else None
    if "ballots" not in doc:
        raise fail("ballots", "is required (a list, possibly empty)")
    raw_ballots = doc["ballots"]
    if not isinstance(raw_ballots, list):
        raise fail("ballots", f"must be a list, got {shown(raw_ballots)}")
    college_names = None if colleges is None else {c.name for c in colleges}
    options = Options(method, candidates, frozenset(candidates), grades, frozenset(grades))
    ballots = tuple(_ballot(raw, f"ballots[{index}]", options, college_names)
                    for index, raw in enumerate(raw_ballots))
    eligible, present, quorum = _attendance(doc, len(ballots))
    return Vote(method=method, ballots=ballots, present=present, eligible=eligible,
                quorum=quorum, colleges=colleges, candidates=candidates, grades=grades,
                labels=labels)


def _labels(doc: dict) -> dict[str, object]:
    labels: dict[str, object] = {}
    for key in LABEL_KEYS:
        if key in doc:
            value = doc[key]
            if key == "id" and isinstance(value, int) and not isinstance(value, bool):
                labels[key] = value
            elif isinstance(value, str):
                labels[key] = value
            else:
                raise fail(key, f"must be a string, got {shown(value)}")
    return labels


def _options(doc: dict, method: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    if method != MAJORITY_JUDGMENT:
        for key in ("candidates", "grades"):
            if key in doc:
                raise fail(key, f"only applies to majority_judgment, not to {method}")
        return (), DEFAULT_GRADES
    if "candidates" not in doc:
        raise fail("candidates", "is required for majority_judgment (a list of names)")
    candidates = fields.names(doc["candidates"], "candidates")
    grades = fields.names(doc["grades"], "grades", minimum=2) if "grades" in doc else DEFAULT_GRADES
    return candidates, grades


def _colleges(value: object) -> tuple[College, ...]:
    raw = fields.mapping(value, "colleges")
    colleges = []
    for key, weight in raw.items():
        key = fields.name(key, "colleges")
        exact = fields.weight(weight, f"colleges.{key}")
        colleges.append(College(name=key, weight=exact, shown_weight=fields.plain(weight)))
    if not colleges:
        raise fail("colleges", "must name at least one college (or be left out)")
    if sum(c.weight for c in colleges) <= 0:
        raise fail("colleges", "the weights must not all be zero")
    return tuple(colleges)


def _attendance(doc: dict, ballots: int) -> tuple[int | None, int, object]:
    eligible = fields.count(doc["eligible"], "eligible") if "eligible" in doc else None
    present = fields.count(doc["present"], "present") if "present" in doc else ballots
    quorum = fields.share(doc["quorum"], "quorum") if "quorum" in doc else None
    if quorum is not None and eligible is None:
        raise fail("quorum", "needs eligible, the number of members who may vote")
    if eligible is not None and present > eligible:
        raise fail("present", f"{present} members present but only {eligible} eligible")
    if present < ballots:
        raise fail("present", f"{present} members present or represented but {ballots} ballots; "
                   "every ballot comes from a member present or represented")
    return eligible, present, quorum


class Options(NamedTuple):
    """What a ballot may hold: the method, and the candidates and grades (as sets too, so that
    checking a ballot does not grow with the number of candidates)."""

    method: str
    candidates: tuple[str, ...]
    candidate_set: frozenset[str]
    grades: tuple[str, ...]
    grade_set: frozenset[str]


def _ballot(raw: object, where: str, options: Options, colleges: set[str] | None) -> Ballot:
    method = options.method
    raw = fields.mapping(raw, where)
    college = _ballot_college(raw, where, colleges)
    if method == MAJORITY_JUDGMENT:
        fields.known_keys(raw, GRADE_KEYS, where)
        if "grades" not in raw:
            raise fail(f"{where}.grades", "is required: an object {candidate: grade}")
        grades: dict[str, str] = {}
        for candidate, grade in fields.mapping(raw["grades"], f"{where}.grades").items():
            if candidate not in options.candidate_set:  # composed names are checked once more
                candidate = _composed_name(candidate)
            if candidate not in options.candidate_set:
                raise fail(f"{where}.grades", f"unknown candidate {shown(candidate)}; "
                           f"candidates are: {', '.join(options.candidates)}")
            if grade is None:
                continue  # null reads as left out: ungraded, hence the lowest grade
            if grade not in options.grade_set:
                grade = _composed_name(grade)
            if grade not in options.grade_set:
                raise fail(f"{where}.grades.{candidate}", f"{shown(grade)} is not on the scale; "
                           f"grades are: {', '.join(options.grades)}")
            grades[candidate] = grade
        return GradeBallot(grades=grades, college=college)
    fields.known_keys(raw, CHOICE_KEYS, where)
    allowed = CONSENT_CHOICES if method == CONSENT else YES_NO_CHOICES
    if "choice" not in raw:
        raise fail(f"{where}.choice", f"is required; one of: {', '.join(allowed)}")
    choice = raw["choice"]
    if choice not in allowed:
        raise fail(f"{where}.choice", f"{shown(choice)} is not allowed for {method}; "
                   f"one of: {', '.join(allowed)}")
    reason = raw.get("reason")
    if reason is not None and not isinstance(reason, str):
        raise fail(f"{where}.reason", f"must be a string, got {shown(reason)}")
    if choice == OBJECTION and not (reason or "").strip():
        raise fail(f"{where}.reason", "an objection must give its reason")
    return ChoiceBallot(choice=choice, college=college, reason=reason)


def _composed_name(value: object) -> object:
    """A name not found as written, in its composed form (NFC); anything else unchanged (the
    caller then refuses it). Names found as written, nearly all of them, never come here."""
    return fields.composed(value) if isinstance(value, str) else value


def _ballot_college(raw: dict, where: str, colleges: set[str] | None) -> str | None:
    if raw.get("college") is None:
        if colleges is not None:
            raise fail(f"{where}.college", "is required when the vote is weighted by college")
        return None
    college = fields.name(raw["college"], f"{where}.college")
    if colleges is not None and college not in colleges:
        raise fail(f"{where}.college", f"unknown college {shown(college)}; "
                   f"colleges are: {', '.join(sorted(colleges))}")
    return college
