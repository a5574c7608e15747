"""Reading CSV extracts (limits, encodings, separators) and writing guarded exports."""

import csv
import io
import time
from datetime import datetime, timezone

import pytest

from cocon.errors import InvalidInput
from cocon.organisations import csv_read
from cocon.organisations.exports import COLUMNS, export_csv, export_json
from cocon.spreadsheet import guard_cell
from cocon.organisations.models import Organisation
from cocon.organisations.vocabularies import Status

HEADER = "nom;forme_juridique;commune;description\n"


def test_utf8_with_and_without_bom_is_read():
    text = HEADER + "Coopérative Élan;SCOP;Strasbourg;\n"
    for data in (text.encode("utf-8"), b"\xef\xbb\xbf" + text.encode("utf-8")):
        decoded, encoding = csv_read.decode(data)
        assert encoding == "UTF-8" and decoded.startswith("nom;") and "Élan" in decoded


def test_windows_1252_is_read_without_mojibake():
    decoded, encoding = csv_read.decode((HEADER + "Épicerie œuvre;association;Sélestat;\n")
                                        .encode("cp1252"))
    assert encoding == "Windows-1252" and "Épicerie œuvre" in decoded and "Sélestat" in decoded


def test_text_converted_twice_is_refused_rather_than_imported_garbled():
    double = (HEADER + "Épicerie;association;Sélestat;\n").encode("utf-8").decode("latin-1")
    with pytest.raises(InvalidInput, match="converted twice"):
        csv_read.decode(double.encode("utf-8"))


@pytest.mark.parametrize("wrong", ["latin-1", "cp1252"])
def test_every_kind_of_double_conversion_is_caught(wrong):
    for word in ("À la ferme", "Épicerie", "Crèche", "Œuvre", "Forêt"):
        double = word.encode("utf-8").decode(wrong, errors="replace").encode("utf-8")
        with pytest.raises(InvalidInput, match="converted twice"):
            csv_read.decode(HEADER.encode() + double + b";association;Sel;\n")


def test_utf16_and_undecodable_bytes_are_refused():
    with pytest.raises(InvalidInput, match="UTF-16"):
        csv_read.decode(HEADER.encode("utf-16"))
    with pytest.raises(InvalidInput, match="encoding"):
        csv_read.decode(HEADER.encode() + b"\x81\x8d\x90;x;y;\n")


def test_the_separator_is_detected_and_an_unknown_one_refused():
    assert csv_read.detect_separator("nom;forme;commune\n") == ";"
    assert csv_read.detect_separator("nom,forme,commune\n") == ","
    with pytest.raises(InvalidInput, match="semicolon"):
        csv_read.detect_separator("nom\tforme\tcommune\n")


def test_a_header_without_the_required_columns_is_refused_with_their_names():
    with pytest.raises(InvalidInput, match="forme_juridique"):
        csv_read.read_rows("nom;ville\nA;B\n", ";")


def test_french_and_english_headers_are_understood():
    fields, rows = csv_read.read_rows("Raison sociale;Forme juridique;Ville;Code postal\n"
                                      "A;association;B;67000\n\n", ";")
    assert fields == ["name", "legal_form", "commune", "postcode"]
    assert rows == [(2, ["A", "association", "B", "67000"])]


def test_line_numbers_count_the_lines_of_multiline_cells():
    _fields, rows = csv_read.read_rows('nom;forme_juridique;commune\n"A\nsuite";association;B\n'
                                       "C;association;D\n", ";")
    assert [line for line, _ in rows] == [2, 4]


def test_a_file_of_100000_rows_is_refused_quickly():
    data = (HEADER + "Asso;association;Strasbourg;x\n" * 100_000).encode()
    started = time.perf_counter()
    with pytest.raises(InvalidInput, match="50000"):
        csv_read.read_rows(csv_read.decode(csv_read.read_limited(io.BytesIO(data)))[0], ";")
    assert time.perf_counter() - started < 3


def test_50000_rows_are_accepted():
    text = HEADER + "Asso;association;Strasbourg;x\n" * 50_000
    assert len(csv_read.read_rows(text, ";")[1]) == 50_000


def test_a_file_over_the_size_limit_is_refused_without_reading_it_all():
    class Endless(io.RawIOBase):
        read_sizes = []

        def read(self, size=-1):
            self.read_sizes.append(size)
            return b"x" * size

    with pytest.raises(InvalidInput, match="MB"):
        csv_read.read_limited(Endless())
    assert Endless.read_sizes == [csv_read.MAX_BYTES + 1]


@pytest.mark.parametrize("value", ["=HYPERLINK(\"http://x\")", "+33", "-2+3", "@SUM(A1)",
                                   "\tcmd", "\rcmd"])
def test_formula_cells_are_guarded(value):
    assert guard_cell(value) == "'" + value


def test_ordinary_cells_are_left_alone():
    assert guard_cell("Coopérative") == "Coopérative" and guard_cell(None) == ""


def _organisation(**kw):
    base = dict(id=1, name="=cmd|' /C calc'!A0", legal_form="cooperative",
                cooperative_kind="scop", esus=True, esus_date=None, sectors=" batiment ",
                stakes=" emploi logement ", address="1 rue; du Port", postcode="67000",
                commune="Strasbourg", website="https://example.org",
                description="Ligne 1\nLigne 2; \"citée\"", size_range="10-49",
                is_network_head=False, is_council_member=True, latitude=48.5, longitude=7.7,
                status=Status.VALIDATED, created_at=datetime(2026, 1, 1, tzinfo=timezone.utc))
    return Organisation(**(base | kw))


def test_the_csv_export_is_utf8_with_bom_semicolons_and_guarded():
    data = export_csv([_organisation()])
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == COLUMNS
    record = dict(zip(rows[0], rows[1]))
    assert record["nom"] == "'=cmd|' /C calc'!A0"
    assert record["adresse"] == "1 rue; du Port"
    assert record["description"] == "Ligne 1\nLigne 2; \"citée\""
    assert record["enjeux"] == "emploi|logement" and record["membre_du_conseil"] == "oui"


def test_the_json_export_keeps_lists_and_booleans():
    import json
    data = json.loads(export_json([_organisation()], council_name="Conseil"))
    item = data["organisations"][0]
    assert item["enjeux"] == ["emploi", "logement"] and item["esus"] is True
    assert item["latitude"] == 48.5 and data["conseil"] == "Conseil"


def test_the_export_reads_back_through_the_import_header():
    fields = csv_read.header_fields(COLUMNS)
    assert None not in fields and len(set(fields)) == len(COLUMNS)


