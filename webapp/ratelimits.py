"""Rate limits of the actions people repeat: posting, voting, reporting, searching, exporting,
uploading. Declared here, in one table, and applied by `init_app` once every blueprint is
registered.

Each family of routes shares one counter (Flask-Limiter's shared limits, scope = the family),
kept in the storage of COCON_RATELIMIT_STORAGE_URI (COCON_REDIS_URL when set: every process
counts together). The counter is per signed-in person, or per address for visitors: forty
members voting from the same town-hall Wi-Fi do not share one budget. Going over gives a 429
page (or JSON) in the reader's language, with a Retry-After header.

The figures are generous for real use and bounded for abuse: a member posting in a lively
debate writes far less than one message every five seconds; a voter holding proxies casts at
most a dozen votes for one ballot; a facilitator downloads the minutes in five formats at once.
Three limits live elsewhere and are not repeated here: the sign-in/registration forms (30 POST
a minute per address) and the assistant (20 questions a minute per address), beside the
limiter in `create_app`; a person's own data downloads (10 an hour) and account erasure, in
webapp/blueprints/privacy.py.
"""

from __future__ import annotations

from dataclasses import dataclass
from fnmatch import fnmatch

from flask import g
from flask_limiter.util import get_remote_address


@dataclass(frozen=True)
class Family:
    """Routes sharing one counter: endpoint patterns, the limit, and the methods it counts."""

    name: str
    limit: str
    endpoints: tuple[str, ...]
    methods: tuple[str, ...] | None = ("POST",)


FAMILIES = (
    Family("posting", "12 per minute;200 per hour", (
        "workshops.view", "workshops.thread", "workshop_posts.edit", "proposals.create",
        "proposals.edit", "proposals.comment", "proposals.amend", "minutes.comment",
        "organisations.propose", "assistant.to_thread")),
    Family("voting", "30 per minute;300 per hour", ("votes.vote", "votes.withdraw")),
    Family("reporting", "5 per minute;30 per hour", ("workshop_posts.report",)),
    Family("search", "60 per minute;1000 per hour", (
        "search.index", "organisations.directory"), methods=None),
    Family("exports", "20 per minute;200 per hour", (
        "minutes.download", "minutes_data.report_download", "minutes_data.open_data_file",
        "minutes_data.attendance_csv", "organisations_data.export_*", "register.export_*",
        "plenaries.calendar"), methods=None),
    Family("uploads", "10 per minute;60 per hour", (
        "assistant_guides.guides", "organisations_data.import_file", "minutes.verify")),
)


def person_or_address() -> str:
    """Whom a limit counts: the signed-in person, else the client's address."""
    user = g.get("user")
    return f"user:{user.id}" if user is not None else f"address:{get_remote_address()}"


def family_of(endpoint: str) -> Family | None:
    """The first family whose patterns name this endpoint (the table's order decides)."""
    for family in FAMILIES:
        if any(fnmatch(endpoint, pattern) for pattern in family.endpoints):
            return family
    return None


def limited_endpoints(app) -> dict[str, Family]:
    """Every registered endpoint that a family limits."""
    return {endpoint: family for endpoint in sorted(app.view_functions)
            if (family := family_of(endpoint)) is not None}


def init_app(app) -> None:
    """Wrap every limited view in its family's shared limit (call after the blueprints)."""
    limiter = app.extensions["limiter"]
    for endpoint, family in limited_endpoints(app).items():
        decorate = limiter.shared_limit(
            family.limit, scope=family.name, key_func=person_or_address,
            methods=list(family.methods) if family.methods else None)
        app.view_functions[endpoint] = decorate(app.view_functions[endpoint])
