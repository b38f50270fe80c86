"""Personal chat end to end: Teams activity JSON over HTTP in, replies at the mock connector."""

from __future__ import annotations

from bot.service import Actor
from tests.teams.conftest import TENANT, TeamsBot, personal_message

ADA = Actor("teams", TENANT, "00000000-0000-0000-0000-0000000000ad")
CHAT = "/v3/conversations/a:1personal-chat-ada/activities"


async def test_a_draft_gets_coached_in_reply_to_the_message(teams_bot: TeamsBot) -> None:
    url = teams_bot.connector.url
    activity = personal_message(url, "Sorry about that, I'll get back to you ASAP.")
    response = await teams_bot.post(activity)
    assert response.status == 200
    [reply] = teams_bot.connector.messages()
    assert reply.path == f"{CHAT}/{activity['id']}"
    assert reply.body["replyToId"] == activity["id"]
    assert reply.body["conversation"]["id"] == "a:1personal-chat-ada"
    card = reply.card_json
    assert "Vague promise" in card
    assert "ASAP" in card
    assert "Suggested rewrite" in card
    assert "Vague promise" in reply.body["summary"]


async def test_teams_html_is_read_as_plain_text(teams_bot: TeamsBot) -> None:
    url = teams_bot.connector.url
    html = "<p>As I already said, we can&#39;t refund that.</p>"
    await teams_bot.post(personal_message(url, html, textFormat="xml"))
    card = teams_bot.connector.messages()[0].card_json
    assert "&#39;" not in card and "<p>" not in card
    assert "Defensive" in card


async def test_every_message_saves_the_conversation_reference(teams_bot: TeamsBot) -> None:
    await teams_bot.post(personal_message(teams_bot.connector.url, "help"))
    references = teams_bot.service.conversation_references(tenant_id=TENANT)
    [(actor, reference)] = references
    assert actor.user_id == ADA.user_id
    assert reference["serviceUrl"] == teams_bot.connector.url
    assert reference["conversation"]["id"] == "a:1personal-chat-ada"


async def test_a_retried_activity_is_answered_once(teams_bot: TeamsBot) -> None:
    activity = personal_message(teams_bot.connector.url, "log Acme: shouted at support")
    first = await teams_bot.post(activity)
    again = await teams_bot.post(activity)
    assert (first.status, again.status) == (200, 200)
    assert len(teams_bot.connector.messages()) == 1
    assert len(teams_bot.service.list_incidents(ADA)) == 1


async def test_a_new_user_adding_the_bot_gets_the_help_card(teams_bot: TeamsBot) -> None:
    activity = personal_message(teams_bot.connector.url, "")
    activity.update(type="conversationUpdate",
                    membersAdded=[{"id": "28:toughclient-bot"}])
    del activity["text"]
    assert (await teams_bot.post(activity)).status == 200
    [welcome] = teams_bot.connector.messages()
    assert "Paste a reply" in welcome.card_json


async def test_the_emulator_works_without_a_tenant(teams_bot: TeamsBot) -> None:
    activity = personal_message(teams_bot.connector.url, "log Acme: yelled", tenant=None)
    activity.update(channelId="emulator", channelData={})
    activity["conversation"] = {"id": "emulator-conv-1"}
    assert (await teams_bot.post(activity)).status == 200
    [reply] = teams_bot.connector.messages()
    assert reply.path.startswith("/v3/conversations/emulator-conv-1/activities")
    local = Actor("teams", "local", ADA.user_id)
    assert [i.customer for i in teams_bot.service.list_incidents(local)] == ["Acme"]
