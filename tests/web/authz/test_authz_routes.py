"""Every route × every role, as declared in matrix.py; then the same with other councils' ids.

A cell passes when an allowed role is let through (and a POST changes the database) and a
refused role gets 401 / a redirect to login (visitors) or 403 / 404 (signed in) with nothing
changed. Nothing ever answers 500. Pages never show what a role may not read (SECRETS).
"""

from __future__ import annotations

import re
import string

import pytest

from web.authz.matrix import (A_FACILITATORS, A_READERS, CASES, ROLES, SAME_COUNCIL_SWAPS,
                              Case)

B_READERS = {"other_member", "other_facilitator", "site_admin"}
# text that a role outside the set must never receive, whatever it requests
SECRETS = {
    "Séance A brouillon": A_FACILITATORS,      # a draft session
    "Atelier interne A": A_READERS,            # a members-only workshop, its thread and post
    "Fil interne A": A_READERS,
    "Un message interne A": A_READERS,
    "Asso A": A_FACILITATORS | {"citizen"},    # a pending organisation (the citizen adds it)
    "Conseil privé": {"site_admin"},           # a private council
    "Séance B brouillon": {"other_facilitator", "site_admin"},
    "Fil interne B": B_READERS,
    "Un message interne B": B_READERS,
}
NOT_IDS = {"slug", "private_slug", "year", "token", "question"}


def _placeholders(template: str) -> list[str]:
    return [name for _, name, _, _ in string.Formatter().parse(template) if name]


def _refused(role: str, outcome) -> bool:
    if role == "anonymous":
        return outcome.status in (401, 403, 404) or outcome.to_login
    return outcome.status in (403, 404)


def _check(case: Case, role: str, outcome, *, allowed: bool) -> str | None:
    """What is wrong with this cell, or None."""
    where = f"{role}: {case.method} {case.url} -> {outcome.status} {outcome.location}"
    if outcome.status >= 500:
        return f"{where} (server error)"
    for text, readers in SECRETS.items():
        if role not in readers and text in outcome.body:
            return f"{where} shows « {text} »"
    if role in case.special:
        if outcome.status != case.special[role] or outcome.committed:
            return f"{where}, expected {case.special[role]} and no change {outcome.committed}"
        return None
    if not allowed:
        if not _refused(role, outcome):
            return f"{where}, expected a refusal"
        if outcome.committed:
            return f"{where} refused but changed {sorted(outcome.committed)}"
        return None
    if _refused(role, outcome) or outcome.to_login or outcome.status == 401:
        return f"{where}, expected to be allowed"
    if case.method == "GET" and outcome.status >= 400:
        return f"{where}, expected a page"
    if case.method != "GET" and case.changes and not outcome.committed:
        return f"{where}, allowed but nothing changed"
    return None


def test_every_route_is_declared(authz):
    routes = {(rule.endpoint, method) for rule in authz.app.url_map.iter_rules()
              for method in rule.methods - {"HEAD", "OPTIONS"}}
    declared = {(case.endpoint, case.method) for case in CASES}
    assert sorted(routes - declared) == [], "declare these routes in tests/web/authz/matrix.py"
    assert sorted(declared - routes) == [], "these declared routes no longer exist"
    assert len(routes) >= 140  # the test is not silently empty


def test_every_declared_role_exists():
    for case in CASES:
        assert set(case.allow) <= set(ROLES) and set(case.special) <= set(ROLES), case.name


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
def test_matrix(authz, case):
    problems = []
    for role in ROLES:
        outcome = authz.request(role, case.method, case.url, data=case.data, json=case.json,
                                files=case.files)
        problem = _check(case, role, outcome, allowed=role in case.allow)
        if problem:
            problems.append(problem)
    assert not problems, "\n".join(problems)


def idor_variants(case: Case) -> list[tuple[str, str]]:
    """The case's URL with one id swapped for B's object or another parent's, one at a time."""
    variants = []
    for name in _placeholders(case.url):
        if name in NOT_IDS or name.startswith("b_"):
            continue
        for other in (f"b_{name}", SAME_COUNCIL_SWAPS.get(name)):
            if other:
                url = case.url.replace("{" + name + "}", "{" + other + "}")
                variants.append((f"{name}->{other}", url))
    return variants


IDOR = [(case, label, url) for case in CASES if case.idor
        for label, url in idor_variants(case)]


@pytest.mark.parametrize("case,label,url", IDOR,
                         ids=[f"{c.method} {c.endpoint} {label}" for c, label, _ in IDOR])
def test_no_idor(authz, case, label, url):
    problems = []
    for role in ROLES:
        outcome = authz.request(role, case.method, url, data=case.data, json=case.json,
                                files=case.files)
        where = f"{role}: {case.method} {url} -> {outcome.status} {outcome.location}"
        refused = _refused(role, outcome) or outcome.status == case.idor_refusal
        if outcome.status >= 500 or not refused:
            problems.append(f"{where}, expected a refusal")
        elif outcome.committed:
            problems.append(f"{where} changed {sorted(outcome.committed)}")
    assert not problems, "\n".join(problems)


def test_the_idor_variants_cover_every_kind_of_id():
    kinds = {label.split("->")[0] for _, label, _ in IDOR}
    assert {"pl_open", "pl_draft", "item_draft", "ballot_open", "prop_sub", "amend",
            "orientation", "indicator", "w_pub", "w_mem", "t_pub", "post_author",
            "org_valid", "org_pending", "membership", "cr_draft", "cr_item_draft"} <= kinds
    assert re.search(r"b_", " ".join(label for _, label, _ in IDOR))
