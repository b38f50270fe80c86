"""What the bot answers to a typed command or a card button, through the service layer.

These functions know the service and the cards but no botbuilder type, so
the handler stays a thin translation of activities. An `Answer` says whether
it replaces the card the user clicked (forms, promise lists) or is new.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any, TypeVar
from urllib.parse import quote

from bot import labels
from bot.commands import PRIVATE_COMMANDS, Command, parse_command, split_customer
from bot.digest.team import NOT_ADMIN, OFF_FOR_ADMIN, TURNED_OFF, TURNED_ON
from bot.service import Actor, CoachOutcome, RewriteAsk, Service, ServiceError, bridge
from bot.service.promise_dates import parse_day, parse_target
from bot.settings_command import SettingsSyntaxError, describe, parse_settings
from bot.teams.cards import help as help_cards
from bot.teams.cards.coaching import REFUSAL_CODES, coaching_card
from bot.teams.cards.common import CardMessage, when, zone
from bot.teams.cards.digest import digest_card
from bot.teams.cards.incidents import (
    FORM_FIELDS as INCIDENT_FORM_FIELDS,
)
from bot.teams.cards.incidents import (
    KINDS,
    SEVERITIES,
    customer_history_card,
    incident_form_card,
    incident_logged_card,
    incidents_card,
)
from bot.teams.cards.promise_rows import SURFACE_DIGEST, date_input_id
from bot.teams.cards.promises import promise_tracked_card, promises_card
from bot.teams.cards.settings import settings_card, team_card
from bot.teams.cards.soften import soften_form_card, softened_card
from bot.teams.coaching import (
    MESSAGE_DB_BUDGET,
    MESSAGE_DEADLINE,
    CoachingTooSlow,
    DraftRejected,
    coach_text,
)

log = logging.getLogger(__name__)

T = TypeVar("T")

SOMETHING_WENT_WRONG = "Sorry, something went wrong on my side. Please try again in a minute."

# Card buttons whose answers only the asker should see (bot.commands.PRIVATE_COMMANDS for
# typed commands): outside personal chat they get a pointer to the personal chat instead.
# The value is the command to type there.
PRIVATE_ACTIONS: dict[str, str] = {
    "show_promises": "promises", "close_promise": "promises", "open_log_form": "log",
    "log_incident": "log", "customer_history": "incidents", "snooze_promise": "promises",
    "reschedule_promise": "promises",
}


@dataclass(frozen=True)
class Where:
    """Where the answer will be seen: personal chat (only the asker) or a shared conversation."""

    personal: bool = True
    bot_id: str | None = None  # the recipient id of the activity, e.g. "28:<app id>"
    admin: bool = False  # a tenant admin (TOUGHCLIENT_TEAMS_ADMINS), for `team`


PERSONAL = Where()


def personal_chat_link(bot_id: str | None) -> str | None:
    """Teams deep link that opens (or starts) the personal chat with the bot."""
    if not bot_id or not bot_id.startswith("28:"):
        return None
    return f"https://teams.microsoft.com/l/chat/0/0?users={quote(bot_id, safe=':')}"


def private_only(where: Where, command: str) -> Answer:
    return Answer(help_cards.private_only_card(command, personal_chat_link(where.bot_id)))


Later = Callable[[], Awaitable[CardMessage | None]]


@dataclass(frozen=True)
class Answer:
    """A card to send; `later`, when set, makes the better card that replaces it afterwards
    (the model's rewrite), or None when the first card stays."""

    message: CardMessage
    replace: bool = False
    later: Later | None = None


async def call(fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    """Run a synchronous service method off the event loop, within the shared worker limit."""
    return await bridge.run(fn, *args, **kwargs)


async def user_tz(service: Service, actor: Actor) -> str:
    try:
        settings = await call(service.get_settings, actor)
        return str(settings.tz)
    except ServiceError:
        return "UTC"


async def coach_answer(
    service: Service, actor: Actor, text: str, *, delivery_key: str | None, title: str,
    focus: tuple[str, ...] = (),
) -> Answer:
    try:
        result, tz = await coach_text(
            service, actor, text, delivery_key=delivery_key, budget=MESSAGE_DB_BUDGET,
            deadline=MESSAGE_DEADLINE,
        )
    except DraftRejected as err:
        return Answer(help_cards.error_card(str(err)))
    except CoachingTooSlow as err:
        return Answer(help_cards.too_complex_card(str(err)))
    first = coaching_card(result, tz=tz, title=title, focus=focus)
    if not service.llm_configured or result.rewrite is None:
        return Answer(first)

    async def later() -> CardMessage | None:
        ask = RewriteAsk(soften=focus == REFUSAL_CODES)
        rewritten = await service.rewrite(actor, CoachOutcome(result, tz, None), ask)
        if not rewritten.from_model:
            return None
        return coaching_card(rewritten.result, tz=tz, title=title, focus=focus,
                             suggestions=rewritten.suggestions)

    return Answer(first, later=later)


async def command_answer(
    service: Service, actor: Actor, text: str, *, delivery_key: str | None,
    where: Where = PERSONAL,
) -> Answer:
    """A typed line in chat: a draft to coach or one of the shared commands."""
    command = parse_command(text)
    if not where.personal and command.name in PRIVATE_COMMANDS:
        return private_only(where, command.name)
    try:
        return await _run_command(
            service, actor, command, delivery_key=delivery_key, admin=where.admin
        )
    except ServiceError as err:
        return Answer(help_cards.error_card(str(err)))


async def _run_command(
    service: Service, actor: Actor, command: Command, *, delivery_key: str | None,
    admin: bool = False,
) -> Answer:
    return await COMMANDS[command.name](service, actor, command, delivery_key, admin)


CommandHandler = Callable[[Service, Actor, Command, str | None, bool], Awaitable[Answer]]


async def _check(
    service: Service, actor: Actor, command: Command, key: str | None, admin: bool
) -> Answer:
    if not command.text:
        return Answer(help_cards.error_card("Add the draft after “check”.", with_usage=True))
    return await coach_answer(
        service, actor, command.text, delivery_key=key, title="Coaching for your draft"
    )


async def _no(
    service: Service, actor: Actor, command: Command, key: str | None, admin: bool
) -> Answer:
    if not command.text:
        return Answer(soften_form_card())
    return await coach_answer(
        service, actor, command.text, delivery_key=key, title="Softening your no",
        focus=REFUSAL_CODES,
    )


async def _help(
    service: Service, actor: Actor, command: Command, key: str | None, admin: bool
) -> Answer:
    return Answer(help_cards.help_card())


async def _unknown(
    service: Service, actor: Actor, command: Command, key: str | None, admin: bool
) -> Answer:
    return Answer(help_cards.unknown_command_card(command.typed, command.suggestion))


# Every command of bot.commands, and what Teams answers to it (Slack's table:
# bot/slack/listeners/commands/toughclient.py; a test keeps both complete).
COMMANDS: dict[str, CommandHandler] = {
    "check": _check,
    "no": _no,
    "log": lambda s, a, c, key, admin: _log_from_text(s, a, c.text, delivery_key=key),
    "incidents": lambda s, a, c, key, admin: _incidents(s, a, c.text.strip() or None),
    "promises": lambda s, a, c, key, admin: promises_answer(s, a),
    "digest": lambda s, a, c, key, admin: _digest(s, a),
    "settings": lambda s, a, c, key, admin: _settings(s, a, c.text),
    "team": lambda s, a, c, key, admin: _team(s, a, c.text.strip().lower(), admin=admin),
    "ai": lambda s, a, c, key, admin: _ai_setting(s, a, c.text),
    "help": _help,
    "unknown": _unknown,
}


TEAMS_AI_SWITCH = (
    " In Teams the switch is with the server's administrator: "
    "`python app.py ai off --platform teams --tenant {tenant}` (or `on`)."
)


async def _ai_setting(service: Service, actor: Actor, rest: str) -> Answer:
    """Status for anyone; switching is an administrator's job on the server (Teams gives a
    bot no reliable way to tell a tenant admin)."""
    from bot.service.rewrites import ai_status_text

    enabled = await call(service.tenant_llm_enabled, actor.platform, actor.tenant_id)
    text = ai_status_text(configured=service.llm_configured, enabled=enabled)
    if rest.lower().strip(" .!") in ("on", "off") or service.llm_configured:
        text += TEAMS_AI_SWITCH.format(tenant=actor.tenant_id)
    return Answer(help_cards.notice_card("AI rewriter", text))


async def _log_from_text(
    service: Service, actor: Actor, text: str, *, delivery_key: str | None
) -> Answer:
    customer, what_happened = split_customer(text)
    if not (customer and what_happened):
        return Answer(incident_form_card(values={"customer": customer}))
    incident = await call(
        service.log_incident, actor, customer=customer, what_happened=what_happened,
        delivery_key=delivery_key,
    )
    return Answer(incident_logged_card(incident, tz=await user_tz(service, actor)))


async def _incidents(service: Service, actor: Actor, customer: str | None) -> Answer:
    tz = await user_tz(service, actor)
    if customer:
        history = await call(service.customer_history, actor, customer)
        return Answer(customer_history_card(history, tz=tz))
    incidents = await call(service.list_incidents, actor)
    return Answer(incidents_card(incidents, tz=tz))


async def promises_answer(
    service: Service, actor: Actor, *, note: str | None = None, replace: bool = False
) -> Answer:
    now = datetime.now(zone("UTC"))
    promises = await call(service.open_promises, actor, now=now)
    tz = await user_tz(service, actor)
    return Answer(promises_card(promises, tz=tz, now=now, note=note), replace=replace)


async def digest_answer(
    service: Service, actor: Actor, *, preview: bool, notice: str | None = None,
    replace: bool = False,
) -> Answer:
    from bot.digest.render import digest_text

    data = await call(service.digest_for, actor)
    card = digest_card(data, text=digest_text(data), preview=preview, notice=notice)
    return Answer(card, replace=replace)


async def _digest(service: Service, actor: Actor) -> Answer:
    return await digest_answer(service, actor, preview=True)


async def _settings(service: Service, actor: Actor, text: str) -> Answer:
    try:
        change = parse_settings(text)
    except SettingsSyntaxError as err:
        return Answer(help_cards.error_card(str(err)))
    if change.empty:
        current = await call(service.get_settings, actor)
    else:
        current = await call(service.update_settings, actor, **change.as_kwargs())
    said = describe(current.tz, current.digest_day, current.digest_hour,
                    current.digest_enabled, current.all_clear)
    return Answer(settings_card(said, changed=not change.empty))


async def _team(service: Service, actor: Actor, switch: str, *, admin: bool) -> Answer:
    if not admin:
        return Answer(team_card(None, NOT_ADMIN))
    if switch in {"on", "off"}:
        await call(service.set_team_trends, actor, switch == "on")
        return Answer(team_card(None, TURNED_ON if switch == "on" else TURNED_OFF))
    if not await call(service.team_trends_enabled, actor):
        return Answer(team_card(None, OFF_FOR_ADMIN))
    return Answer(team_card(await call(service.team_trends, actor), None))


# --- card buttons -------------------------------------------------------------------------


def _text(value: dict[str, Any], key: str) -> str:
    raw = value.get(key)
    return raw.strip() if isinstance(raw, str) else ""


async def card_action_answer(
    service: Service, actor: Actor, value: dict[str, Any], *, delivery_key: str | None,
    where: Where = PERSONAL,
) -> Answer:
    """An Action.Submit from one of our cards; `value["action"]` says which."""
    action = _text(value, "action")
    if not where.personal and action in PRIVATE_ACTIONS:
        return private_only(where, PRIVATE_ACTIONS[action])
    handler = _CARD_ACTIONS.get(action)
    if handler is None:
        return Answer(help_cards.error_card("That button is from an older card; type “help”."))
    try:
        return await handler(service, actor, value, delivery_key)
    except ServiceError as err:
        failed = _FORM_ON_ERROR.get(action)
        if failed is not None:
            return Answer(failed(value, str(err)), replace=True)
        return Answer(help_cards.error_card(str(err)))


async def _track_promise(
    service: Service, actor: Actor, value: dict[str, Any], key: str | None
) -> Answer:
    text = _text(value, "text")
    if not text:
        return Answer(help_cards.error_card("That promise has no text to track."))
    due = _parse_iso(_text(value, "due"))
    promise = await call(
        service.track_promise, actor, text=text, due=due,
        customer=_text(value, "customer") or None, delivery_key=key,
    )
    return Answer(promise_tracked_card(promise, tz=await user_tz(service, actor)))


def _promise_id(value: dict[str, Any]) -> int | None:
    try:
        return int(value.get("promise_id"))  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None


async def _redraw(service: Service, actor: Actor, value: dict[str, Any], notice: str) -> Answer:
    """The clicked card again, rebuilt from the records: the digest or the promise list."""
    if _text(value, "surface") == SURFACE_DIGEST:
        return await digest_answer(service, actor, preview=False, notice=notice, replace=True)
    return await promises_answer(service, actor, note=notice, replace=True)


NO_PROMISE = "That button does not name a promise."


async def _close_promise(
    service: Service, actor: Actor, value: dict[str, Any], key: str | None
) -> Answer:
    status = _text(value, "status")
    promise_id = _promise_id(value)
    if promise_id is None:
        return Answer(help_cards.error_card(NO_PROMISE))
    if status not in {"kept", "cancelled", "broken"}:
        return Answer(help_cards.error_card("That button does not say what to do."))
    promise = await call(service.close_promise, actor, promise_id, status)
    verb = {"kept": "Marked kept", "cancelled": "Cancelled", "broken": "Marked broken"}[status]
    return await _redraw(service, actor, value, f"{verb}: {promise.text}")


async def _snooze_promise(
    service: Service, actor: Actor, value: dict[str, Any], key: str | None
) -> Answer:
    promise_id = _promise_id(value)
    if promise_id is None:
        return Answer(help_cards.error_card(NO_PROMISE))
    until = parse_target(_text(value, "until"))
    promise = await call(service.snooze_promise, actor, promise_id, until)
    tz = await user_tz(service, actor)
    notice = f"Snoozed to {when(promise.due, tz)}: {promise.text}"
    return await _redraw(service, actor, value, notice)


async def _reschedule_promise(
    service: Service, actor: Actor, value: dict[str, Any], key: str | None
) -> Answer:
    promise_id = _promise_id(value)
    if promise_id is None:
        return Answer(help_cards.error_card(NO_PROMISE))
    day = parse_day(_text(value, date_input_id(promise_id)))
    promise = await call(service.reschedule_promise, actor, promise_id, day)
    tz = await user_tz(service, actor)
    notice = f"New date {when(promise.due, tz)}: {promise.text}"
    return await _redraw(service, actor, value, notice)


async def _open_soften_form(
    service: Service, actor: Actor, value: dict[str, Any], key: str | None
) -> Answer:
    return Answer(soften_form_card())


def _soften_values(value: dict[str, Any]) -> dict[str, str]:
    return {k: _text(value, k) for k in ("asked_for", "why_not", "alternatives")}


async def _soften(service: Service, actor: Actor, value: dict[str, Any], key: str | None) -> Answer:
    from bot.coach.rewrite.soften import soften_refusal
    from bot.teams.coaching import rules_coach

    values = _soften_values(value)
    if not (values["asked_for"] and values["why_not"]):
        error = "Tell me what they asked for and why not; alternatives are optional."
        return Answer(soften_form_card(values=values, error=error), replace=True)
    alternatives = [line.strip(" -•\t") for line in values["alternatives"].splitlines()]
    offered = [a for a in alternatives if a]
    reply = soften_refusal(values["asked_for"], values["why_not"], offered)
    first = softened_card(reply, asked_for=values["asked_for"])
    if not service.llm_configured:
        return Answer(first, replace=True)

    async def later() -> CardMessage | None:
        try:
            coached = await call(rules_coach, reply)
        except DraftRejected:
            return None
        ask = RewriteAsk(asked_for=values["asked_for"], why_not=values["why_not"],
                         alternatives=offered)
        rewritten = await service.rewrite(actor, CoachOutcome(coached, "UTC", None), ask)
        if not rewritten.from_model or not rewritten.result.rewrite:
            return None
        return softened_card(rewritten.result.rewrite, asked_for=values["asked_for"],
                             suggestions=rewritten.suggestions, from_model=True)

    return Answer(first, replace=True, later=later)


async def _open_log_form(
    service: Service, actor: Actor, value: dict[str, Any], key: str | None
) -> Answer:
    return Answer(incident_form_card(values={"customer": _text(value, "customer")}))


def _form_values(value: dict[str, Any]) -> dict[str, str]:
    return {k: _text(value, k) for k in INCIDENT_FORM_FIELDS}


def parse_due(due_date: str, due_time: str, tz: str) -> datetime | None:
    """Form date + time in the user's zone; a date alone means the end of that working day."""
    if not due_date and not due_time:
        return None
    day = date.fromisoformat(due_date) if due_date else datetime.now(zone(tz)).date()
    at = time.fromisoformat(due_time) if due_time else time(17, 0)
    return datetime.combine(day, at, tzinfo=zone(tz))


async def _log_incident(
    service: Service, actor: Actor, value: dict[str, Any], key: str | None
) -> Answer:
    values = _form_values(value)
    if not (values["customer"] and values["what_happened"]):
        error = "Name the customer and say what happened; the rest is optional."
        return Answer(incident_form_card(values=values, error=error), replace=True)
    tz = await user_tz(service, actor)
    try:
        due = parse_due(values["due_date"], values["due_time"], tz)
    except ValueError:
        error = "That date or time did not read as one; pick it again."
        return Answer(incident_form_card(values=values, error=error), replace=True)
    severity = values["severity"] if values["severity"] in dict(SEVERITIES) else (
        labels.DEFAULT_SEVERITY)
    kind = values["kind"] if values["kind"] in dict(KINDS) else labels.DEFAULT_KIND
    incident = await call(
        service.log_incident, actor, customer=values["customer"],
        what_happened=values["what_happened"], what_agreed=values["what_agreed"], due=due,
        severity=severity, kind=kind, delivery_key=key,
    )
    return Answer(incident_logged_card(incident, tz=tz), replace=True)


async def _customer_history(
    service: Service, actor: Actor, value: dict[str, Any], key: str | None
) -> Answer:
    customer = _text(value, "customer")
    if not customer:
        return Answer(help_cards.error_card("Which customer? Type “incidents <customer>”."))
    return await _incidents(service, actor, customer)


async def _show_promises(
    service: Service, actor: Actor, value: dict[str, Any], key: str | None
) -> Answer:
    return await promises_answer(service, actor)


def _parse_iso(raw: str) -> datetime | None:
    if not raw:
        return None
    try:
        return datetime.fromisoformat(raw.replace("Z", "+00:00"))
    except ValueError:
        return None


_CARD_ACTIONS = {
    "track_promise": _track_promise,
    "close_promise": _close_promise,
    "snooze_promise": _snooze_promise,
    "reschedule_promise": _reschedule_promise,
    "open_soften_form": _open_soften_form,
    "soften": _soften,
    "open_log_form": _open_log_form,
    "log_incident": _log_incident,
    "customer_history": _customer_history,
    "show_promises": _show_promises,
}

# Forms whose input must survive a failed save: shown again, filled in, with the error.
_FORM_ON_ERROR: dict[str, Callable[[dict[str, Any], str], CardMessage]] = {
    "log_incident": lambda value, error: incident_form_card(
        values=_form_values(value), error=error
    ),
    "soften": lambda value, error: soften_form_card(values=_soften_values(value), error=error),
}
