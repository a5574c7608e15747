"""The demonstration council: believable people, colleges, workshops and sessions."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy.orm import Session

from cocon.demo import people

DEMO_PASSWORD = people.DEMO_PASSWORD


@dataclass
class DemoReport:
    """What `populate` did, and the logins to try."""

    created: bool
    council_slug: str
    logins: list[tuple[str, str, str]] = field(default_factory=list)

    def summary(self) -> str:
        head = ("Demonstration council created" if self.created
                else "Demonstration council already present")
        lines = [f"{head}: /conseils/{self.council_slug}",
                 f"Demonstration logins (password: {DEMO_PASSWORD}):"]
        lines += [f"  {role:<22} {email}" for role, email, _ in self.logins]
        return "\n".join(lines)


def populate(db: Session, *, now: datetime) -> DemoReport:
    """Create the demonstration data unless it is already there; flush, never commit."""
    council, created = people.ensure_council(db, now=now)
    if created:
        for step in STEPS:
            step(db, council, now=now)
    db.flush()
    return DemoReport(created=created, council_slug=council.slug, logins=people.LOGINS)


# later parts of the demonstration, in order; each takes (db, council, now=...)
STEPS: list = []

from cocon.demo.plenaries import add_sessions as _plenaries  # noqa: E402
STEPS.append(_plenaries)

from cocon.demo.organisations import populate_organisations as _organisations  # noqa: E402
STEPS.append(_organisations)

from cocon.demo.workshops import add_workshops as _workshops  # noqa: E402
STEPS.append(_workshops)

from cocon.demo.votes import add_votes as _votes  # noqa: E402
STEPS.append(_votes)

from cocon.demo.plenaries import close_past_sessions as _close_sessions  # noqa: E402
STEPS.append(_close_sessions)  # after the votes held during the past session

from cocon.demo.minutes import add_minutes as _minutes  # noqa: E402
STEPS.append(_minutes)
