"""The content fingerprint, the locked snapshot and the check of exported files."""

from __future__ import annotations

import dataclasses
import json
from datetime import datetime

import pytest
from minutes_factories import make_document, make_yes_no_vote

from cocon.errors import InvalidInput
from cocon.minutes.export import export_minutes
from cocon.minutes.hashing import canonical_content, content_hash, from_data, to_data
from cocon.minutes.verify import verify_export


@pytest.fixture(scope="module")
def locked():
    return make_document(status="locked")


def test_the_document_survives_its_canonical_data(locked):
    assert from_data(to_data(locked)) == locked


def test_the_fingerprint_ignores_status_and_language(locked):
    assert content_hash(locked) == content_hash(dataclasses.replace(locked, status="draft",
                                                                    locale="en"))


def test_the_fingerprint_changes_when_a_count_changes(locked):
    item = dataclasses.replace(locked.items[0], votes=[make_yes_no_vote(counts={"pour": 18})])
    changed = dataclasses.replace(locked, items=[item, *locked.items[1:]])
    assert content_hash(changed) != content_hash(locked)


def test_the_canonical_content_is_sorted_json_with_utc_dates(locked):
    raw = canonical_content(locked).decode()
    assert raw.startswith('{"actions":') and '"2026-11-23T17:30:00+00:00"' in raw
    assert not {"status", "locale"} & set(json.loads(raw))


def test_naive_datetimes_are_refused():
    with pytest.raises(ValueError):
        content_hash(make_document(starts_at=datetime(2026, 1, 1)))


@pytest.mark.parametrize("fmt", ["md", "odt", "docx", "pdf"])
@pytest.mark.parametrize("locale", ["fr", "en"])
def test_an_untouched_export_matches_the_locked_record(locked, fmt, locale):
    data = export_minutes(dataclasses.replace(locked, locale=locale), fmt)
    result = verify_export(data, locked_hash=content_hash(locked), document=locked)
    assert result.ok and result.hash_matches and result.content_matches
    assert result.format == fmt and result.embedded_hash == content_hash(locked)


def test_an_edited_figure_is_caught_even_with_the_fingerprint_kept(locked):
    data = export_minutes(locked, "md").replace(b"| Pour | 17 |", b"| Pour | 71 |")
    result = verify_export(data, locked_hash=content_hash(locked), document=locked)
    assert result.hash_matches and result.content_matches is False and not result.ok


def test_an_export_of_other_content_does_not_match(locked):
    other = make_document(status="locked", place="Ailleurs")
    result = verify_export(export_minutes(other, "odt"), locked_hash=content_hash(locked))
    assert result.hash_matches is False and not result.ok


def test_a_fingerprint_written_in_the_notes_cannot_stand_in_for_the_real_one(locked):
    fake = "SHA-256 : " + content_hash(locked)
    item = dataclasses.replace(locked.items[0], notes=fake)
    forged = dataclasses.replace(locked, items=[item, *locked.items[1:]])
    result = verify_export(export_minutes(forged, "docx"), locked_hash=content_hash(locked))
    assert result.embedded_hash == content_hash(forged) and not result.ok


def test_known_file_fingerprints_are_reported(locked):
    data = export_minutes(locked, "md")
    import hashlib
    known = verify_export(data, locked_hash=content_hash(locked),
                          known_file_hashes=[hashlib.sha256(data).hexdigest()])
    unknown = verify_export(data + b"\n", locked_hash=content_hash(locked),
                            known_file_hashes=[hashlib.sha256(data).hexdigest()])
    assert known.file_known is True and unknown.file_known is False


def test_a_file_that_is_not_an_export_is_refused():
    with pytest.raises(InvalidInput):
        verify_export(b"PK\x03\x04 not a real archive")
    with pytest.raises(InvalidInput):
        verify_export(b"%PDF-1.7 truncated")
    assert verify_export(b"just some text").embedded_hash is None
