"""Attendance sheet, open data and annual report: permissions, formats parsed back, guards."""

from __future__ import annotations

import csv
import io
import json
from html import unescape

from sqlalchemy import select

from cocon.accounts.models import User
from cocon.council.models import Council
from cocon.council.plenary.models import Plenary


def _csv(data: bytes) -> list[list[str]]:
    assert data.startswith("\ufeff".encode("utf-8"))
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))


def test_the_attendance_sheet_is_printable_and_exported_for_facilitators(client, login, met,
                                                                         app_db):
    anne = app_db.scalar(select(User).where(User.email == "anne@example.org"))
    anne.display_name = "=HYPERLINK(\"http://evil\")"
    app_db.commit()
    sheet = f"/conseils/{met.slug}/seances/{met.pid}/feuille-emargement"
    login(met.member)
    assert client.get(sheet).status_code == 403
    assert client.get(sheet + ".csv").status_code == 403
    client.post("/compte/deconnexion")
    login(met.facilitator)
    html = client.get(sheet).get_data(as_text=True)
    assert "attendance-sheet" in html and "css/minutes.css" in html
    assert "Chloé Élue" in html and "David Acteur" in html
    response = client.get(sheet + ".csv")
    assert response.headers["Content-Type"].startswith("text/csv")
    assert "attachment" in response.headers["Content-Disposition"]
    rows = _csv(response.data)
    assert len(rows[0]) == 5
    by_name = {r[0]: r for r in rows[1:]}
    assert by_name["Chloé Élue"][3] == "David Acteur"  # represented by proxy
    assert "'=HYPERLINK(\"http://evil\")" in by_name
    assert all(not r[0].startswith("=") for r in rows)


def test_open_data_is_published_as_csv_and_json_without_personal_data(client, met, app_db):
    plenary = app_db.get(Plenary, met.pid)
    plenary.title = "=1+2 séance"
    app_db.commit()
    base = f"/conseils/{met.slug}/donnees-ouvertes"
    assert client.get(base).status_code == 200
    sessions = json.loads(client.get(base + "/seances.json").data)["seances"]
    assert [s["title"] for s in sessions] == ["=1+2 séance"]  # the draft next session is not public
    rows = _csv(client.get(base + "/seances.csv").data)
    assert rows[1][1] == "'=1+2 séance"
    votes = json.loads(client.get(base + "/votes.json").data)["votes"]
    assert votes[0]["question"] == "Adopter la charte ?" and votes[0]["adopted"] is True
    assert votes[0]["counts"]["pour"] == 2
    vote_rows = _csv(client.get(base + "/votes.csv").data)
    assert vote_rows[1][2] == "Adopter la charte ?"
    register = json.loads(client.get(base + "/registre.json").data)
    assert register["orientations"][0]["title"] == "Charte des achats"
    assert _csv(client.get(base + "/registre.csv").data)[1][1] == "Charte des achats"
    everything = b"".join(client.get(f"{base}/{d}.{e}").data
                          for d in ("seances", "votes", "registre") for e in ("csv", "json"))
    assert b"@example.org" not in everything and b"Emma" not in everything
    assert client.get(base + "/membres.csv").status_code == 404


def test_a_private_councils_open_data_and_report_stay_hidden(client, login, met, app_db,
                                                            make_user):
    council = app_db.scalar(select(Council).where(Council.slug == met.slug))
    council.is_public = False
    app_db.commit()
    for path in ("donnees-ouvertes", "donnees-ouvertes/votes.csv", "bilan/2026"):
        assert client.get(f"/conseils/{met.slug}/{path}").status_code == 404
    login(make_user(name="Curieux"))
    assert client.get(f"/conseils/{met.slug}/donnees-ouvertes/votes.json").status_code == 404


def test_the_annual_report_shows_the_year_and_exports_it(client, met, app_db):
    page = client.get(f"/conseils/{met.slug}/bilan/2026")
    html = unescape(page.get_data(as_text=True)).replace("’", "'")
    assert page.status_code == 200
    assert "Séance d'automne" in html and "Charte des achats" in html
    assert "Acteurs de l'ESS" in html
    assert client.get(f"/conseils/{met.slug}/bilan").status_code == 302
    from docx import Document
    from odf import teletype
    from odf.opendocument import load
    from pypdf import PdfReader
    readers = {
        "md": lambda d: d.decode("utf-8"),
        "pdf": lambda d: "".join(p.extract_text() for p in PdfReader(io.BytesIO(d)).pages),
        "odt": lambda d: teletype.extractText(load(io.BytesIO(d)).text),
        "docx": lambda d: " ".join([p.text for p in Document(io.BytesIO(d)).paragraphs] + [
            c.text for t in Document(io.BytesIO(d)).tables for r in t.rows for c in r.cells]),
    }
    for fmt, read in readers.items():
        response = client.get(f"/conseils/{met.slug}/bilan/2026/telecharger/{fmt}")
        assert response.status_code == 200 and "attachment" in response.headers[
            "Content-Disposition"]
        text = " ".join(read(response.data).split()).replace("\\", "").replace("’", "'")
        assert "Charte des achats" in text, fmt
    empty = client.get(f"/conseils/{met.slug}/bilan/2020").get_data(as_text=True)
    assert "Charte des achats" not in empty
