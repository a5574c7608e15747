"""What the endpoint fuzzer needs: the routes to fuzz, the fields each one reads, hostile values,
and a check that a refusal is worded in French.

Field names are read from the code, not listed by hand: for each view, the names it reads with
`request.form/args/files`, the fields of the WTForms classes it uses, and those of the helpers
it calls in its own module. A new route or field is fuzzed without touching this file.
"""

from __future__ import annotations

import html
import inspect
import json
import re
from functools import lru_cache
from pathlib import Path
from urllib.parse import quote

from babel.messages.pofile import read_po
from hypothesis import strategies as st
from werkzeug import exceptions as http_errors
from wtforms.fields.core import UnboundField

ROOT = Path(__file__).resolve().parents[3]
MUTATING = {"POST", "PUT", "PATCH", "DELETE"}
# the session changes under the client's feet: sign in again afterwards
RESETS_SESSION = {"auth.logout", "auth.end_sessions", "auth.change_password", "auth.login",
                  "auth.register", "councils.accept"}
ONE_MEGABYTE = "a" * 1_000_000
ONE_MEGABYTE_ACCENTED = "é" * 500_000  # 1 MB once encoded
# request.form.get("x"), request.args["x"], and the same through a local alias (form.get("x"))
_READS = re.compile(r"(?:request\.(?:form|args|values|files)|\bform|\bdata)(?:\.get|\.getlist)?"
                    r"\(\s*[\"']([^\"']+)"
                    r"|(?:request\.(?:form|args|values|files)|\bform)\[\s*[\"']([^\"']+)")
_CALLS = re.compile(r"\b([A-Za-z_]\w*)\(")
# fields whose names are built at run time (votes: f"grade-{i}", "paper|college|option")
DYNAMIC_FIELDS = ("grade-0", "grade-1", "paper|Élu·es|pour", "paper|Élu·es|contre",
                  "paper|Acteurs de l'ESS|pour|Bien", "paper|x", "paper||||")


def fuzzed_rules(app) -> list:
    """Every rule that takes input: POST/PUT/PATCH/DELETE, and GETs that read a query string."""
    rules = []
    for rule in sorted(app.url_map.iter_rules(), key=lambda r: (r.rule, r.endpoint)):
        if rule.endpoint == "static":
            continue
        reads_query = any(_query_names(app, rule.endpoint))
        if rule.methods & MUTATING or reads_query:
            rules.append(rule)
    return rules


def _source(obj) -> str:
    try:
        return inspect.getsource(obj)
    except (OSError, TypeError):
        return ""


@lru_cache(maxsize=None)
def _view_sources(app, endpoint: str) -> tuple[str, ...]:
    """The view's source and that of the module-level helpers it calls (transitively)."""
    view = inspect.unwrap(app.view_functions[endpoint])
    module = inspect.getmodule(view)
    seen, todo, sources = set(), [view], []
    while todo:
        func = todo.pop()
        if func in seen:
            continue
        seen.add(func)
        text = _source(func)
        sources.append(text)
        for name in _CALLS.findall(text):
            helper = getattr(module, name, None)
            if inspect.isfunction(helper) and inspect.getmodule(helper) is module:
                todo.append(helper)
            elif inspect.isclass(helper) and hasattr(helper, "validate_on_submit"):
                sources.append(" ".join(f'request.form.get("{field}")'
                                        for field in form_fields(helper)))
    return tuple(sources)


def form_fields(form_class) -> list[str]:
    """The field names a WTForms class declares (its parents' included)."""
    return [name for name in dir(form_class)
            if isinstance(getattr(form_class, name, None), UnboundField)]


def field_names(app, endpoint: str) -> list[str]:
    """The request fields a view reads, found in its code."""
    names = {a or b for text in _view_sources(app, endpoint) for a, b in _READS.findall(text)}
    if endpoint.startswith("votes."):
        names.update(DYNAMIC_FIELDS)
    return sorted(names)


def _query_names(app, endpoint: str) -> list[str]:
    return [a or b for text in _view_sources(app, endpoint)
            for a, b in re.findall(r"request\.args(?:\.get|\.getlist)?\(\s*[\"']([^\"']+)"
                                   r"|request\.args\[\s*[\"']([^\"']+)", text)]


def query_names(app, endpoint: str) -> list[str]:
    """The query-string parameters a view reads."""
    return sorted(set(_query_names(app, endpoint)))


def reads_files(app, endpoint: str) -> bool:
    """Whether the view takes an uploaded file (then the body is sent as multipart)."""
    return any("FileField" in text or "request.files" in text or ".file.data" in text
               for text in _view_sources(app, endpoint)) or endpoint in {
        "assistant_guides.guides", "organisations_data.import_file"}


# -- hostile values -------------------------------------------------------------------------

TRICKY = [
    "", " ", "\t", "0", "-1", "1", "2", "3", "-2147483649", "2147483648", "9223372036854775808",
    "99999999999999999999999999", "1e309", "-1e309", "NaN", "nan", "inf", "-inf", "-0", "0x10",
    "1.5", "1,5", "0.0000001", "²", "³", "١٢", "٣", "①", "Ⅻ", "true", "false", "null", "None",
    "y", "n", "on", "yes", "no", "accept", "reject", "hide", "restore", "warn", "dismiss",
    "open", "closed", "archived", "pour", "contre", "abstention", "consentement", "objection",
    "simple_majority", "majority_judgment", "consent", "two_thirds", "facilitator", "member",
    "observer", "admin", "present", "excused", "absent", "represented", "up", "down",
    "2026-01-15", "2026-02-30", "9999-12-31", "0001-01-01", "-5-01-01", "2026-01-15T18:30",
    "2026-01-15T25:61", "2026-13-01T00:00", "10000-01-01T00:00", "1900-01-01", "fr", "md",
    "pdf", "odt", "docx", "html", "csv", "json", "\x00", "a\x00b", "\x00" * 3, "\x1b[31m",
    "\ufeff", "\u202e", "\u200b", "\ud7ff", "\uffff", "🌱" * 20, "<script>alert(1)</script>",
    "=HYPERLINK(\"http://evil\")", "../../etc/passwd", "%00", "%s%s%n", "{{7*7}}", "${7*7}",
    "'; DROP TABLE users;--", "\" OR 1=1 --", "a" * 201, "a" * 5001, "x@example.org",
    "pas-un-courriel", "@", "a@b", "A" * 300 + "@example.org", "http://", "javascript:alert(1)",
    "https://example.org/" + "a" * 3000, "/", "//evil.example", "\\\\evil", "?", "#",
]


def world_ids(world) -> list[str]:
    """Ids of the world's objects, as strings: values that reach deep into the services."""
    objects = [world.workshop, world.thread, world.post, world.reply, world.proposal,
               world.amendment, world.ballot, world.closed_ballot, world.orientation,
               world.indicator, world.organisation, world.pending, world.past, world.past_item,
               world.item, world.plenary, world.membership, world.action, world.alice, world.bob,
               world.facilitator, world.admin, world.observer]
    return sorted({str(o.id) for o in objects})


def scalar_values(ids: list[str]):
    """One form value: tricky literals, world ids, random text, numbers, or one megabyte."""
    return st.one_of(
        st.sampled_from(TRICKY), st.sampled_from(ids), st.text(max_size=40),
        st.integers(min_value=-(2 ** 70), max_value=2 ** 70).map(str),
        st.floats(allow_nan=True, allow_infinity=True).map(repr),
        st.sampled_from([ONE_MEGABYTE, ONE_MEGABYTE_ACCENTED]).filter(lambda _: True),
    )


def form_values(ids: list[str]):
    """A value, or several values for the same name (an array where a scalar is expected)."""
    scalar = scalar_values(ids)
    return st.one_of(scalar, scalar, scalar, st.lists(scalar, min_size=2, max_size=3))


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers(min_value=-(2 ** 80), max_value=2 ** 80)
    | st.floats(allow_nan=False) | st.text(max_size=30) | st.sampled_from(TRICKY),
    lambda children: st.lists(children, max_size=4)
    | st.dictionaries(st.sampled_from(["question", "top_k", "token", "useful", "body", "x"])
                      | st.text(max_size=8), children, max_size=4),
    max_leaves=12)
# bodies a JSON endpoint must refuse cleanly: broken, wrongly encoded, surrogate-laden
BROKEN_JSON = [b"{", b"[1,", b"{\"question\": }", b"\xff\xfe\x00", b"null", b"\"\\ud800\"",
               b"{\"question\": \"\\ud800\\udfff\\ud800\"}", b"{\"question\": \"a\\u0000b\"}",
               b"{\"top_k\": 1e999}", b"{\"top_k\": 99999999999999999999999}",
               b"{\"question\": " + b"[" * 5000 + b"]" * 5000 + b"}", b"NaN",
               b"{\"useful\": true, \"token\": {\"a\": 1}}", b"{\"question\": \"x\"}" * 2]


def path_for(rule, values: dict) -> str:
    """The rule's path with every placeholder replaced by a (percent-encoded) value."""
    def one(match):
        return quote(str(values[match.group(2)]), safe="")
    return re.sub(r"<(?:([a-z]+)(?:\([^)]*\))?:)?(\w+)>", one, rule.rule)


def hostile_url_values(rule, good: dict):
    """Mostly the world's own values; sometimes huge, negative or foreign ones."""
    placeholders = list(rule.arguments)
    if not placeholders:
        return st.just(good)
    converters = {name: type(conv).__name__ for name, conv in rule._converters.items()}

    def bad(name):
        if converters.get(name) == "IntegerConverter":
            return st.sampled_from([0, 2 ** 31, 2 ** 63, 10 ** 30, 987654])
        return st.one_of(st.text(min_size=1, max_size=20), st.sampled_from(
            ["\x00", "a\x00", "..", "%", "é" * 300, "x" * 2000, "<script>"]))

    return st.fixed_dictionaries({
        name: st.one_of(st.just(good[name]), st.just(good[name]), st.just(good[name]),
                        st.just(good[name]), bad(name))
        for name in placeholders})


# -- the French check ---------------------------------------------------------------------

@lru_cache(maxsize=1)
def english_fragments() -> tuple[str, ...]:
    """Pieces of English that must never reach a French reader: msgids whose French differs
    (cut at their placeholders) and werkzeug's stock error descriptions."""
    with (ROOT / "translations" / "fr" / "LC_MESSAGES" / "messages.po").open("rb") as handle:
        catalog = read_po(handle, locale="fr")
    pieces = set()
    for message in catalog:
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        for msgid, french in zip(ids, strings):
            if not msgid or msgid == french:
                continue
            for piece in re.split(r"%\(\w+\)[sd]|%[sd]", msgid):
                piece = piece.strip()
                if len(piece) >= 24 and piece not in (french or ""):
                    pieces.add(piece)
    for name in dir(http_errors):
        exc = getattr(http_errors, name)
        if (isinstance(exc, type) and issubclass(exc, http_errors.HTTPException)
                and isinstance(exc.description, str) and exc.description):
            pieces.add(exc.description[:60])
    return tuple(sorted(pieces))


def english_in(text: str) -> list[str]:
    """The English fragments present in a text (after unescaping HTML and JSON)."""
    return [piece for piece in english_fragments() if piece in text]


def readable_text(response) -> str:
    """What a person reads of a response: HTML unescaped, or the JSON error message."""
    body = response.get_data(as_text=True)
    if response.mimetype == "application/json":
        try:
            data = json.loads(body)
        except ValueError:
            return body
        return json.dumps(data, ensure_ascii=False)
    return html.unescape(body)
