"""Imports every domain's models so that the metadata is complete (Alembic, create_all)."""

from cocon.accounts.models import LoginAttempt, LoginSession, User  # noqa: F401
from cocon.assistant.models import AssistantQuestion  # noqa: F401
from cocon.audit import AuditEntry  # noqa: F401
from cocon.council.models import College, Council, Invitation, Membership  # noqa: F401
from cocon.organisations.models import Affiliation, Organisation  # noqa: F401
from cocon.council.plenary.models import AgendaItem, Attendance, Plenary, Proxy  # noqa: F401
from cocon.notifications import Notification, NotificationPreference  # noqa: F401
from cocon.search import SearchDocument  # noqa: F401
from cocon.workshops.models import (  # noqa: F401
    Post, PostRevision, Report, Thread, Workshop, WorkshopMember)
from cocon.proposals.models import (  # noqa: F401
    Amendment, Proposal, ProposalComment, ProposalRevision, Support)
from cocon.proposals.voting_models import (  # noqa: F401
    Ballot, BallotParticipation, BallotWithdrawal, PublicVote, SecretVote)
from cocon.proposals.register_models import (  # noqa: F401
    Indicator, IndicatorValue, Orientation, OrientationUpdate)
from cocon.minutes.models import (  # noqa: F401
    Minutes, MinutesAction, MinutesExport, MinutesNote, MinutesNoteRevision)
from cocon.minutes.comments import MinutesComment  # noqa: F401
from cocon.db import Base

metadata = Base.metadata
