"""The public directory: French-aware search (folded, stemmed) and filters, paginated in SQL."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from cocon.council.models import Council
from cocon.organisations.models import Organisation
from cocon.organisations.text import name_key, search_terms
from cocon.organisations.vocabularies import Status
from cocon.paging import Page, clamp_page


@dataclass(frozen=True)
class DirectoryQuery:
    """What a visitor asked for: words and filters (empty means any)."""

    text: str = ""
    legal_form: str = ""
    sector: str = ""
    stake: str = ""
    commune: str = ""
    council_member: bool | None = None


DirectoryPage = Page  # one page of the directory's results


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def directory_filter(council: Council, query: DirectoryQuery, *, include_pending: bool = False):
    """The SQL select of the organisations matching the query (every word must match)."""
    stmt = select(Organisation).where(Organisation.council_id == council.id)
    if not include_pending:
        stmt = stmt.where(Organisation.status == Status.VALIDATED)
    for term in search_terms(query.text)[:12]:
        # a stem matches a word that starts with it: "cooper" finds "cooperative"
        stmt = stmt.where(Organisation.search_text.like(f"% {_escape_like(term)}%", escape="\\"))
    if query.legal_form:
        stmt = stmt.where(Organisation.legal_form == query.legal_form)
    if query.sector:
        stmt = stmt.where(Organisation.sectors.like(f"% {_escape_like(query.sector)} %",
                                                    escape="\\"))
    if query.stake:
        stmt = stmt.where(Organisation.stakes.like(f"% {_escape_like(query.stake)} %",
                                                   escape="\\"))
    if query.commune:
        stmt = stmt.where(Organisation.commune_key == name_key(query.commune))
    if query.council_member is not None:
        stmt = stmt.where(Organisation.is_council_member.is_(query.council_member))
    return stmt


def search_directory(db: Session, council: Council, query: DirectoryQuery, *, page: int = 1,
                     per_page: int = 20) -> DirectoryPage:
    """A page of the validated organisations that match, in alphabetical order."""
    stmt = directory_filter(council, query)
    total = db.scalar(select(func.count()).select_from(stmt.subquery())) or 0
    page = clamp_page(page, total, per_page)
    items = db.scalars(stmt.order_by(Organisation.name_key, Organisation.id)
                       .offset((page - 1) * per_page).limit(per_page))
    return DirectoryPage(items=list(items), total=total, page=page, per_page=per_page)


def all_validated(db: Session, council: Council, query: DirectoryQuery | None = None):
    """Every validated organisation matching the query, for exports, the map and charts."""
    stmt = directory_filter(council, query or DirectoryQuery())
    return list(db.scalars(stmt.order_by(Organisation.name_key, Organisation.id)))


def communes(db: Session, council: Council) -> list[str]:
    """The communes of the directory, for the filter's choices."""
    rows = db.execute(select(Organisation.commune_key, func.min(Organisation.commune))
                      .where(Organisation.council_id == council.id,
                             Organisation.status == Status.VALIDATED)
                      .group_by(Organisation.commune_key).order_by(Organisation.commune_key))
    return [name for _key, name in rows]
