"""Zip archives (ODT, DOCX) checked before any parser opens them: no zip bomb gets through.

A zip member announces its sizes in its headers, and zipfile inflates a member whole in memory
when a parser reads it: a forged header announcing 1 KB for a member that inflates to gigabytes
would pass a check of the announced sizes and exhaust the server's memory in the parser. Here
every member is inflated once, in 1 MB steps that are counted and thrown away, and must be
exactly its announced size; the announced and the real sizes both stay within the limits.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib

from cocon.errors import InvalidInput

MAX_MEMBERS = 5000
MAX_RATIO = 100  # per member; office documents stay far below (XML inflates 5 to 20 times)
STEP = 1 << 20


def inflated_size(data: bytes, member: zipfile.ZipInfo, limit: int) -> int:
    """How many bytes a member of the archive `data` really inflates to, counted in steps
    (the count stops past `limit`); -1 for a member that cannot be inflated."""
    if member.compress_type == zipfile.ZIP_STORED:
        return member.compress_size
    if member.compress_type != zipfile.ZIP_DEFLATED or member.flag_bits & 0x1:
        return -1  # another compression, or encrypted: not an office document we read
    start = member.header_offset
    if data[start:start + 4] != b"PK\x03\x04":
        return -1
    name_length, extra_length = struct.unpack_from("<HH", data, start + 26)
    offset = start + 30 + name_length + extra_length
    pending = data[offset:offset + member.compress_size]
    inflater, size = zlib.decompressobj(-zlib.MAX_WBITS), 0
    try:
        while pending and size <= limit:
            size += len(inflater.decompress(pending, STEP))
            pending = inflater.unconsumed_tail
        if size <= limit:
            size += len(inflater.flush())
    except zlib.error:
        return -1
    return size


def check_archive(data: bytes, *, max_total: int, max_ratio: int = MAX_RATIO,
                  max_members: int = MAX_MEMBERS) -> list[zipfile.ZipInfo]:
    """The archive's members, or InvalidInput when it is not a zip or would expand too much
    (too many members, a member inflating more than `max_ratio` times, more than `max_total`
    bytes in all, or a header that lies about a member's size)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        raise InvalidInput("This file is not a valid document.") from None
    if len(members) > max_members:
        raise InvalidInput("This document expands too much to be read safely")
    total = 0
    for member in members:
        if member.compress_size and member.file_size / member.compress_size > max_ratio:
            raise InvalidInput("This document expands too much to be read safely")
        real = inflated_size(data, member, max_total - total)
        if real != member.file_size:
            raise InvalidInput("This document expands too much to be read safely")
        total += real
        if total > max_total:
            raise InvalidInput("This document expands too much to be read safely")
    return members
