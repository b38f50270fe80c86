"""Proactive messages (the weekly digest) reach a user through the stored reference."""

from __future__ import annotations

import json

import pytest

from bot.config import Settings
from bot.service import Actor
from bot.teams.cards.help import help_card
from bot.teams.proactive import ProactiveSender
from tests.teams.conftest import TENANT, TeamsBot, personal_message

ADA = Actor("teams", TENANT, "00000000-0000-0000-0000-0000000000ad")


async def test_the_digest_goes_to_the_stored_conversation_as_a_new_message(
    teams_bot: TeamsBot,
) -> None:
    await teams_bot.post(personal_message(teams_bot.connector.url, "help"))
    teams_bot.service.track_promise(ADA, text="Send Acme the credit note")
    [(actor, reference)] = teams_bot.service.conversation_references(tenant_id=TENANT)
    reference = json.loads(json.dumps(reference))  # as it comes back from any JSON store
    sender = ProactiveSender.from_settings(Settings())
    sent_id = await sender.send_digest(reference, teams_bot.service.digest_for(actor))
    digest = teams_bot.connector.messages()[-1]
    assert digest.path == "/v3/conversations/a:1personal-chat-ada/activities"
    assert sent_id == "bot-msg-2"
    assert "replyToId" not in digest.body
    assert digest.body["recipient"]["id"] == reference["user"]["id"]
    assert "Your weekly digest" in digest.card_json
    assert "Send Acme the credit note" in digest.card_json


async def test_any_card_can_be_sent_proactively(teams_bot: TeamsBot) -> None:
    reference = {
        "serviceUrl": teams_bot.connector.url, "channelId": "msteams",
        "conversation": {"id": "a:other-chat", "tenantId": TENANT},
        "bot": {"id": "28:toughclient-bot"}, "user": {"id": "29:someone"},
    }
    await ProactiveSender.from_settings(Settings()).send(reference, help_card())
    [sent] = teams_bot.connector.messages()
    assert sent.path == "/v3/conversations/a:other-chat/activities"


async def test_a_broken_reference_is_a_value_error() -> None:
    with pytest.raises(ValueError):
        await ProactiveSender.from_settings(Settings()).send({"user": {"id": "x"}}, help_card())
