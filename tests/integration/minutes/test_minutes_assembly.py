"""The compte rendu is assembled from the session, its attendance, votes and orientations."""

from __future__ import annotations

import pytest
from minutes_session import NOW

from cocon.errors import NotFound
from cocon.minutes.assemble import assemble_minutes
from cocon.minutes.export import export_minutes
from cocon.minutes.extract import extract_text, normalise


def test_attendance_by_college_with_proxies_and_organisations(db, met_session):
    doc = assemble_minutes(db, met_session.plenary.id)
    colleges = {c.college: c for c in doc.attendance}
    elus = colleges["Élu·es"]
    assert (elus.count("present"), elus.count("excused"), elus.count("represented")) == (1, 1, 1)
    chloe = next(a for a in elus.attendees if a.name == "Chloé Élue")
    assert chloe.status == "represented" and chloe.proxy_holder == "David Acteur"
    acteurs = colleges["Acteurs de l'ESS"]
    assert acteurs.count("present") == 2 and acteurs.count("absent") == 1
    david = next(a for a in acteurs.attendees if a.name == "David Acteur")
    assert david.organisation == "Coop & Cie"
    assert (doc.quorum.eligible, doc.quorum.present, doc.quorum.represented) == (6, 3, 1)
    assert doc.quorum.required == 3 and doc.quorum.met is True


def test_votes_proposals_orientations_and_next_session(db, met_session):
    doc = assemble_minutes(db, met_session.plenary.id)
    first, second = doc.items
    assert first.proposals == ["Charte des achats responsables"]
    (vote,) = first.votes
    assert vote.question == "Adopter la charte ?" and vote.secret and vote.adopted is True
    assert vote.counts == {"pour": 2, "contre": 1, "abstention": 1, "cast": 3, "ballots": 4}
    assert vote.withdrawals == ["Emma Actrice"]
    assert (vote.paper_ballots, vote.online_ballots) == (1, 3)
    assert vote.quorum.required == 3 and vote.quorum.represented == 1
    assert {c.college for c in vote.by_college} == {"Élu·es", "Acteurs de l'ESS"}
    assert second.votes == [] and second.notes == ""
    assert [o.wording for o in doc.orientations] == ["Le conseil adopte la charte."]
    assert doc.next_session_at.date() > NOW.date()
    assert doc.place == "Mairie & annexe" and doc.status == "draft"


def test_the_assembled_minutes_export_in_every_format(db, met_session):
    doc = assemble_minutes(db, met_session.plenary.id, locale="en")
    for fmt in ("md", "odt", "docx", "pdf"):
        text = normalise(extract_text(export_minutes(doc, fmt), fmt).replace("|", " "))
        assert "For 2 Against 1 Abstention 1" in text
        assert "Withdrawals (conflict of interest): Emma Actrice" in text


def test_an_unknown_session_is_not_found(db):
    with pytest.raises(NotFound):
        assemble_minutes(db, 987654)
