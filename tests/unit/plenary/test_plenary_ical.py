from datetime import datetime, timedelta, timezone
from types import SimpleNamespace

from cocon.council.plenary.ical import escape_text, fold, plenary_calendar

STAMP = datetime(2026, 11, 1, 9, 30, tzinfo=timezone.utc)


def _plenary(**kw):
    values = dict(id=42, title="Séance plénière; automne, 2026",
                  starts_at=datetime(2026, 12, 3, 18, 0, tzinfo=timezone(timedelta(hours=1))),
                  ends_at=None, place="Maison des associations, salle 2", video_url="",
                  description="Ligne 1\nLigne \\ 2", convened_at=STAMP,
                  items=[SimpleNamespace(title="Accueil", expected_minutes=15),
                         SimpleNamespace(title="Budget", expected_minutes=45)])
    values.update(kw)
    return SimpleNamespace(**values)


def _unfold(data: bytes) -> dict:
    text = data.decode("utf-8")
    assert text.endswith("\r\n")
    assert "\n" not in text.replace("\r\n", "")  # every line ends in CRLF
    lines = text.split("\r\n")[:-1]
    for line in lines:
        assert len(line.encode("utf-8")) <= 75
    joined = []
    for line in lines:
        if line.startswith(" "):
            joined[-1] += line[1:]
        else:
            joined.append(line)
    return dict(line.split(":", 1) for line in joined)


def _unescape(value: str) -> str:
    out, i = "", 0
    while i < len(value):
        if value[i] == "\\":
            out += {"n": "\n", "N": "\n"}.get(value[i + 1], value[i + 1])
            i += 2
        else:
            out += value[i]
            i += 1
    return out


def test_the_invitation_parses_back_with_utc_times_and_a_stable_uid():
    fields = _unfold(plenary_calendar(_plenary(), now=STAMP, url="https://x.fr/s/42"))
    assert fields["BEGIN"] in {"VCALENDAR", "VEVENT"}
    assert fields["VERSION"] == "2.0"
    assert fields["UID"] == "plenary-42@cocon"
    assert fields["DTSTAMP"] == "20261101T093000Z"
    assert fields["DTSTART"] == "20261203T170000Z"
    assert fields["DTEND"] == "20261203T180000Z"  # 15 + 45 minutes of agenda
    assert _unescape(fields["SUMMARY"]) == "Séance plénière; automne, 2026"
    assert _unescape(fields["LOCATION"]) == "Maison des associations, salle 2"
    description = _unescape(fields["DESCRIPTION"])
    assert description.startswith("Ligne 1\nLigne \\ 2\n\n1. Accueil\n2. Budget")
    assert fields["STATUS"] == "CONFIRMED"


def test_text_values_are_escaped():
    assert escape_text('a;b,c\\d\ne') == "a\\;b\\,c\\\\d\\ne"


def test_long_lines_fold_without_splitting_a_character():
    line = "SUMMARY:" + "é" * 100
    folded = fold(line)
    parts = folded.split("\r\n")
    assert all(len(p.encode("utf-8")) <= 75 for p in parts)
    assert "".join(p[1:] if i else p for i, p in enumerate(parts)) == line


def test_without_an_agenda_or_end_the_session_lasts_two_hours():
    fields = _unfold(plenary_calendar(_plenary(items=[], convened_at=None), now=STAMP))
    assert fields["DTEND"] == "20261203T190000Z"
    assert fields["STATUS"] == "TENTATIVE"
