"""Answering a form submission: its field errors, or a status modal while the work runs."""

from __future__ import annotations

from slack_bolt.context.ack.async_ack import AsyncAck

from bot.slack.views.modals import status_modal


async def accept_submission(ack: AsyncAck, errors: dict[str, str], title: str, status: str) -> bool:
    """Ack a submitted form: with the input errors beside their fields if there are any
    (False: nothing typed is lost, the work does not start), else by replacing the form
    with a status modal (True: go on with the work).
    """
    if errors:
        await ack(response_action="errors", errors=errors)
        return False
    await ack(response_action="update", view=status_modal(title, status))
    return True
