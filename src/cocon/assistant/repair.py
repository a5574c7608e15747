"""Repairs for text extracted from PDFs: ligatures, hyphenation, page furniture, broken lines.

Applied to every guide at ingestion so that a guide an administrator adds gets the same
treatment as the bundled ones; the guide files themselves are never edited.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

_LOWER = "a-zà-öø-ÿœæ"
_WORD = rf"[{_LOWER}A-ZÀ-ÖØ-ÞŒÆ]"

# Broken ligatures as some PDF fonts export them: "ffi" → "&  ", "ff" → "> ", "fi" → "% ",
# "fl" → "? ".
_FFI = re.compile(rf"(?<=[{_LOWER}])&\s{{1,2}}(?=[{_LOWER}])")
_FF = re.compile(rf"(?<=[{_LOWER}])>\s(?=[{_LOWER}])")
_FL = re.compile(rf"(?<=[{_LOWER}])\?\s(?=[{_LOWER}])")
_FI_INSIDE = re.compile(rf"(?<={_WORD})%\s?(?=[{_LOWER}])")
# At the start of a word ("de % nancement") but never a percentage ("16 % en").
_FI_START = re.compile(rf"(?:(?<=^)|(?<=[^\d\s]\s)|(?<=[(«“]))%\s(?=[{_LOWER}]{{2,}}(?![’'\w]))",
                       re.MULTILINE)

_PAGE_NUMBER = re.compile(r"^\s*(?:page\s*)?\d{1,3}\s*(?:/\s*\d{1,3})?\s*$", re.IGNORECASE)
_TERMINAL = ("." , "!", "?", ":", ";", "»", "…", ")")
_BULLET = re.compile(r"^\s*(?:[•\uf0b7\uf0a7\uf076\uf0d8\uf0fc▪■►–—>-]|z\s)\s*")
# Prefixes after which a line-end hyphen is a real compound ("co-construction", "bien-être").
_COMPOUND_PREFIXES = {"co", "éco", "eco", "bien", "auto", "ex", "non", "socio", "multi", "demi",
                      "semi", "mi", "néo", "post", "anti", "inter", "sous", "porte", "grand",
                      "arrière", "avant", "après", "vice", "là", "peut", "c'est-à", "est"}


def fix_ligatures(text: str) -> str:
    """Restore the fi/ff/ffi ligatures a PDF extraction turned into %, > and &."""
    text = _FFI.sub("ffi", text)
    text = _FF.sub("ff", text)
    text = _FL.sub("fl", text)
    text = _FI_INSIDE.sub("fi", text)
    return _FI_START.sub("fi", text)


def normalize_characters(text: str) -> str:
    """NFC, typographic spaces to plain spaces, private-use bullets to a plain bullet."""
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\u00a0", " ").replace("\u202f", " ").replace("\u2009", " ")
    text = re.sub("[\uf0a7\uf0b7\uf076\uf0d8\uf0fc\uf0e0]", "•", text)
    text = text.replace("\u00ad", "").replace("\ufffd", "")  # soft hyphen, undecodable glyphs
    # A Wingdings bullet extracted as the letter "z" at the start of a line.
    text = re.sub(r"(?m)^([ \t]*)z[ \t]+(?=[\wÀ-ÿ«\d])", r"\1• ", text)
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n")


def join_hyphenated(left: str, right: str, vocabulary: Counter | None = None) -> str:
    """Join a word cut by a hyphen at a line end: "gé-" + "néralement" → "généralement"."""
    head = re.findall(rf"{_WORD}+$", left)
    tail = re.findall(rf"^{_WORD}+", right)
    first = head[0] if head else ""
    second = tail[0] if tail else ""
    joined, hyphenated = (first + second).lower(), f"{first}-{second}".lower()
    keep = False
    if vocabulary and joined in vocabulary:
        keep = False
    elif vocabulary and hyphenated in vocabulary:
        keep = True
    elif first[:1].isupper() and second[:1].isupper():
        keep = True  # names: "Pierre-Joseph"
    elif first.lower() in _COMPOUND_PREFIXES or second.lower() in {"être", "t", "il", "elle", "on", "ci", "là"}:
        keep = True
    return left + ("-" if keep else "") + right


def drop_page_furniture(lines: list[str]) -> list[str]:
    """Remove page numbers, stray single letters and running headers (long lines repeated ≥4 times)."""
    counts = Counter(line.strip() for line in lines if line.strip())
    kept = []
    for line in lines:
        stripped = line.strip()
        if _PAGE_NUMBER.match(stripped) or (len(stripped) <= 2 and stripped.isalpha()):
            continue
        if (counts[stripped] >= 4 and len(stripped) >= 30
                and not stripped.endswith(_TERMINAL)):
            continue
        kept.append(line)
    return kept


def _starts_continuation(line: str) -> bool:
    """True when a line looks like the rest of the previous sentence."""
    first = line.lstrip()[:1]
    return bool(first) and (first.islower() or first in ",;)»")


def unwrap(lines: list[str], vocabulary: Counter | None = None) -> list[str]:
    """Join lines broken mid-sentence into paragraphs, also across blank lines."""
    paragraphs: list[str] = []
    current = ""
    pending_blank = False
    for raw in lines:
        line = re.sub(r"[ \t]+", " ", raw).strip()
        if not line:
            pending_blank = True
            continue
        is_bullet = bool(_BULLET.match(line)) and not re.match(r"^-\d", line)
        if current and not is_bullet:
            open_end = not current.endswith(_TERMINAL)
            hyphen_end = bool(re.search(rf"{_WORD}-$", current)) and _starts_continuation(line)
            if hyphen_end:
                current = join_hyphenated(current[:-1], line, vocabulary)
                pending_blank = False
                continue
            if (not pending_blank and (open_end or _starts_continuation(line))) or \
               (pending_blank and open_end and _starts_continuation(line)):
                current = f"{current} {line}"
                pending_blank = False
                continue
        if current:
            paragraphs.append(current)
        current = line
        pending_blank = False
    if current:
        paragraphs.append(current)
    return [_fix_inline_hyphens(p, vocabulary) for p in paragraphs]


def _fix_inline_hyphens(text: str, vocabulary: Counter | None) -> str:
    """Repair "gé- néralement" left inside a line by an earlier extraction."""
    pattern = re.compile(rf"({_WORD}+)- ([{_LOWER}]+)")

    def repl(match: re.Match) -> str:
        if match.group(2) in {"et", "ou"}:
            return match.group(0)  # "micro- et macro-économie"
        return join_hyphenated(match.group(1), match.group(2), vocabulary)

    return pattern.sub(repl, text)


def word_vocabulary(text: str) -> Counter:
    """Lower-cased words of a text with their counts, to decide how to join fragments."""
    return Counter(w.lower() for w in re.findall(rf"{_WORD}+(?:-{_WORD}+)*", text) if len(w) > 2)


_JOINED_MIN_COUNT = 3
_JOINED_RATIO = 2  # the joined word at least twice as frequent as either piece


def join_split_words(paragraph: str, vocabulary: Counter) -> str:
    """Rejoin words split by justified-text spacing: "tra vailler" → "travailler".

    Only when their union is a word of the document and neither piece is a stop word (so "de
    main" never becomes "demain"), and either neither piece is itself a word of the document,
    or the union is much more frequent than either piece: a guide that splits "asso ciations"
    a dozen times makes "asso" look like a word, yet "association" is five times as frequent.
    """
    from .french import STOP_WORDS, fold

    def repl(match: re.Match) -> str:
        left, right = match.group(1), match.group(2)
        joined = (left + right).lower()
        if fold(left) in STOP_WORDS or fold(right) in STOP_WORDS or not vocabulary[joined]:
            return match.group(0)
        pieces = max(vocabulary[left.lower()], vocabulary[right.lower()])
        if pieces <= 2 or (vocabulary[joined] >= _JOINED_MIN_COUNT and vocabulary[joined] >= _JOINED_RATIO * pieces):
            return left  # the space goes; the right piece follows unchanged
        return match.group(0)

    # The right piece is only looked at, not consumed, so in "des asso ciations" the pair
    # "asso ciations" is still examined after "des asso" was not joined.
    return re.sub(rf"(?<![\w’'-])({_WORD}{{2,}}) (?=({_WORD}{{2,}})(?![\w-]))", repl, paragraph)


def repair_text(text: str) -> list[str]:
    """Return the paragraphs of an extracted text with every known extraction defect repaired."""
    text = fix_ligatures(normalize_characters(text))
    vocabulary = word_vocabulary(text)
    lines = drop_page_furniture(text.split("\n"))
    return [join_split_words(p, vocabulary) for p in unwrap(lines, vocabulary)]
