"""The directory through Flask's test client: pages, permissions, import, exports, charts."""

import csv
import io
import json
import re

import pytest
from sqlalchemy import select

from cocon.council.models import Role
from cocon.council.services import add_member
from cocon.db import utcnow
from cocon.organisations import services
from cocon.organisations.models import Organisation


@pytest.fixture
def directory(app_db, make_user, make_council):
    """A council with a facilitator, a representative, another member and three organisations."""
    admin = make_user(name="Claire Fontaine", admin=True)
    council = make_council(admin)
    college = council.colleges[1]
    people = {"admin": admin}
    for key, name, role in [("facilitator", "Karim Benali", Role.FACILITATOR),
                            ("representative", "Lucie Ernst", Role.MEMBER),
                            ("member", "Paul Sanchez", Role.MEMBER)]:
        people[key] = make_user(name=name)
        add_member(app_db, council, people[key], role=role,
                   college_id=college.id if role == Role.MEMBER else None, now=utcnow())
    now = utcnow()
    scop = services.propose_organisation(app_db, council, {
        "name": "Bâtisseurs Solidaires", "legal_form": "SCOP", "commune": "Strasbourg",
        "sectors": "batiment", "stakes": "emploi|logement", "is_council_member": True,
        "description": "SCOP de bâtiment et d'éco-construction."}, actor=None, now=now,
        validated=True)
    services.affiliate(app_db, scop, people["representative"], is_representative=True,
                       actor=None, now=now)
    services.propose_organisation(app_db, council, {
        "name": "La Recyclerie du Port", "legal_form": "association", "commune": "Strasbourg",
        "sectors": "environnement", "stakes": "economie_circulaire",
        "latitude": "48.56", "longitude": "7.77"}, actor=None, now=now, validated=True)
    services.propose_organisation(app_db, council, {
        "name": "Repair Café", "legal_form": "association", "commune": "Schiltigheim"},
        actor=None, now=now)
    app_db.commit()
    return {"council": council, "scop": scop, **people,
            "base": f"/conseils/{council.slug}/annuaire"}


def _names(response):
    return re.findall(r'<h3><a href="[^"]+">([^<]+)</a></h3>', response.get_data(as_text=True))


def test_the_directory_lists_validated_organisations_only(client, directory):
    response = client.get(directory["base"] + "/")
    assert response.status_code == 200
    assert _names(response) == ["Bâtisseurs Solidaires", "La Recyclerie du Port"]


def test_search_and_filters_in_the_query_string(client, directory):
    base = directory["base"] + "/"
    assert _names(client.get(base, query_string={"q": "recycleries"})) == ["La Recyclerie du Port"]
    assert _names(client.get(base, query_string={"q": "cooperative"})) == ["Bâtisseurs Solidaires"]
    assert _names(client.get(base, query_string={"enjeu": "logement"})) == ["Bâtisseurs Solidaires"]
    assert _names(client.get(base, query_string={"membre": "non"})) == ["La Recyclerie du Port"]
    assert _names(client.get(base, query_string={"forme": "association",
                                                 "commune": "Strasbourg"})) == [
        "La Recyclerie du Port"]
    assert _names(client.get(base, query_string={"forme": "<script>"})) == _names(client.get(base))


def test_the_council_page_links_to_the_directory(client, directory):
    page = client.get(f"/conseils/{directory['council'].slug}").get_data(as_text=True)
    assert directory["base"] + "/" in page


def test_an_organisation_page_shows_its_members(client, directory):
    page = client.get(f"{directory['base']}/{directory['scop'].id}").get_data(as_text=True)
    assert "Bâtisseurs Solidaires" in page and "Lucie Ernst" in page


def test_a_pending_organisation_is_hidden_from_visitors(client, app_db, directory):
    pending = app_db.scalar(select(Organisation).where(Organisation.name == "Repair Café"))
    assert client.get(f"{directory['base']}/{pending.id}").status_code == 404


def test_a_member_proposes_and_a_facilitator_validates(client, login, app_db, directory):
    login(directory["member"])
    response = client.post(directory["base"] + "/proposer", data={
        "name": "Épicerie Le Panier", "legal_form": "association", "commune": "Bischheim",
        "stakes": ["alimentation", "cohesion_sociale"], "website": "https://panier.example.org"})
    assert response.status_code == 302
    organisation = app_db.scalar(select(Organisation).where(
        Organisation.name == "Épicerie Le Panier"))
    assert organisation.status.value == "pending" and organisation.stake_list == [
        "alimentation", "cohesion_sociale"]
    assert client.get(directory["base"] + "/validation").status_code == 403
    assert client.post(f"{directory['base']}/{organisation.id}/valider").status_code == 403
    client.post("/compte/deconnexion")
    login(directory["facilitator"])
    queue = client.get(directory["base"] + "/validation").get_data(as_text=True)
    assert "Épicerie Le Panier" in queue
    assert client.post(f"{directory['base']}/{organisation.id}/valider").status_code == 302
    assert "Épicerie Le Panier" in _names(client.get(directory["base"] + "/"))


def test_a_duplicate_is_refused_with_a_clear_message(client, login, directory):
    login(directory["member"])
    response = client.post(directory["base"] + "/proposer", data={
        "name": "BATISSEURS solidaires", "legal_form": "cooperative", "commune": "strasbourg"})
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert ("existe déjà" in page or "already exists in strasbourg" in page), page[-3000:]


def test_a_bad_website_is_refused(client, login, directory):
    login(directory["member"])
    response = client.post(directory["base"] + "/proposer", data={
        "name": "X", "legal_form": "association", "commune": "Y", "website": "javascript:alert(1)"})
    assert response.status_code == 400


def test_an_edit_by_a_non_representative_is_forbidden_and_changes_nothing(client, login, app_db,
                                                                           directory):
    scop, url = directory["scop"], f"{directory['base']}/{directory['scop'].id}/modifier"
    login(directory["member"])
    assert client.get(url).status_code == 403
    response = client.post(url, data={"name": "Piratée", "legal_form": "association",
                                      "commune": "Strasbourg"})
    assert response.status_code == 403
    app_db.expire_all()
    assert app_db.get(Organisation, scop.id).name == "Bâtisseurs Solidaires"


def test_the_representative_edits_the_profile(client, login, app_db, directory):
    scop, url = directory["scop"], f"{directory['base']}/{directory['scop'].id}/modifier"
    login(directory["representative"])
    form = client.get(url).get_data(as_text=True)
    assert 'value="Bâtisseurs Solidaires"' in form
    response = client.post(url, data={"name": "Bâtisseurs Solidaires", "legal_form": "cooperative",
                                      "cooperative_kind": "scop", "commune": "Strasbourg",
                                      "description": "Nouvelle description.",
                                      "stakes": ["emploi"], "is_council_member": ""})
    assert response.status_code == 302
    app_db.expire_all()
    stored = app_db.get(Organisation, scop.id)
    assert stored.description == "Nouvelle description." and stored.stake_list == ["emploi"]
    assert stored.is_council_member is True  # only facilitators change it


def test_a_representative_adds_a_member(client, login, app_db, directory):
    login(directory["representative"])
    response = client.post(f"{directory['base']}/{directory['scop'].id}/membres", data={
        "affiliation-email": directory["member"].email})
    assert response.status_code == 302
    assert services.organisation_label(app_db, directory["member"].id,
                                       directory["council"].id) == "Bâtisseurs Solidaires"


def test_a_visitor_is_sent_to_the_login_page_to_propose(client, directory):
    response = client.get(directory["base"] + "/proposer")
    assert response.status_code == 302 and "/compte/connexion" in response.headers["Location"]


def test_an_import_shows_its_report(client, login, app_db, directory):
    login(directory["facilitator"])
    data = ("nom;forme_juridique;commune\nCAE Rhénane;CAE;Strasbourg\n"
            "Sans forme;SARL;Strasbourg\n").encode("utf-8")
    response = client.post(directory["base"] + "/import", data={
        "file": (io.BytesIO(data), "extrait.csv")}, content_type="multipart/form-data")
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "Forme juridique inconnue" in page or "Unknown legal form" in page
    assert re.search(r"<td>3</td>", page)
    assert app_db.scalar(select(Organisation).where(Organisation.name == "CAE Rhénane"))


def test_a_broken_import_is_refused_with_a_message_and_adds_nothing(client, login, app_db,
                                                                     directory):
    login(directory["facilitator"])
    response = client.post(directory["base"] + "/import", data={
        "file": (io.BytesIO("nom\tforme_juridique\tcommune\nA\tB\tC\n".encode()), "x.csv")},
        content_type="multipart/form-data")
    assert response.status_code == 400
    assert 'role="alert"' in response.get_data(as_text=True)
    assert len(app_db.scalars(select(Organisation)).all()) == 3


def test_members_cannot_import(client, login, directory):
    login(directory["representative"])
    assert client.get(directory["base"] + "/import").status_code == 403


def test_the_csv_export_is_guarded_and_parses_back(client, app_db, directory):
    services.propose_organisation(app_db, directory["council"], {
        "name": "=1+1 Asso", "legal_form": "association", "commune": "Strasbourg"},
        actor=None, now=utcnow(), validated=True)
    app_db.commit()
    response = client.get(directory["base"] + "/annuaire.csv")
    assert response.mimetype == "text/csv" and response.data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(response.data.decode("utf-8-sig")), delimiter=";"))
    assert [r["nom"] for r in rows] == ["'=1+1 Asso", "Bâtisseurs Solidaires",
                                        "La Recyclerie du Port"]
    filtered = client.get(directory["base"] + "/annuaire.csv?enjeu=logement")
    assert filtered.data.decode("utf-8-sig").count("\r\n") == 2


def test_the_json_export_lists_the_validated_organisations(client, directory):
    data = json.loads(client.get(directory["base"] + "/annuaire.json").data)
    assert [o["nom"] for o in data["organisations"]] == ["Bâtisseurs Solidaires",
                                                         "La Recyclerie du Port"]


def test_the_diagnosis_draws_charts_with_a_table(client, directory):
    page = client.get(directory["base"] + "/diagnostic").get_data(as_text=True)
    assert page.count("<svg") == 3 and page.count("<table") == 3
    assert '<rect x="244" y="2" height="18" width="340.0"' in page


def _external_hosts(html):
    return {h for h in re.findall(r'(?:src|href|action)="(?:https?:)?//([^/"]+)', html)
            if not h.startswith(("127.0.0.1", "localhost"))}


def test_no_page_references_an_external_host_without_a_tile_url(client, login, directory):
    login(directory["facilitator"])
    base = directory["base"]
    for path in ["/", f"/{directory['scop'].id}", "/proposer", "/validation", "/import",
                 "/diagnostic", f"/{directory['scop'].id}/modifier"]:
        response = client.get(base + path)
        assert response.status_code == 200, path
        html = response.get_data(as_text=True)
        assert _external_hosts(html) == set(), path
        assert "directory-map" not in html
        assert "img-src 'self' data:;" in response.headers["Content-Security-Policy"]


def test_with_a_tile_url_the_map_shows_and_only_that_host_is_allowed(app, client, directory):
    app.config["MAP_TILE_URL"] = "https://tiles.example.org/{z}/{x}/{y}.png"
    response = client.get(directory["base"] + "/")
    html = response.get_data(as_text=True)
    assert 'id="directory-map"' in html and "js/directory-map.js" in html
    assert "La Recyclerie du Port" in html.split('data-markers="')[1].split('"')[0].replace(
        "&#34;", '"')
    assert "img-src 'self' data: https://tiles.example.org;" in response.headers[
        "Content-Security-Policy"]
