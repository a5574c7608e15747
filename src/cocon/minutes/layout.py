"""Lay a MinutesDocument out as format-neutral blocks, in the document's language."""

from __future__ import annotations

from .blocks import Bullets, Heading, Layout, Notes, Para, Table
from .document import ATTENDANCE_STATUSES, MinutesDocument
from .hashing import content_hash
from .labels import labels_for
from .layout_votes import quorum_line, vote_blocks
from .notes import notes_blocks, notes_html
from .typography import format_day, format_when, is_english, polish


class Typesetter:
    """Labels and text helpers of one language; every string of a layout goes through it."""

    def __init__(self, locale: str, tz: str):
        self.lang = "en" if is_english(locale) else "fr"
        self.tz = tz
        self.L = {k: polish(v, self.lang) for k, v in labels_for(self.lang).items()}

    def text(self, value) -> str:
        return polish(value, self.lang)

    def pair(self, key: str, value: str) -> str:
        sep = ": " if self.lang == "en" else " : "
        return polish(f"{self.L[key]}{sep}{value}", self.lang)

    def number(self, value) -> str:
        value = str(value)
        return value.replace(".", ",") if self.lang == "fr" else value

    def when(self, value) -> str:
        return format_when(value, self.lang, self.tz)


def _header(doc: MinutesDocument, t: Typesetter) -> list:
    kind = t.L["kind_extraordinary" if doc.kind == "extraordinary" else "kind_ordinary"]
    status = t.L.get(f"status_{doc.status}", t.text(doc.status))
    meta = [t.text(doc.council_name), t.pair("session", kind), t.pair("date", t.when(doc.starts_at))]
    if doc.place:
        meta.append(t.pair("place", t.text(doc.place)))
    if doc.convened_at:
        meta.append(t.pair("convened", format_day(doc.convened_at, t.lang, t.tz)))
    meta.append(t.pair("status", status))
    return [Heading(1, t.text(f"{t.L['minutes']} — {doc.session_title}"))] + [
        Para(m, "meta") for m in meta]


def _attendance(doc: MinutesDocument, t: Typesetter) -> list:
    cols = [t.L[f"col_{s}"] for s in ATTENDANCE_STATUSES]
    rows = [(t.text(c.college), *(str(c.count(s)) for s in ATTENDANCE_STATUSES),
             str(len(c.attendees))) for c in doc.attendance]
    rows.append((t.L["total"], *(str(doc.attendance_total(s)) for s in ATTENDANCE_STATUSES),
                 str(sum(len(c.attendees) for c in doc.attendance))))
    out = [Heading(2, t.L["attendance"]),
           Table(t.L["attendance_summary"], (t.L["college"], *cols, t.L["total"]), tuple(rows)),
           Para(quorum_line(doc.quorum, t), "strong")]
    for college in doc.attendance:
        out.append(Heading(3, t.pair("college", t.text(college.college))))
        out.append(Table(t.text(college.college),
                         (t.L["name"], t.L["organisation"], t.L["presence"], t.L["represented_by"]),
                         tuple((t.text(a.name), t.text(a.organisation or ""),
                                t.L.get(f"att_{a.status}", t.text(a.status)),
                                t.text(a.proxy_holder or "")) for a in college.attendees)))
    return out


def _notes(source: str, t: Typesetter) -> Notes:
    source = t.text(source)
    blocks = []
    for kind, text in notes_blocks(source):
        if kind == "li" and blocks and isinstance(blocks[-1], Bullets):
            blocks[-1] = Bullets(blocks[-1].items + (text,))
        elif kind == "li":
            blocks.append(Bullets((text,)))
        else:
            blocks.append(Para(text, {"p": "body", "heading": "strong"}.get(kind, kind)))
    return Notes(notes_html(source), tuple(blocks))


def _items(doc: MinutesDocument, t: Typesetter) -> list:
    out = [Heading(2, t.L["agenda"]),
           Bullets(tuple(t.text(f"{n}. {i.title}") for n, i in enumerate(doc.items, 1)))]
    vote_number = 0
    for n, item in enumerate(doc.items, 1):
        out.append(Heading(3, t.text(f"{t.L['item']} {n}. {item.title}")))
        if item.notes.strip():
            out.append(_notes(item.notes, t))
        else:
            out.append(Para(t.L["no_notes"], "meta"))
        if item.proposals:
            out.append(Para(t.L["proposals"], "strong"))
            out.append(Bullets(tuple(t.text(p) for p in item.proposals)))
        if not item.votes:
            out.append(Para(t.L["no_vote"], "meta"))
        for vote in item.votes:
            vote_number += 1
            out.extend(vote_blocks(vote, vote_number, t))
    return out


def _closing(doc: MinutesDocument, t: Typesetter) -> list:
    out: list = [Heading(2, t.L["orientations"])]
    if not doc.orientations:
        out.append(Para(t.L["no_orientation"], "meta"))
    for o in doc.orientations:
        out += [Heading(3, t.text(o.title)), Para(t.text(o.wording), "quote")]
    out.append(Heading(2, t.L["actions"]))
    if doc.actions:
        out.append(Table(t.L["actions"], (t.L["action"], t.L["responsible"], t.L["due"]),
                         tuple((t.text(a.description), t.text(a.responsible or ""),
                                format_day(a.due, t.lang)) for a in doc.actions)))
    else:
        out.append(Para(t.L["no_action"], "meta"))
    nxt = t.when(doc.next_session_at) if doc.next_session_at else t.L["not_set"]
    out += [Heading(2, t.L["next_session"]), Para(t.text(nxt))]
    return out


def lay_out(doc: MinutesDocument) -> Layout:
    """The blocks of a compte rendu, ending with its content fingerprint."""
    t = Typesetter(doc.locale, doc.timezone)
    digest = content_hash(doc)
    blocks = _header(doc, t) + _attendance(doc, t) + _items(doc, t) + _closing(doc, t)
    blocks.append(Para(t.pair("fingerprint", digest), "fingerprint"))
    return Layout(title=t.text(f"{t.L['minutes']} — {doc.session_title}"), lang=t.lang,
                  council_name=t.text(doc.council_name), fingerprint=digest, blocks=blocks,
                  labels=t.L)
