"""Group chats and channels: the @mention is stripped, the reply goes to the thread."""

from __future__ import annotations

from tests.teams.conftest import TENANT, TeamsBot, channel_message


async def test_a_mention_in_a_channel_runs_the_command(teams_bot: TeamsBot) -> None:
    activity = channel_message(teams_bot.connector.url, "<at>toughclient</at> promises")
    assert (await teams_bot.post(activity)).status == 200
    [reply] = teams_bot.connector.messages()
    conversation = "19:general@thread.tacv2;messageid=1700000000000"
    assert reply.path == f"/v3/conversations/{conversation}/activities/{activity['id']}"
    assert "Your open promises" in reply.card_json


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
