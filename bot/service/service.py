"""The use cases the chat adapters and the command line call, one method each.

Each call is one transaction, retried as a whole through a brief database
outage (bot.store.retry) and scoped to the actor's platform and tenant. The
method bodies only check input and pick the transaction; the work lives in
the modules named for it (incidents, promises, digests, ...).
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, TypeVar

from slack_sdk.oauth.installation_store.sqlalchemy import SQLAlchemyInstallationStore
from slack_sdk.oauth.state_store.sqlalchemy import SQLAlchemyOAuthStateStore
from sqlalchemy import Engine, text
from sqlalchemy.orm import Session

from bot import labels
from bot.config import Settings
from bot.observability.metrics import observe_coaching
from bot.service import (
    coaching,
    customers,
    digests,
    export,
    incidents,
    platform_state,
    privacy,
    promise_dates,
    promises,
    tenant_settings,
    trends,
    user_settings,
)
from bot.service.errors import (
    InvalidInput,
    StorageMisconfigured,
    StorageUnavailable,
    misconfigured_message,
    unavailable_message,
)
from bot.service.records import aware, utc_now, zone
from bot.service.rewrites import NO_KEY, TENANT_OFF, RewriteAsk, RewriteOutcome
from bot.service.views import (
    Actor,
    CoachOutcome,
    CustomerHistory,
    DigestData,
    ExportData,
    ForgetReport,
    IncidentView,
    PromiseView,
    PurgeReport,
    TeamTrends,
    UserSettingsView,
)
from bot.store import migrate as migrations
from bot.store.engine import make_engine, session_factories
from bot.store.retry import (
    DEFAULT_RETRY,
    DatabaseMisconfigured,
    DatabaseUnavailable,
    RecentOutage,
    RetryPolicy,
    run_with_retry,
)

if TYPE_CHECKING:
    from bot.llm import Rewriter

T = TypeVar("T")
log = logging.getLogger(__name__)


def build_service(settings: Settings) -> Service:
    """A service on `settings.sqlalchemy_url`; the schema is not touched (see `migrate`)."""
    return Service(make_engine(settings.sqlalchemy_url), settings)


class Service:
    def __init__(
        self, engine: Engine, settings: Settings, *, retry: RetryPolicy = DEFAULT_RETRY
    ) -> None:
        self.engine = engine
        self.settings = settings
        self._retry = retry
        self._outage = RecentOutage()
        self._readers, self._writers = session_factories(engine)
        self._llm: Rewriter | None = None

    # -- plumbing ---------------------------------------------------------------------------

    def _write(self, what: str, work: Callable[[Session], T]) -> T:
        def attempt() -> T:
            with self._writers.begin() as session:
                return work(session)

        try:
            return self._outage.run(attempt, self._retry)
        except DatabaseMisconfigured as error:
            raise StorageMisconfigured(misconfigured_message(str(error))) from error
        except DatabaseUnavailable as error:
            raise StorageUnavailable(unavailable_message(what)) from error

    def _read(self, what: str, work: Callable[[Session], T]) -> T:
        def attempt() -> T:
            with self._readers.begin() as session:
                return work(session)

        try:
            return self._outage.run(attempt, self._retry)
        except DatabaseMisconfigured as error:
            raise StorageMisconfigured(misconfigured_message(str(error))) from error
        except DatabaseUnavailable as error:
            raise StorageUnavailable(unavailable_message(what, write=False)) from error

    def migrate(self) -> None:
        """Upgrade the schema to the newest revision (alembic upgrade head)."""
        try:
            run_with_retry(lambda: migrations.upgrade(self.engine), self._retry)
        except DatabaseMisconfigured as error:
            raise StorageMisconfigured(misconfigured_message(str(error))) from error
        except DatabaseUnavailable as error:
            raise StorageUnavailable(
                "The database is unavailable, so the schema was not upgraded. "
                "Please try again in a minute."
            ) from error

    def close(self) -> None:
        self.engine.dispose()

    async def aclose(self) -> None:
        """Close the model client (its HTTP connections) and the database engine."""
        if self._llm is not None:
            await self._llm.close()
            self._llm = None
        await asyncio.to_thread(self.close)

    def ping(self) -> None:
        """Prove the database answers (for health checks); StorageUnavailable if not."""
        self._read("health check", lambda s: s.execute(text("SELECT 1")).scalar_one())

    def schema_revisions(self) -> tuple[str | None, str | None]:
        """(the database's revision, the newest one shipped); equal when migrated to head."""
        try:
            current = run_with_retry(lambda: migrations.current_revision(self.engine), self._retry)
        except DatabaseUnavailable as error:
            raise StorageUnavailable(
                unavailable_message("schema revision", write=False)
            ) from error
        return current, migrations.head_revision()

    def _tz(self, actor: Actor) -> str:
        return self._read("settings", lambda s: user_settings.get_settings(s, actor)).tz

    # -- coaching ---------------------------------------------------------------------------

    def coach(
        self,
        actor: Actor,
        text: str,
        *,
        delivery_key: str | None = None,
        now: datetime | None = None,
    ) -> CoachOutcome:
        """Coach a draft in the user's time zone and record which flags fired.

        Coaching does not need the database: when it is down the user still gets
        the coaching (tz UTC, event_id None) and the lost event is logged.
        """
        from bot.coach import DraftError, coach_draft

        key = platform_state.check_key(delivery_key)
        try:
            tz = self._tz(actor)
        except StorageUnavailable:
            log.warning("coaching without settings: database unavailable")
            tz = user_settings.DEFAULTS.tz
        moment = utc_now(now)
        started = time.perf_counter()
        try:
            result = coach_draft(text, now=moment.astimezone(zone(tz)), tz=zone(tz), id=None)
        except DraftError as error:
            raise InvalidInput(str(error)) from None
        observe_coaching(time.perf_counter() - started, (flag.code for flag in result.flags))
        try:
            event_id: int | None = self._write(
                "coaching event",
                lambda s: coaching.record_event(
                    s,
                    actor,
                    result,
                    store_draft=self.settings.store_drafts,
                    delivery_key=key,
                    now=moment,
                ),
            )
        except StorageUnavailable:
            log.error("coaching event not recorded for %s/%s: database unavailable",
                      actor.platform, actor.tenant_id)
            event_id = None
        return CoachOutcome(result=result, tz=tz, event_id=event_id)

    # -- the model rewrite ------------------------------------------------------------------

    @property
    def llm_configured(self) -> bool:
        """A key is set: drafts may go to the model (where the workspace allows it)."""
        return self.settings.llm_enabled

    def _rewriter(self) -> Rewriter:
        if self._llm is None:
            from bot.llm import Rewriter  # openai loads only where the model is used

            self._llm = Rewriter(self.settings)
        return self._llm

    def llm_allowed(self, actor: Actor) -> bool:
        """Whether this workspace or tenant lets drafts go to the model.

        When the database cannot say, the answer is no: a workspace that turned
        the model off must never have a draft sent because of an outage.
        """
        if not self.llm_configured:
            return False
        try:
            return self._read(
                "workspace settings",
                lambda s: tenant_settings.llm_enabled(s, actor.platform, actor.tenant_id),
            )
        except StorageUnavailable:
            log.warning("model rewrite skipped: workspace settings unavailable")
            return False

    def tenant_llm_enabled(self, platform: str, tenant_id: str) -> bool:
        """The workspace's own choice (on unless turned off), whether or not a key is set."""
        return self._read(
            "workspace settings",
            lambda s: tenant_settings.llm_enabled(s, platform, tenant_id),
        )

    def set_tenant_llm(
        self,
        platform: str,
        tenant_id: str,
        enabled: bool,
        *,
        by: str | None = None,
        now: datetime | None = None,
    ) -> bool:
        """Turn the model rewrite on or off for one workspace or tenant."""
        if not tenant_id.strip():
            raise InvalidInput("Name the workspace or tenant.")
        moment = utc_now(now)
        return self._write(
            "workspace settings",
            lambda s: tenant_settings.set_llm_enabled(
                s, platform, tenant_id.strip(), enabled, by=by, now=moment
            ),
        )

    async def rewrite(
        self,
        actor: Actor,
        outcome: CoachOutcome,
        ask: RewriteAsk | None = None,
        *,
        now: datetime | None = None,
    ) -> RewriteOutcome:
        """The model's rewrite of a coached draft, checked; else the rules result as it was.

        Adapters call this after they have shown the rules answer. It never
        raises, and never takes longer than OPENAI_TIMEOUT plus a database read.
        """
        from bot.llm import RewriteRequest

        ask = ask or RewriteAsk()
        result = outcome.result
        if not self.llm_configured:
            return RewriteOutcome(result, NO_KEY)
        if not await asyncio.to_thread(self.llm_allowed, actor):
            return RewriteOutcome(result, TENANT_OFF)
        request = RewriteRequest(
            coached=result,
            now=utc_now(now).astimezone(zone(outcome.tz)),
            tz=outcome.tz,
            task="soften_no" if ask.softening else "rewrite_draft",
            customer_message=ask.customer_message,
            asked_for=ask.asked_for,
            why_not=ask.why_not,
            alternatives=tuple(ask.alternatives),
        )
        improved = await self._rewriter().improve(request)
        if improved.from_model and outcome.event_id is not None:
            await asyncio.to_thread(self._mark_model_rewrite, actor, outcome.event_id)
        return RewriteOutcome(improved.result, improved.outcome, improved.suggestions)

    def _mark_model_rewrite(self, actor: Actor, event_id: int) -> None:
        try:
            self._write(
                "coaching event",
                lambda s: coaching.mark_rewrite_source(s, actor, event_id, "llm"),
            )
        except StorageUnavailable:
            log.warning("coaching event %d keeps rewrite_source=rules: database unavailable",
                        event_id)

    # -- incidents --------------------------------------------------------------------------

    def log_incident(
        self,
        actor: Actor,
        *,
        customer: str,
        what_happened: str,
        what_agreed: str = "",
        due: datetime | None = None,
        severity: str = labels.DEFAULT_SEVERITY,
        kind: str = labels.DEFAULT_KIND,
        channel_id: str | None = None,
        source_link: str | None = None,
        delivery_key: str | None = None,
        now: datetime | None = None,
    ) -> IncidentView:
        key = platform_state.check_key(delivery_key)
        new = incidents.check_new_incident(
            customer=customer,
            what_happened=what_happened,
            what_agreed=what_agreed,
            due=due,
            severity=severity,
            kind=kind,
            channel_id=channel_id,
            source_link=source_link,
        )
        moment = utc_now(now)

        def work(session: Session) -> IncidentView:
            tz = user_settings.get_settings(session, actor).tz if due and not due.tzinfo else "UTC"
            dated = replace(new, due=aware(new.due, tz))
            return incidents.log_incident(session, actor, dated, delivery_key=key, now=moment)

        return self._write("incident", work)

    def list_incidents(
        self,
        actor: Actor,
        *,
        customer: str | None = None,
        status: str | None = None,
        kind: str | None = None,
        since: datetime | None = None,
        until: datetime | None = None,
        limit: int = 20,
    ) -> list[IncidentView]:
        return self._read(
            "incidents",
            lambda s: incidents.list_incidents(
                s,
                actor,
                customer=customer,
                status=status,
                kind=kind,
                since=aware(since, "UTC"),
                until=aware(until, "UTC"),
                limit=limit,
            ),
        )

    def resolve_incident(
        self, actor: Actor, incident_id: int, *, now: datetime | None = None
    ) -> IncidentView:
        moment = utc_now(now)
        return self._write(
            "change to the incident",
            lambda s: incidents.resolve_incident(s, actor, incident_id, now=moment),
        )

    def customer_history(
        self, actor: Actor, customer: str, *, now: datetime | None = None
    ) -> CustomerHistory:
        moment = utc_now(now)
        return self._read(
            "customer history",
            lambda s: customers.customer_history(s, actor, customer, now=moment),
        )

    # -- promises ---------------------------------------------------------------------------

    def track_promise(
        self,
        actor: Actor,
        *,
        text: str,
        due: datetime | None = None,
        customer: str | None = None,
        source_link: str | None = None,
        delivery_key: str | None = None,
        now: datetime | None = None,
    ) -> PromiseView:
        key = platform_state.check_key(delivery_key)
        moment = utc_now(now)

        def work(session: Session) -> PromiseView:
            tz = user_settings.get_settings(session, actor).tz if due and not due.tzinfo else "UTC"
            return promises.track_promise(
                session,
                actor,
                text=text,
                due=aware(due, tz),
                customer=customer,
                source_link=source_link,
                delivery_key=key,
                now=moment,
            )

        return self._write("promise", work)

    def close_promise(
        self, actor: Actor, promise_id: int, status: str, *, now: datetime | None = None
    ) -> PromiseView:
        moment = utc_now(now)
        return self._write(
            "change to the promise",
            lambda s: promises.close_promise(s, actor, promise_id, status, now=moment),
        )

    def snooze_promise(
        self, actor: Actor, promise_id: int, until: datetime, *, now: datetime | None = None
    ) -> PromiseView:
        """Move an open promise to `until`, the absolute time its Snooze button carried.

        Absolute on purpose: the same click delivered twice sets the same time twice.
        """
        moment = utc_now(now)
        target = aware(until, "UTC")
        if target is None or target < moment:
            raise InvalidInput("That snooze has already passed; open your promises again.")
        return self._write(
            "change to the promise",
            lambda s: promises.reschedule_promise(s, actor, promise_id, target),
        )

    def reschedule_promise(
        self, actor: Actor, promise_id: int, day: date, *, now: datetime | None = None
    ) -> PromiseView:
        """A date picked for an open promise: that day, at its own time (17:00 if none)."""
        moment = utc_now(now)

        def work(session: Session) -> PromiseView:
            tz = user_settings.get_settings(session, actor).tz
            current = promises.open_promise_due(session, actor, promise_id)
            due = promise_dates.on_date(day, current, tz, moment)
            return promises.reschedule_promise(session, actor, promise_id, due)

        return self._write("change to the promise", work)

    def open_promises(self, actor: Actor, *, now: datetime | None = None) -> list[PromiseView]:
        """Overdue first, then by due date, then undated (`now` is accepted for symmetry)."""
        return self._read("promises", lambda s: promises.open_promises(s, actor))

    # -- digest and settings -------------------------------------------------------------------

    def digest_for(self, actor: Actor, *, now: datetime | None = None) -> DigestData:
        moment = utc_now(now)
        built = self._read("digest", lambda s: digests.build_digests(s, now=moment, only=actor))
        return built[0]

    def digests_for_all(self, *, now: datetime | None = None) -> list[DigestData]:
        """Digest data for everyone with the digest on, in six queries (not one per user)."""
        moment = utc_now(now)
        return self._read("digests", lambda s: digests.build_digests(s, now=moment))

    def team_trends_enabled(self, actor: Actor) -> bool:
        return self._read(
            "team settings",
            lambda s: tenant_settings.team_trends_enabled(s, actor.platform, actor.tenant_id),
        )

    def set_team_trends(
        self, admin: Actor, enabled: bool, *, now: datetime | None = None
    ) -> bool:
        """Only for an actor the adapter has checked is a workspace or tenant admin."""
        moment = utc_now(now)
        return self._write(
            "team settings",
            lambda s: tenant_settings.set_team_trends(s, admin, enabled, now=moment),
        )

    def team_trends(self, actor: Actor, *, now: datetime | None = None) -> TeamTrends:
        """The workspace's weeks, aggregated; the adapter has checked the actor is an admin."""
        moment = utc_now(now)
        return self._read(
            "team trends",
            lambda s: trends.team_trends(s, actor.platform, actor.tenant_id, now=moment),
        )

    def get_settings(self, actor: Actor) -> UserSettingsView:
        return self._read("settings", lambda s: user_settings.get_settings(s, actor))

    def update_settings(
        self,
        actor: Actor,
        *,
        tz: str | None = None,
        digest_day: int | None = None,
        digest_hour: int | None = None,
        digest_enabled: bool | None = None,
        all_clear: bool | None = None,
        now: datetime | None = None,
    ) -> UserSettingsView:
        user_settings.check_changes(tz=tz, digest_day=digest_day, digest_hour=digest_hour)
        moment = utc_now(now)
        return self._write(
            "settings",
            lambda s: user_settings.update_settings(
                s,
                actor,
                tz=tz,
                digest_day=digest_day,
                digest_hour=digest_hour,
                digest_enabled=digest_enabled,
                all_clear=all_clear,
                now=moment,
            ),
        )

    # -- platform state ---------------------------------------------------------------------

    def claim_delivery(self, actor: Actor, key: str, *, now: datetime | None = None) -> bool:
        """True the first time a platform delivery is seen, False for its retries."""
        checked = platform_state.check_key(key)
        if checked is None:
            raise InvalidInput("A delivery key is needed to claim a delivery.")
        moment = utc_now(now)
        return self._write(
            "delivery record",
            lambda s: platform_state.claim_delivery(s, actor, checked, now=moment),
        )

    def release_delivery(self, actor: Actor, key: str) -> None:
        """Forget a claimed delivery whose work failed, so the platform's retry redoes it."""
        checked = platform_state.check_key(key)
        if checked is None:
            raise InvalidInput("A delivery key is needed to release a delivery.")
        self._write(
            "delivery record", lambda s: platform_state.release_delivery(s, actor, checked)
        )

    def claim_digest(
        self, actor: Actor, week_key: str, *, now: datetime | None = None
    ) -> platform_state.DigestClaim | None:
        """"first" or "again" for exactly one caller per person and week_key; else None."""
        moment = utc_now(now)
        return self._write(
            "digest claim",
            lambda s: platform_state.claim_digest(s, actor, week_key, now=moment),
        )

    def claim_digests(
        self, wanted: list[tuple[Actor, str]], *, now: datetime | None = None
    ) -> list[platform_state.DigestClaim | None]:
        """`claim_digest` for a batch of (person, week), in one transaction, in order."""
        moment = utc_now(now)
        return self._write(
            "digest claims",
            lambda s: platform_state.claim_digests(s, wanted, now=moment),
        )

    def finish_digest(
        self,
        actor: Actor,
        week_key: str,
        *,
        error: str | None = None,
        skipped: bool = False,
        channel_id: str | None = None,
        message_id: str | None = None,
        now: datetime | None = None,
    ) -> None:
        """Mark a claimed digest sent (and where), failed (retried later) or skipped (why)."""
        moment = utc_now(now)
        self._write(
            "digest status",
            lambda s: platform_state.finish_digest(
                s,
                actor,
                week_key,
                error=error,
                skipped=skipped,
                channel_id=channel_id,
                message_id=message_id,
                now=moment,
            ),
        )

    def digest_outcomes(
        self, *, week_key: str | None = None
    ) -> list[tuple[str, str, str, str, str, str | None]]:
        return self._read(
            "digest outcomes", lambda s: platform_state.digest_outcomes(s, week_key=week_key)
        )

    def save_conversation_reference(
        self, actor: Actor, reference: dict[str, Any], *, now: datetime | None = None
    ) -> None:
        moment = utc_now(now)
        self._write(
            "conversation reference",
            lambda s: platform_state.save_conversation_reference(s, actor, reference, now=moment),
        )

    def conversation_references(
        self, *, tenant_id: str | None = None
    ) -> list[tuple[Actor, dict[str, Any]]]:
        return self._read(
            "conversation references",
            lambda s: platform_state.conversation_references(s, tenant_id=tenant_id),
        )

    def slack_installation_store(self, client_id: str) -> SQLAlchemyInstallationStore:
        return SQLAlchemyInstallationStore(client_id=client_id, engine=self.engine)

    def slack_oauth_state_store(self, expiration_seconds: int = 600) -> SQLAlchemyOAuthStateStore:
        return SQLAlchemyOAuthStateStore(expiration_seconds=expiration_seconds, engine=self.engine)

    def forget_tenant(self, tenant_id: str, *, platform: str = "slack") -> None:
        self._write(
            "uninstall",
            lambda s: platform_state.forget_tenant(s, tenant_id, platform=platform),
        )

    # -- privacy and export -----------------------------------------------------------------

    def purge_expired(self, now: datetime | None = None) -> PurgeReport:
        moment = utc_now(now)
        return self._write(
            "purge",
            lambda s: privacy.purge_expired(
                s, retention_days=self.settings.retention_days, now=moment
            ),
        )

    def forget_user(
        self, *, tenant_id: str, user_id: str, platform: str | None = None
    ) -> ForgetReport:
        return self._write(
            "erasure",
            lambda s: privacy.forget_user(
                s, tenant_id=tenant_id, user_id=user_id, platform=platform
            ),
        )

    def export_records(
        self,
        *,
        tenant_id: str | None = None,
        platform: str | None = None,
        since: datetime | None = None,
        until: datetime | None = None,
    ) -> ExportData:
        return self._read(
            "export",
            lambda s: export.export_records(
                s,
                tenant_id=tenant_id,
                platform=platform,
                since=aware(since, "UTC"),
                until=aware(until, "UTC"),
            ),
        )

