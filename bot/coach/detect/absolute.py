"""Absolute rules (principle 5): door-closing words keep the customer powerless.

"Never", "impossible", "no exceptions", "policy is policy" leave nothing to
negotiate. Plain facts in the past ("we never received it") are not flagged:
the rules look for absolutes about what will or can happen.
"""

from __future__ import annotations

from bot.coach.codes import CODES
from bot.coach.detect.rules import Fix, rule

_WHY = CODES["absolute"].why

NEVER = rule(
    "absolute.never",
    "absolute",
    message="\"Never\" shuts the door on the customer. " + _WHY,
    suggestion="Say what is true now and what you can do: \"We don't normally..., but...\"",
    patterns=(
        r"\b(?:we|I|it|this|that|you|they)(?:'ll| will| would| can| could) (?P<hit>never)\b"
        r"(?! (?:mind|hesitate|forget|say no|tire|get tired|turn down|get bored|regret))",
    ),
    fix=Fix.REPLACE,
    replacement="not",
    fails=(
        "We will never refund a used item.",
        "This can never be changed.",
        "You'll never get a better price than that.",
    ),
    passes=(
        "We never received the parcel back, so I've asked the courier for proof.",
        "Never mind the form, I've filled it in for you.",
        "I'll never forget how patient you were.",
    ),
)

NEVER_HABIT = rule(
    "absolute.never_habit",
    "absolute",
    message="\"We never...\" states a rule as an absolute. " + _WHY,
    suggestion="\"We don't normally..., but here's what I can do.\"",
    patterns=(
        r"\b(?:we|I) (?P<hit>never) (?:do|make|give|offer|allow|accept|refund|ship|change|issue|"
        r"grant|approve|budge|bend|waive)\b",
    ),
    fix=Fix.REPLACE,
    replacement="don't normally",
    fails=(
        "We never make exceptions for late returns.",
        "I never give discounts on sale items.",
        "We never ship on Sundays.",
    ),
    passes=(
        "We never charge for returns.",
        "We've never had this fault before, so I've escalated it.",
        "We ship on Mondays and Thursdays.",
    ),
)

IMPOSSIBLE = rule(
    "absolute.impossible",
    "absolute",
    message="\"Impossible\" sounds like the end of the conversation. " + _WHY,
    suggestion="Say plainly what you can't do, then what you can.",
    patterns=(
        r"(?<!the )(?<!an )\b(?:completely |totally |absolutely |simply )?impossible\b"
        r"(?! to (?:say|tell|know|predict|believe|ignore|miss))",
        r"\bout of the question\b",
    ),
    fix=Fix.REPLACE,
    replacement="not possible",
    fails=(
        "That's impossible.",
        "A refund is completely impossible at this stage.",
        "Changing the date is out of the question.",
    ),
    passes=(
        "It's impossible to say exactly, but the courier's window is 2-4pm.",
        "It is possible to change the date until Friday.",
        "We made the impossible deadline work thanks to your team.",
    ),
)

NO_EXCEPTIONS = rule(
    "absolute.no_exceptions",
    "absolute",
    message="This states the rule as unbendable. " + _WHY,
    suggestion="Drop it; explain the reason for the rule and what you can offer.",
    patterns=(
        r"\b(?:policy is policy|rules are rules)\b",
        r"\b(?:there are |we make |with )?no exceptions\b",
        r"\bunder no circumstances\b",
        r"\b(?:and )?that's (?:final|the end of it)\b",
        r"\bit is what it is\b|\bit's what it is\b",
        r"\b(?:that's|that is) (?:just |simply )?the way it is\b",
        r"\b(?:absolutely |there's |there is |there's just |there is just )?no way (?:we|I)"
        r"(?:'re|'m| are| am|'ll| will| can| could| would)\b",
        r"\b(?:the|a) (price|deadline|policy|rule|contract|fee|date) is (?:the|a) \1\b",
    ),
    fix=Fix.DROP_SENTENCE,
    fails=(
        "Policy is policy.",
        "There are no exceptions.",
        "Rules are rules.",
        "The window is fixed. It is what it is.",
        "Absolutely no way we're refunding this.",
        "The price is the price, we don't negotiate.",
    ),
    passes=(
        "The price includes installation and a two-year warranty.",
        "We can make an exception this time.",
        "Our policy is to refund within five days.",
        "There's no way to know until the courier scans it, so I'll check at 3 and update you.",
        "The price is the same as last year.",
    ),
)

NON_NEGOTIABLE = rule(
    "absolute.non_negotiable",
    "absolute",
    message="\"Non-negotiable\" tells the customer the conversation is over. " + _WHY,
    suggestion="Say it is fixed and why, then what can move: \"The price is fixed, but...\"",
    patterns=(r"\b(?:non-negotiable|not negotiable|set in stone)\b",),
    fix=Fix.REPLACE,
    replacement="fixed",
    fails=(
        "The price is non-negotiable.",
        "I hear you, but the deadline is not negotiable.",
        "The dates are set in stone.",
    ),
    passes=(
        "The price is fixed for 12 months, and installation is free.",
        "We negotiated a better rate with the courier.",
        "The deadline is 14 March; we can split the delivery if that helps.",
    ),
)

FLAT_NO = rule(
    "absolute.flat_no",
    "absolute",
    message="\"Absolutely not\" slams the door before any reason is given. " + _WHY,
    suggestion="Say the no kindly, then the reason and what you can do instead.",
    patterns=(
        r"(?:^|(?<=[.!?]\s)|(?<=\n))absolutely not(?=\s*[.!]|\s*$)",
    ),
    fix=Fix.REPLACE,
    replacement="I'm sorry, but we can't do that",
    fails=(
        "Absolutely not.",
        "Absolutely not!",
        "Thanks for asking. Absolutely not.",
    ),
    passes=(
        "Absolutely not a problem, happy to help.",
        "It's absolutely not your fault, and I've refunded the fee.",
        "Was it a bother? Not at all.",
    ),
)

RULES = (NEVER, NEVER_HABIT, IMPOSSIBLE, NO_EXCEPTIONS, NON_NEGOTIABLE, FLAT_NO)
