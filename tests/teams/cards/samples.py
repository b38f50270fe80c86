"""Representative service results for card tests: built by hand, shaped like the service's."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from bot.coach.types import CoachResult, Flag, Promise
from bot.service import Actor, CustomerHistory, DigestData, IncidentView, PromiseView

NOW = datetime(2026, 3, 4, 10, 0, tzinfo=UTC)
DRAFT = "We can't refund that. I'll get right back to you ASAP!!!"


def coach_result(*, flags: int = 3, rewrite: str | None = "We can't refund the order, but "
                 "we can replace it by Friday or give store credit today. Which would you prefer?",
                 text: str = DRAFT) -> CoachResult:
    base = [
        Flag("hard_no", 0, 23, "We can't refund that.", "A flat no with nothing after it.",
             "Say what you can do instead."),
        Flag("vague_commitment", 24, 50, "I'll get right back to you", "Heard as ten minutes.",
             "within the hour"),
        Flag("shouting", 54, 57, "!!!", "Repeated exclamation marks read as shouting.", None),
    ]
    chosen = (base * (flags // 3 + 1))[:flags]
    return CoachResult(
        text=text,
        flags=tuple(chosen),
        promises=(
            Promise("I'll get right back to you", None, True),
            Promise("I'll call you by 3pm today", NOW.replace(hour=15), False),
        ),
        rewrite=rewrite,
    )


def incident(number: int = 1, *, kind: str = "problem_customer", agreed: str = "Refund by Friday"
             ) -> IncidentView:
    return IncidentView(
        id=number, platform="teams", tenant_id="t", user_id="u", customer="Acme Corp",
        channel_id=None, what_happened="Shouted at support about the late delivery",
        what_agreed=agreed, severity="high", kind=kind, status="open",
        created_at=NOW - timedelta(days=number), resolved_at=None, source_link=None,
    )


def promise(number: int = 1, *, due: datetime | None = NOW - timedelta(days=1)) -> PromiseView:
    return PromiseView(
        id=number, platform="teams", tenant_id="t", user_id="u", customer="Acme Corp",
        text=f"Call back about order {number}", due=due, status="open", created_at=NOW,
        closed_at=None, source_link=None, incident_id=None,
    )


def history(*, problem: bool = True) -> CustomerHistory:
    return CustomerHistory(
        customer="Acme Corp", incident_count=4, recent_incidents=[incident(1), incident(2)],
        open_promises=[promise(1)], problem_customer=problem,
        reason="4 incidents in 60 days, 3 marked problem customer",
    )


def digest() -> DigestData:
    return DigestData(
        actor=Actor("teams", "t", "u"), tz="Europe/Paris", generated_at=NOW,
        overdue=[promise(1)], due_this_week=[promise(2, due=NOW + timedelta(days=2))],
        later=[promise(3, due=NOW + timedelta(days=20))], undated=[promise(4, due=None)],
        kept_last_week=2, incidents_last_week=1,
    )
