"""privacy: no names in the audit log (data only, no schema change)

Entries written before this revision sealed the actor's display name; from now on only the
actor's id is kept (and sealed). This revision empties the names of older entries and seals
the chain again, ending with an "audit.resealed" entry that keeps the former last seal. A
broken chain is left untouched (with a warning) so that it can still be investigated.

Revision ID: 0010_privacy
Revises: 0009_representation
Create Date: 2026-11-24
"""
import logging

from alembic import op


revision = '0010_privacy'
down_revision = '0009_representation'
branch_labels = None
depends_on = None


def upgrade() -> None:
    from cocon.audit import reseal_without_names
    from cocon.db import utcnow
    from cocon.errors import CoconError
    try:
        reseal_without_names(op.get_bind(), now=utcnow())
    except CoconError as exc:
        logging.getLogger("alembic.runtime.migration").warning(
            "0010_privacy: %s Check it with `cocon verify-audit`.", exc)


def downgrade() -> None:
    pass  # the names are gone for good: that is the point
