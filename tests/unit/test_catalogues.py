"""The catalogues are complete: the template is current and fr and en translate every string."""

import pytest
from babel.messages.pofile import read_po

from webapp.translations import POT, ROOT, extract, msgids


def test_the_template_is_not_stale(tmp_path):
    fresh = tmp_path / "messages.pot"
    extract(fresh)
    assert msgids(fresh) == msgids(POT), "run `make messages` and translate the new strings"


@pytest.mark.parametrize("locale", ["fr", "en"])
def test_every_string_is_translated_and_none_is_fuzzy(locale):
    path = ROOT / "translations" / locale / "LC_MESSAGES" / "messages.po"
    with path.open("rb") as handle:
        catalog = read_po(handle, locale=locale)
    missing = [m.id for m in catalog if m.id and (
        not m.string or (isinstance(m.string, tuple) and not all(m.string)))]
    fuzzy = [m.id for m in catalog if m.id and m.fuzzy]
    assert missing == [] and fuzzy == []
    assert msgids(path) >= msgids(POT)


def test_placeholders_survive_translation():
    path = ROOT / "translations" / "fr" / "LC_MESSAGES" / "messages.po"
    import re
    with path.open("rb") as handle:
        catalog = read_po(handle, locale="fr")
    pattern = re.compile(r"%\(\w+\)s")
    wrong = [m.id for m in catalog if m.id and isinstance(m.id, str)
             and sorted(pattern.findall(m.id)) != sorted(pattern.findall(m.string))]
    assert wrong == []
