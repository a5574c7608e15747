"""The demonstration directory: believable, mostly validated, with representatives."""

from sqlalchemy import select

from cocon.accounts.models import User
from cocon.db import utcnow
from cocon.demo import populate
from cocon.organisations.models import Organisation
from cocon.organisations.services import organisation_label
from cocon.organisations.vocabularies import Status


def test_the_demo_has_about_twenty_organisations_one_pending(db):
    report = populate(db, now=utcnow())
    organisations = db.scalars(select(Organisation)).all()
    assert 18 <= len(organisations) <= 25
    assert [o.name for o in organisations if o.status == Status.PENDING] == [
        "Repair Café de Schiltigheim"]
    assert {o.cooperative_kind for o in organisations} >= {"scop", "scic", "cae", "usagers"}
    assert any(o.is_network_head and o.name.startswith("CRESS") for o in organisations)
    scop = db.scalar(select(User).where(User.email == "scop@demo.cocon.fr"))
    council_id = organisations[0].council_id
    assert organisation_label(db, scop.id, council_id) == "Bâtisseurs Solidaires"
    assert report.created
