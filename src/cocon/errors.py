"""Domain errors: each carries a message id the web layer translates, and its parameters."""

from __future__ import annotations


class CoconError(Exception):
    """Base of every error the core raises on purpose; `message` is an English msgid."""

    status = 400

    def __init__(self, message: str, **params: object) -> None:
        super().__init__(message % params if params else message)
        self.message = message
        self.params = params


class InvalidInput(CoconError):
    """The caller gave data the core cannot accept (a field too long, a wrong type)."""


class NotFound(CoconError):
    """The object does not exist, or the caller may not know that it exists."""

    status = 404


class Forbidden(CoconError):
    """The caller is known but may not do this."""

    status = 403


class Conflict(CoconError):
    """The action clashes with the object's current state (duplicate, wrong phase)."""

    status = 409


class ConfigurationError(CoconError):
    """The deployment's configuration is wrong or incomplete."""

    status = 500
