"""What "harmless" means for rendered user text, read as a browser would read it, and the
generators of hostile Markdown/HTML (shared by the unit and web XSS tests)."""

from __future__ import annotations

import random
import re
from html.parser import HTMLParser
from pathlib import Path

from hypothesis import strategies as st

# the hypothesis budget: at least 5,000 generated inputs per run, all renderers together
# (test_untrusted_rendering.py: posts, proposals, amendments, notes; test_untrusted_exports.py:
# the minutes exports)
BUDGET = {"posts": 1700, "proposals": 700, "amendments": 700, "notes": 1500,
          "minutes_exports": 400, "office_exports": 30}
VECTORS_FILE = Path(__file__).resolve().parents[2] / "data" / "xss_vectors.txt"
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "background", "srcset",
                  "data", "poster", "dynsrc", "lowsrc", "codebase", "cite", "longdesc",
                  "manifest", "icon", "ping", "srcdoc", "to", "values", "from", "by"}
SAFE_SCHEMES = {"", "http", "https", "mailto"}
_ESCAPES = {"{TAB}": "\t", "{LF}": "\n", "{CR}": "\r", "{NUL}": "\x00"}


def load_vectors() -> list[str]:
    """The published evasion vectors (tests/data/xss_vectors.txt), escapes decoded."""
    vectors = []
    for line in VECTORS_FILE.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line == "#" or line.startswith("# "):
            continue
        vectors.append(re.sub(r"\{(TAB|LF|CR|NUL)\}", lambda m: _ESCAPES[m.group(0)], line))
    return vectors


class Markup(HTMLParser):
    """Every start tag and attribute of an HTML text, values unescaped as a browser does."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.attributes: list[tuple[str, str, str]] = []
        self.script_bodies: list[str] = []
        self._in_script = False
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attributes.extend((tag, name, value or "") for name, value in attrs)
        self._in_script = tag == "script"

    handle_startendtag = handle_starttag

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = False

    def handle_data(self, data):
        if self._in_script and data.strip():
            self.script_bodies.append(data)


def url_scheme(value: str) -> str:
    """The scheme a browser would see: leading spaces and C0 controls stripped, tabs and
    newlines removed anywhere (URL standard), lower-cased."""
    cleaned = re.sub(r"[\t\n\r]", "", value).lstrip("\x00\x01\x02\x03\x04\x05\x06\x07\x08\x0b"
                                                    "\x0c\x0e\x0f\x10\x11\x12\x13\x14\x15\x16"
                                                    "\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f ")
    match = re.match(r"([a-zA-Z][a-zA-Z0-9+.\-]*):", cleaned)
    return match.group(1).lower() if match else ""


# elements user text must never produce; a page may still have its own forms, inputs, meta,
# links and inline SVG charts, but none of the elements that load or run something
USER_FORBIDDEN = {"style", "iframe", "object", "embed", "frame", "frameset", "base", "meta",
                  "link", "svg", "math", "form", "img", "input", "button", "video", "audio",
                  "template", "xml", "applet", "isindex", "keygen", "marquee", "bgsound"}
PAGE_FORBIDDEN = {"style", "iframe", "object", "embed", "frame", "frameset", "base", "math",
                  "img", "video", "audio", "template", "xml", "applet", "isindex", "keygen",
                  "marquee", "bgsound"}


def problems(html: str, allowed_tags: set[str] | None = None, *, page: bool = False
             ) -> list[str]:
    """Why an HTML text could run something: script, handler, style, dangerous URL.

    `page=True` reads a whole page of cocon: its own <script src="/static/..."> files, forms
    and charts are expected there; nothing else that runs or loads is.
    """
    found = []
    markup = Markup(html)
    if not page and "<script" in html.lower():
        found.append("a <script tag")
    if "<style" in html.lower():
        found.append("a <style> element")
    for tag in markup.tags:
        if allowed_tags is not None and tag not in allowed_tags:
            found.append(f"tag <{tag}> outside the allow-list")
        if tag in (PAGE_FORBIDDEN if page else USER_FORBIDDEN):
            found.append(f"a <{tag}> element")
    for tag, name, value in markup.attributes:
        if name.startswith("on"):
            found.append(f"event handler {name} on <{tag}>")
        if name == "style":
            found.append(f"style attribute on <{tag}>")
        if name in URL_ATTRIBUTES:
            for part in value.split(","):  # srcset, values: lists of URLs
                if url_scheme(part.strip()) not in SAFE_SCHEMES:
                    found.append(f"{name}={value!r} on <{tag}>")
        if tag == "script" and not (page and name == "src" and value.startswith("/static/")) \
                and name not in {"defer", "type", "nonce"}:
            found.append(f"script attribute {name}={value!r}")
    if markup.script_bodies:
        found.append("an inline script body")
    static_scripts = sum(1 for tag, name, value in markup.attributes
                         if tag == "script" and name == "src" and value.startswith("/static/"))
    if page and markup.tags.count("script") != static_scripts:
        found.append("a <script> without a /static/ source")
    return found


# -- hostile Markdown and HTML -------------------------------------------------------------
# Built from a random source seeded by hypothesis (cheap to generate: thousands of documents a
# run, all different), around hypothesis's own unicode text.

SCHEMES = ["javascript", "vbscript", "data", "livescript", "jscript", "mocha"]
SPACES = ["", " ", "\t", "\n", "\r", "\x00", "\x0b", "\x0c", "&#x09;", "&#10;", "&Tab;",
          "&NewLine;", "&#0;", "\u00a0", "\u200b", "%09", "%0a"]
COLONS = [":", "&colon;", "&#58;", "&#x3a;", "&#X3A;", "%3a", "&#0000058", "&#58"]
PAYLOADS = ["alert(1)", "alert(document.cookie)", "//%0aalert(1)", "msgbox(1)",
            "text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
            "text/html,<script>alert(1)</script>", "image/svg+xml,<svg onload=alert(1)>"]
TAGS = ["script", "img", "svg", "iframe", "a", "div", "span", "p", "style", "object", "embed",
        "math", "form", "input", "button", "details", "video", "audio", "body", "base", "meta",
        "link", "table", "td", "marquee", "xss", "template", "noscript", "select", "textarea",
        "h1", "code", "pre", "ol", "li", "blockquote"]
EVENTS = ["onerror", "onload", "onclick", "onmouseover", "onfocus", "ontoggle", "onbegin",
          "onpageshow", "onstart", "onanimationstart", "ONERROR", "oNlOaD", "on error"]
ATTRIBUTES = ["href", "src", "action", "formaction", "xlink:href", "background", "srcset",
              "data", "style", "class", "title", "id", "srcdoc", "dynsrc", "lowsrc", "poster",
              "align", "start"]
SAFE_URLS = ["https://example.org", "mailto:a@example.org", "/relatif", "#ancre",
             "http://example.org/?a=1&b=2"]


def _mixed_case(rng, word: str) -> str:
    return "".join(c.upper() if rng.random() < 0.3 else c for c in word)


def _encode(rng, char: str) -> str:
    return rng.choice([f"&#{ord(char)};", f"&#x{ord(char):x};", f"&#{ord(char):07d}",
                       f"&#X{ord(char):X}", f"%{ord(char):02x}"])


def evasive_url(rng) -> str:
    """A javascript:/vbscript:/data: URL dressed up: case, entities, whitespace, controls."""
    letters = []
    for char in _mixed_case(rng, rng.choice(SCHEMES)):
        if rng.random() < 0.12:
            letters.append(rng.choice(SPACES))
        letters.append(_encode(rng, char) if rng.random() < 0.15 else char)
    return rng.choice(SPACES) + "".join(letters) + rng.choice(COLONS) + rng.choice(PAYLOADS)


def _value(rng, text: str) -> str:
    return rng.choice([evasive_url(rng), evasive_url(rng), "alert(1)", "x:expression(alert(1))",
                       "background:url(javascript:alert(1))", rng.choice(SAFE_URLS), "#", text])


def html_tag(rng, text: str = "x") -> str:
    """A raw HTML tag with event handlers, URLs and styles, in every quoting."""
    tag = _mixed_case(rng, rng.choice(TAGS))
    parts = [f"<{tag}"]
    for _ in range(rng.randint(0, 3)):
        name = rng.choice(EVENTS + ATTRIBUTES)
        quote = rng.choice(['"', "'", "`", ""])
        parts.append(f"{rng.choice([' ', '/', chr(9), chr(10), ' ' + chr(0)])}{name}="
                     f"{quote}{_value(rng, text)}{quote}")
    body = rng.choice(["", "alert(1)", text, "<script>alert(1)</script>"])
    return ("".join(parts) + rng.choice([">", "/>", " >", ""]) + body
            + rng.choice([f"</{tag}>", "", f"</{tag}"]))


def markdown_piece(rng, text: str = "x") -> str:
    """A Markdown construct carrying a hostile URL or raw HTML."""
    url = evasive_url(rng) if rng.random() < 0.75 else rng.choice(SAFE_URLS)
    label = html_tag(rng, text) if rng.random() < 0.3 else text
    return rng.choice([
        f"[{label}]({url})", f"![{label}]({url})", f"<{url}>", f"[{label}][r]\n\n[r]: {url}",
        f"[{label}](<{url}>)", f'[{label}]({url} "titre")', f"# {label}", f"**{label}**",
        f"`{label}`", f"```\n{label}\n```", f"> {label}", f"- {label}", f"1. {label}",
        f"| a | b |\n|---|---|\n| {label} | [x]({url}) |", f"    {label}", f"~~{label}~~",
        f"{label}\n===", f"<!-- {label} -->", f"www.example.org/{label}", url,
        f"[{label}]({url.replace(':', '&colon;', 1)})", f"<{label}@example.org>",
    ])


def _document(rng, texts: list[str]) -> str:
    parts = []
    for text in texts:
        kind = rng.random()
        if kind < 0.45:
            parts.append(markdown_piece(rng, text))
        elif kind < 0.75:
            parts.append(html_tag(rng, text))
        elif kind < 0.85:
            parts.append(evasive_url(rng))
        else:
            parts.append(text)
        parts.append(rng.choice(["", " ", "\n", "\n\n", "&", "&amp;", "&lt;script&gt;", "<",
                                 ">", '"', "'", "\\"]))
    return "".join(parts)


UNICODE = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=12)


def _seeded_document(seed: int, texts: list[str]) -> str:
    # the random source depends on the texts too: two examples never build the same document
    return _document(random.Random(repr((seed, texts))), texts)


hostile_documents = st.builds(_seeded_document, st.integers(0, 2 ** 64 - 1),
                              st.lists(UNICODE, min_size=1, max_size=8))
