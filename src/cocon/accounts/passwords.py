"""Password rules (OWASP ASVS 5) and Argon2id hashing."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from cocon.errors import InvalidInput

MIN_LENGTH = 8
RECOMMENDED_LENGTH = 15
MAX_LENGTH = 256

_hasher = PasswordHasher()  # Argon2id with the library's current defaults
# verified against when the e-mail is unknown, so both paths cost the same time
_DUMMY_HASH = _hasher.hash("cocon-dummy-password-for-timing")


@lru_cache(maxsize=1)
def common_passwords() -> frozenset[str]:
    """The shipped list of common passwords, lower-cased."""
    text = resources.files("cocon.accounts").joinpath("common_passwords.txt").read_text("utf-8")
    return frozenset(line.strip().lower() for line in text.splitlines() if line.strip() and not line.startswith("#"))


def check_password_rules(password: str, *, email: str = "", name: str = "") -> None:
    """Refuse passwords that are too short, too long or too common; no composition rules."""
    if len(password) < MIN_LENGTH:
        raise InvalidInput("The password must have at least %(n)s characters.", n=MIN_LENGTH)
    if len(password) > MAX_LENGTH:
        raise InvalidInput("The password may have at most %(n)s characters.", n=MAX_LENGTH)
    lowered = password.lower()
    if lowered in common_passwords():
        raise InvalidInput("This password is among the most common ones; choose another.")
    local = email.split("@")[0].lower()
    if (local and lowered == local) or (name and lowered == name.lower()):
        raise InvalidInput("The password must not be your name or e-mail address.")


def use_hasher(hasher: PasswordHasher) -> None:
    """Replace the hasher (tests use cheap parameters; production keeps the defaults)."""
    global _hasher, _DUMMY_HASH
    _hasher = hasher
    _DUMMY_HASH = hasher.hash("cocon-dummy-password-for-timing")


def hash_password(password: str) -> str:
    """Hash a password with Argon2id."""
    return _hasher.hash(password)


def verify_password(password_hash: str | None, password: str) -> bool:
    """Check a password against its hash; with no hash, spend the same time and fail."""
    try:
        return _hasher.verify(password_hash or _DUMMY_HASH, password) and bool(password_hash)
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(password_hash: str) -> bool:
    """Whether the hash was made with weaker parameters than today's."""
    return _hasher.check_needs_rehash(password_hash)
