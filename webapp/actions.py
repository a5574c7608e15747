"""The form buttons' common path: run one service call, commit, and tell the person."""

from __future__ import annotations

from typing import Callable

from flask import flash

from cocon.errors import CoconError
from webapp.database import commit, get_db
from webapp.errors import error_message


def perform(action: Callable[[], object], success: str) -> bool:
    """Commit what `action` did and publish the events it returned, then flash `success`.

    A refusal from the core rolls everything back and flashes its reason instead.
    """
    try:
        result = action()
        commit(result if isinstance(result, (list, tuple)) else ())
    except CoconError as exc:
        get_db().rollback()
        flash(error_message(exc), "error")
        return False
    flash(success, "success")
    return True
