"""Posts in Markdown: rendered without raw HTML, links made, then sanitised by an allow-list."""

from __future__ import annotations

import re
from functools import lru_cache

import nh3
from markdown_it import MarkdownIt

from cocon.errors import InvalidInput

MAX_LENGTH = 20_000
ALLOWED_TAGS = {"p", "br", "strong", "em", "del", "s", "code", "pre", "blockquote", "ul", "ol",
                "li", "a", "h3", "h4", "h5", "h6", "hr", "table", "thead", "tbody", "tr", "th",
                "td", "span"}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "span": {"class"}, "ol": {"start"},
                      "th": {"align"}, "td": {"align"}}
_HEADING = re.compile(r"<(/?)h([12])>")


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    return MarkdownIt("js-default", {"linkify": True, "typographer": False}).enable(
        ["linkify", "strikethrough", "table"])


def check_markdown(text: object) -> str:
    """The Markdown text of a post, refused when empty, blank or too long."""
    if not isinstance(text, str):
        raise InvalidInput("The field %(field)s must be text.", field="body")
    text = text.replace("\r\n", "\n").replace("\x00", "")
    if not text.strip():
        raise InvalidInput("The field %(field)s is required.", field="body")
    if len(text) > MAX_LENGTH:
        raise InvalidInput("The field %(field)s may have at most %(n)s characters.",
                           field="body", n=MAX_LENGTH)
    return text


def sanitise(html: str) -> str:
    """Keep only harmless tags and attributes; links get rel="nofollow noopener"."""
    return nh3.clean(html, tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES,
                     url_schemes={"http", "https", "mailto"}, link_rel="nofollow noopener",
                     strip_comments=True)


def render(text: str) -> str:
    """Safe HTML for a post's Markdown (page headings stay above the post's own)."""
    html = _parser().render(text)
    html = _HEADING.sub(lambda m: f"<{m.group(1)}h{int(m.group(2)) + 2}>", html)
    return sanitise(html)


def quote(text: str, author: str) -> str:
    """The Markdown quoting a post, to start a reply with."""
    lines = text.strip().splitlines()[:30]
    return f"> **{author}** :\n" + "\n".join(f"> {line}" for line in lines) + "\n\n"


def plain_text(text: str) -> str:
    """A post as plain words, for search and notifications."""
    return " ".join(re.sub(r"<[^>]+>", " ", render(text)).split())
