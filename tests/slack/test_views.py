"""Views as pure functions: escaped, within every Slack limit, with a plain-text fallback."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

from bot.coach.types import CoachResult, Flag, Promise
from bot.service import IncidentView, PromiseView, UserSettingsView
from bot.slack import ids
from bot.slack.views.coaching import coaching_message, rewrite_message
from bot.slack.views.common import section
from bot.slack.views.edit import mark_done, rewrite_from_blocks
from bot.slack.views.home import home_view
from bot.slack.views.log_modal import LogPrefill, log_incident_modal
from bot.slack.views.modals import metadata, modal, read_metadata
from bot.slack.views.promises import promises_message
from tests.slack.rendered import no_raw_pings

NOW = datetime(2030, 1, 7, 9, 0, tzinfo=UTC)
HOSTILE = "<!channel> <@U123> & co " + "x" * 5000 + " 😡"


def hostile_result() -> CoachResult:
    flags = tuple(
        Flag(
            "hard_no", i, i + 5, "<!here> no", "<@U1> explains " * 50, "Offer <!everyone> a choice"
        )
        for i in range(30)
    )
    promises = tuple(Promise("<!channel> call " * 200, NOW, False) for _ in range(8))
    return CoachResult(text=HOSTILE, flags=flags, promises=promises, rewrite=HOSTILE * 3)


def promise_view(i: int, due: datetime | None) -> PromiseView:
    return PromiseView(
        i,
        "slack",
        "T",
        "U",
        "<!channel> Acme",
        f"promise {i} " + "y" * 3000,
        due,
        "open",
        NOW,
        None,
        None,
        None,
    )


def test_coaching_message_is_escaped_and_within_limits() -> None:
    kwargs = coaching_message(hostile_result(), "Europe/Paris").as_kwargs()
    no_raw_pings(kwargs)
    assert len(kwargs["blocks"]) <= 50
    assert len(kwargs["text"]) <= 3000
    buttons = [e for b in kwargs["blocks"] if b["type"] == "actions" for e in b["elements"]]
    assert len(buttons) <= 25
    assert sum(1 for e in buttons if e["action_id"].startswith(ids.TRACK_PROMISE)) == 5


def test_a_clean_draft_says_so() -> None:
    blocks = coaching_message(CoachResult(text="Thanks!"), "UTC").as_kwargs()["blocks"]
    assert "Nothing to fix" in json.dumps(blocks)


def test_refusal_flags_come_first_when_softening() -> None:
    result = CoachResult(
        text="soon. no.",
        flags=(
            Flag("vague_commitment", 0, 4, "soon", "vague"),
            Flag("hard_no", 6, 8, "no", "flat"),
        ),
    )
    blocks = coaching_message(result, "UTC", focus=("hard_no",)).as_kwargs()["blocks"]
    text = json.dumps(blocks)
    assert text.index("Hard no") < text.index("Vague promise")


def test_the_rewrite_round_trips_through_the_shown_blocks() -> None:
    rewrite = "Thanks <b>Dana</b> & team,\n\nI'll call by 3pm."
    result = CoachResult(text="x", rewrite=rewrite)
    blocks = coaching_message(result, "UTC").as_kwargs()["blocks"]
    assert rewrite_from_blocks(blocks) == rewrite


def test_rewrite_message_is_the_rewrite_alone() -> None:
    kwargs = rewrite_message("<!channel> hi").as_kwargs()
    assert [b["text"]["text"] for b in kwargs["blocks"]] == ["&lt;!channel&gt; hi"]


def test_promises_message_caps_blocks_and_marks_overdue() -> None:
    promises = [promise_view(i, NOW - timedelta(days=1)) for i in range(40)]
    kwargs = promises_message(promises, "UTC", NOW).as_kwargs()
    assert len(kwargs["blocks"]) <= 50
    assert "overdue" in json.dumps(kwargs["blocks"])
    no_raw_pings(kwargs)


def test_home_view_fits_100_blocks_whatever_the_data() -> None:
    promises = [promise_view(i, None) for i in range(80)]
    incident = IncidentView(
        1,
        "slack",
        "T",
        "U",
        "<!channel>",
        None,
        HOSTILE,
        HOSTILE,
        "high",
        "problem_customer",
        "open",
        NOW,
        None,
        None,
    )
    settings = UserSettingsView("Asia/Kolkata", 2, 8, True)
    view = home_view(promises, [incident] * 30, settings, NOW).to_dict()
    assert view["type"] == "home" and len(view["blocks"]) <= 100
    no_raw_pings(view)
    assert "Asia/Kolkata" in json.dumps(view)


def test_log_modal_prefill_and_limits() -> None:
    view = log_incident_modal(
        LogPrefill(customer="C" * 500, what_agreed="a" * 5000, due=NOW), private_metadata="{}"
    ).to_dict()
    assert len(view["title"]["text"]) <= 24
    due = next(b for b in view["blocks"] if b["block_id"] == ids.DUE)
    assert due["element"]["initial_date_time"] == int(NOW.timestamp())


def test_modal_titles_are_trimmed_to_24_characters() -> None:
    view = modal("A title that is far too long for Slack", [section("hi")]).to_dict()
    assert len(view["title"]["text"]) <= 24


def test_metadata_always_fits_and_reads_back() -> None:
    raw = metadata({"channel": "C1", "message": "m" * 5000, "response_url": "https://x"})
    assert len(raw) <= 3000 and read_metadata(raw)["channel"] == "C1"
    assert read_metadata("not json") == {}


def test_mark_done_replaces_only_the_clicked_button() -> None:
    blocks = [{"type": "actions", "elements": [{"action_id": "a"}, {"action_id": "b"}]}]
    edited = mark_done(blocks, "a", "Tracking: <!channel>")
    assert edited[0]["elements"] == [{"action_id": "b"}]
    assert edited[1]["elements"][0]["text"] == "Tracking: &lt;!channel&gt;"
