"""Organisation services on a real database (SQLite, or PostgreSQL when configured)."""

import io

import pytest
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from cocon.accounts.services import register_user
from cocon.council.models import Role
from cocon.council.services import add_college, add_member, create_council
from cocon.db import utcnow
from cocon.errors import Conflict, Forbidden, InvalidInput
from cocon.organisations import services
from cocon.organisations.diagnosis import diagnose
from cocon.organisations.imports import import_organisations
from cocon.organisations.models import Organisation
from cocon.organisations.search import DirectoryQuery, all_validated, search_directory
from cocon.organisations.vocabularies import Status

NOW = utcnow()


@pytest.fixture
def world(db):
    def user(name):
        return register_user(db, email=f"{name}@example.org", password="un mot de passe long",
                             display_name=name.title(), locale="fr", now=NOW)

    admin, facilitator, member, other = (user(n) for n in ("admin", "animation", "lucie", "paul"))
    council = create_council(db, name="Conseil de Testville", territory="Testville",
                             creator=admin, now=NOW)
    college = add_college(db, council, name="Acteurs", weight=1, now=NOW)
    add_member(db, council, facilitator, role=Role.FACILITATOR, now=NOW)
    add_member(db, council, member, role=Role.MEMBER, college_id=college.id, now=NOW)
    add_member(db, council, other, role=Role.MEMBER, college_id=college.id, now=NOW)
    db.flush()
    return dict(db=db, council=council, facilitator=facilitator, member=member, other=other)


def _data(**kw):
    return {"name": "La Recyclerie du Port", "legal_form": "association",
            "commune": "Strasbourg", "sectors": "environnement", "stakes": "economie_circulaire",
            "description": "Recyclerie associative et ateliers de réparation."} | kw


def test_a_member_proposes_a_pending_organisation_and_represents_it(world):
    db, council, member = world["db"], world["council"], world["member"]
    organisation = services.propose_organisation(db, council, _data(), actor=member, now=NOW,
                                                 represent=True)
    assert organisation.status == Status.PENDING
    assert [(a.user_id, a.is_representative) for a in organisation.affiliations] == [
        (member.id, True)]
    assert search_directory(db, council, DirectoryQuery()).total == 0  # not public yet
    services.validate_organisation(db, council, organisation, actor=world["facilitator"],
                                   now=NOW)
    assert search_directory(db, council, DirectoryQuery(text="recycleries")).total == 1


def test_only_facilitators_validate(world):
    db, council = world["db"], world["council"]
    organisation = services.propose_organisation(db, council, _data(), actor=world["member"],
                                                 now=NOW)
    with pytest.raises(Forbidden):
        services.validate_organisation(db, council, organisation, actor=world["member"], now=NOW)


def test_a_duplicate_name_in_the_same_commune_is_refused_clearly(world):
    db, council = world["db"], world["council"]
    services.propose_organisation(db, council, _data(), actor=None, now=NOW)
    with pytest.raises(Conflict, match="already exists in Strasbourg"):
        services.propose_organisation(db, council, _data(name="LA RECYCLERIE  du port"),
                                      actor=None, now=NOW)
    other = services.propose_organisation(db, council, _data(commune="Schiltigheim"),
                                          actor=None, now=NOW)
    assert other.id


def test_the_database_itself_refuses_a_duplicate(world):
    db, council = world["db"], world["council"]
    first = services.propose_organisation(db, council, _data(), actor=None, now=NOW)
    twin = Organisation(council_id=council.id, name="x", legal_form="association",
                        commune="x", status=Status.PENDING, created_at=NOW,
                        name_key=first.name_key, commune_key=first.commune_key)
    db.add(twin)
    with pytest.raises(IntegrityError):
        db.flush()
    db.rollback()


def test_an_edit_by_someone_who_does_not_represent_it_is_refused_and_changes_nothing(world):
    db, council = world["db"], world["council"]
    organisation = services.propose_organisation(db, council, _data(), actor=world["member"],
                                                 now=NOW, represent=True)
    with pytest.raises(Forbidden):
        services.edit_organisation(db, council, organisation, _data(name="Piratée"),
                                   actor=world["other"], now=NOW)
    assert organisation.name == "La Recyclerie du Port"
    services.edit_organisation(db, council, organisation, _data(name="Recyclerie du Port"),
                               actor=world["member"], now=NOW)
    assert organisation.name == "Recyclerie du Port"


def test_a_representative_cannot_declare_council_membership(world):
    db, council = world["db"], world["council"]
    organisation = services.propose_organisation(db, council, _data(), actor=world["member"],
                                                 now=NOW, represent=True)
    services.edit_organisation(db, council, organisation, _data(is_council_member=True),
                               actor=world["member"], now=NOW)
    assert organisation.is_council_member is False
    services.edit_organisation(db, council, organisation, _data(is_council_member=True),
                               actor=world["facilitator"], now=NOW)
    assert organisation.is_council_member is True


def test_organisation_label_prefers_the_one_a_member_represents(world):
    db, council, member = world["db"], world["council"], world["member"]
    assert services.organisation_label(db, member.id, council.id) is None
    first = services.propose_organisation(db, council, _data(name="Alpha"), actor=None, now=NOW,
                                          validated=True)
    second = services.propose_organisation(db, council, _data(name="Zeta SCOP"), actor=None,
                                           now=NOW, validated=True)
    services.affiliate(db, first, member, is_representative=False, actor=None, now=NOW)
    services.affiliate(db, second, member, is_representative=True, actor=None, now=NOW)
    assert services.organisation_label(db, member.id, council.id) == "Zeta SCOP"
    pending = services.propose_organisation(db, council, _data(name="Aaa"), actor=None, now=NOW)
    services.affiliate(db, pending, world["other"], is_representative=True, actor=None, now=NOW)
    assert services.organisation_label(db, world["other"].id, council.id) is None


def test_search_and_filters_combine(world):
    db, council = world["db"], world["council"]
    for name, form, commune, stakes, member in [
            ("Coopérative Élan", "SCOP", "Strasbourg", "emploi", True),
            ("Énergies Citoyennes", "SCIC", "Schiltigheim", "transition_ecologique", False),
            ("Recyclerie 100%_pur", "association", "Strasbourg", "economie_circulaire", False)]:
        services.propose_organisation(db, council, _data(name=name, legal_form=form,
                                                         commune=commune, stakes=stakes,
                                                         is_council_member=member,
                                                         description=""),
                                      actor=None, now=NOW, validated=True)

    def names(**kw):
        return [o.name for o in all_validated(db, council, DirectoryQuery(**kw))]

    assert names(text="cooperative") == ["Coopérative Élan", "Énergies Citoyennes"]
    assert names(text="énergie citoyenne") == ["Énergies Citoyennes"]
    assert names(legal_form="association") == ["Recyclerie 100%_pur"]
    assert names(stake="emploi") == ["Coopérative Élan"]
    assert names(commune="strasbourg", council_member=False) == ["Recyclerie 100%_pur"]
    assert names(text="100%") == ["Recyclerie 100%_pur"]
    assert names(text="%") == names()  # a LIKE wildcard is searched literally, not matched
    page = search_directory(db, council, DirectoryQuery(), page=2, per_page=2)
    assert (page.total, page.pages, [o.name for o in page.items]) == (
        3, 2, ["Recyclerie 100%_pur"])


def test_an_import_adds_valid_rows_together_and_reports_the_others(world):
    db, council = world["db"], world["council"]
    services.propose_organisation(db, council, _data(name="Déjà Là"), actor=None, now=NOW)
    csv_text = ("nom;forme_juridique;commune;enjeux;site_web;description\n"
                "Coopérative Élan;SCOP;Strasbourg;emploi;;\n"
                "Sans forme;SARL;Strasbourg;;;\n"
                "Déjà là;association;Strasbourg;;;\n"
                "coopérative élan;SCOP;STRASBOURG;;;\n"
                "=HYPERLINK(\"http://x\");association;Lingolsheim;;;\n"
                "Mauvais site;association;Ostwald;;javascript:alert(1);\n"
                "Trop;de;colonnes;ici;;;\n")
    report = import_organisations(db, council, io.BytesIO(csv_text.encode("cp1252")),
                                  actor=world["facilitator"], now=NOW)
    assert report.encoding == "Windows-1252" and report.rows == 7
    assert [o.name for o in report.imported] == ["Coopérative Élan", "'=HYPERLINK(\"http://x\")"]
    rendered = [(p.line, p.message % p.params) for p in report.rejected]
    assert rendered == [
        (3, "Unknown legal form: SARL."), (4, "Déjà là is already in the directory."),
        (5, "Same organisation as line 2."),
        (7, "The website must be an address starting with http:// or https://."),
        (8, "Expected 6 columns, found 7.")]
    assert report.warnings[0].line == 6
    stored = db.scalars(select(Organisation).where(Organisation.status == Status.VALIDATED))
    assert sorted(o.name for o in stored) == sorted(o.name for o in report.imported)


def test_an_import_of_a_broken_file_adds_nothing(world):
    db, council = world["db"], world["council"]
    with pytest.raises(InvalidInput, match="semicolon"):
        import_organisations(db, council, io.BytesIO(b"nom|forme|commune\nA|B|C\n"),
                             actor=world["facilitator"], now=NOW)
    with pytest.raises(Forbidden):
        import_organisations(db, council, io.BytesIO(b"nom;forme_juridique;commune\n"),
                             actor=world["member"], now=NOW)
    assert db.scalar(select(Organisation)) is None


def test_the_diagnosis_counts_every_category_even_empty_ones(world):
    db, council = world["db"], world["council"]
    services.propose_organisation(db, council, _data(stakes="emploi|logement"), actor=None,
                                  now=NOW, validated=True)
    services.propose_organisation(db, council, _data(name="B", legal_form="SCOP",
                                                     stakes="emploi"), actor=None, now=NOW,
                                  validated=True)
    services.propose_organisation(db, council, _data(name="Pending"), actor=None, now=NOW)
    diagnosis = diagnose(db, council)
    stakes = {bar.code: bar.count for bar in diagnosis.stakes}
    assert diagnosis.total == 2 and stakes["emploi"] == 2 and stakes["logement"] == 1
    assert stakes["sante"] == 0
    assert diagnosis.legal_forms[0].ratio == 1.0
