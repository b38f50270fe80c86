"""Masking keeps every offset and hides markup, links, emoji and signatures."""

from __future__ import annotations

import pytest

from bot.coach.text import mask, sentences, signature_start

SAMPLES = [
    "Hi <@U024BE7LH>, see <https://example.com/a?b=1|the guide> or <#C01|support>. <!here>",
    "Ping @sarah.k or mail billing@example.co.uk about https://status.example.com/incidents/42.",
    "<p>Hi Jordan,</p><p>We don&#39;t offer that &amp; I&rsquo;m sorry.</p>",
    "That’s “fine” :thumbsup: thanks!",
    "All done.\n\nBest,\nTom Baker\nSupport Lead",
]


@pytest.mark.parametrize("text", SAMPLES)
def test_mask_keeps_the_length(text: str) -> None:
    assert len(mask(text)) == len(text)


def test_slack_markup_is_blanked_but_link_labels_stay_in_place() -> None:
    text = "Hi <@U024BE7LH>, see <https://example.com/a|the guide> or <#C01|support>. <!here>"
    masked = mask(text)
    assert "U024BE7LH" not in masked and "example.com" not in masked and "here" not in masked
    start = text.index("the guide")
    assert masked[start : start + len("the guide")] == "the guide"
    assert "<" not in masked and ">" not in masked


def test_urls_emails_and_handles_are_hidden() -> None:
    masked = mask("Ping @sarah.k or mail billing@example.co.uk about https://status.example.com/x.")
    assert "sarah" not in masked and "billing" not in masked and "status" not in masked
    assert masked.endswith(".")


def test_teams_html_entities_read_as_words() -> None:
    masked = mask("<p>We don&#39;t offer that &amp; I&rsquo;m sorry.</p>")
    assert "don't" in masked and "I'm" in masked and "<p>" not in masked


def test_smart_quotes_become_straight() -> None:
    assert mask("That’s “fine”") == "That's \"fine\""


def test_emoji_codes_are_blanked() -> None:
    assert mask("thanks :thumbsup:").strip() == "thanks"


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("All done.\n\nBest,\nTom Baker\nSupport Lead", "All done."),
        ("Refund sent.\n\nThanks,\nPRIYA", "Refund sent."),
        ("Refund sent.\n-- \nACME SUPPORT TEAM\n+1 555 0100", "Refund sent."),
        ("We shipped it today -Becky", "We shipped it today"),
    ],
)
def test_signatures_are_blanked(text: str, kept: str) -> None:
    assert mask(text).strip() == kept


def test_a_thanks_that_starts_the_message_is_not_a_signature() -> None:
    text = "Thanks,\nwe've refunded the order."
    assert signature_start(text) == len(text)


def test_sentences_skip_abbreviations_and_times() -> None:
    text = "The engineer arrives at 9 a.m. tomorrow. Mr. Lee will call. Is that ok?"
    spans = sentences(text)
    assert [text[s:e] for s, e in spans] == [
        "The engineer arrives at 9 a.m. tomorrow.", "Mr. Lee will call.", "Is that ok?",
    ]


def test_sentences_split_on_line_breaks() -> None:
    text = "Hi Sam\nThe refund is done\n\nAnything else?"
    assert [text[s:e] for s, e in sentences(text)] == ["Hi Sam", "The refund is done",
                                                      "Anything else?"]
