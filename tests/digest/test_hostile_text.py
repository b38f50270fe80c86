"""What customers' names and promises' words cannot do in a digest: ping a channel,
make a link, bold, a list or a date function, in Slack mrkdwn or Adaptive Card
Markdown. User text is data."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

from bot.digest.render import digest_text
from bot.service import Actor, DigestData, IncidentView, PromiseView
from bot.slack.views.digest import digest_message
from bot.teams.cards.common import escape_markdown
from bot.teams.cards.digest import digest_card

NOW = datetime(2026, 3, 4, 10, 0, tzinfo=UTC)
HOSTILE = "<!channel> **free** [refund](https://evil.example) {{DATE(2026-01-01T00:00:00Z)}}"
CUSTOMER = "<@U123> _Acme_ & Co"


def _data() -> DigestData:
    promise = PromiseView(
        id=7, platform="slack", tenant_id="T1", user_id="U1", customer=CUSTOMER, text=HOSTILE,
        due=NOW - timedelta(days=2), status="open", created_at=NOW - timedelta(days=5),
        closed_at=None, source_link="https://x.slack.com/archives/C1/p1?a=1|b>c", incident_id=None,
    )
    incident = IncidentView(
        id=3, platform="slack", tenant_id="T1", user_id="U1", customer=CUSTOMER, channel_id=None,
        what_happened="- 1. said <!here> **now**", what_agreed="", severity="high",
        kind="problem_customer", status="open", created_at=NOW - timedelta(days=1),
        resolved_at=None, source_link=None,
    )
    return DigestData(
        actor=Actor("slack", "T1", "U1"), tz="UTC", generated_at=NOW, overdue=[promise],
        due_this_week=[], later=[], undated=[], kept_last_week=0, incidents_last_week=1,
        incidents_this_week=(incident,),
    )


def test_slack_shows_pings_and_links_as_text() -> None:
    shown = json.dumps(digest_message(_data()).as_kwargs()["blocks"], ensure_ascii=False)
    assert "<!channel>" not in shown and "<@U123>" not in shown and "<!here>" not in shown
    assert "&lt;!channel&gt;" in shown and "&lt;@U123&gt; _Acme_ &amp; Co" in shown
    # The source link cannot be closed early or relabelled by its own characters.
    assert "<https://x.slack.com/archives/C1/p1?a=1%7Cb&gt;c|where it was made>" in shown


def test_teams_shows_markdown_as_the_characters_typed() -> None:
    data = _data()
    # The body is Markdown; fallbackText is plain text and shows the words as they are.
    body = digest_card(data, text=digest_text(data)).card["body"]
    card = json.dumps(body, ensure_ascii=False)
    assert "\\\\*\\\\*free\\\\*\\\\*" in card and "\\\\[refund\\\\](https" in card
    assert "{{DATE" not in card and "\\\\_Acme\\\\_" in card
    assert "high: - 1. said <!here> \\\\*\\\\*now\\\\*\\\\*" in card  # mid-line: no list


def test_the_adaptive_card_escape_leaves_plain_words_alone() -> None:
    assert escape_markdown("Send the revised quote by Friday") == (
        "Send the revised quote by Friday"
    )
    assert escape_markdown("1. first\n- second") == "1\\. first\n\\- second"
    assert escape_markdown("a [link](u) *b* _c_ `d` # e") == (
        "a \\[link\\](u) \\*b\\* \\_c\\_ \\`d\\` # e"
    )
    date_function = "{{DATE(2026-01-01T00:00:00Z)}}"
    assert escape_markdown(date_function) == "{\u200b{" + date_function[2:]
