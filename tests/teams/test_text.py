"""Teams HTML becomes the plain text the coach reads."""

from __future__ import annotations

from bot.teams.text import plain_text, without_mention


def test_paragraphs_and_breaks_become_lines() -> None:
    assert plain_text("<p>Hi Sam,</p><p>We can't do that.<br>Sorry</p>") == (
        "Hi Sam,\n\nWe can't do that.\nSorry"
    )


def test_entities_are_decoded() -> None:
    assert plain_text("Tom &amp; Jerry&nbsp;said &quot;no&quot; &#8212; fine") == (
        'Tom & Jerry said "no" — fine'
    )


def test_other_peoples_mentions_keep_their_names() -> None:
    assert plain_text("<at>Sam</at> will call you") == "Sam will call you"


def test_plain_text_passes_through() -> None:
    assert plain_text("  I'll call you by 3pm <3  ") == "I'll call you by 3pm <3"
    assert plain_text(None) == ""


def test_script_and_style_content_is_dropped() -> None:
    assert plain_text("<style>p{}</style><div>ok</div>") == "ok"


def test_the_bots_own_mention_is_removed() -> None:
    text = without_mention("<at>toughclient</at> check we can't", ["<at>toughclient</at>"])
    assert plain_text(text) == "check we can't"
