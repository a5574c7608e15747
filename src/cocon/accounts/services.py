"""Account services: register, authenticate, change password, update the profile."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from cocon.accounts.models import ERASED_NAME, NAME_MAX, User
from cocon.accounts.passwords import (
    check_password_rules, hash_password, needs_rehash, verify_password,
)
from cocon.errors import Conflict, InvalidInput
from cocon.french import fold
from cocon.validation import clean_email, clean_text

LOCALES = ("fr", "en")


def find_user_by_email(db: Session, email: str) -> User | None:
    """The account with this e-mail address (case-insensitive), if any."""
    return db.scalar(select(User).where(func.lower(User.email) == email.strip().lower()))


def _name(value: object) -> str:
    name = clean_text(value, field="display_name", max_length=NAME_MAX)
    if fold(name) in {fold(ERASED_NAME), fold("Participant supprimé"), fold("Deleted participant"),
                      fold("Participante supprimée")}:
        raise InvalidInput("This name is kept for deleted accounts; choose another.")
    return name


def register_user(db: Session, *, email: str, password: str, display_name: str,
                  locale: str = "fr", now: datetime, is_site_admin: bool = False) -> User:
    """Create an account after checking every field; a taken e-mail is a Conflict."""
    email = clean_email(email)
    display_name = _name(display_name)
    if locale not in LOCALES:
        raise InvalidInput("Unknown language.")
    check_password_rules(password, email=email, name=display_name)
    if find_user_by_email(db, email) is not None:
        raise Conflict("An account already exists with this e-mail address.")
    user = User(email=email, display_name=display_name, password_hash=hash_password(password),
                locale=locale, created_at=now, is_site_admin=is_site_admin)
    db.add(user)
    db.flush()
    return user


def authenticate(db: Session, *, email: str, password: str, now: datetime) -> User | None:
    """The account if the password is right; None otherwise, in the same time either way."""
    user = find_user_by_email(db, email or "") if isinstance(email, str) else None
    if user is not None and user.is_erased:
        user = None
    if not verify_password(user.password_hash if user else None, password or ""):
        return None
    if needs_rehash(user.password_hash):
        user.password_hash = hash_password(password)
    user.last_login_at = now
    db.flush()
    return user


def change_password(db: Session, user: User, *, current: str, new: str) -> None:
    """Change a password after checking the current one (the shell then ends other sessions)."""
    if not verify_password(user.password_hash, current or ""):
        raise InvalidInput("The current password is not correct.")
    check_password_rules(new, email=user.email, name=user.display_name)
    user.password_hash = hash_password(new)
    db.flush()


def update_profile(db: Session, user: User, *, display_name: str, locale: str) -> None:
    """Change the name shown to others and the preferred language."""
    if locale not in LOCALES:
        raise InvalidInput("Unknown language.")
    user.display_name = _name(display_name)
    user.locale = locale
    db.flush()
