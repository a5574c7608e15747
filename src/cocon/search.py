"""Search across the council's texts, in French: accents folded, words stemmed, stop words dropped.

The French analysis runs in Python and is stored in `stemmed`; the database only matches
words: an FTS5 table on SQLite (kept in sync here), on PostgreSQL a stored generated column
`stemmed_tsv` (`to_tsvector('simple', stemmed)`) with a GIN index, both made by the migrations.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Iterable

from sqlalchemy import Boolean, Integer, String, Text, UniqueConstraint, select, text
from sqlalchemy.orm import Mapped, Session, mapped_column

from cocon.db import Base, UTCDateTime
from cocon.french import fold, folded_words, stem  # noqa: F401 (fold re-exported)

FTS_TABLE = "search_documents_fts"
PG_VECTOR = "stemmed_tsv"  # the column and, as a prefix, its index
# objects the migrations create beside the models (compared schemas ignore them)
Base.metadata.info.setdefault("unmanaged_names", set()).update({FTS_TABLE, PG_VECTOR})

STOP_WORDS = frozenset("""
a afin ai au aux avec c ce ces cet cette d dans de des du elle elles en et eu il ils j je l la le
les leur leurs lui m ma mais me meme mes moi mon n ne ni nos notre nous on ou par pas pour qu que
qui s sa se ses si son sont sur t ta te tes toi ton tu un une vos votre vous y est sont etre avoir
ont a ete fait plus tres tout tous toute toutes comme aussi donc car
""".split())


class SearchDocument(Base):
    """One searchable object (a thread, a post, a session…), as the search sees it."""

    __tablename__ = "search_documents"
    __table_args__ = (UniqueConstraint("kind", "object_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(30))
    object_id: Mapped[int] = mapped_column(Integer)
    council_id: Mapped[int] = mapped_column(Integer, index=True)
    workshop_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    title: Mapped[str] = mapped_column(String(300))
    body: Mapped[str] = mapped_column(Text, default="")
    url: Mapped[str] = mapped_column(String(500))
    is_public: Mapped[bool] = mapped_column(Boolean, default=False)
    stemmed: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)


@dataclass(frozen=True)
class Hit:
    """One result: what it is, where it leads, and a short excerpt."""

    kind: str
    object_id: int
    council_id: int
    workshop_id: int | None
    title: str
    url: str
    excerpt: str


def analyse(value: str) -> list[str]:
    """The French search terms of a text: folded, stemmed, without stop words."""
    return [stem(w) for w in folded_words(value) if w not in STOP_WORDS]


def _is_sqlite(db: Session) -> bool:
    return db.get_bind().dialect.name == "sqlite"


def index_document(db: Session, *, kind: str, object_id: int, council_id: int, title: str,
                   body: str, url: str, is_public: bool, workshop_id: int | None = None,
                   now: datetime) -> SearchDocument:
    """Add or refresh one object in the search index."""
    doc = db.scalar(select(SearchDocument).where(
        SearchDocument.kind == kind, SearchDocument.object_id == object_id))
    if doc is None:
        doc = SearchDocument(kind=kind, object_id=object_id)
        db.add(doc)
    doc.council_id, doc.workshop_id, doc.is_public = council_id, workshop_id, bool(is_public)
    doc.title, doc.body, doc.url, doc.updated_at = title[:300], body or "", url[:500], now
    doc.stemmed = " ".join(analyse(f"{title}\n{body}"))
    db.flush()
    if _is_sqlite(db):
        db.execute(text(f"DELETE FROM {FTS_TABLE} WHERE rowid = :id"), {"id": doc.id})
        db.execute(text(f"INSERT INTO {FTS_TABLE} (rowid, stemmed) VALUES (:id, :s)"),
                   {"id": doc.id, "s": doc.stemmed})
    return doc


def remove_document(db: Session, *, kind: str, object_id: int) -> None:
    """Take one object out of the search index (deleted, hidden)."""
    doc = db.scalar(select(SearchDocument).where(
        SearchDocument.kind == kind, SearchDocument.object_id == object_id))
    if doc is None:
        return
    if _is_sqlite(db):
        db.execute(text(f"DELETE FROM {FTS_TABLE} WHERE rowid = :id"), {"id": doc.id})
    db.delete(doc)
    db.flush()


def _excerpt(body: str, length: int = 220) -> str:
    flat = " ".join((body or "").split())
    return flat if len(flat) <= length else flat[:length].rsplit(" ", 1)[0] + "…"


def _visible(doc: SearchDocument, councils: set, workshops: set, members: set) -> bool:
    if doc.council_id not in councils:
        return False
    if doc.workshop_id is not None:
        return doc.workshop_id in workshops
    return doc.is_public or doc.council_id in members


def search(db: Session, query: str, *, visible_council_ids: Iterable[int],
           visible_workshop_ids: Iterable[int], member_council_ids: Iterable[int] = (),
           limit: int = 20) -> list[Hit]:
    """Documents matching every word of the query, best first, among those the caller may see.

    A document of a workshop is shown when its workshop is visible; any other document when
    its council is visible and it is public, or the caller is a member of that council.
    """
    terms = list(dict.fromkeys(analyse(query)))[:12]
    councils, workshops = set(visible_council_ids), set(visible_workshop_ids)
    members = set(member_council_ids)
    if not terms or not councils:
        return []
    if _is_sqlite(db):
        match = " AND ".join(f'"{t}"' for t in terms)
        ranked = db.execute(text(
            f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH :q "
            f"ORDER BY bm25({FTS_TABLE}) LIMIT 500"), {"q": match}).scalars().all()
    else:
        ranked = db.execute(text(
            "SELECT id FROM search_documents "
            "WHERE stemmed_tsv @@ plainto_tsquery('simple', :q) AND council_id = ANY(:councils) "
            "ORDER BY ts_rank(stemmed_tsv, plainto_tsquery('simple', :q)) DESC, id DESC "
            "LIMIT 500"), {"q": " ".join(terms), "councils": sorted(councils)}).scalars().all()
    if not ranked:
        return []
    docs = {d.id: d for d in db.scalars(select(SearchDocument).where(
        SearchDocument.id.in_(ranked), SearchDocument.council_id.in_(councils)))}
    hits = []
    for doc_id in ranked:
        doc = docs.get(doc_id)
        if doc is not None and _visible(doc, councils, workshops, members):
            hits.append(Hit(doc.kind, doc.object_id, doc.council_id, doc.workshop_id,
                            doc.title, doc.url, _excerpt(doc.body)))
        if len(hits) >= limit:
            break
    return hits
