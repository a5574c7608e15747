"""An iCalendar (RFC 5545) invitation for a plenary, written by hand: CRLF, escaping, folding."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

DEFAULT_LENGTH = timedelta(hours=2)


def escape_text(value: str) -> str:
    """Escape a TEXT value (RFC 5545 §3.3.11): backslash, semicolon, comma, newlines."""
    return (value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n"))


def fold(line: str) -> str:
    """Fold a content line at 75 octets, never inside a UTF-8 character (§3.1)."""
    out, current, size = [], "", 0
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > 75:
            out.append(current)
            current, size = " ", 1
        current += char
        size += width
    out.append(current)
    return "\r\n".join(out)


def utc_stamp(moment: datetime) -> str:
    """A DATE-TIME in UTC form, e.g. 20261123T180000Z."""
    return moment.astimezone(timezone.utc).strftime("%Y%m%dT%H%M%SZ")


def end_of(plenary) -> datetime:
    """The end given, else the agenda's expected length, else two hours."""
    if plenary.ends_at is not None:
        return plenary.ends_at
    minutes = sum(item.expected_minutes or 0 for item in plenary.items)
    return plenary.starts_at + (timedelta(minutes=minutes) if minutes else DEFAULT_LENGTH)


def plenary_calendar(plenary, *, now: datetime, url: str = "", domain: str = "cocon") -> bytes:
    """The .ics file of a session: one VEVENT with its agenda in the description."""
    agenda = "\n".join(f"{n}. {item.title}" for n, item in enumerate(plenary.items, 1))
    description = "\n\n".join(part for part in (plenary.description, agenda, url) if part)
    location = plenary.place or plenary.video_url
    lines = [
        "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//cocon//Conseil de l'ESS//FR",
        "CALSCALE:GREGORIAN", "METHOD:PUBLISH", "BEGIN:VEVENT",
        f"UID:plenary-{plenary.id}@{domain}", f"DTSTAMP:{utc_stamp(now)}",
        f"DTSTART:{utc_stamp(plenary.starts_at)}", f"DTEND:{utc_stamp(end_of(plenary))}",
        f"SUMMARY:{escape_text(plenary.title)}",
    ]
    if location:
        lines.append(f"LOCATION:{escape_text(location)}")
    if description:
        lines.append(f"DESCRIPTION:{escape_text(description)}")
    if url:
        lines.append(f"URL:{url}")
    status = "CONFIRMED" if plenary.convened_at else "TENTATIVE"
    lines += [f"STATUS:{status}", "END:VEVENT", "END:VCALENDAR"]
    return ("\r\n".join(fold(line) for line in lines) + "\r\n").encode("utf-8")
