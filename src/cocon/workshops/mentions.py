"""@mentions: "@Claire Dubois" or "@claire-dubois" resolved to people of the workshop's council."""

from __future__ import annotations

import re
from typing import Iterable

from cocon.accounts.models import User
from cocon.validation import slugify

_MENTION = re.compile(r"(?<![\w@])@([\w][\w.\-]*(?:[ \u00a0][\w][\w.\-]*){0,3})", re.UNICODE)


def handle(user: User) -> str:
    """The handle of a person: their display name as a slug ("Claire Dubois" → claire-dubois)."""
    return slugify(user.display_name, max_length=80)


def find_mentions(text: str, candidates: Iterable[User]) -> list[User]:
    """People mentioned in a text, by display name (longest first) or by handle."""
    people = [u for u in candidates if not u.is_erased]
    by_handle = {handle(u): u for u in people}
    by_name = sorted(((u.display_name.casefold(), u) for u in people), key=lambda p: -len(p[0]))
    found: dict[int, User] = {}
    for match in _MENTION.finditer(text):
        # "@Bruno Membre." ends a sentence: the full stop is not part of the name
        words = match.group(1).replace("\u00a0", " ").rstrip(".-")
        folded = words.casefold()
        user = next((u for name, u in by_name if folded.startswith(name) and (
            len(folded) == len(name) or not folded[len(name)].isalnum())), None)
        if user is None:
            first = words.split(" ")[0].rstrip(".-")
            user = by_handle.get(first.lower())
        if user is not None:
            found.setdefault(user.id, user)
    return list(found.values())
