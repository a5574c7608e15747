"""Server errors the fuzzer found in the paper-count form, kept as regressions: each refused
input now gets a French message and changes nothing."""

from __future__ import annotations

import pytest

from cocon.proposals.voting_models import Ballot


def _paper(client, world, fields: dict):
    url = f"/conseils/{world.council.slug}/scrutins/{world.ballot.id}/papier"
    response = client.post(url, data=fields)
    with client.session_transaction() as session:
        flashes = [message for _category, message in session.pop("_flashes", [])]
    return response, flashes


def _stored(app_db, world):
    app_db.expire_all()
    return app_db.get(Ballot, world.ballot.id).paper_counts


@pytest.mark.parametrize("fields", [{"paper|x": "3"}, {"paper|": "3"}, {"paper": "3"}])
def test_a_malformed_paper_field_is_ignored(signed_in, world, app_db, fields):
    response, _flashes = _paper(signed_in["facilitator"], world, fields)
    assert response.status_code == 302


def test_a_count_and_grades_for_the_same_option_are_refused(signed_in, world, app_db):
    before = _stored(app_db, world)
    response, flashes = _paper(signed_in["facilitator"], world, {
        "paper|Élu·es|pour": "3", "paper|Élu·es|pour|Bien": "2"})
    assert response.status_code == 302
    assert flashes == ["Le décompte des bulletins papier doit être saisi par collège."]
    assert _stored(app_db, world) == before


def test_a_paper_count_beyond_any_council_is_refused(signed_in, world, app_db):
    """Closing expands paper counts into ballots one by one: 10^11 would exhaust memory."""
    before = _stored(app_db, world)
    response, flashes = _paper(signed_in["facilitator"], world,
                               {"paper|Élu·es|pour": "99999999999"})
    assert response.status_code == 302
    assert flashes == ["Un décompte papier ne peut pas dépasser 10000."]
    assert _stored(app_db, world) == before
    response, flashes = _paper(signed_in["facilitator"], world, {"paper|Élu·es|pour": "12"})
    assert _stored(app_db, world) == {"Élu·es": {"pour": 12}}
