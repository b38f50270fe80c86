"""The guardrails on their own: which rewrites may be shown, and why not."""

from __future__ import annotations

import pytest

from bot.coach import coach_draft
from bot.llm.guardrails import Context, violations
from tests.llm.conftest import NOW

DRAFT = (
    "Hi Sarah, we can't refund order #4521 (INV-2291). I'll get back to you ASAP. "
    "The fee is $40. Details: https://acme.com/t?id=9 or call +44 20 7946 0958."
)
GOOD = (
    "Hi Sarah, thank you for raising order #4521 (INV-2291). I'm sorry, but we can't refund "
    "it, because [the reason]. The fee is $40. I'll get back to you by 11 am today. Details: "
    "https://acme.com/t?id=9, or call +44 20 7946 0958. What we can do instead is "
    "[another option]. Which would you prefer?"
)


def check(rewrite: str, draft: str = DRAFT, **extra: object) -> list[str]:
    coached = coach_draft(draft, now=NOW, tz="UTC")
    return violations(rewrite, Context(draft=draft, coached=coached, now=NOW, tz="UTC",
                                       **extra))  # type: ignore[arg-type]


def test_a_rewrite_that_keeps_everything_passes() -> None:
    assert check(GOOD) == []


@pytest.mark.parametrize("change, reason", [
    (("Sarah", "there"), "name 'Sarah'"),
    (("#4521", "your order"), "'#4521'"),
    ((" (INV-2291)", ""), "'INV-2291'"),
    (("$40", "a fee"), "'40'"),
    (("https://acme.com/t?id=9", "our site"), "link"),
    (("+44 20 7946 0958", "us"), "phone"),
    (("we can't refund it", "we will sort it out"), "refusal"),
    (("The fee is $40.", "The fee is $40, and we'll take 20% off."), "discount"),
    (("[another option]", "a $10 credit"), "credit"),
    (("by 11 am today", "by 11 am today, and again on Friday"), "deadlines"),
    (("The fee is $40.", "The fee is $40, due on Friday."), "Friday"),
    (("I'll get back to you by 11 am today.", "I'll get back to you soon."),
     "vague_commitment"),
    (("thank you for raising", "as I already explained,"), "defensive"),
])
def test_a_rewrite_that_breaks_a_rule_is_refused_with_the_reason(
    change: tuple[str, str], reason: str
) -> None:
    old, new = change
    found = check(GOOD.replace(old, new))
    assert found and any(reason in v for v in found), found


def test_the_writers_own_alternatives_may_be_offered() -> None:
    draft = "We can't refund it."
    rewrite = ("I'm sorry, but we can't refund it, because [the reason]. What we can do is a "
               "$10 credit. Which would you prefer?")
    assert check(rewrite, draft) != []
    assert check(rewrite, draft, writer_alternatives="a $10 credit") == []


def test_the_models_own_ideas_may_not_be_offered_in_the_reply() -> None:
    idea = "a call with our billing team"
    rewrite = GOOD.replace("[another option]", idea)
    assert any("alternatives" in v for v in check(rewrite, model_suggestions=(idea,)))
