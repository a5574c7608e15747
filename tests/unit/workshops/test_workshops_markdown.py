"""Posts in Markdown: rendered, linkified, and never able to run a script."""

from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest
from hypothesis import given, settings, strategies as st

from cocon.errors import InvalidInput
from cocon.workshops.markdown import MAX_LENGTH, check_markdown, quote, render

XSS_PAYLOADS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "<svg/onload=alert(1)>",
    "[clic](javascript:alert(1))",
    "[clic](JaVaScRiPt:alert(1))",
    "[clic](  javascript:alert(1))",
    "[clic](jav&#x09;ascript:alert(1))",
    "![x](javascript:alert(1))",
    "<a href=\"javascript:alert(1)\">x</a>",
    "<div style=\"background:url(javascript:alert(1))\">x</div>",
    "<iframe src=\"https://evil.example\"></iframe>",
    "<p onclick=\"alert(1)\">x</p>",
    "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "<<script>script>alert(1)<</script>/script>",
    "<math><mi xlink:href=\"javascript:alert(1)\">x</mi></math>",
    "```\n<script>alert(1)</script>\n```",
    "[x](vbscript:msgbox(1))",
    "<object data=\"x.swf\"></object><embed src=x>",
    "<form action=javascript:alert(1)><button>x</button></form>",
    "\"><script>alert(1)</script>",
]


class _Audit(HTMLParser):
    """Collects what a browser would treat as markup: tags and attributes."""

    def __init__(self):
        super().__init__()
        self.tags, self.attrs = [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attrs.extend((tag, name, value or "") for name, value in attrs)


def assert_harmless(html: str) -> None:
    audit = _Audit()
    audit.feed(html)
    assert "<script" not in html.lower()
    assert not {"script", "iframe", "object", "embed", "svg", "math", "form", "style", "img"} \
        & set(audit.tags)
    for tag, name, value in audit.attrs:
        assert not name.startswith("on"), (tag, name)
        assert name != "style"
        if name in {"href", "src", "action"}:
            # as a browser reads it: tabs and newlines removed, then the scheme
            cleaned = "".join(c for c in value if c not in "\t\n\r").strip()
            assert urlsplit(cleaned).scheme in {"", "http", "https", "mailto"}, value
    # text may mention these words, escaped; markup never carries them
    assert "javascript:" not in " ".join(v.lower() for _, _, v in audit.attrs)


@pytest.mark.parametrize("payload", XSS_PAYLOADS)
def test_hostile_html_is_neutralised(payload):
    assert_harmless(render(payload))


def test_raw_script_is_shown_as_text_not_run():
    assert "&lt;script&gt;" in render("<script>alert(1)</script>")


def test_markdown_renders_emphasis_lists_quotes_and_links():
    html = render("**gras** et *italique*\n\n- un\n- deux\n\n> cité\n\nVoir https://ess.fr")
    assert "<strong>gras</strong>" in html and "<em>italique</em>" in html
    assert "<li>un</li>" in html and "<blockquote>" in html
    assert '<a href="https://ess.fr" rel="nofollow noopener">https://ess.fr</a>' in html


def test_page_headings_are_pushed_below_the_page_title():
    assert "<h3>Titre</h3>" in render("# Titre")


def test_empty_and_blank_posts_are_refused():
    for text in ("", "   \n\t  ", None):
        with pytest.raises(InvalidInput):
            check_markdown(text)


def test_posts_longer_than_the_maximum_are_refused():
    check_markdown("a" * MAX_LENGTH)
    with pytest.raises(InvalidInput):
        check_markdown("a" * (MAX_LENGTH + 1))


def test_a_quote_starts_with_the_author_and_quotes_each_line():
    assert quote("ligne 1\nligne 2", "Lucie") == "> **Lucie** :\n> ligne 1\n> ligne 2\n\n"


_fragments = st.sampled_from(["<", ">", "\"", "'", "=", "script", "on", "onerror", "javascript:",
                              "style", "href", "[", "](", ")", "<a ", "<img ", " src=", "&#",
                              "\n", "`", "*", "http://x.fr", "expression(", "data:"])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(_fragments, st.text(max_size=5)), max_size=40).map("".join))
def test_no_generated_input_ever_yields_script_handlers_styles_or_js_urls(text):
    assert_harmless(render(text))
