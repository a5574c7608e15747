"""Issue 9: members say which organisation they speak for; organisations' part in the work."""

from __future__ import annotations

from datetime import timedelta

import pytest

from cocon.council.plenary.attendance import attendance_of, register_attendance
from cocon.errors import InvalidInput
from cocon.minutes.assemble import assemble_minutes
from cocon.organisations import services as orgs
from cocon.organisations.representation import participation, session_labels
from cocon.proposals.models import Proposal, Support
from cocon.workshops.models import Post, Thread, Workshop, WorkshopMember
from integration.plenary.plenary_factories import T0, make_people, make_plenary

NOW = T0 - timedelta(days=2)


def _org(db, council, name, *, validated=True):
    return orgs.propose_organisation(
        db, council, {"name": name, "legal_form": "association", "commune": "Testville"},
        actor=None, now=NOW, validated=validated)


@pytest.fixture
def setting(db):
    world = make_people(db)
    plenary = make_plenary(db, world, convene=True)
    council, member = world["council"], world["members"][0]
    mine = _org(db, council, "La Recyclerie")
    second = _org(db, council, "Coop Habitat")
    stranger = _org(db, council, "Les Jardins d'ailleurs")
    pending = _org(db, council, "Atelier en attente", validated=False)
    orgs.affiliate(db, mine, member, is_representative=False, actor=None, now=NOW)
    orgs.affiliate(db, second, member, is_representative=True, actor=None, now=NOW)
    orgs.affiliate(db, pending, member, is_representative=False, actor=None, now=NOW)
    other_world = make_people(db)
    elsewhere = _org(db, other_world["council"], "Ailleurs SCOP")
    orgs.affiliate(db, elsewhere, member, is_representative=True, actor=None, now=NOW)
    db.flush()
    return dict(world=world, plenary=plenary, member=member, mine=mine, second=second,
                stranger=stranger, pending=pending, elsewhere=elsewhere)


def test_a_member_speaks_for_one_of_their_organisations(db, setting):
    plenary, member, mine = setting["plenary"], setting["member"], setting["mine"]
    register_attendance(db, plenary, member, "present", now=NOW, organisation_id=mine.id)
    record = attendance_of(plenary, member.id)
    assert record.organisation_id == mine.id and record.organisation.name == "La Recyclerie"
    assert session_labels(db, plenary)[member.id] == "La Recyclerie"
    register_attendance(db, plenary, member, "present", now=NOW, organisation_id=None)
    assert attendance_of(plenary, member.id).organisation_id is None
    # without a choice the usual organisation (the one they represent) is shown
    assert session_labels(db, plenary)[member.id] == "Coop Habitat"


@pytest.mark.parametrize("which", ["stranger", "pending", "elsewhere", "missing"])
def test_an_organisation_they_do_not_belong_to_is_refused(db, setting, which):
    plenary, member = setting["plenary"], setting["member"]
    organisation_id = -1 if which == "missing" else setting[which].id
    with pytest.raises(InvalidInput, match="only speak for an organisation you belong to"):
        register_attendance(db, plenary, member, "present", now=NOW,
                            organisation_id=organisation_id)
    assert attendance_of(plenary, member.id) is None  # nothing half-recorded


def test_the_minutes_show_the_organisation_chosen_for_the_session(db, setting):
    plenary, member = setting["plenary"], setting["member"]
    register_attendance(db, plenary, member, "present", now=NOW,
                        organisation_id=setting["mine"].id)
    db.flush()
    doc = assemble_minutes(db, plenary.id)
    attendee = next(a for c in doc.attendance for a in c.attendees
                    if a.name == member.display_name)
    assert attendee.organisation == "La Recyclerie"
    other = setting["world"]["members"][1]
    orgs.affiliate(db, setting["stranger"], other, is_representative=True, actor=None, now=NOW)
    db.flush()
    doc = assemble_minutes(db, plenary.id)
    attendee = next(a for c in doc.attendance for a in c.attendees
                    if a.name == other.display_name)
    assert attendee.organisation == "Les Jardins d'ailleurs"  # the usual one, not chosen


def test_an_organisation_lists_the_work_its_members_took_part_in(db, setting):
    world, member, mine = setting["world"], setting["member"], setting["mine"]
    council, other = world["council"], world["members"][1]
    public = Workshop(council_id=council.id, title="Atelier mobilité", created_at=NOW)
    private = Workshop(council_id=council.id, title="Atelier interne", is_public=False,
                       created_at=NOW)
    forum = Workshop(council_id=council.id, title="Atelier alimentation", created_at=NOW)
    untouched = Workshop(council_id=council.id, title="Atelier culture", created_at=NOW)
    db.add_all([public, private, forum, untouched])
    db.flush()
    db.add_all([WorkshopMember(workshop_id=public.id, user_id=member.id, joined_at=NOW),
                WorkshopMember(workshop_id=private.id, user_id=member.id, joined_at=NOW)])
    thread = Thread(workshop_id=forum.id, title="Cantines", author_id=other.id, created_at=NOW)
    db.add(thread)
    db.flush()
    db.add(Post(thread_id=thread.id, author_id=member.id, body_markdown="Oui", body_html="Oui",
                created_at=NOW))

    def proposal(title, **kw):
        p = Proposal(council_id=council.id, title=title, body="b", body_html="<p>b</p>",
                     created_at=NOW, **kw)
        db.add(p)
        db.flush()
        return p
    written = proposal("Charte d'achats", author_id=member.id, submitted_at=NOW)
    cosigned = proposal("Tiers-lieu", author_id=other.id, submitted_at=NOW)
    cosigned.coauthors.append(member)
    supported = proposal("Vélos partagés", author_id=other.id, submitted_at=NOW)
    db.add(Support(proposal_id=supported.id, user_id=member.id, created_at=NOW))
    proposal("Brouillon", author_id=member.id)  # a draft is not shown
    proposal("Sans nous", author_id=other.id, submitted_at=NOW)
    proposal("Interne", author_id=member.id, submitted_at=NOW, workshop_id=private.id)
    db.flush()
    db.expire_all()

    seen = participation(db, mine, member)
    assert sorted(w.title for w in seen.workshops) == [
        "Atelier alimentation", "Atelier interne", "Atelier mobilité"]
    assert sorted(p.title for p in seen.proposals) == [
        "Charte d'achats", "Interne", "Tiers-lieu", "Vélos partagés"]
    visitor = participation(db, mine, None)
    assert sorted(w.title for w in visitor.workshops) == [
        "Atelier alimentation", "Atelier mobilité"]
    assert "Interne" not in {p.title for p in visitor.proposals}
    assert participation(db, setting["stranger"], None).workshops == []
