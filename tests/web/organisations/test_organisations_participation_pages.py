"""Issue 9: an organisation's page lists the workshops and proposals it took part in."""

from cocon.council.models import Role
from cocon.council.services import add_member
from cocon.db import utcnow
from cocon.organisations import services as orgs
from cocon.proposals.models import Proposal, Support
from cocon.workshops.models import Workshop, WorkshopMember


def test_the_page_lists_its_workshops_and_proposals_public_ones_for_visitors(
        client, app_db, make_user, make_council, login):
    now = utcnow()
    admin, member = make_user(name="Claire Admin"), make_user(name="Lucie Membre")
    council = make_council(admin)
    add_member(app_db, council, member, role=Role.MEMBER, college_id=council.colleges[0].id,
               now=now)
    organisation = orgs.propose_organisation(app_db, council, {
        "name": "La Recyclerie du Port", "legal_form": "association", "commune": "Testville"},
        actor=None, now=now, validated=True)
    orgs.affiliate(app_db, organisation, member, is_representative=True, actor=None, now=now)
    public = Workshop(council_id=council.id, title="Atelier mobilité", created_at=now)
    private = Workshop(council_id=council.id, title="Atelier interne", is_public=False,
                       created_at=now)
    app_db.add_all([public, private])
    app_db.flush()
    app_db.add_all([WorkshopMember(workshop_id=w.id, user_id=member.id, joined_at=now)
                    for w in (public, private)])
    supported = Proposal(council_id=council.id, title="Vélos partagés", body="b",
                         body_html="b", created_at=now, submitted_at=now, author_id=admin.id)
    hidden = Proposal(council_id=council.id, title="Note interne", body="b", body_html="b",
                      created_at=now, submitted_at=now, author_id=member.id,
                      workshop_id=private.id)
    app_db.add_all([supported, hidden])
    app_db.flush()
    app_db.add(Support(proposal_id=supported.id, user_id=member.id, created_at=now))
    app_db.commit()
    url = f"/conseils/{council.slug}/annuaire/{organisation.id}"

    page = client.get(url).get_data(as_text=True)
    part = page[page.index('id="took-part"'):]
    assert f'href="/conseils/{council.slug}/ateliers/{public.id}">Atelier mobilité</a>' in part
    assert f'/propositions/{supported.id}">Vélos partagés</a>' in part
    assert "Atelier interne" not in part and "Note interne" not in part

    login(member)
    part = client.get(url).get_data(as_text=True)
    part = part[part.index('id="took-part"'):]
    assert "Atelier interne" in part and "Note interne" in part


def test_an_organisation_without_activity_says_so(client, app_db, make_user, make_council):
    now = utcnow()
    council = make_council(make_user(name="Claire Admin"))
    organisation = orgs.propose_organisation(app_db, council, {
        "name": "Coop Habitat", "legal_form": "association", "commune": "Testville"},
        actor=None, now=now, validated=True)
    app_db.commit()
    page = client.get(f"/conseils/{council.slug}/annuaire/{organisation.id}").get_data(
        as_text=True)
    part = page[page.index('id="took-part"'):]
    part = part[:part.index("</section>")]
    assert "<li>" not in part and part.count("<p>") == 2  # "no workshop", "no proposal yet"
