"""Issue 9: a public (roll-call) vote shows the organisation beside each member."""

from sqlalchemy import select

from cocon.council.plenary.models import Attendance, AttendanceStatus
from cocon.db import utcnow
from cocon.organisations import services as orgs

from test_votes_pages import _as, _create, _url


def test_the_roll_call_shows_the_organisation_chosen_for_the_session(client, login, votes_world,
                                                                       app_db):
    w, now = votes_world, utcnow()
    usual = orgs.propose_organisation(app_db, w.council, {
        "name": "Coop Habitat", "legal_form": "association", "commune": "Testville"},
        actor=None, now=now, validated=True)
    chosen = orgs.propose_organisation(app_db, w.council, {
        "name": "La Recyclerie du Port", "legal_form": "association", "commune": "Testville"},
        actor=None, now=now, validated=True)
    orgs.affiliate(app_db, usual, w.alice, is_representative=True, actor=None, now=now)
    orgs.affiliate(app_db, chosen, w.alice, is_representative=False, actor=None, now=now)
    orgs.affiliate(app_db, usual, w.bob, is_representative=True, actor=None, now=now)
    record = app_db.scalar(select(Attendance).where(Attendance.plenary_id == w.plenary.id,
                                                    Attendance.user_id == w.alice.id))
    if record is None:
        record = Attendance(plenary_id=w.plenary.id, user_id=w.alice.id, updated_at=now,
                            status=AttendanceStatus.PRESENT)
        app_db.add(record)
    record.organisation_id = chosen.id
    app_db.commit()
    login(w.facilitator)
    bid = _create(client, w, secret=False)
    client.post(_url(w, bid, "ouvrir"))
    for voter in (w.alice, w.bob):
        _as(client, login, voter)
        client.post(_url(w, bid, "voter"), data={"choice": "pour"})
    _as(client, login, w.facilitator)
    client.post(_url(w, bid, "fermer"))
    page = client.get(_url(w, bid)).get_data(as_text=True)
    roll_call = page[page.index('id="roll-call"'):]
    assert ('Alice Élue <span class="meta organisation-label">(La Recyclerie du Port)</span>'
            in roll_call)
    assert 'Bob' in roll_call and "(Coop Habitat)</span>" in roll_call
