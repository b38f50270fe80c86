"""A customer's history, and whether it shows a problem customer (principle 7).

Most difficult customers are customers with a problem; the history only calls
someone a "problem customer" when a pattern is clear, and always says why, so
a person decides with the facts in front of them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.service.incidents import scoped
from bot.service.promises import open_promises_for_customer
from bot.service.records import clean_customer, customer_key, incident_view
from bot.service.views import Actor, CustomerHistory, IncidentView
from bot.store.models import Incident

WINDOW_DAYS = 90
MANY_INCIDENTS = 3  # incidents within the window
MARKED_PROBLEM = 2  # incidents whose reporter chose "problem customer"
HIGH_SEVERITY = 2  # high-severity incidents within the window
RECENT_SHOWN = 5


@dataclass(frozen=True, slots=True)
class Signal:
    problem_customer: bool
    reason: str


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def problem_signal(incidents: list[IncidentView], *, now: datetime) -> Signal:
    """Read the pattern from every incident on record for one customer."""
    if not incidents:
        return Signal(False, "No incidents are recorded for this customer.")
    cutoff = now - timedelta(days=WINDOW_DAYS)
    recent = [i for i in incidents if i.created_at >= cutoff]
    marked = sum(1 for i in incidents if i.kind == "problem_customer")
    high = sum(1 for i in recent if i.severity == "high")
    reasons = []
    if len(recent) >= MANY_INCIDENTS:
        reasons.append(f"{_plural(len(recent), 'incident')} in the last {WINDOW_DAYS} days")
    if marked >= MARKED_PROBLEM:
        reasons.append(f"{marked} incidents marked \"problem customer\" by the team")
    if high >= HIGH_SEVERITY:
        reasons.append(f"{high} high-severity incidents in the last {WINDOW_DAYS} days")
    if reasons:
        return Signal(
            True,
            "; ".join(reasons).capitalize()
            + ". Finish every open commitment, then consider ending the relationship "
            "quickly and professionally.",
        )
    return Signal(
        False,
        f"{_plural(len(recent), 'incident')} in the last {WINDOW_DAYS} days, no clear pattern: "
        "most likely a customer with a problem, where extra effort wins them for life.",
    )


def customer_history(
    session: Session, actor: Actor, customer: str, *, now: datetime
) -> CustomerHistory:
    name = clean_customer(customer, required=True) or ""
    key = customer_key(name)
    rows = session.scalars(
        select(Incident)
        .where(*scoped(actor), Incident.customer_key == key)
        .order_by(Incident.created_at.desc(), Incident.id.desc())
    )
    incidents = [incident_view(row) for row in rows]
    signal = problem_signal(incidents, now=now)
    return CustomerHistory(
        customer=incidents[0].customer if incidents else name,
        incident_count=len(incidents),
        recent_incidents=incidents[:RECENT_SHOWN],
        open_promises=open_promises_for_customer(session, actor, key),
        problem_customer=signal.problem_customer,
        reason=signal.reason,
    )
