"""Each typed command in Teams does what the Slack subcommand does, through the service."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from bot.service import Actor
from tests.teams.conftest import TENANT, TeamsBot, personal_message

ADA = Actor("teams", TENANT, "00000000-0000-0000-0000-0000000000ad")


async def _say(bot: TeamsBot, text: str) -> str:
    before = len(bot.connector.messages())
    response = await bot.post(personal_message(bot.connector.url, text))
    assert response.status == 200
    replies = bot.connector.messages()[before:]
    assert len(replies) == 1, replies
    return replies[0].card_json


async def test_help_and_an_empty_message_show_usage(teams_bot: TeamsBot) -> None:
    for text in ("help", "", "   "):
        card = await _say(teams_bot, text)
        assert "incidents [customer]" in card and "promises" in card


async def test_an_unknown_command_gets_a_friendly_error_with_usage(teams_bot: TeamsBot) -> None:
    card = await _say(teams_bot, "promsies")
    assert "I don't know the command “promsies”. Did you mean “promises”?" in card
    assert "log [customer] [what happened]" in card


async def test_check_without_a_draft_asks_for_one(teams_bot: TeamsBot) -> None:
    assert "Add the draft after “check”." in await _say(teams_bot, "check")


async def test_check_coaches_the_draft(teams_bot: TeamsBot) -> None:
    card = await _say(teams_bot, "check We can't do that.")
    assert "Hard no" in card


async def test_no_with_a_draft_is_coached_and_without_opens_the_form(teams_bot: TeamsBot) -> None:
    card = await _say(teams_bot, "no We can't refund that.")
    assert "Softening your no" in card and "Hard no" in card
    form = await _say(teams_bot, "no")
    assert '"id": "asked_for"' in form and '"id": "why_not"' in form


async def test_log_with_customer_and_text_records_an_incident(teams_bot: TeamsBot) -> None:
    card = await _say(teams_bot, 'log "Acme Corp" shouted at support about the invoice')
    assert "Logged: Acme Corp" in card
    [incident] = teams_bot.service.list_incidents(ADA)
    assert (incident.customer, incident.what_happened) == (
        "Acme Corp", "shouted at support about the invoice")
    assert incident.platform == "teams" and incident.tenant_id == TENANT


async def test_log_without_text_opens_the_form_prefilled(teams_bot: TeamsBot) -> None:
    blank = await _say(teams_bot, "log")
    assert '"id": "what_happened"' in blank and '"id": "due_date"' in blank
    named = await _say(teams_bot, "log Acme")
    assert '"value": "Acme"' in named
    assert teams_bot.service.list_incidents(ADA) == []


async def test_incidents_lists_and_incidents_customer_shows_history(teams_bot: TeamsBot) -> None:
    assert "No incidents yet." in await _say(teams_bot, "incidents")
    await _say(teams_bot, "log Acme: refused to pay")
    await _say(teams_bot, "log Globex: late again")
    listing = await _say(teams_bot, "incidents")
    assert "refused to pay" in listing and "late again" in listing
    history = await _say(teams_bot, "incidents Acme")
    assert "History: Acme" in history and "refused to pay" in history
    assert "late again" not in history


async def test_promises_lists_open_promises_with_buttons(teams_bot: TeamsBot) -> None:
    assert "No open promises" in await _say(teams_bot, "promises")
    due = datetime.now(UTC) + timedelta(days=1)
    teams_bot.service.track_promise(ADA, text="Call Acme back", due=due)
    card = await _say(teams_bot, "promises")
    assert "Call Acme back" in card and "Cancel" in card
    assert all(f'"{title}"' in card for title in ("Kept", "Snooze a week", "New date"))


async def test_digest_previews_the_weekly_digest(teams_bot: TeamsBot) -> None:
    teams_bot.service.track_promise(ADA, text="Send the revised quote")
    card = await _say(teams_bot, "digest")
    assert "Your weekly digest (preview)" in card
    assert "Send the revised quote" in card


async def test_a_draft_too_long_to_coach_gets_a_short_error(teams_bot: TeamsBot) -> None:
    card = await _say(teams_bot, "We can't do that. " * 3000)
    assert "the coach reads at most 5,000" in card
    assert "Traceback" not in card
    assert len(card) < 4000


async def test_a_draft_at_the_coachs_limit_fits_in_one_message(teams_bot: TeamsBot) -> None:
    from bot.coach import MAX_DRAFT_CHARS

    sentence = "CALM DOWN!!! We can't do that, I'll get back to you ASAP. "
    draft = (sentence * (MAX_DRAFT_CHARS // len(sentence)))[:MAX_DRAFT_CHARS]
    card = await _say(teams_bot, draft)  # the connector fixture checks the 28 KB limit
    assert "Shouting" in card


async def test_another_tenant_does_not_see_these_incidents(teams_bot: TeamsBot) -> None:
    await _say(teams_bot, "log Acme: refused to pay")
    other = personal_message(teams_bot.connector.url, "incidents", tenant="other-tenant")
    other["channelData"]["tenant"]["id"] = "other-tenant"
    await teams_bot.post(other)
    assert "No incidents yet." in teams_bot.connector.messages()[-1].card_json
