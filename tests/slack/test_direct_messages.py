"""A DM to the bot is coached before it is sent; edits, bots and retries are not."""

from __future__ import annotations

import pytest

from bot.slack import ids
from tests.slack.harness import Harness, dm
from tests.slack.rendered import no_raw_pings

pytestmark = pytest.mark.asyncio(loop_scope="module")


def posted_to_dm(slack: Harness, channel: str = "D0DM") -> list[dict]:
    return [
        c.params for c in slack.mock.of("chat.postMessage") if c.params.get("channel") == channel
    ]


SENTINEL = "D0SENTINEL"


async def after_a_sentinel(slack: Harness) -> None:
    """Send a later DM in another channel and wait for its coaching: by then the events sent
    before it have been handled, so what they did not post they never will."""
    await slack.event(dm("Sentinel: we can't do that.", channel=SENTINEL))
    await slack.mock.wait_for(lambda: posted_to_dm(slack, SENTINEL))


async def test_a_dm_is_coached_with_buttons(slack: Harness) -> None:
    reply = await slack.event(dm("I'll get right back to you. We can't do that."))
    assert reply.status == 200
    await slack.mock.wait_for(lambda: posted_to_dm(slack))
    message = posted_to_dm(slack)[0]
    buttons = [
        e["action_id"] for b in message["blocks"] if b["type"] == "actions" for e in b["elements"]
    ]
    assert ids.USE_REWRITE in buttons and ids.OPEN_LOG_MODAL in buttons
    assert message["text"]


async def test_a_concrete_promise_gets_a_track_button(slack: Harness) -> None:
    await slack.event(dm("Sorry about the outage. I'll call you by 3pm tomorrow with a fix."))
    await slack.mock.wait_for(lambda: posted_to_dm(slack))
    blocks = posted_to_dm(slack)[0]["blocks"]
    buttons = [e["action_id"] for b in blocks if b["type"] == "actions" for e in b["elements"]]
    assert f"{ids.TRACK_PROMISE}_0" in buttons


async def test_the_users_slack_time_zone_is_fetched_once_and_saved(slack: Harness) -> None:
    slack.mock.user_tz["U_TZ"] = "Europe/Paris"
    await slack.event(dm("We will look into it.", user="U_TZ"))
    await slack.mock.wait_for(lambda: posted_to_dm(slack))
    await slack.event(dm("Thanks for your patience, we fixed it.", user="U_TZ"))
    await slack.mock.wait_for(lambda: len(posted_to_dm(slack)) == 2)
    assert len([c for c in slack.mock.of("users.info") if c.params.get("user") == "U_TZ"]) == 1
    assert slack.service.get_settings(slack.actor("U_TZ")).tz == "Europe/Paris"


async def test_a_retried_delivery_is_coached_once(slack: Harness) -> None:
    event = dm("We can't do that, no exceptions.")
    first = await slack.event(event, event_id="EvRETRY1")
    again = await slack.event(event, event_id="EvRETRY1", retry=1)
    assert first.status == again.status == 200
    await slack.mock.wait_for(lambda: posted_to_dm(slack))
    await after_a_sentinel(slack)
    assert len(posted_to_dm(slack)) == 1


@pytest.mark.parametrize(
    "event",
    [
        dm("edited text", subtype="message_changed"),
        dm("a bot speaking", bot_id="B999"),
        dm("someone joined", subtype="channel_join"),
        {**dm("a channel message"), "channel_type": "channel", "channel": "C9"},
        dm("   "),
    ],
    ids=["edit", "bot", "join", "channel", "blank"],
)
async def test_messages_that_are_not_a_person_writing_are_ignored(
    slack: Harness, event: dict
) -> None:
    assert (await slack.event(event)).status == 200
    await after_a_sentinel(slack)
    assert [c.params["channel"] for c in slack.mock.of("chat.postMessage")] == [SENTINEL]


async def test_the_bots_own_message_is_ignored(slack: Harness) -> None:
    await slack.event(dm("my own coaching", user="UBOT"))
    await after_a_sentinel(slack)
    assert [c.params["channel"] for c in slack.mock.of("chat.postMessage")] == [SENTINEL]


async def test_a_hostile_dm_never_pings(slack: Harness) -> None:
    await slack.event(dm("&lt;!here&gt; <!channel> WE CAN'T!!!"))
    await slack.mock.wait_for(lambda: posted_to_dm(slack))
    no_raw_pings(posted_to_dm(slack)[0])
