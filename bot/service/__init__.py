"""The service layer: the contract between the chat adapters and the core.

See docs/service-api.md. Adapters import only from here.
"""

from bot.service.errors import (
    InvalidInput,
    NotFound,
    ServiceError,
    StorageMisconfigured,
    StorageUnavailable,
)
from bot.service.rewrites import RewriteAsk, RewriteOutcome
from bot.service.service import Service, build_service
from bot.service.views import (
    Actor,
    CoachOutcome,
    CustomerHistory,
    DigestData,
    ExportData,
    ForgetReport,
    IncidentView,
    PersonalTrend,
    PromiseView,
    PurgeReport,
    TeamTrends,
    UserSettingsView,
)

__all__ = [
    "Actor",
    "CoachOutcome",
    "CustomerHistory",
    "DigestData",
    "ExportData",
    "ForgetReport",
    "IncidentView",
    "InvalidInput",
    "NotFound",
    "PersonalTrend",
    "PromiseView",
    "PurgeReport",
    "RewriteAsk",
    "RewriteOutcome",
    "Service",
    "ServiceError",
    "StorageMisconfigured",
    "StorageUnavailable",
    "TeamTrends",
    "UserSettingsView",
    "build_service",
]
