"""What a delivery round does with people it cannot reach, rate limits, an interrupted
send, and people with nothing open: Slack's Web API and the Teams connector are the
local mocks, the database is the real one."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, datetime, timedelta

from bot.config import Settings
from bot.digest.deliver import deliver_digests
from bot.digest.week import week_key
from bot.service import Actor, Service
from bot.slack.digest_sender import SlackDigestSender
from bot.teams.digest_sender import TeamsDigestSender
from tests.slack.mock_slack import MockSlack

MONDAY = datetime(2026, 3, 2, 10, 0, tzinfo=UTC)
WEEK = week_key(MONDAY, "UTC")


def people(n: int, team: str = "T0001") -> list[Actor]:
    return [Actor("slack", team, f"U{i:03d}") for i in range(n)]


def with_promises(service: Service, actors: list[Actor]) -> None:
    for actor in actors:
        service.track_promise(actor, text=f"Call back {actor.user_id}", now=MONDAY)


def slack_sender(settings: Settings, mock: MockSlack, service: Service) -> SlackDigestSender:
    return SlackDigestSender(
        replace(settings, slack_bot_token="xoxb-test", slack_api_url=mock.api_url), service
    )


def outcomes(service: Service) -> dict[str, tuple[str, str | None]]:
    return {user: (status, error) for _, _, user, _, status, error in service.digest_outcomes()}


async def test_someone_who_left_is_skipped_with_the_reason_and_not_retried(
    service: Service, settings: Settings, slack_api: MockSlack
) -> None:
    gone, stays = people(2)
    with_promises(service, [gone, stays])
    slack_api.fail_for(gone.user_id, "user_not_found")
    sender = {"slack": slack_sender(settings, slack_api, service)}

    report = await deliver_digests(service, sender, now=MONDAY)
    assert report.sent == 1 and report.failed == []
    assert report.skipped == [f"slack:T0001:{gone.user_id}: no such user in the workspace "
                              "any more (user_not_found)"]
    assert outcomes(service)[gone.user_id] == (
        "skipped", "no such user in the workspace any more (user_not_found)"
    )
    calls = len(slack_api.of("chat.postMessage"))
    again = await deliver_digests(service, sender, now=MONDAY + timedelta(minutes=10))
    assert again.already_sent == 2 and len(slack_api.of("chat.postMessage")) == calls


async def test_a_revoked_workspace_token_is_tried_once_for_the_whole_workspace(
    service: Service, settings: Settings, slack_api: MockSlack
) -> None:
    with_promises(service, people(5))
    slack_api.fail("chat.postMessage", "token_revoked")
    report = await deliver_digests(
        service, {"slack": slack_sender(settings, slack_api, service)}, now=MONDAY, concurrency=1
    )
    assert report.sent == 0 and len(report.skipped) == 5 and report.failed == []
    assert len(slack_api.of("chat.postMessage")) == 1
    assert {o for o in outcomes(service).values()} == {
        ("skipped", "the workspace's token was revoked (token_revoked)")
    }


async def test_rate_limits_are_waited_out_and_nobody_is_sent_two(
    service: Service, settings: Settings, slack_api: MockSlack
) -> None:
    crowd = people(6)
    with_promises(service, crowd)
    slack_api.rate_limit("chat.postMessage", times=3)  # 429 with Retry-After: 1
    started = datetime.now(UTC)
    report = await deliver_digests(
        service, {"slack": slack_sender(settings, slack_api, service)}, now=MONDAY
    )
    waited = (datetime.now(UTC) - started).total_seconds()
    assert report.sent == 6 and report.failed == [] and waited >= 1.0
    assert sum(len(m) for m in slack_api.posted.values()) == 6
    assert sorted(slack_api.posted) == sorted(MockSlack.dm_channel(p.user_id) for p in crowd)


async def test_one_failure_does_not_stop_the_round_and_is_retried_next_time(
    service: Service, settings: Settings, slack_api: MockSlack
) -> None:
    crowd = people(4)
    with_promises(service, crowd)
    slack_api.fail_for(crowd[1].user_id, "internal_error")
    sender = {"slack": slack_sender(settings, slack_api, service)}
    report = await deliver_digests(service, sender, now=MONDAY)
    assert report.sent == 3 and len(report.failed) == 1 and "internal_error" in report.failed[0]
    assert outcomes(service)[crowd[1].user_id][0] == "failed"
    slack_api.failing_for.clear()
    retried = await deliver_digests(service, sender, now=MONDAY + timedelta(minutes=10))
    assert retried.sent == 1 and retried.already_sent == 3


async def test_nothing_open_means_nothing_sent_unless_the_person_chose_an_all_clear(
    service: Service, settings: Settings, slack_api: MockSlack
) -> None:
    quiet, clear = people(2)
    for actor in (quiet, clear):
        done = service.track_promise(actor, text="Done already", now=MONDAY - timedelta(days=2))
        service.close_promise(actor, done.id, "kept", now=MONDAY - timedelta(days=1))
    service.update_settings(clear, all_clear=True)
    report = await deliver_digests(
        service, {"slack": slack_sender(settings, slack_api, service)}, now=MONDAY
    )
    assert report.sent == 1 and report.nothing_open == 1
    [post] = slack_api.of("chat.postMessage")
    assert post.params["channel"] == clear.user_id
    assert post.params["text"].startswith("All clear: no open promises this week.")
    assert len(post.params["blocks"]) == 1


async def test_a_send_cut_short_is_found_in_the_dm_not_sent_again(
    service: Service, settings: Settings, slack_api: MockSlack
) -> None:
    """The sender died after Slack posted the digest but before the database heard of it."""
    crashed, unsent = people(2)
    with_promises(service, [crashed, unsent])
    sender = slack_sender(settings, slack_api, service)
    for actor in (crashed, unsent):
        assert service.claim_digest(actor, WEEK, now=MONDAY) == "first"
    [data] = [d for d in service.digests_for_all(now=MONDAY) if d.actor == crashed]
    await sender.send(data, WEEK)  # reached Slack; the process is gone before finish_digest

    soon = await deliver_digests(service, {"slack": sender}, now=MONDAY + timedelta(minutes=5))
    assert soon.already_sent == 2 and soon.sent == 0  # the claims are not stale yet
    later = await deliver_digests(service, {"slack": sender}, now=MONDAY + timedelta(minutes=20))
    assert later.found_sent == 1 and later.sent == 1
    assert {c: len(m) for c, m in slack_api.posted.items()} == {
        MockSlack.dm_channel(crashed.user_id): 1, MockSlack.dm_channel(unsent.user_id): 1,
    }
    assert outcomes(service) == {crashed.user_id: ("sent", None), unsent.user_id: ("sent", None)}


async def test_a_teams_person_who_blocked_the_bot_is_skipped(
    service: Service, settings: Settings
) -> None:
    from aiohttp import web
    from aiohttp.test_utils import TestServer

    async def forbidden(request: web.Request) -> web.Response:
        return web.json_response({"error": {"code": "BotDisabledByAdmin"}}, status=403)

    app = web.Application()
    app.router.add_post("/v3/conversations/{conversation_id}/activities", forbidden)
    server = TestServer(app)
    await server.start_server()
    try:
        ben = Actor("teams", "tenant-1", "29:ben")
        service.track_promise(ben, text="Email Globex", now=MONDAY)
        service.save_conversation_reference(ben, {
            "serviceUrl": str(server.make_url("/")), "channelId": "msteams",
            "conversation": {"id": "a:ben", "tenantId": "tenant-1"},
            "bot": {"id": "28:toughclient"}, "user": {"id": "29:ben"},
        })
        report = await deliver_digests(
            service, {"teams": TeamsDigestSender.from_service(settings, service)}, now=MONDAY
        )
    finally:
        await server.close()
    assert report.sent == 0 and report.failed == [] and len(report.skipped) == 1
    assert "blocked or the app was removed" in report.skipped[0]
    assert json.dumps(outcomes(service)).count("skipped") == 1
