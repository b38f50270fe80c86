"""Group chats and channels: the @mention is stripped, the reply goes to the thread."""

from __future__ import annotations

from typing import Any

import pytest

from bot.service import Actor
from tests.teams.conftest import BOT_ID, TENANT, TeamsBot, channel_message, personal_message

ADA = Actor("teams", TENANT, "00000000-0000-0000-0000-0000000000ad")
CHAT_LINK = f"https://teams.microsoft.com/l/chat/0/0?users={BOT_ID}"


def group_chat_message(service_url: str, text: str, **extra: Any) -> dict[str, Any]:
    activity = personal_message(service_url, text, **extra)
    activity["conversation"] = {"isGroup": True, "conversationType": "groupChat",
                                "id": "19:group-chat-ada-bob@thread.v2", "tenantId": TENANT}
    return activity


async def test_a_mention_in_a_channel_runs_the_command(teams_bot: TeamsBot) -> None:
    activity = channel_message(teams_bot.connector.url, "<at>toughclient</at> help")
    assert (await teams_bot.post(activity)).status == 200
    [reply] = teams_bot.connector.messages()
    conversation = "19:general@thread.tacv2;messageid=1700000000000"
    assert reply.path == f"/v3/conversations/{conversation}/activities/{activity['id']}"
    assert "Paste a reply" in reply.card_json


@pytest.mark.parametrize("command", ["promises", "digest", "incidents", "incidents Acme",
                                     "log Acme: shouted at support", "log"])
async def test_private_lists_are_not_posted_into_a_channel(
    teams_bot: TeamsBot, command: str
) -> None:
    teams_bot.service.track_promise(ADA, text="Refund Acme by Friday", customer="Acme")
    teams_bot.service.log_incident(ADA, customer="Acme", what_happened="Threatened to sue")
    activity = channel_message(teams_bot.connector.url, f"<at>toughclient</at> {command}")
    assert (await teams_bot.post(activity)).status == 200
    [reply] = teams_bot.connector.messages()
    card = reply.card_json
    typed = command.split()[0]
    assert f"I keep that between us: open a personal chat with me and type `{typed}`" in card
    assert CHAT_LINK in card
    assert "Refund Acme" not in card and "Threatened" not in card and "shouted" not in card
    assert len(teams_bot.service.list_incidents(ADA)) == 1  # `log` in a channel saved nothing


async def test_private_lists_are_not_posted_into_a_group_chat(teams_bot: TeamsBot) -> None:
    teams_bot.service.track_promise(ADA, text="Refund Acme by Friday")
    await teams_bot.post(group_chat_message(teams_bot.connector.url, "promises"))
    [reply] = teams_bot.connector.messages()
    assert "I keep that between us" in reply.card_json
    assert "Refund Acme" not in reply.card_json


async def test_buttons_that_show_private_lists_point_to_the_personal_chat(
    teams_bot: TeamsBot,
) -> None:
    promise = teams_bot.service.track_promise(ADA, text="Refund Acme by Friday")
    teams_bot.service.log_incident(ADA, customer="Acme", what_happened="Threatened to sue")
    for value in ({"action": "show_promises"}, {"action": "customer_history", "customer": "Acme"},
                  {"action": "close_promise", "promise_id": promise.id, "status": "kept"},
                  {"action": "log_incident", "customer": "Acme", "what_happened": "Again"}):
        before = len(teams_bot.connector.sent)
        activity = channel_message(teams_bot.connector.url, "", value=value, replyToId="bot-9")
        await teams_bot.post(activity)
        [reply] = teams_bot.connector.sent[before:]
        assert reply.method == "POST", value
        assert "I keep that between us" in reply.card_json, value
        assert "Refund Acme" not in reply.card_json and "Threatened" not in reply.card_json
    assert [p.id for p in teams_bot.service.open_promises(ADA)] == [promise.id]
    assert len(teams_bot.service.list_incidents(ADA)) == 1


async def test_without_a_teams_bot_id_the_pointer_has_no_link(teams_bot: TeamsBot) -> None:
    activity = channel_message(teams_bot.connector.url, "promises")
    activity["recipient"] = {"id": "local-bot", "name": "toughclient"}
    await teams_bot.post(activity)
    [reply] = teams_bot.connector.messages()
    assert "I keep that between us" in reply.card_json
    assert "Action.OpenUrl" not in reply.card_json


async def test_coaching_and_promises_still_work_in_personal_chat(teams_bot: TeamsBot) -> None:
    teams_bot.service.track_promise(ADA, text="Refund Acme by Friday")
    await teams_bot.post(personal_message(teams_bot.connector.url, "promises"))
    [reply] = teams_bot.connector.messages()
    assert "Refund Acme by Friday" in reply.card_json


async def test_a_draft_in_a_group_chat_is_coached(teams_bot: TeamsBot) -> None:
    await teams_bot.post(group_chat_message(teams_bot.connector.url, "I'll fix it ASAP."))
    [reply] = teams_bot.connector.messages()
    assert "Coaching for your draft" in reply.card_json


async def test_a_mentioned_draft_is_coached_without_the_mention(teams_bot: TeamsBot) -> None:
    html = "<p><at>toughclient</at> We can&#39;t do that, it&#39;s company policy.</p>"
    await teams_bot.post(channel_message(teams_bot.connector.url, html))
    card = teams_bot.connector.messages()[0].card_json
    assert "toughclient</at>" not in card and "&#39;" not in card
    assert "Coaching for your draft" in card


async def test_channel_conversations_are_not_used_for_the_private_digest(
    teams_bot: TeamsBot,
) -> None:
    await teams_bot.post(channel_message(teams_bot.connector.url, "<at>toughclient</at> help"))
    assert teams_bot.service.conversation_references(tenant_id=TENANT) == []
