"""Every form and JSON endpoint fuzzed for types and sizes: never a 500, refusals in French.

The routes come from `app.url_map` (every POST/PUT/PATCH/DELETE, and every GET that reads a
query string); the fields from the views' own code (fuzz_support.py). Each request is sent by a
signed-in administrator, facilitator, member or observer, or anonymously, in a council where
every route names a real object (security_world.py): missing fields, wrong types, 1 MB strings,
unicode, NUL bytes, huge and negative numbers, several values where one is expected, JSON of
any shape, broken JSON, foreign and out-of-range ids in the path.
"""

from __future__ import annotations

import io
import json
import logging
import os
import traceback

import pytest
from hypothesis import HealthCheck, Phase, Verbosity, given, settings, strategies as st

from tests.conftest import PASSWORD
from web.security import fuzz_support as fz
from web.security.security_world import url_values
from webapp import create_app

EXAMPLES_PER_ROUTE = int(os.environ.get("COCON_FUZZ_EXAMPLES", "30"))  # raise it to dig deeper
# the values that break parsers: a superscript digit (str.isdigit() is True, int() fails), an
# Arabic-Indic digit, integers beyond 64 bits, negatives, float overflow, NaN, NUL, 1 MB
KILLERS = ["²", "٣", "99999999999999999999", "-1", "1e309", "NaN", "\x00", fz.ONE_MEGABYTE,
           ["1", "2"], ""]
ROLES = ["admin", "facilitator", "alice", "observer", "anonymous"]


def _rules():
    app = create_app({"TESTING": True, "DATABASE_URL": "sqlite://", "SECRET_KEY": "x",
                      "INSTANCE_PATH": "/tmp/cocon-fuzz-rules"})
    return app, fz.fuzzed_rules(app)


_APP, RULES = _rules()
ENDPOINTS = [(rule.endpoint, rule.rule) for rule in RULES]


@pytest.fixture(scope="module")
def small_assistant(tmp_path_factory):
    """A real assistant on a one-guide corpus, built once for the module."""
    from cocon.assistant import Assistant
    corpus = tmp_path_factory.mktemp("fuzz-corpus")
    (corpus / "guide-scic.txt").write_text(
        "La SCIC associe des salariés, des bénéficiaires et des collectivités. " * 10,
        encoding="utf-8")
    return corpus, Assistant.load_or_build(corpus, tmp_path_factory.mktemp("fuzz-index"))


@pytest.fixture
def assistant_ready(app, small_assistant, tmp_path):
    """The assistant installed in the app (so /assistant and the API run their checks); guide
    uploads go to a corpus of this test's own."""
    from webapp.assistant_runtime import set_assistant
    corpus, assistant = small_assistant
    set_assistant(app, assistant)
    app.config["CORPUS_DIR"] = str(tmp_path / "corpus")
    return app


def test_the_fuzzer_sees_every_route_that_takes_input():
    endpoints = {e for e, _ in ENDPOINTS}
    # a sample of what must be there: forms, JSON APIs, uploads, query strings
    for expected in ("workshops.thread", "votes.vote", "votes.paper", "assistant.api_ask",
                     "assistant_guides.guides", "organisations_data.import_file",
                     "minutes_notes.autosave", "search.index", "auth.login",
                     "register.add_value", "councils.change_member", "proposals.create"):
        assert expected in endpoints
    assert len(ENDPOINTS) >= 70
    # and the fields are found in the code
    assert {"body", "reply_to"} <= set(fz.field_names(_APP, "workshops.thread"))
    assert {"choice", "on_behalf_of", "grade-0"} <= set(fz.field_names(_APP, "votes.vote"))
    assert "q" in fz.query_names(_APP, "search.index")


def _sign_in(client, user) -> None:
    client.post("/compte/connexion", data={"email": user.email, "password": PASSWORD})


def _request_strategy(app, rule, world):
    endpoint = rule.endpoint
    ids = fz.world_ids(world)
    names = fz.field_names(app, endpoint)
    queries = fz.query_names(app, endpoint)
    methods = sorted((rule.methods & fz.MUTATING) or {"GET"})
    name = st.sampled_from(names) if names else st.text(min_size=1, max_size=10)
    form = st.dictionaries(st.one_of(name, name, name, st.text(min_size=1, max_size=12)),
                           fz.form_values(ids), max_size=max(3, len(names) + 2))
    query = st.dictionaries(st.sampled_from(queries) if queries else st.text(max_size=8),
                            fz.form_values(ids), max_size=3)
    kinds = ["form", "form", "form", "json", "broken_json", "raw"]
    if fz.reads_files(app, endpoint):
        kinds += ["upload", "upload", "upload"]
    return st.fixed_dictionaries({
        "role": st.sampled_from(ROLES), "method": st.sampled_from(methods),
        "url": fz.hostile_url_values(rule, url_values(world, rule.rule)),
        "kind": st.sampled_from(kinds), "form": form, "query": query,
        "json": fz.JSON_VALUES, "broken": st.sampled_from(fz.BROKEN_JSON),
        "raw": st.binary(max_size=200), "content_type": st.sampled_from(
            ["text/plain", "application/octet-stream", "multipart/form-data",
             "application/x-www-form-urlencoded", "application/json; charset=latin-1", ""]),
        "file": st.one_of(st.binary(max_size=300), st.sampled_from(
            [b"PK\x03\x04" + b"\x00" * 30, b"%PDF-1.4\n", "nom;commune\nÉpicerie;Testville\n"
             .encode("utf-8"), b"\xef\xbb\xbf" + b"a;" * 5000, b""])),
        "filename": st.sampled_from(["guide.txt", "guide.pdf", "guide.odt", "guide.docx",
                                     "annuaire.csv", "../../etc/passwd", ".cache", "a\x00.txt",
                                     "x" * 300 + ".md", "", "guide.exe"]),
    })


def _send(client, rule, req):
    path = fz.path_for(rule, req["url"])
    args = {"method": req["method"], "query_string": req["query"]}
    kind = req["kind"]
    if req["method"] == "GET":
        return client.open(path, **args)
    if kind == "form":
        args["data"] = req["form"]
    elif kind == "upload":
        data = dict(req["form"])
        data["file"] = (io.BytesIO(req["file"]), req["filename"])
        args.update(data=data, content_type="multipart/form-data")
    elif kind == "json":
        args.update(data=json.dumps(req["json"]), content_type="application/json")
    elif kind == "broken_json":
        args.update(data=req["broken"], content_type="application/json")
    else:
        args.update(data=req["raw"], content_type=req["content_type"])
    return client.open(path, **args)


def _short(value, limit=300) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[:limit] + f"… ({len(text)} chars)"


def _describe(req) -> str:
    body = {"form": lambda: req["form"], "upload": lambda: (req["form"], req["filename"]),
            "json": lambda: req["json"], "broken_json": lambda: req["broken"],
            "raw": lambda: (req["content_type"], req["raw"])}[req["kind"]]()
    return (f"{req['method']} as {req['role']}, url {_short(req['url'], 200)}, "
            f"query {_short(req['query'], 200)}, {req['kind']} {_short(body)}")


class _Crashes(logging.Handler):
    """Keeps the last lines of the tracebacks the error handler logs."""

    def __init__(self):
        super().__init__(logging.ERROR)
        self.seen: list[str] = []

    def emit(self, record):
        if record.exc_info:
            lines = traceback.format_exception(*record.exc_info)
            self.seen.append("".join(lines[-4:])[-1500:])


def _check(client, response, req, endpoint, crashes):
    where = f"{endpoint}: {_describe(req)}"
    assert response.status_code < 500, f"{response.status_code} on {where}\n{crashes.seen[-1:]}"
    if response.status_code >= 400 and response.mimetype in ("text/html", "application/json"):
        english = fz.english_in(fz.readable_text(response))
        assert not english, f"{where}: a refusal in English: {english}"
        if response.mimetype == "text/html":
            assert '<html lang="fr"' in response.get_data(as_text=True), where
    with client.session_transaction() as session:
        flashes = session.pop("_flashes", [])
    for _category, message in flashes:
        assert not fz.english_in(str(message)), f"{where}: flashed in English: {message}"


def _member_route(endpoint: str) -> bool:
    return endpoint.startswith(("votes.", "plenary_attendance.", "proposals.", "workshop"))


@pytest.mark.parametrize("endpoint,path", ENDPOINTS, ids=[e for e, _ in ENDPOINTS])
def test_every_field_takes_the_classic_killers(app, world, signed_in, assistant_ready,
                                               endpoint, path):
    """Deterministic sweep: each killer value in every field the route reads, at once."""
    rule = next(r for r in app.url_map.iter_rules() if r.endpoint == endpoint and r.rule == path)
    role = "alice" if _member_route(endpoint) else "facilitator"
    names = fz.field_names(app, endpoint) or ["x"]
    queries = fz.query_names(app, endpoint)
    method = sorted((rule.methods & fz.MUTATING) or {"GET"})[0]
    crashes = _Crashes()
    logging.getLogger("webapp.errors").addHandler(crashes)
    try:
        for value in KILLERS + [None]:  # None: every field missing
            fields = {} if value is None else {name: value for name in names}
            url = {k: v for k, v in url_values(world, rule.rule).items() if k in rule.arguments}
            req = {"role": role, "method": method, "url": url, "kind": "form", "form": fields,
                   "query": {q: value for q in queries} if value is not None else {}}
            response = _send(signed_in[role], rule, req)
            _check(signed_in[role], response, req, endpoint, crashes)
            if endpoint in fz.RESETS_SESSION:
                _sign_in(signed_in[role], getattr(world, role))
    finally:
        logging.getLogger("webapp.errors").removeHandler(crashes)


@pytest.mark.slow
@pytest.mark.parametrize("endpoint,path", ENDPOINTS, ids=[e for e, _ in ENDPOINTS])
def test_every_endpoint_refuses_hostile_input_without_a_server_error(
        app, world, signed_in, assistant_ready, endpoint, path):
    rule = next(r for r in app.url_map.iter_rules() if r.endpoint == endpoint and r.rule == path)
    users = {role: getattr(world, role) for role in ROLES if role != "anonymous"}

    # no shrinking: the world changes under each request, and the failure names the request
    crashes = _Crashes()
    logging.getLogger("webapp.errors").addHandler(crashes)

    @settings(max_examples=EXAMPLES_PER_ROUTE, deadline=None, database=None,
              verbosity=Verbosity.quiet, phases=[Phase.explicit, Phase.generate],
              suppress_health_check=list(HealthCheck))
    @given(req=_request_strategy(app, rule, world))
    def run(req):
        client = signed_in[req["role"]]
        response = _send(client, rule, req)
        _check(client, response, req, endpoint, crashes)
        if endpoint in fz.RESETS_SESSION and req["role"] != "anonymous":
            client.delete_cookie("cocon")
            _sign_in(client, users[req["role"]])
        with client.session_transaction() as session:
            session["locale"] = "fr"

    try:
        run()
    finally:
        logging.getLogger("webapp.errors").removeHandler(crashes)
