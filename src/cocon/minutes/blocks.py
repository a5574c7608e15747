"""The format-neutral layout every renderer walks, so that all exports say the same thing."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Heading:
    level: int  # 1 to 4
    text: str


@dataclass(frozen=True)
class Para:
    text: str
    style: str = "body"  # body, meta, strong, quote, code, fingerprint


@dataclass(frozen=True)
class Bullets:
    items: tuple[str, ...]


@dataclass(frozen=True)
class Table:
    caption: str
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    # the first cell of each row names the row (th scope="row" in HTML)
    row_headers: bool = True


@dataclass(frozen=True)
class Notes:
    """The facilitator's notes: sanitised HTML for HTML/PDF, the same text as blocks elsewhere."""

    html: str
    blocks: tuple = field(default_factory=tuple)


@dataclass
class Layout:
    """A laid-out compte rendu: title, language, running header text, blocks, fingerprint."""

    title: str
    lang: str
    council_name: str
    fingerprint: str
    blocks: list = field(default_factory=list)
    labels: dict = field(default_factory=dict)
