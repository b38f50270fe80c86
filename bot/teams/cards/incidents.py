"""Incidents: the form to log one, the confirmation, the list and a customer's history.

The "problem customer or customer with a problem" question is on the form
because principle 7 depends on the answer being recorded every time.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from bot.coach.labels import counted
from bot.service.limits import CUSTOMER_CHARS, WHAT_AGREED_CHARS, WHAT_HAPPENED_CHARS
from bot.teams.cards.common import (
    CardMessage,
    Element,
    card,
    escape_markdown,
    heading,
    paragraph,
    shorten,
    submit,
    subtle,
    when,
)

if TYPE_CHECKING:
    from bot.service import CustomerHistory, IncidentView

SEVERITIES: tuple[tuple[str, str], ...] = (("low", "Low"), ("medium", "Medium"), ("high", "High"))
KINDS: tuple[tuple[str, str], ...] = (
    ("problem_customer", "Problem customer"),
    ("customer_with_problem", "Customer with a problem"),
    ("unsure", "Not sure"),
)
KIND_LABELS = dict(KINDS)
FORM_FIELDS = (
    "customer", "what_happened", "what_agreed", "due_date", "due_time", "severity", "kind"
)


def _choices(options: Sequence[tuple[str, str]]) -> list[dict[str, str]]:
    return [{"title": title, "value": value} for value, title in options]


def incident_form_card(
    *, values: dict[str, str] | None = None, error: str | None = None
) -> CardMessage:
    """Customer, what happened, what was agreed, by when, severity, kind."""
    v = values or {}
    body: list[Element] = [
        heading("Log a difficult exchange"),
        subtle("Who, what was asked, what was agreed, by when: write it down while it is fresh."),
    ]
    if error:
        body.append(paragraph(error, color="Attention"))
    body += [
        {
            "type": "Input.Text", "id": "customer", "label": "Customer", "isRequired": True,
            "errorMessage": "Name the customer", "maxLength": CUSTOMER_CHARS,
            "placeholder": "Company or person", "value": v.get("customer", ""),
        },
        {
            "type": "Input.Text", "id": "what_happened", "label": "What happened",
            "isMultiline": True, "isRequired": True, "errorMessage": "Say what happened",
            "maxLength": WHAT_HAPPENED_CHARS, "value": v.get("what_happened", ""),
        },
        {
            "type": "Input.Text", "id": "what_agreed", "label": "What was agreed",
            "isMultiline": True, "maxLength": WHAT_AGREED_CHARS, "value": v.get("what_agreed", ""),
            "placeholder": "Tracked as a promise when filled in",
        },
        {
            "type": "ColumnSet",
            "columns": [
                {
                    "type": "Column", "width": "stretch",
                    "items": [{"type": "Input.Date", "id": "due_date", "label": "By (date)",
                               "value": v.get("due_date", "")}],
                },
                {
                    "type": "Column", "width": "stretch",
                    "items": [{"type": "Input.Time", "id": "due_time", "label": "At (time)",
                               "value": v.get("due_time", "")}],
                },
            ],
        },
        {
            "type": "Input.ChoiceSet", "id": "severity", "label": "Severity", "style": "compact",
            "choices": _choices(SEVERITIES), "value": v.get("severity") or "medium",
        },
        {
            "type": "Input.ChoiceSet", "id": "kind", "label": "Problem customer, or a customer "
            "with a problem?", "style": "expanded", "choices": _choices(KINDS),
            "value": v.get("kind") or "unsure",
        },
    ]
    text = "Log an incident: customer, what happened, what was agreed, by when."
    return CardMessage(
        card(body, actions=[submit("Save", "log_incident", style="positive")], fallback=text), text
    )


def _incident_line(incident: IncidentView, tz: str) -> str:
    return (
        f"{when(incident.created_at, tz)} · {incident.severity} · "
        f"{KIND_LABELS.get(incident.kind, incident.kind)} · {incident.status}"
    )


def _incident_block(incident: IncidentView, tz: str, *, with_customer: bool) -> Element:
    title = f"**{escape_markdown(incident.customer)}**: " if with_customer else ""
    items: list[Element] = [
        paragraph(f"{title}{escape_markdown(shorten(incident.what_happened, 400))}",
                  markdown=True),
        subtle(_incident_line(incident, tz)),
    ]
    if incident.what_agreed:
        items.append(subtle(f"Agreed: {shorten(incident.what_agreed, 300)}"))
    return {"type": "Container", "items": items, "separator": True}


def incident_logged_card(incident: IncidentView, *, tz: str) -> CardMessage:
    body: list[Element] = [
        heading(f"Logged: {incident.customer}"),
        _incident_block(incident, tz, with_customer=False),
    ]
    if incident.what_agreed:
        body.append(subtle("What was agreed is tracked as a promise."))
    text = f"Incident logged for {incident.customer}."
    actions = [
        submit("Customer history", "customer_history", customer=incident.customer),
        submit("Log another", "open_log_form"),
    ]
    return CardMessage(card(body, actions=actions, fallback=text), text)


def incidents_card(
    incidents: Sequence[IncidentView], *, tz: str, customer: str | None = None
) -> CardMessage:
    """Recent incidents across the workspace, newest first, each with its kind."""
    title = f"Incidents: {customer}" if customer else "Recent incidents"
    body: list[Element] = [heading(title)]
    if not incidents:
        none = f"No incidents recorded for {customer}." if customer else "No incidents yet."
        body.append(paragraph(none))
        return CardMessage(card(body, actions=[submit("Log one", "open_log_form")],
                                fallback=none), none)
    body += [_incident_block(i, tz, with_customer=customer is None) for i in incidents]
    text = f"{title}: {len(incidents)}"
    customers = sorted({i.customer for i in incidents})[:5] if customer is None else []
    actions = [submit(f"History: {name}", "customer_history", customer=name) for name in customers]
    return CardMessage(card(body, actions=actions or None, fallback=text), text)


def customer_history_card(history: CustomerHistory, *, tz: str) -> CardMessage:
    """One customer's pattern, with the problem-customer signal and its reason."""
    signal = (
        "Pattern of a problem customer" if history.problem_customer
        else "Looks like a customer with a problem"
    )
    body: list[Element] = [
        heading(f"History: {history.customer}"),
        paragraph(f"**{signal}**: {escape_markdown(history.reason)}", markdown=True,
                  color="Attention" if history.problem_customer else "Good"),
        subtle(f"{counted(history.incident_count, 'incident')} in total; "
               f"{counted(len(history.open_promises), 'open promise')} to them."),
    ]
    body += [_incident_block(i, tz, with_customer=False) for i in history.recent_incidents]
    if history.open_promises:
        body.append(heading("Open promises"))
        body += [subtle(f"{shorten(p.text, 200)} (due {when(p.due, tz)})")
                 for p in history.open_promises]
    if history.problem_customer:
        body.append(subtle("Finish every open commitment, then end the relationship quickly "
                           "and professionally."))
    text = f"{history.customer}: {counted(history.incident_count, 'incident')}. {signal}."
    return CardMessage(card(body, fallback=text), text)
