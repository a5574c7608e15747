"""The convocation e-mail sent to every member, with the session's iCalendar invitation."""

from __future__ import annotations

from datetime import datetime

from cocon.council.plenary.ical import plenary_calendar
from cocon.council.plenary.state import PARIS
from cocon.mail import Mail

_TEXT = {
    "fr": ("Convocation : {title}",
           "Bonjour {name},\n\nVous êtes convoqué·e à la séance plénière « {title} » du "
           "{council}, le {date} à {time}{place}.\n\nOrdre du jour :\n{agenda}\n\n"
           "Indiquez votre présence ou donnez une procuration : {url}\n\n"
           "L'invitation est jointe au format iCalendar (.ics).\n"),
    "en": ("Convocation: {title}",
           "Hello {name},\n\nYou are convened to the plenary session \"{title}\" of "
           "{council}, on {date} at {time}{place}.\n\nAgenda:\n{agenda}\n\n"
           "Say whether you will attend or give a proxy: {url}\n\n"
           "The invitation is attached as an iCalendar file (.ics).\n"),
}


def convocation_mails(plenary, *, now: datetime, url: str = "") -> list[Mail]:
    """One mail per member of the council (erased accounts excepted), in their language."""
    calendar = plenary_calendar(plenary, now=now, url=url)
    local = plenary.starts_at.astimezone(PARIS)
    agenda = "\n".join(f"{n}. {item.title}" for n, item in enumerate(plenary.items, 1))
    mails = []
    for membership in plenary.council.memberships:
        user = membership.user
        if user.erased_at is not None:
            continue
        subject, body = _TEXT.get(user.locale, _TEXT["fr"])
        place = f", {plenary.place}" if plenary.place else ""
        if plenary.video_url:
            place += f" ({plenary.video_url})"
        values = {"title": plenary.title, "name": user.display_name,
                  "council": plenary.council.name, "date": local.strftime("%d/%m/%Y"),
                  "time": local.strftime("%H:%M"), "place": place, "agenda": agenda,
                  "url": url}
        mails.append(Mail(to=user.email, subject=subject.format(**values),
                          body=body.format(**values),
                          attachments=[(f"seance-{plenary.id}.ics", "text/calendar", calendar)]))
    return mails
