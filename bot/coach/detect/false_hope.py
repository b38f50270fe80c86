"""False hope (principle 1): a "maybe" that is really a no.

"We'll see" and "no promises" sound kinder than a clear answer, but the
customer hears a yes and the later no lands as a betrayal. Be direct.
"""

from __future__ import annotations

from bot.coach.codes import CODES
from bot.coach.detect.rules import Fix, rule

_WHY = CODES["false_hope"].why

WE_LL_SEE = rule(
    "false_hope.we_ll_see",
    "false_hope",
    message="\"We'll see\" sounds like a yes to the customer but commits to nothing. " + _WHY,
    suggestion="Say yes or no now; if you can't yet, say what decides it and when you'll know.",
    patterns=(
        r"\b(?:we|I)(?:'ll| will| shall) see\b(?! (?:you|to|that|your|the|it|him|her|them|a|an|"
        r"about|on|in|at|how it goes on)\b)(?: (?:what|if) (?:we|I) can (?:do|manage))?",
        r"\b(?:maybe|possibly|perhaps)[,.]? (?:maybe not|we'll see|who knows)\b",
        r"\bwho knows\b(?=\s*[.!?]|\s*$)",
        r"(?:^|(?<=[.!?]\s))(?:maybe|perhaps) (?:next time|another time|one day)(?=\s*[.!]|\s*$)",
    ),
    fix=Fix.COMMIT,
    fails=(
        "We'll see what we can do.",
        "Maybe, we'll see.",
        "I'll see if I can manage something.",
        "Possibly, maybe not. Who knows.",
        "Sorry, we can't offer a credit. Maybe next time.",
    ),
    passes=(
        "We'll see you at the store on Friday at 10.",
        "I'll see to it that the refund goes out today.",
        "Maybe a call tomorrow at 10 would be easier?",
    ),
)

NO_PROMISES = rule(
    "false_hope.no_promises",
    "false_hope",
    message="\"No promises\" takes back the hope you just gave. " + _WHY,
    suggestion="Drop the hedge: promise what you can actually do, with a time.",
    patterns=(
        r",?\s*(?:but\s+)?no promises\b",
        r",?\s*(?:but\s+)?(?:I|we) (?:can't|cannot|can not) (?:promise|guarantee) "
        r"(?:anything|much|you anything|it will work)\b",
        r",?\s*(?:but\s+)?(?:I|we) (?:can't|cannot|can not) (?:make|give) (?:any )?"
        r"(?:promises|guarantees)\b",
        r",?\s*fingers crossed\b",
        r"\bdon't (?:get|hold) your (?:hopes up|breath)\b",
        r"\bthere(?:'s| is) a (?:slim|small|tiny|remote) chance\b",
    ),
    fix=Fix.COMMIT,
    fails=(
        "I'll ask the team, but no promises.",
        "I'll try to get it out today, but I can't promise anything.",
        "It might arrive Friday, fingers crossed.",
        "Don't get your hopes up.",
    ),
    passes=(
        "I promise it ships today.",
        "We kept every promise we made on this project.",
        "I'll ask the team and reply by 4pm today.",
    ),
)

I_LL_TRY = rule(
    "false_hope.i_ll_try",
    "false_hope",
    message="\"I'll try\" with nothing behind it reads as a yes and often means no. " + _WHY,
    suggestion="Say what you will actually do and by when, or say no and offer an alternative.",
    patterns=(
        r"\b(?:I|we)(?:'ll| will) (?:try|do (?:my|our) best|do what (?:I|we) can)"
        r"(?=\s*[.!]|\s*$|,? but\b)",
        r"(?:^|(?<=[.!?]\s))(?:maybe|possibly|perhaps)(?=\s*[.!]|\s*$)",
    ),
    fix=Fix.COMMIT,
    fails=(
        "I'll try.",
        "We'll do our best, but it's a busy week.",
        "Possibly.",
    ),
    passes=(
        "I'll try the reset on our side and call you at 2pm.",
        "We'll do our best work on the redesign, starting Monday.",
        "Possibly the easiest fix is a reset; here's how.",
    ),
)

RULES = (WE_LL_SEE, NO_PROMISES, I_LL_TRY)
