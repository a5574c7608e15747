"""Fixtures of the minutes web tests (the builders live in minutes_web_helpers.py)."""

from web.minutes.minutes_web_helpers import met  # noqa: F401
