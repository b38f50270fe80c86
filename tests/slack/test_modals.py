"""The incident form and the "soften a no" form, submitted over HTTP."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from bot.slack import ids
from tests.slack.harness import Harness, view_submission

pytestmark = pytest.mark.asyncio(loop_scope="module")

DUE = datetime(2031, 5, 6, 14, 30, tzinfo=UTC)


def log_values(customer: str = "Acme", happened: str = "Yelled on the phone") -> dict:
    return {
        ids.CUSTOMER: {"type": "plain_text_input", "value": customer},
        ids.WHAT_HAPPENED: {"type": "plain_text_input", "value": happened},
        ids.WHAT_AGREED: {"type": "plain_text_input", "value": "Send a credit note"},
        ids.DUE: {"type": "datetimepicker", "selected_date_time": int(DUE.timestamp())},
        ids.SEVERITY: {"type": "static_select", "selected_option": {"value": "high"}},
        ids.KIND: {"type": "radio_buttons", "selected_option": {"value": "customer_with_problem"}},
    }


async def test_the_incident_form_records_everything_once(slack: Harness) -> None:
    meta = json.dumps({"channel": "C77"})
    submission = view_submission(
        ids.VIEW_LOG_INCIDENT, log_values(), view_id="VLOG1", private_metadata=meta
    )
    reply = await slack.interact(submission)
    assert reply.status == 200 and reply.json()["response_action"] == "update"
    await slack.mock.wait_for(lambda: slack.mock.of("views.update"))
    again = await slack.interact(submission)  # a double submit or a retry
    assert again.status == 200
    await slack.mock.wait_for(lambda: len(slack.mock.of("views.update")) == 2)
    rows = slack.rows(
        "SELECT customer, what_happened, what_agreed, severity, kind, channel_id FROM incidents "
        "WHERE customer = 'Acme'"
    )
    assert rows == [
        (
            "Acme",
            "Yelled on the phone",
            "Send a credit note",
            "high",
            "customer_with_problem",
            "C77",
        )
    ]
    promises = [
        p for p in slack.service.open_promises(slack.actor()) if p.text == "Send a credit note"
    ]
    assert len(promises) == 1 and promises[0].due == DUE
    confirmation = json.dumps(slack.mock.of("views.update")[0].params["view"])
    assert "Logged the incident with Acme" in confirmation


async def test_missing_fields_are_shown_beside_the_form(slack: Harness) -> None:
    values = log_values(customer="", happened="")
    reply = await slack.interact(view_submission(ids.VIEW_LOG_INCIDENT, values, view_id="VLOG2"))
    errors = reply.json()["errors"]
    assert set(errors) == {ids.CUSTOMER, ids.WHAT_HAPPENED}


async def test_the_soften_form_writes_a_checked_reply(slack: Harness) -> None:
    values = {
        ids.ASKED_FOR: {"type": "plain_text_input", "value": "a refund for last year"},
        ids.WHY_NOT: {"type": "plain_text_input", "value": "refunds only apply within 30 days"},
        ids.ALTERNATIVES: {"type": "plain_text_input", "value": "- a credit\n- a free month"},
    }
    reply = await slack.interact(view_submission(ids.VIEW_SOFTEN_NO, values, view_id="VSOFT"))
    assert reply.json()["response_action"] == "update"
    await slack.mock.wait_for(lambda: slack.mock.of("views.update"))
    view = slack.mock.of("views.update")[0].params["view"]
    shown = json.dumps(view["blocks"])
    assert "refund" in shown and "credit" in shown
    assert "Use the rewrite" in shown


async def test_the_soften_form_asks_for_the_reason(slack: Harness) -> None:
    values = {ids.ASKED_FOR: {"type": "plain_text_input", "value": "a discount"}}
    reply = await slack.interact(view_submission(ids.VIEW_SOFTEN_NO, values, view_id="VSOFT2"))
    assert set(reply.json()["errors"]) == {ids.WHY_NOT}
