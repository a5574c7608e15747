"""Factories of compte rendu documents, built in code (shared by the minutes unit tests)."""

from __future__ import annotations

from datetime import date, datetime, timezone

from cocon.minutes.document import (
    ActionEntry, AgendaItemMinutes, Attendee, CollegeAttendance, CollegeResult, MinutesDocument,
    Objection, OrientationEntry, QuorumFigures, RankedOption, VoteMinutes)

STARTS = datetime(2026, 11, 23, 17, 30, tzinfo=timezone.utc)  # 18 h 30 in Paris


def make_yes_no_vote(**overrides) -> VoteMinutes:
    values = dict(
        question="Adopter la charte des achats responsables ?", method="simple_majority",
        secret=False, adopted=True,
        counts={"pour": 17, "contre": 4, "abstention": 3, "cast": 21, "ballots": 24},
        quorum=QuorumFigures(eligible=30, present=24, represented=2, required=15, met=True),
        withdrawals=["Paul Martin"], paper_ballots=5, online_ballots=19,
        by_college=[CollegeResult("Élu·es", {"pour": 6, "contre": 1, "abstention": 1}, "1"),
                    CollegeResult("Acteurs de l'ESS", {"pour": 11, "contre": 3, "abstention": 2},
                                  "2"),
                    CollegeResult("Agents", {"pour": 2, "contre": 0, "abstention": 0}, "0",
                                  advisory=True)])
    values.update(overrides)
    return VoteMinutes(**values)


def make_consent_vote(**overrides) -> VoteMinutes:
    values = dict(
        question="Ouvrir l'atelier « mobilités » aux habitants", method="consent", secret=False,
        adopted=False, counts={"consentement": 14, "objection": 1, "abstention": 2, "ballots": 17},
        objections=[Objection("La charte ne prévoit pas d'accessibilité pour les personnes sourdes",
                              "Acteurs de l'ESS", True)],
        quorum=QuorumFigures(eligible=30, present=17, represented=0, required=15, met=True))
    values.update(overrides)
    return VoteMinutes(**values)


def make_judgment_vote(**overrides) -> VoteMinutes:
    grades = ["Excellent", "Très bien", "Bien", "Assez bien", "Passable", "Insuffisant"]
    values = dict(
        question="Quel projet soutenir en 2027 ?", method="majority_judgment", secret=True,
        grades=grades, winner="Tiers-lieu", counts={"ballots": 10},
        ranking=[RankedOption("Tiers-lieu", 1, "Bien", dict(zip(grades, [2, 3, 2, 1, 1, 1]))),
                 RankedOption("Monnaie locale", 2, "Bien", dict(zip(grades, [1, 2, 4, 2, 1, 0])))],
        quorum=QuorumFigures(eligible=30, present=10, represented=1, required=None, met=None),
        paper_ballots=0, online_ballots=10)
    values.update(overrides)
    return VoteMinutes(**values)


def make_attendance(colleges=(("Élu·es", 8), ("Acteurs de l'ESS", 12), ("Agents", 4))):
    statuses = ["present", "present", "represented", "excused", "absent", "present"]
    out = []
    for name, size in colleges:
        people = []
        for i in range(size):
            status = statuses[i % len(statuses)]
            people.append(Attendee(f"{name[:5]} Personne {i + 1}", status,
                                   organisation=f"Structure {i + 1}" if i % 2 else None,
                                   proxy_holder="Claire Dubois" if status == "represented"
                                   else None))
        out.append(CollegeAttendance(name, people))
    return out


def make_document(**overrides) -> MinutesDocument:
    values = dict(
        council_name="Conseil de l'ESS de l'Eurométropole",
        session_title="Séance plénière d'automne", kind="ordinary", starts_at=STARTS,
        place="Salle des conseils, 1 parc de l'Étoile, Strasbourg",
        convened_at=datetime(2026, 11, 2, 9, 0, tzinfo=timezone.utc),
        items=[
            AgendaItemMinutes("Charte des achats responsables",
                              "La charte a été présentée par l'atelier. Question : qui la signe ?"
                              "\n\n- signature en janvier\n- bilan à un an",
                              ["Charte des achats responsables"], [make_yes_no_vote()]),
            AgendaItemMinutes("Atelier mobilités", "Débat « ouvert » et animé !",
                              ["Ouverture de l'atelier mobilités"], [make_consent_vote()]),
            AgendaItemMinutes("Projet soutenu en 2027", "", [], [make_judgment_vote()]),
            AgendaItemMinutes("Questions diverses"),
        ],
        attendance=make_attendance(),
        quorum=QuorumFigures(eligible=30, present=24, represented=4, required=15, met=True),
        orientations=[OrientationEntry("Charte des achats responsables",
                                       "Le conseil adopte la charte des achats responsables et "
                                       "invite les collectivités à la signer.")],
        actions=[ActionEntry("Envoyer la charte aux communes", "Claire Dubois", date(2027, 1, 15))],
        next_session_at=datetime(2027, 3, 15, 17, 0, tzinfo=timezone.utc))
    values.update(overrides)
    return MinutesDocument(**values)


def make_long_document(items: int = 50, attendees: int = 300) -> MinutesDocument:
    per = attendees // 3
    return make_document(
        items=[AgendaItemMinutes(f"Point numéro {n}", f"Notes du point {n}.\n\n- a\n- b",
                                 [f"Proposition {n}"], [make_yes_no_vote(question=f"Question {n}")])
               for n in range(1, items + 1)],
        attendance=make_attendance((("Élu·es", per), ("Acteurs de l'ESS", per),
                                    ("Agents", attendees - 2 * per))))
