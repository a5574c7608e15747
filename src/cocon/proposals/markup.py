"""Proposal text as safe HTML, and amendments shown as a word-level difference."""

from __future__ import annotations

import difflib
import re
from html import escape

from cocon.workshops.markdown import render as _render_workshop_markdown

_TOKENS = re.compile(r"\s+|[^\s]+")


def render_markdown(text: str) -> str:
    """The workshops' renderer (markdown-it js-default, then nh3), so texts look alike."""
    return _render_workshop_markdown(text or "")


def diff_html(old: str, new: str) -> str:
    """An escaped word-level difference: <del> for removed words, <ins> for added ones."""
    before, after = _TOKENS.findall(old or ""), _TOKENS.findall(new or "")
    parts: list[str] = []
    matcher = difflib.SequenceMatcher(a=before, b=after, autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            parts.append(escape("".join(before[a1:a2])))
            continue
        if a2 > a1:
            parts.append(f"<del>{escape(''.join(before[a1:a2]))}</del>")
        if b2 > b1:
            parts.append(f"<ins>{escape(''.join(after[b1:b2]))}</ins>")
    return "".join(parts)


def diff_stats(old: str, new: str) -> tuple[int, int]:
    """How many words were removed and added, for a text alternative to the colours."""
    before, after = (old or "").split(), (new or "").split()
    removed = added = 0
    for op, a1, a2, b1, b2 in difflib.SequenceMatcher(a=before, b=after).get_opcodes():
        if op != "equal":
            removed += a2 - a1
            added += b2 - b1
    return removed, added
