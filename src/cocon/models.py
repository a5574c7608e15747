"""Imports every domain's models so that the metadata is complete (Alembic, create_all)."""

from cocon.accounts.models import User  # noqa: F401
from cocon.audit import AuditEntry  # noqa: F401
from cocon.council.models import College, Council, Invitation, Membership  # noqa: F401
from cocon.db import Base

metadata = Base.metadata
