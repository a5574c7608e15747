"""The facilitator's Markdown notes: sanitised HTML for pages and PDF, plain blocks elsewhere.

Raw HTML in notes is never interpreted: markdown-it-py's "js-default" preset shows it as text,
and nh3 then keeps only an allow-list of tags, so a <script> becomes harmless text or nothing.
"""

from __future__ import annotations

import nh3
from markdown_it import MarkdownIt

TAGS = {"p", "br", "strong", "em", "ul", "ol", "li", "blockquote", "code", "pre", "a", "h4",
        "h5", "h6", "s", "table", "thead", "tbody", "tr", "th", "td", "hr"}
ATTRIBUTES = {"a": {"href"}, "th": {"scope"}}


def _markdown() -> MarkdownIt:
    return MarkdownIt("js-default")


def _demote(html: str) -> str:
    # notes live under an h3 item heading; their own headings must stay below it
    for level in (3, 2, 1):
        html = html.replace(f"<h{level}>", f"<h{level + 3}>").replace(f"</h{level}>",
                                                                      f"</h{level + 3}>")
    return html


def notes_html(source: str) -> str:
    """Sanitised HTML of Markdown notes (headings demoted to h4–h6)."""
    html = _demote(_markdown().render(source))
    return nh3.clean(html, tags=TAGS, attributes=ATTRIBUTES, link_rel="noopener noreferrer",
                     url_schemes={"http", "https", "mailto"})


def _inline_text(token) -> str:
    parts = []
    for child in token.children or []:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type == "softbreak":
            parts.append(" ")
        elif child.type == "hardbreak":
            parts.append("\n")
        elif child.type == "image":
            parts.append(child.content or child.attrs.get("alt", ""))
    return "".join(parts)


def notes_blocks(source: str) -> list[tuple[str, str]]:
    """Markdown notes as (kind, text) blocks, kind one of "p", "li", "quote", "code", "heading"."""
    blocks: list[tuple[str, str]] = []
    in_list = in_quote = 0
    heading = in_cell = False
    row: list[str] = []
    for token in _markdown().parse(source):
        kind = token.type
        if kind in ("bullet_list_open", "ordered_list_open"):
            in_list += 1
        elif kind in ("bullet_list_close", "ordered_list_close"):
            in_list -= 1
        elif kind == "blockquote_open":
            in_quote += 1
        elif kind == "blockquote_close":
            in_quote -= 1
        elif kind == "heading_open":
            heading = True
        elif kind == "heading_close":
            heading = False
        elif kind in ("fence", "code_block"):
            blocks.append(("code", token.content.rstrip("\n")))
        elif kind in ("th_open", "td_open"):
            in_cell = True
        elif kind in ("th_close", "td_close"):
            in_cell = False
        elif kind == "tr_open":
            row = []
        elif kind == "tr_close":
            blocks.append(("p", " | ".join(row)))
        elif kind == "inline":
            text = _inline_text(token)
            if in_cell:
                row.append(text)
            elif heading:
                blocks.append(("heading", text))
            elif in_list:
                blocks.append(("li", text))
            elif in_quote:
                blocks.append(("quote", text))
            elif text.strip():
                blocks.append(("p", text))
    return blocks

