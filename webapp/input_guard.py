"""Input refused before any view runs, whatever the route: what no form may carry.

- an id in the path beyond the database's integers (they are 32-bit in PostgreSQL; SQLite
  overflows at 64 bits): nothing has that id, so 404 rather than a database error;
- a NUL character in the path, a query parameter, a form field or a JSON string (PostgreSQL
  refuses it in text: "A string literal cannot contain NUL"), or a lone UTF-16 surrogate in a
  JSON string (it cannot be encoded to UTF-8 for the database nor the page);
- a JSON body that is not one object of plain values (text, numbers, booleans, null, or lists
  of them): every JSON client of cocon sends such an object, and Flask-WTF would otherwise hand
  a list or a number to the forms as if it were form fields.

The refusal is a `cocon.errors.InvalidInput`, shown by the error handler in the reader's
language (400). Files are not inspected here: their readers check their content.
"""

from __future__ import annotations

import re

from flask import abort, request

from cocon.errors import InvalidInput
from cocon.validation import MAX_ID
_FORBIDDEN = re.compile("[\x00\ud800-\udfff]")
SCALARS = (str, int, float, bool, type(None))


def _wrong_shape() -> InvalidInput:
    return InvalidInput("The data you sent does not have the expected form: send one JSON "
                        "object.")


def _json_texts() -> list[str]:
    """The strings of a JSON body (keys included), once its shape is checked."""
    if not request.is_json or not request.get_data(cache=True):
        return []
    try:
        data = request.get_json(silent=True)
    except RecursionError:
        raise _wrong_shape() from None
    if data is None:
        return []  # unreadable JSON: the view's own parsing refuses it (400)
    if not isinstance(data, dict):
        raise _wrong_shape()
    texts = []
    for key, value in data.items():
        values = value if isinstance(value, list) else [value]
        if not all(isinstance(v, SCALARS) for v in values):
            raise _wrong_shape()
        texts.append(key)
        texts.extend(v for v in values if isinstance(v, str))
    return texts


def check_request() -> None:
    """Refuse out-of-range path ids (404) and forbidden characters (400), before the view."""
    texts = [request.path]
    for value in (request.view_args or {}).values():
        if isinstance(value, int) and not 0 <= value <= MAX_ID:
            abort(404)
        if isinstance(value, str):
            texts.append(value)
    for multidict in (request.args, request.form):
        for key, values in multidict.lists():
            texts.append(key)
            texts.extend(values)
    texts.extend(_json_texts())
    if any(isinstance(text, str) and _FORBIDDEN.search(text) for text in texts):
        raise InvalidInput("The text you sent contains a character that is not allowed (a null "
                           "character). Remove it and try again.")


def init_app(app) -> None:
    """Check every request before its view runs."""
    app.before_request(check_request)
