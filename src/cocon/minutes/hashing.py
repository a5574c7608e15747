"""Canonical serialisation of a compte rendu's content and its SHA-256 fingerprint.

The canonical form is JSON with sorted keys, UTF-8, no insignificant whitespace, dates in ISO
8601 (datetimes in UTC). `status` and `locale` are left out: the French and English exports of
the same minutes carry the same fingerprint, and locking does not change it.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import types
import typing
from datetime import date, datetime, timezone

from .document import MinutesDocument

NOT_CONTENT = ("status", "locale")


def _plain(value):
    if dataclasses.is_dataclass(value):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, datetime):
        if value.tzinfo is None:
            raise ValueError("minutes datetimes must be timezone-aware")
        return value.astimezone(timezone.utc).isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


def to_data(document: MinutesDocument) -> dict:
    """The whole document as JSON-ready data (status and locale included)."""
    return _plain(document)


def canonical_content(document: MinutesDocument) -> bytes:
    """The bytes the fingerprint is computed on: the content only, canonically encoded."""
    data = {k: v for k, v in to_data(document).items() if k not in NOT_CONTENT}
    return json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode()


def content_hash(document: MinutesDocument) -> str:
    """SHA-256 (hex) of the canonical content: shown in every export, kept when locked."""
    return hashlib.sha256(canonical_content(document)).hexdigest()


def _build(kind, value):
    if value is None:
        return None
    origin = typing.get_origin(kind)
    if origin in (typing.Union, types.UnionType):
        inner = [a for a in typing.get_args(kind) if a is not type(None)]
        return _build(inner[0], value)
    if origin is list:
        (item,) = typing.get_args(kind)
        return [_build(item, v) for v in value]
    if origin is dict:
        _, item = typing.get_args(kind)
        return {k: _build(item, v) for k, v in value.items()}
    if dataclasses.is_dataclass(kind):
        hints = typing.get_type_hints(kind)
        names = {f.name for f in dataclasses.fields(kind)}
        return kind(**{k: _build(hints[k], v) for k, v in value.items() if k in names})
    if kind is datetime:
        return datetime.fromisoformat(value)
    if kind is date:
        return date.fromisoformat(value)
    return value


def from_data(data: dict) -> MinutesDocument:
    """Rebuild a document from `to_data` output (e.g. the snapshot kept when locking)."""
    return _build(MinutesDocument, data)
