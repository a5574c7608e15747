"""Council pages, administration and invitations through the test client."""

import email
import email.policy
from html import unescape

from sqlalchemy import select

from cocon.council.models import College, Council, Membership, Role


def test_a_site_admin_creates_a_council_and_becomes_its_admin(client, make_user, login, app_db):
    admin = make_user(admin=True)
    login(admin)
    response = client.post("/conseils/nouveau", data={
        "name": "Conseil de l'ESS de Lilleville", "territory": "Lilleville",
        "description": "", "is_public": "y", "quorum": "0.5", "max_proxies": "1"})
    assert response.status_code == 302
    council = app_db.scalar(select(Council))
    assert council.memberships[0].role == Role.ADMIN


def test_others_cannot_create_councils(client, make_user, login):
    login(make_user())
    assert client.get("/conseils/nouveau").status_code == 403


def test_a_public_council_and_its_members_are_visible_to_visitors(client, make_user,
                                                                   make_council):
    council = make_council(make_user(admin=True, name="Claire Fontaine"))
    assert council.name in unescape(client.get(f"/conseils/{council.slug}").get_data(True))
    assert "Claire Fontaine" in client.get(f"/conseils/{council.slug}/membres").get_data(True)


def test_a_private_council_is_a_404_for_visitors_and_other_councils(client, make_user, login,
                                                                    make_council):
    council = make_council(make_user(admin=True), public=False)
    assert client.get(f"/conseils/{council.slug}").status_code == 404
    assert client.get(f"/conseils/{council.slug}/membres").status_code == 404
    assert council.name not in unescape(client.get("/").get_data(as_text=True))
    other_admin = make_user()
    make_council(other_admin, name="Autre conseil")
    login(other_admin)
    assert client.get(f"/conseils/{council.slug}").status_code == 404


def test_admin_adds_a_college_and_a_member(client, make_user, login, make_council, app_db):
    admin = make_user(admin=True)
    council = make_council(admin)
    login(admin)
    response = client.post(f"/conseils/{council.slug}/colleges", data={
        "college-name": "Citoyen·nes", "college-weight": "0.5", "college-votes": "y"})
    assert response.status_code == 302
    college = app_db.scalar(select(College).where(College.name == "Citoyen·nes"))
    bob = make_user(email="bob@example.org", name="Bob")
    response = client.post(f"/conseils/{council.slug}/membres", data={
        "member-email": "BOB@example.org", "member-role": "member",
        "member-college": str(college.id)})
    assert response.status_code == 302
    membership = app_db.scalar(select(Membership).where(Membership.user_id == bob.id))
    assert membership.college_id == college.id


def test_a_member_without_college_is_refused_with_a_message(client, make_user, login,
                                                            make_council, app_db):
    admin = make_user(admin=True)
    council = make_council(admin)
    make_user(email="bob@example.org")
    login(admin)
    response = client.post(f"/conseils/{council.slug}/membres", data={
        "member-email": "bob@example.org", "member-role": "member", "member-college": ""})
    assert response.status_code == 400
    assert "collège" in response.get_data(as_text=True).lower() or \
        "college" in response.get_data(as_text=True).lower()
    assert len(app_db.scalars(select(Membership)).all()) == 1


def test_inviting_an_unknown_address_sends_a_mail_to_the_outbox(app, client, make_user, login,
                                                                 make_council, app_db):
    admin = make_user(admin=True)
    council = make_council(admin)
    login(admin)
    client.post(f"/conseils/{council.slug}/membres", data={
        "member-email": "new@example.org", "member-role": "observer", "member-college": ""})
    sent = app.extensions["cocon_mailer"].sent()
    assert len(sent) == 1
    message = email.message_from_bytes(sent[0].read_bytes(), policy=email.policy.default)
    body = message.get_body().get_content()
    assert message["To"] == "new@example.org"
    link = body.split("/conseils/invitation/")[1].split()[0]
    client.post("/compte/deconnexion")
    newcomer = make_user(email="new@example.org", name="Newcomer")
    from tests.conftest import PASSWORD
    client.post("/compte/connexion", data={"email": newcomer.email, "password": PASSWORD})
    assert client.post(f"/conseils/invitation/{link}").status_code == 302
    roles = {m.user_id: m.role for m in app_db.scalars(select(Membership))}
    assert roles[newcomer.id] == Role.OBSERVER


def test_a_forged_invitation_is_a_clear_404(client):
    response = client.get("/conseils/invitation/forged")
    assert response.status_code == 404


def test_members_cannot_reach_the_administration(client, make_user, login, make_council,
                                                 app_db):
    admin = make_user(admin=True)
    council = make_council(admin)
    member = make_user()
    from cocon.council.services import add_member
    from cocon.db import utcnow
    college = app_db.scalar(select(College).where(College.council_id == council.id))
    add_member(app_db, app_db.get(Council, council.id), app_db.merge(member), role=Role.MEMBER,
               college_id=college.id, now=utcnow())
    app_db.commit()
    login(member)
    assert client.get(f"/conseils/{council.slug}/administration").status_code == 403
    assert client.post(f"/conseils/{council.slug}/colleges",
                       data={"college-name": "X", "college-weight": "1"}).status_code == 403
