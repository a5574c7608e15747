"""Untrusted text through every renderer: nothing that can run survives, nothing raises.

Two sources of hostile input go through each renderer of user text:
- 5,000 generated Markdown/HTML documents per run (hypothesis; the budget is split below):
  raw tags, event handlers, javascript:/vbscript:/data: URLs with case, entity, whitespace and
  control-character evasion, Markdown links, images, autolinks and references, unicode;
- the published evasion list in tests/data/xss_vectors.txt (OWASP XSS Filter Evasion Cheat
  Sheet, then HTML5-era and Markdown vectors).

Renderers here: forum posts (workshops/markdown.py), proposals, comments and orientations
(the same renderer via proposals/markup.py), amendments (word diff), minutes notes (their own
allow-list); the exports (minutes in HTML, Markdown, ODT, DOCX and PDF, the register's Atom
feed, CSV with its formula guard, JSON) are in test_untrusted_exports.py. Harmless means: no <script, no on*= attribute, no style
attribute or <style>, no javascript:/vbscript:/data: URL in a URL attribute, as a browser
reads it (entities decoded, tabs and newlines dropped, leading controls stripped).
"""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings

from cocon.minutes.notes import ATTRIBUTES as NOTE_ATTRIBUTES, TAGS as NOTE_TAGS, notes_html
from cocon.proposals.markup import diff_html, render_markdown
from cocon.workshops.markdown import ALLOWED_TAGS, render
from xss_checks import BUDGET, hostile_documents, load_vectors, problems, url_scheme

VECTORS = load_vectors()
FAST = dict(deadline=None, suppress_health_check=[HealthCheck.too_slow])


def test_the_budget_and_the_list_are_as_announced():
    assert sum(BUDGET.values()) >= 5000
    assert len(VECTORS) >= 80
    assert any("<IMG SRC=\"jav\tascript:alert('XSS');\">" == v for v in VECTORS)  # \t decoded


def test_the_checks_catch_what_they_must():
    """The harmlessness check itself, against live payloads (a check that sees nothing is
    worthless)."""
    assert problems('<a href="jav&#x09;ascript:alert(1)">x</a>')
    assert problems('<a href=" \x01javascript:alert(1)">x</a>')
    assert problems("<p onclick=alert(1)>x</p>")
    assert problems('<p style="x">x</p>')
    assert problems("<style>p{}</style>")
    assert problems("<ScRiPt>alert(1)</script>")
    assert problems('<a href="DATA:text/html,x">x</a>')
    assert problems("<img src=x>", {"p"})
    assert not problems('<p><a href="https://example.org" rel="nofollow">x</a> &lt;script&gt;</p>')
    assert url_scheme("\tJaVa\nScript:x") == "javascript"


# -- forum posts, proposals, comments, orientations -----------------------------------------

@pytest.mark.parametrize("vector", VECTORS)
def test_evasion_vectors_in_a_post_are_inert(vector):
    html = render(vector)
    assert problems(html, ALLOWED_TAGS) == [], html
    assert problems(render_markdown(vector), ALLOWED_TAGS) == []


@settings(max_examples=BUDGET["posts"], **FAST)
@given(hostile_documents)
def test_generated_posts_are_inert(text):
    html = render(text)
    assert problems(html, ALLOWED_TAGS) == [], html


@settings(max_examples=BUDGET["proposals"], **FAST)
@given(hostile_documents)
def test_generated_proposals_comments_and_orientations_are_inert(text):
    html = render_markdown(text)  # proposals, their comments, and the orientation they become
    assert problems(html, ALLOWED_TAGS) == [], html


# -- amendments ---------------------------------------------------------------------------

@settings(max_examples=BUDGET["amendments"], **FAST)
@given(hostile_documents, hostile_documents)
def test_generated_amendments_show_as_an_escaped_difference(old, new):
    html = diff_html(old, new)
    assert problems(html, {"ins", "del"}) == [], html


@pytest.mark.parametrize("vector", VECTORS[::3])
def test_evasion_vectors_in_an_amendment_are_text(vector):
    html = diff_html("Texte initial", vector)
    assert problems(html, {"ins", "del"}) == []
    assert re.sub(r"</?(ins|del)>", "", html).count("<") == 0


# -- minutes notes and exports ------------------------------------------------------------

@pytest.mark.parametrize("vector", VECTORS)
def test_evasion_vectors_in_notes_are_inert(vector):
    assert problems(notes_html(vector), NOTE_TAGS) == []


@settings(max_examples=BUDGET["notes"], **FAST)
@given(hostile_documents)
def test_generated_notes_are_inert(text):
    html = notes_html(text)
    assert problems(html, NOTE_TAGS) == [], html
    for tag, allowed in NOTE_ATTRIBUTES.items():
        assert allowed <= {"href", "scope"}, tag
