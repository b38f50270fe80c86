"""The SQL store: models, engines and sessions, migrations, retries.

The service layer (and the store's own commands: migrate, export, forget,
digest) import this package; adapters and the coach never see SQLAlchemy.
"""

from bot.store import slack_tables
from bot.store.engine import make_engine, session_factories
from bot.store.models import (
    Base,
    CoachingEvent,
    ConversationReference,
    DigestDelivery,
    Incident,
    ProcessedDelivery,
    Promise,
    UserSetting,
)
from bot.store.retry import DatabaseUnavailable, RetryPolicy, run_with_retry

__all__ = [
    "Base",
    "CoachingEvent",
    "ConversationReference",
    "DatabaseUnavailable",
    "DigestDelivery",
    "Incident",
    "ProcessedDelivery",
    "Promise",
    "RetryPolicy",
    "UserSetting",
    "make_engine",
    "run_with_retry",
    "session_factories",
    "slack_tables",
]
