"""Fixtures of the votes web tests."""

from votes_web_fixtures import quick_user, votes_world  # noqa: F401
