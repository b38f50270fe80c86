"""Every rule the coach runs, in one list: the pattern rules and the detector rules.

The detector rules are entries like the others (message, suggestion, fix,
examples); only their matching is code, because "a refusal with nothing
after it" or "I understand with no reflection" is not a regular expression.
"""

from __future__ import annotations

from collections.abc import Iterator

from bot.coach.codes import CODES
from bot.coach.detect import absolute, blame, defensive, false_hope
from bot.coach.detect.empathy import empty_empathy
from bot.coach.detect.next_step import missing_next_step
from bot.coach.detect.refusals import hard_refusals
from bot.coach.detect.rules import Draft, Fix, Rule, rule
from bot.coach.detect.shouting import caps_and_bangs
from bot.coach.rewrite.slots import DO_SLOT, TIME_SLOT


def _vague_spans(draft: Draft) -> Iterator[tuple[int, int]]:
    for found in draft.promises:
        if found.vague:
            if found.vague_start is not None and found.vague_end is not None:
                yield found.vague_start, found.vague_end
            else:
                yield found.start, found.end


VAGUE_COMMITMENT = rule(
    "vague_commitment",
    "vague_commitment",
    message=CODES["vague_commitment"].why,
    suggestion=CODES["vague_commitment"].fix,
    detector=_vague_spans,
    fix=Fix.PROMISE,
    fails=(
        "I'll get back to you shortly with an update.",
        "We'll look into it and be in touch.",
        "Expect a reply from our team ASAP.",
        "I'll get right back to you.",
        "I'll sort it out right away.",
        "We'll refund you immediately.",
    ),
    passes=(
        "I'll call you back within the hour.",
        "I'll send the revised invoice by end of day Thursday.",
        "Your order shipped this morning; tracking is in your inbox.",
        "I'll sort it out right away and call you by 3pm.",
        "I'm sending the replacement right now.",
        "Between 8am and noon on Tuesday, I'll come by.",
        "I'll send it by Friday, and call you first thing tomorrow.",
    ),
)

HARD_NO = rule(
    "hard_no",
    "hard_no",
    message=CODES["hard_no"].why,
    suggestion=CODES["hard_no"].fix,
    detector=hard_refusals,
    fix=Fix.SOFTEN,
    fails=(
        "Sorry, we can't extend the deadline.",
        "Refunds aren't possible after 30 days.",
        "I'm afraid we're fully booked that week.",
        "That's against our policy.",
        "We won't be able to match that price.",
        "Unfortunately the blue model is no longer available.",
    ),
    passes=(
        "We can't extend the deadline, but we can split the delivery. Would that work?",
        "Refunds aren't possible after 30 days, though I can offer store credit.",
        "We're fully booked that week; the earliest slot is Monday at 9am.",
        "I can't remember the last time we had this fault, so I've escalated it.",
        "If you can't make the call, just reply here.",
        "The replacement has shipped and will arrive Friday.",
    ),
)

EMPTY_EMPATHY = rule(
    "empty_empathy",
    "empty_empathy",
    message=CODES["empty_empathy"].why,
    suggestion=CODES["empty_empathy"].fix,
    detector=empty_empathy,
    fix=Fix.REFLECT,
    fails=(
        "I understand your frustration.",
        "I hear you. We'll get it sorted.",
        "I totally get it, but the order has shipped.",
        "Sorry, I understand.",
    ),
    passes=(
        "I understand that the second replacement also arrived cracked, and that's not okay.",
        "I understand your frustration with waiting three weeks for the refund.",
        "If I understand correctly, the charge appeared twice?",
        "I understand the parts arrive on Friday, so I've booked the engineer for Monday.",
    ),
)

SHOUTING = rule(
    "shouting",
    "shouting",
    message=CODES["shouting"].why,
    suggestion=CODES["shouting"].fix,
    detector=caps_and_bangs,
    fix=Fix.LOWER,
    fails=(
        "Please DO NOT reply to this email.",
        "Your order has shipped!!!",
        "WE ARE DOING OUR BEST.",
        "You must NEVER share your password.",
    ),
    passes=(
        "Your order has shipped!",
        "The PDF is attached; the ETA is 3pm EST.",
        "I've sent the FAQ link and the SKU list.",
        "Our NASA and IBM clients use the same plan.",
    ),
)

NO_NEXT_STEP = rule(
    "no_next_step",
    "no_next_step",
    message=CODES["no_next_step"].why,
    suggestion=CODES["no_next_step"].fix,
    detector=missing_next_step,
    fix=Fix.NEXT_STEP,
    fails=(
        "Sorry for the trouble with your order.",
        "Unfortunately the parcel was damaged in transit.",
        "Thanks for letting us know about the typo. Apologies for that.",
    ),
    passes=(
        "Sorry for the trouble; I've sent a replacement and it arrives Friday.",
        "Unfortunately the parcel was damaged. Would you prefer a refund or a replacement?",
        "Thanks for letting us know. Please reply with a photo of the label.",
    ),
)

DETECTOR_RULES: tuple[Rule, ...] = (
    VAGUE_COMMITMENT,
    HARD_NO,
    EMPTY_EMPATHY,
    SHOUTING,
    NO_NEXT_STEP,
)
PATTERN_RULES: tuple[Rule, ...] = (
    *blame.RULES,
    *defensive.RULES,
    *absolute.RULES,
    *false_hope.RULES,
)
ALL_RULES: tuple[Rule, ...] = (*PATTERN_RULES, *DETECTOR_RULES)
BY_NAME: dict[str, Rule] = {entry.name: entry for entry in ALL_RULES}


def _model_rule(code: str) -> Rule:
    """The entry a flag found by the model is worded and fixed by: the registry's words."""
    entry = CODES[code]
    fix, replacement = _SENTENCE_FIXES[entry.sentence_fix]
    return rule(f"{code}.model", code, message=entry.why, suggestion=entry.fix,
                fails=entry.fails, passes=entry.passes, fix=fix, replacement=replacement)


_SENTENCE_FIXES: dict[str, tuple[Fix, str]] = {
    "promise": (Fix.PROMISE, ""),
    "soften": (Fix.SOFTEN, ""),
    "own_it": (Fix.OWN_IT, ""),
    "drop": (Fix.DROP_SENTENCE, ""),
    "commit": (Fix.REPLACE, f"here's what we'll do: {DO_SLOT} by {TIME_SLOT}"),
    "reflect": (Fix.REFLECT, ""),
    "lower": (Fix.LOWER, ""),
    "next_step": (Fix.NEXT_STEP, ""),
}
MODEL_RULES: dict[str, Rule] = {code: _model_rule(code) for code in CODES}
