"""Plenary services on a real database (SQLite, or PostgreSQL with COCON_TEST_DATABASE_URL)."""

from datetime import timedelta

import pytest
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from cocon.audit import AuditEntry
from cocon.council.plenary import agenda, attendance, services
from cocon.council.plenary.live import live_state
from cocon.council.plenary.models import Attendance, AttendanceStatus, Plenary, Proxy
from cocon.council.plenary.state import plenary_state
from cocon.errors import Conflict, Forbidden, InvalidInput
from cocon.notifications import Notification

from plenary_factories import T0, make_people, make_plenary


@pytest.fixture
def world(db):
    return make_people(db)


def test_the_whole_life_cycle_is_recorded_in_the_audit_log(db, world):
    plenary = make_plenary(db, world, items=2)
    assert plenary_state(plenary).value == "draft"
    events, mails = services.convene_plenary(db, plenary, actor=world["facilitator"],
                                             now=T0 - timedelta(days=20), url="https://x/s/1")
    assert plenary_state(plenary).value == "convened"
    services.open_plenary(db, plenary, actor=world["facilitator"], now=T0)
    assert plenary.current_item_id == plenary.items[0].id
    services.set_current_item(db, plenary, services.next_item_id(plenary),
                              actor=world["facilitator"], now=T0)
    assert plenary.current_item_id == plenary.items[1].id
    services.close_plenary(db, plenary, actor=world["facilitator"], now=T0 + timedelta(hours=2))
    db.commit()
    assert plenary_state(db.get(Plenary, plenary.id)).value == "closed"
    actions = list(db.scalars(select(AuditEntry.action).where(
        AuditEntry.target_type == "plenary")))
    assert actions == ["plenary.created", "plenary.convened", "plenary.opened",
                       "plenary.closed"]


def test_convening_mails_every_member_with_an_ics_and_notifies_them(db, world):
    plenary = make_plenary(db, world)
    events, mails = services.convene_plenary(db, plenary, actor=world["facilitator"],
                                             now=T0 - timedelta(days=20), url="https://x/s/1")
    council = world["council"]
    assert sorted(m.to for m in mails) == sorted(m.user.email for m in council.memberships)
    name, mime, data = mails[0].attachments[0]
    assert mime == "text/calendar" and name.endswith(".ics")
    assert b"DTSTART:20261123T170000Z\r\n" in data
    assert "Point 1" in mails[0].body and "https://x/s/1" in mails[0].body
    assert events[0].name == "plenary.updated" and events[0].room == f"plenary:{plenary.id}"
    notes = list(db.scalars(select(Notification).where(Notification.kind == "convocation")))
    assert len(notes) == len(council.memberships)


def test_convening_needs_an_agenda_and_happens_once(db, world):
    plenary = make_plenary(db, world, items=0)
    with pytest.raises(InvalidInput, match="agenda item"):
        services.convene_plenary(db, plenary, actor=world["facilitator"], now=T0)
    assert plenary.convened_at is None
    agenda.add_agenda_item(db, plenary, title="Seul point", actor=world["facilitator"], now=T0)
    services.convene_plenary(db, plenary, actor=world["facilitator"], now=T0)
    with pytest.raises(Conflict):
        services.convene_plenary(db, plenary, actor=world["facilitator"], now=T0)


def test_a_member_may_not_convene_or_create(db, world):
    plenary = make_plenary(db, world)
    with pytest.raises(Forbidden):
        services.convene_plenary(db, plenary, actor=world["members"][0], now=T0)
    with pytest.raises(Forbidden):
        services.create_plenary(db, world["council"], title="X", starts_at=T0,
                                actor=world["members"][0], now=T0)


def test_opening_only_on_the_day(db, world):
    plenary = make_plenary(db, world, convene=True)
    with pytest.raises(Conflict, match="day"):
        services.open_plenary(db, plenary, actor=world["facilitator"],
                              now=T0 - timedelta(days=1))
    assert plenary.opened_at is None


def test_editing_is_refused_once_open_and_the_agenda_once_closed(db, world):
    plenary = make_plenary(db, world, open_=True)
    with pytest.raises(Conflict):
        services.update_plenary(db, plenary, actor=world["facilitator"], now=T0, kind="ordinary",
                                title="Autre", starts_at=T0, ends_at=None, place="",
                                video_url="", description="")
    services.close_plenary(db, plenary, actor=world["facilitator"], now=T0)
    with pytest.raises(Conflict):
        agenda.add_agenda_item(db, plenary, title="Tard", actor=world["facilitator"], now=T0)
    assert plenary.title == "Séance plénière" and len(plenary.items) == 2


def test_bad_session_fields_are_refused(db, world):
    base = dict(title="Plénière", starts_at=T0, actor=world["facilitator"], now=T0)
    with pytest.raises(InvalidInput):
        services.create_plenary(db, world["council"], **{**base, "title": "  "})
    with pytest.raises(InvalidInput, match="end"):
        services.create_plenary(db, world["council"], **base, ends_at=T0 - timedelta(hours=1))
    with pytest.raises(InvalidInput, match="https"):
        services.create_plenary(db, world["council"], **base, video_url="javascript:alert(1)")
    with pytest.raises(InvalidInput):
        services.create_plenary(db, world["council"], **{**base, "starts_at": T0.replace(
            tzinfo=None)})
    assert services.list_plenaries(db, world["council"]) == []


def test_agenda_items_move_and_renumber(db, world):
    plenary = make_plenary(db, world, items=3)
    first, second, third = plenary.items
    agenda.move_agenda_item(db, plenary, third.id, offset=-1, actor=world["facilitator"], now=T0)
    assert [i.title for i in plenary.items] == ["Point 1", "Point 3", "Point 2"]
    agenda.remove_agenda_item(db, plenary, first.id, actor=world["facilitator"], now=T0)
    db.commit()
    db.expire_all()
    reloaded = db.get(Plenary, plenary.id)
    assert [(i.position, i.title) for i in reloaded.items] == [(0, "Point 3"), (1, "Point 2")]
    with pytest.raises(InvalidInput):
        agenda.add_agenda_item(db, reloaded, title="X", expected_minutes="0",
                               actor=world["facilitator"], now=T0)


def test_one_attendance_per_person_is_enforced_by_the_database(db, world):
    plenary = make_plenary(db, world, convene=True)
    person = world["members"][0]
    db.add(Attendance(plenary_id=plenary.id, user_id=person.id,
                      status=AttendanceStatus.PRESENT, updated_at=T0))
    db.commit()
    db.add(Attendance(plenary_id=plenary.id, user_id=person.id,
                      status=AttendanceStatus.ABSENT, updated_at=T0))
    with pytest.raises(IntegrityError):
        db.commit()
    db.rollback()


def test_one_proxy_per_giver_is_enforced_by_the_database(db, world):
    plenary = make_plenary(db, world, convene=True)
    giver, a, b = world["members"][:3]
    db.add(Proxy(plenary_id=plenary.id, giver_id=giver.id, holder_id=a.id, created_at=T0))
    db.commit()
    db.add(Proxy(plenary_id=plenary.id, giver_id=giver.id, holder_id=b.id, created_at=T0))
    with pytest.raises(IntegrityError):
        db.commit()
    db.rollback()


def test_quorum_is_live_from_attendance_and_proxies(db, world):
    plenary = make_plenary(db, world, open_=True)  # 5 voting: facilitator + 4 members
    m = world["members"]
    for person in (world["facilitator"], m[0]):
        attendance.check_in(db, plenary, person.id, "present", actor=world["facilitator"],
                            now=T0)
    state = live_state(plenary)["quorum"]
    assert (state["voting"], state["present"], state["required"], state["met"]) == (5, 2, 3,
                                                                                   False)
    attendance.give_proxy(db, plenary, m[1], m[0].id, now=T0)
    db.commit()
    state = live_state(db.get(Plenary, plenary.id))["quorum"]
    assert (state["represented"], state["met"]) == (1, True)


def test_a_second_registration_updates_the_first(db, world):
    plenary = make_plenary(db, world, convene=True)
    person = world["members"][0]
    attendance.register_attendance(db, plenary, person, "excused", now=T0)
    attendance.register_attendance(db, plenary, person, "present", now=T0)
    db.commit()
    rows = list(db.scalars(select(Attendance).where(Attendance.plenary_id == plenary.id)))
    assert [(r.user_id, r.status) for r in rows] == [(person.id, AttendanceStatus.PRESENT)]


def test_observers_register_no_attendance(db, world):
    plenary = make_plenary(db, world, convene=True)
    with pytest.raises(Forbidden):
        attendance.register_attendance(db, plenary, world["observer"], "present", now=T0)
