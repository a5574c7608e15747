"""Plenary sessions (séances plénières): agenda, attendance, proxies, quorum, live state."""
