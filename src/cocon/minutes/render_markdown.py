"""Markdown export: every piece of text escaped, so nothing in it is read as markup or HTML."""

from __future__ import annotations

import re

from .blocks import Bullets, Heading, Layout, Notes, Para, Table
from .document import MinutesDocument
from .layout import lay_out

_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&])")
_LINE_START = re.compile(r"^(\s*)([#+\-=]|\d+(?=[.)]))")


def _escape_line(line: str) -> str:
    line = _SPECIAL.sub(r"\\\1", line)
    match = _LINE_START.match(line)
    if match and match.group(2)[0].isdigit():
        return line[:match.end()] + "\\" + line[match.end():]
    return _LINE_START.sub(r"\1\\\2", line)


def escape(text: str) -> str:
    """Backslash-escape what Markdown would read as markup; newlines become hard breaks."""
    return "\\\n".join(_escape_line(line) for line in text.split("\n"))


def _cell(text: str) -> str:
    return _SPECIAL.sub(r"\\\1", text.replace("\n", " ")) or " "


def _table(block: Table) -> list[str]:
    lines = [f"*{escape(block.caption)}*", "",
             "| " + " | ".join(_cell(h) for h in block.header) + " |",
             "|" + "---|" * len(block.header)]
    lines += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in block.rows]
    return lines + [""]


def _para(block: Para) -> list[str]:
    if block.style == "code":
        # a fence, not an indented block: after a list, indented lines would continue the list
        # item as Markdown (and raw HTML); the fence is longer than any backtick run inside
        longest = max((len(run) for run in re.findall(r"`+", block.text)), default=0)
        fence = "`" * max(3, longest + 1)
        return [fence, *block.text.split("\n"), fence, ""]
    text = escape(block.text)
    if block.style == "strong":
        text = f"**{text}**"
    elif block.style == "quote":
        text = "> " + text.replace("\n", "\n> ")
    return [text, ""]


def _block(block) -> list[str]:
    if isinstance(block, Heading):
        return ["#" * block.level + " " + escape(block.text), ""]
    if isinstance(block, Para):
        return _para(block)
    if isinstance(block, Bullets):
        return ["- " + escape(item).replace("\n", "\n  ") for item in block.items] + [""]
    if isinstance(block, Table):
        return _table(block)
    if isinstance(block, Notes):
        return [line for inner in block.blocks for line in _block(inner)]
    raise TypeError(type(block))


def render_layout_markdown(layout: Layout) -> str:
    """Markdown text of a laid-out compte rendu."""
    lines = [line for block in layout.blocks for line in _block(block)]
    return "\n".join(lines).rstrip("\n") + "\n"


def render_markdown(document: MinutesDocument) -> bytes:
    """The compte rendu as UTF-8 Markdown; its last line carries the content fingerprint."""
    return render_layout_markdown(lay_out(document)).encode("utf-8")
