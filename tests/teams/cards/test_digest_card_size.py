"""The longest promises and customer names still give a digest card and a promise list
that Teams accepts: fewer rows, the rest counted, every card valid Adaptive Card 1.5."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from bot.digest.render import digest_text
from bot.service import Actor, DigestData, IncidentView, PromiseView
from bot.teams.cards.common import CARD_BUDGET_BYTES, card_bytes
from bot.teams.cards.digest import digest_card
from bot.teams.cards.promises import promises_card
from tests.teams.card_schema import assert_valid_card

NOW = datetime(2026, 3, 4, 10, 0, tzinfo=UTC)
LINK = "https://teams.microsoft.com/l/message/19:abc/" + "1" * 300


def _promise(n: int, due: datetime | None) -> PromiseView:
    return PromiseView(n, "teams", "t", "u", "Ç" * 200, "We will *fix* it " * 200, due, "open",
                       NOW - timedelta(days=9), None, LINK, None)


def _incident(n: int) -> IncidentView:
    return IncidentView(n, "teams", "t", "u", "Ç" * 200, None, "shouted " * 400, "", "high",
                        "problem_customer", "open", NOW - timedelta(hours=n), None, None)


def test_a_digest_of_huge_promises_fits_and_counts_the_rest() -> None:
    overdue = [_promise(n, NOW - timedelta(days=n + 1)) for n in range(30)]
    data = DigestData(
        actor=Actor("teams", "t", "u"), tz="Europe/Paris", generated_at=NOW, overdue=overdue,
        due_this_week=[], later=[], undated=[_promise(99, None)], kept_last_week=1,
        incidents_last_week=20, incidents_this_week=tuple(_incident(n) for n in range(20)),
    )
    card = digest_card(data, text=digest_text(data)).card
    assert card_bytes(card) <= CARD_BUDGET_BYTES
    assert_valid_card(card)
    assert "more open promises: type “promises”" in str(card)


def test_a_long_promise_list_fits() -> None:
    card = promises_card([_promise(n, None) for n in range(40)], tz="UTC", now=NOW).card
    assert card_bytes(card) <= CARD_BUDGET_BYTES
    assert_valid_card(card)
    assert "more." in str(card)
