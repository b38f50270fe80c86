"""The incident form: who, what happened, what was agreed, by when, how bad, which kind."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from slack_sdk.models.blocks import (
    Block,
    DateTimePickerElement,
    InputBlock,
    Option,
    PlainTextInputElement,
    RadioButtonsElement,
    StaticSelectElement,
)
from slack_sdk.models.views import View

from bot.service.limits import CUSTOMER_CHARS, WHAT_AGREED_CHARS, WHAT_HAPPENED_CHARS
from bot.slack import ids, limits
from bot.slack.views.modals import modal, plain

SEVERITIES = (("low", "Low"), ("medium", "Medium"), ("high", "High"))
KINDS = (
    ("problem_customer", "A problem customer"),
    ("customer_with_problem", "A customer with a problem"),
    ("unsure", "Not sure yet"),
)


@dataclass(frozen=True)
class LogPrefill:
    customer: str = ""
    what_happened: str = ""
    what_agreed: str = ""
    due: datetime | None = None


def _text_input(
    block_id: str,
    label: str,
    initial: str,
    *,
    multiline: bool,
    optional: bool,
    max_length: int,
    hint: str = "",
) -> InputBlock:
    return InputBlock(
        block_id=block_id,
        label=plain(label, 2000),
        optional=optional,
        hint=plain(hint, 2000) if hint else None,
        element=PlainTextInputElement(
            action_id=block_id,
            multiline=multiline,
            initial_value=initial[: limits.INITIAL_INPUT] or None,
            max_length=max_length,
        ),
    )


def _options(pairs: tuple[tuple[str, str], ...]) -> list[Option]:
    return [Option(value=value, text=plain(label, limits.OPTION_TEXT)) for value, label in pairs]


def log_incident_modal(prefill: LogPrefill, *, private_metadata: str) -> View:
    severity = _options(SEVERITIES)
    kinds = _options(KINDS)
    blocks: list[Block] = [
        _text_input(
            ids.CUSTOMER,
            "Customer",
            prefill.customer[:CUSTOMER_CHARS],
            multiline=False,
            optional=False,
            max_length=CUSTOMER_CHARS,
        ),
        _text_input(
            ids.WHAT_HAPPENED,
            "What happened",
            prefill.what_happened,
            multiline=True,
            optional=False,
            max_length=WHAT_HAPPENED_CHARS,
        ),
        _text_input(
            ids.WHAT_AGREED,
            "What was agreed",
            prefill.what_agreed,
            multiline=True,
            optional=True,
            max_length=WHAT_AGREED_CHARS,
            hint="An agreement becomes a promise you can track.",
        ),
        InputBlock(
            block_id=ids.DUE,
            label=plain("By when", 2000),
            optional=True,
            element=DateTimePickerElement(
                action_id=ids.DUE,
                initial_date_time=int(prefill.due.timestamp()) if prefill.due else None,
            ),
        ),
        InputBlock(
            block_id=ids.SEVERITY,
            label=plain("Severity", 2000),
            element=StaticSelectElement(
                action_id=ids.SEVERITY, options=severity, initial_option=severity[1]
            ),
        ),
        InputBlock(
            block_id=ids.KIND,
            label=plain("Problem customer, or customer with a problem?", 2000),
            element=RadioButtonsElement(action_id=ids.KIND, options=kinds, initial_option=kinds[2]),
        ),
    ]
    return modal(
        "Log an incident",
        blocks,
        callback_id=ids.VIEW_LOG_INCIDENT,
        submit="Log it",
        close="Cancel",
        private_metadata=private_metadata,
    )
