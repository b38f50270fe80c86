"""Bolt's global error handler: every failure becomes a short, friendly message and a log line."""

from __future__ import annotations

import logging
from typing import Any

import aiohttp
from slack_bolt.context.async_context import AsyncBoltContext
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bot.service import ServiceError
from bot.slack.views.help import error_message
from bot.slack.views.modals import status_modal
from bot.undelivered import Undelivered

log = logging.getLogger("toughclient.slack")

GENERIC = "Sorry, something went wrong on my side. Nothing you wrote was lost: please try again."


def friendly(error: Exception) -> str:
    """The words a user sees: the service's own message, or a short apology."""
    if isinstance(error, ServiceError):
        return str(error) or GENERIC
    return GENERIC


async def handle_error(
    error: Exception, body: dict[str, Any], context: AsyncBoltContext, client: AsyncWebClient
) -> None:
    kind = body.get("type") or body.get("command") or "request"
    if isinstance(error, Undelivered):
        # Already logged and counted; the same endpoint would refuse an apology too.
        return
    if isinstance(error, ServiceError):
        log.warning("slack %s for team %s: %s", kind, context.team_id, error)
    else:
        log.error("slack %s failed for team %s", kind, context.team_id, exc_info=error)
    try:
        await tell_user(friendly(error), body, context, client)
    except SlackApiError as failure:
        log.error("could not tell the user about the error: %s", failure.response.get("error"))
    except Undelivered:
        pass  # logged and counted where it failed
    except (TimeoutError, aiohttp.ClientError, OSError) as failure:
        # Slack's end is unreachable (often the very failure being reported): an error
        # handler that raises turns the request into a 500 for Slack to retry.
        log.error("could not tell the user about the error: %r", failure)


async def tell_user(
    problem: str, body: dict[str, Any], context: AsyncBoltContext, client: AsyncWebClient
) -> None:
    """Say it where the user is looking: the modal, the command's reply, or the DM."""
    message = error_message(problem)
    view = body.get("view")
    if body.get("type") == "view_submission" and isinstance(view, dict) and view.get("id"):
        await client.views_update(view_id=view["id"], view=status_modal("Sorry", problem))
        return
    if context.respond is not None and context.response_url:
        await context.respond(
            response_type="ephemeral", replace_original=False, **message.as_kwargs()
        )
        return
    event = body.get("event") if isinstance(body.get("event"), dict) else None
    if event and event.get("channel_type") == "im" and event.get("channel"):
        await client.chat_postMessage(channel=event["channel"], **message.as_kwargs())
        return
    if context.user_id and body.get("type") in {
        "block_actions",
        "block_suggestion",
        "shortcut",
        "message_action",
        "view_submission",
    }:
        await client.chat_postMessage(channel=context.user_id, **message.as_kwargs())
        return
    log.info("no place to show the error for a %s; logged only", body.get("type"))
