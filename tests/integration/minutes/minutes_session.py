"""Builds a plenary that met, with attendance, proxies, a counted ballot and an adopted orientation."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from cocon.accounts.services import register_user
from cocon.council.models import Role
from cocon.council.plenary.models import AgendaItem, Attendance, AttendanceStatus, Plenary, Proxy
from cocon.council.services import add_college, add_member, create_council
from cocon.organisations.models import Affiliation, Organisation
from cocon.organisations.vocabularies import Status
from cocon.proposals.counting import tally_document
from cocon.proposals.models import Proposal
from cocon.proposals.register_models import Orientation
from cocon.proposals.voting_models import Ballot, BallotWithdrawal

NOW = datetime(2026, 11, 23, 17, 30, tzinfo=timezone.utc)


@dataclass
class Session:
    plenary: Plenary
    facilitator: object
    member: object
    items: list


def _user(db, name):
    return register_user(db, email=f"{name.split()[0].lower()}@example.org",
                         password="un mot de passe assez long", display_name=name, now=NOW)


def build_met_session(db) -> Session:
    admin = _user(db, "Claire Dubois")
    council = create_council(db, name="Conseil de l'ESS de Testville", territory="Testville",
                             creator=admin, now=NOW)
    elus = add_college(db, council, name="Élu·es", weight=1, now=NOW)
    acteurs = add_college(db, council, name="Acteurs de l'ESS", weight=2, now=NOW)
    people = {}
    for name, college in (("Anne Élue", elus), ("Bruno Élu", elus), ("Chloé Élue", elus),
                          ("David Acteur", acteurs), ("Emma Actrice", acteurs),
                          ("Farid Acteur", acteurs)):
        people[name] = _user(db, name)
        add_member(db, council, people[name], role=Role.MEMBER, college_id=college.id, now=NOW)
    plenary = Plenary(council=council, title="Séance d'automne", starts_at=NOW,
                      place="Mairie & annexe", convened_at=NOW - timedelta(days=21),
                      opened_at=NOW, closed_at=NOW + timedelta(hours=2), created_at=NOW)
    db.add(plenary)
    db.flush()
    items = [AgendaItem(plenary_id=plenary.id, position=i, title=t)
             for i, t in enumerate(["Charte des achats", "Questions diverses"])]
    db.add_all(items)
    for name, status in (("Anne Élue", AttendanceStatus.PRESENT),
                         ("Bruno Élu", AttendanceStatus.EXCUSED),
                         ("Chloé Élue", AttendanceStatus.EXCUSED),
                         ("David Acteur", AttendanceStatus.PRESENT),
                         ("Farid Acteur", AttendanceStatus.PRESENT)):
        db.add(Attendance(plenary_id=plenary.id, user_id=people[name].id, status=status,
                          updated_at=NOW))
    db.add(Proxy(plenary_id=plenary.id, giver_id=people["Chloé Élue"].id,
                 holder_id=people["David Acteur"].id, created_at=NOW))
    org = Organisation(council_id=council.id, name="Coop & Cie", legal_form="scic",
                       commune="Testville", name_key="coop cie", commune_key="testville",
                       status=Status.VALIDATED, created_at=NOW)
    db.add(org)
    db.flush()
    db.add(Affiliation(organisation_id=org.id, user_id=people["David Acteur"].id,
                       created_at=NOW))
    db.flush()
    db.add(Proposal(council_id=council.id, title="Charte des achats responsables",
                    body="b", body_html="<p>b</p>", created_at=NOW, agenda_item_id=items[0].id))
    result = tally_document({
        "method": "simple_majority", "eligible": 6, "present": 4, "quorum": 0.5,
        "colleges": {"Élu·es": 1, "Acteurs de l'ESS": 2},
        "ballots": [{"choice": "pour", "college": "Élu·es"},
                    {"choice": "pour", "college": "Acteurs de l'ESS"},
                    {"choice": "contre", "college": "Acteurs de l'ESS"},
                    {"choice": "abstention", "college": "Élu·es"}]})
    result.update(sources={"online": {"ballots": 3}, "paper": {"ballots": 1}}, proxies=1,
                  withdrawn=1)
    ballot = Ballot(council_id=council.id, plenary_id=plenary.id, agenda_item_id=items[0].id,
                    question="Adopter la charte ?", method="simple_majority", secret=True,
                    created_at=NOW, opened_at=NOW, closed_at=NOW + timedelta(minutes=20),
                    result=result)
    db.add(ballot)
    db.flush()
    db.add(BallotWithdrawal(ballot_id=ballot.id, user_id=people["Emma Actrice"].id,
                            created_at=NOW))
    db.add(Orientation(council_id=council.id, ballot_id=ballot.id, title="Charte des achats",
                       text="Le conseil adopte la charte.", text_html="<p>x</p>",
                       adopted_at=NOW + timedelta(minutes=20)))
    db.add(Plenary(council=council, title="Séance de printemps",
                   starts_at=NOW + timedelta(days=110), created_at=NOW))
    db.flush()
    return Session(plenary, admin, people["Anne Élue"], items)
