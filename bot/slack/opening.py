"""Opening a modal: first thing after the ack, while the trigger id is still fresh.

A trigger id lives 3 seconds and works once. So a modal opens before any
database work (which may queue behind the worker pool), and a redelivered
request needs no dedupe of ours: Slack refuses its spent trigger id, which
is not worth troubling the user about.
"""

from __future__ import annotations

import logging

from slack_sdk.errors import SlackApiError
from slack_sdk.models.views import View
from slack_sdk.web.async_client import AsyncWebClient

log = logging.getLogger("toughclient.slack")

SPENT_TRIGGER = "exchanged_trigger_id"


async def open_modal(
    client: AsyncWebClient, trigger_id: str, view: View, *, push: bool = False
) -> bool:
    """Open (or push onto the current modal) `view`; False when the trigger was already used."""
    try:
        if push:
            await client.views_push(trigger_id=trigger_id, view=view)
        else:
            await client.views_open(trigger_id=trigger_id, view=view)
    except SlackApiError as error:
        if error.response.get("error") != SPENT_TRIGGER:
            raise
        log.info("trigger %s was already used: a redelivered request, no second modal", trigger_id)
        return False
    return True
