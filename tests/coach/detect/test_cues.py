"""The cues the model reads: what the rules saw in each sentence, and around it."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from bot.coach.detect.cues import sentence_views
from bot.coach.engine import analyse_rules

UTC = ZoneInfo("UTC")
NOW = datetime(2026, 3, 4, 10, 0, tzinfo=UTC)


def cues(text: str) -> list[frozenset[str]]:
    draft, hits = analyse_rules(text, NOW, UTC)
    return [v.cues for v in sentence_views(draft, hits, NOW, UTC)]


def test_a_request_to_the_customer_marks_the_offers_after_it_not_before_it() -> None:
    first, second, third = cues(
        "We'll look into it. Can you DM us your order number? Thanks, we'll check it out.")
    assert "c:asks" not in first and "c:after_ask" not in first
    assert "c:asks" in second
    assert "c:after_ask" in third


def test_a_request_three_sentences_back_no_longer_conditions_an_offer() -> None:
    views = cues("Please DM us your order number. Thanks. Sorry again. We'll take a look.")
    assert "c:after_ask" in views[2]
    assert "c:after_ask" not in views[3]


def test_a_problem_already_fixed_is_marked_resolved() -> None:
    assert "c:resolved" in cues("It's rolled back and everything is working again.")[0]
    assert "c:resolved" in cues("Your account has been reinstated.")[0]
    assert "c:resolved" not in cues("We're still working on the outage.")[0]


def test_a_promise_without_its_subject_is_still_a_promise() -> None:
    assert "c:promise:specific" in cues("will look at it tmrw")[0]
