"""Ids read from forms and query strings (cocon.validation.parse_id): only what the database
can hold, never a crash on what str.isdigit() lets through."""

from hypothesis import given, strategies as st

from cocon.validation import MAX_ID, parse_id


def test_plain_ids_are_read():
    assert parse_id("0") == 0
    assert parse_id("42") == 42
    assert parse_id(str(MAX_ID)) == MAX_ID


def test_everything_else_is_none():
    for value in ("", " 1", "1 ", "+1", "-1", "1.0", "1e3", "0x10", "²", "³", "١٢", "①",
                  str(MAX_ID + 1), "9" * 30, None, 12, 1.0, b"12", ["1"]):
        assert parse_id(value) is None, value


@given(st.text(max_size=25))
def test_any_text_gives_an_id_in_range_or_none(text):
    result = parse_id(text)
    if result is not None:
        assert text.isascii() and text.isdigit() and int(text) == result
        assert 0 <= result <= MAX_ID
