"""Incidents: the confirmation after `log`, the recent list, one customer's history."""

from __future__ import annotations

from collections.abc import Sequence

from slack_sdk.models.blocks import Block

from bot import labels
from bot.coach.labels import counted
from bot.service import CustomerHistory, IncidentView, PromiseView
from bot.slack.text import escape, trim_escaped
from bot.slack.views.common import SlackMessage, note, section, when

MAX_LISTED = 20


def incident_text(incident: IncidentView, tz: str) -> str:
    kind = labels.label(labels.INCIDENT_KINDS, incident.kind).lower()
    head = (
        f"*{trim_escaped(incident.customer or 'unnamed customer', 200)}*"
        f" · {escape(incident.severity)} · {escape(kind)}"
        f" · {escape(incident.status)} · {escape(when(incident.created_at, tz))}"
    )
    lines = [head, trim_escaped(incident.what_happened or "(nothing written)", 1200)]
    if incident.what_agreed:
        lines.append(f"_Agreed:_ {trim_escaped(incident.what_agreed, 800)}")
    return "\n".join(lines)


def incident_logged_message(
    incident: IncidentView, tz: str, promise: PromiseView | None = None
) -> SlackMessage:
    blocks: list[Block] = [
        section(":memo: *Incident logged*"),
        section(incident_text(incident, tz)),
    ]
    if incident.what_agreed:
        due = when(promise.due, tz) if promise else "no date"
        blocks.append(note(f"The agreement is tracked as a promise ({due})."))
    return SlackMessage(text=f"Incident logged for {incident.customer}.", blocks=blocks)


def incidents_message(incidents: Sequence[IncidentView], tz: str) -> SlackMessage:
    if not incidents:
        text = (
            "No incidents recorded yet. Log one with `/toughclient log <customer> <what happened>`."
        )
        return SlackMessage(text="No incidents recorded yet.", blocks=[section(escape(text))])
    blocks: list[Block] = [section(f"*Recent incidents* ({len(incidents)})")]
    blocks += [section(incident_text(i, tz)) for i in incidents[:MAX_LISTED]]
    return SlackMessage(text=f"{counted(len(incidents), 'recent incident')}.", blocks=blocks)


def history_message(history: CustomerHistory, tz: str) -> SlackMessage:
    name = trim_escaped(history.customer, 200)
    if history.problem_customer:
        signal = (
            f":rotating_light: *Looks like a problem customer.* {trim_escaped(history.reason, 600)}"
        )
    else:
        signal = ":handshake: *A customer with a problem, most likely.* " + trim_escaped(
            history.reason, 600
        )
    blocks: list[Block] = [
        section(f"*{name}*: {counted(history.incident_count, 'incident')}"),
        section(signal),
    ]
    blocks += [section(incident_text(i, tz)) for i in history.recent_incidents[:MAX_LISTED]]
    if history.open_promises:
        lines = [
            f"• {trim_escaped(p.text, 300)} (due {escape(when(p.due, tz))})"
            for p in history.open_promises[:MAX_LISTED]
        ]
        blocks.append(section("*Open promises to this customer*\n" + "\n".join(lines)))
    text = f"{history.customer}: {counted(history.incident_count, 'incident')}."
    return SlackMessage(text=text, blocks=blocks)
