"""`respond()` over the server's pooled HTTP session.

Bolt's own `AsyncRespond` builds a webhook client, and with it a new aiohttp
session (new connection, new TLS handshake), for every answer to a
`response_url`. Bolt lets middleware put its own `respond` into the context
(the context only builds one when none is there), so ours reuses the
session the server already keeps for Web API calls. Server errors and rate
limits are retried (bot.slack.retries); an answer that still does not get
through raises `Undelivered`, so the caller knows and the loss is counted.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import aiohttp
from aiohttp import ClientSession
from slack_bolt.context.respond.async_respond import AsyncRespond
from slack_bolt.context.respond.internals import _build_message
from slack_sdk.models.attachments import Attachment
from slack_sdk.models.blocks import Block
from slack_sdk.webhook.async_client import AsyncWebhookClient, WebhookResponse

from bot.slack.retries import answer_retry_handlers
from bot.undelivered import record_undelivered


class PooledRespond(AsyncRespond):
    """Bolt's `respond()`, same arguments, sent through a shared `ClientSession`."""

    def __init__(self, *, response_url: str, session: ClientSession) -> None:
        super().__init__(response_url=response_url)
        self.session = session

    async def __call__(
        self,
        text: str | dict[str, Any] = "",
        blocks: Sequence[dict[str, Any] | Block] | None = None,
        attachments: Sequence[dict[str, Any] | Attachment] | None = None,
        response_type: str | None = None,
        replace_original: bool | None = None,
        delete_original: bool | None = None,
        unfurl_links: bool | None = None,
        unfurl_media: bool | None = None,
        thread_ts: str | None = None,
        metadata: dict[str, Any] | None = None,
    ) -> WebhookResponse:
        if self.session.closed or self.response_url is None:
            return delivered(await super().__call__(
                text,
                blocks,
                attachments,
                response_type,
                replace_original,
                delete_original,
                unfurl_links,
                unfurl_media,
                thread_ts,
                metadata,
            ))
        if isinstance(text, dict):
            message = _build_message(**text)
        else:
            message = _build_message(
                text=text,
                blocks=blocks,
                attachments=attachments,
                response_type=response_type,
                replace_original=replace_original,
                delete_original=delete_original,
                unfurl_links=unfurl_links,
                unfurl_media=unfurl_media,
                thread_ts=thread_ts,
                metadata=metadata,
            )
        client = AsyncWebhookClient(
            url=self.response_url, session=self.session, retry_handlers=answer_retry_handlers()
        )
        try:
            response = await client.send_dict(message)
        except (aiohttp.ClientError, TimeoutError) as error:
            raise record_undelivered("slack", "response_url", repr(error)) from None
        return delivered(response)


def delivered(response: WebhookResponse) -> WebhookResponse:
    """The response of a post that reached Slack, or Undelivered (logged and counted)."""
    if 200 <= response.status_code < 300:
        return response
    raise record_undelivered(
        "slack", "response_url", f"HTTP {response.status_code} {str(response.body)[:100]!r}"
    )
