"""Blame rules (principle 3): apologise without placing blame.

Blame on the customer ("you should have read...") tells them they are the
problem; blame on a colleague, a supplier or a process ("the warehouse messed
up") tells them nobody owns it. Either way the customer stops feeling heard.
"""

from __future__ import annotations

from bot.coach.codes import CODES
from bot.coach.detect.rules import Fix, rule

_WHY = CODES["blame"].why

BLAME_CUSTOMER = rule(
    "blame.customer",
    "blame",
    message="This puts the fault on the customer. " + _WHY,
    suggestion=("Drop the blame and say what happens now, e.g. \"Let's get this sorted: "
                "here's what I'll do...\""),
    patterns=(
        r"(?<!if )(?<!when )(?<!whether )\byou should(?:'ve| have) "
        r"(?:read|checked|looked|followed|called|contacted|told|asked|noticed|seen|known|"
        r"double-checked|reviewed|ordered|used|paid attention|waited|kept)\b",
        r"(?<!if )(?<!when )(?<!whether )\byou could(?:'ve| have) (?:just |simply )?"
        r"(?:read|checked|looked|followed|called|contacted|told us|asked)\b",
        r"(?<!if )(?<!when )(?<!whether )(?<!in case )\byou (?:failed to|forgot to|neglected to|"
        r"didn't bother to|did not bother to|didn't read|did not read|didn't follow|"
        r"did not follow|never read|ignored|misread|misunderstood|overlooked)\b",
        # a step the customer was meant to take, said as their omission
        r"(?<!if )(?<!when )(?<!whether )(?<!in case )\byou (?:didn't|did not|never) "
        r"(?:attach|include|fill|complete|sign|provide|specify|submit|register|enter|tick|select"
        r"|book|pay|read|follow|check|update|confirm)\b",
        r"\b(?:it's|it is|that's|that is|this is|it was|that was) (?:entirely |completely |"
        r"totally |all |really )?(?:your|the customer's) (?:own )?(?:fault|mistake|error|"
        r"responsibility|problem)\b",
        r"\buser error\b",
        r"\b(?:was|were|has been|had been) (?:clearly |obviously |evidently )?(?:misused|"
        r"mishandled|abused|dropped by you|damaged by you)\b",
        r"\bif you (?:had|would have|'d) (?:read|checked|followed|looked|called|contacted|told|"
        r"bothered|paid attention)\b",
        r"\byou (?:were|are) supposed to\b",
        r"\byou (?:must|must've|must have) (?:missed|misread|misunderstood|entered|typed|"
        r"forgotten|overlooked|clicked|deleted|ignored|skipped)\b",
        r"\b(?:problem|issue|error|mistake) (?:is|was) (?:on|at) your (?:end|side)\b",
    ),
    fix=Fix.DROP_SENTENCE,
    fails=(
        "You should have read the terms before ordering.",
        "If you had checked the size chart this wouldn't have happened.",
        "That's your fault, not ours.",
        "You must have entered the wrong address.",
        "You failed to include the order number.",
        "Honestly this is user error.",
        "You didn't attach the file, so I couldn't process it.",
    ),
    passes=(
        "If you should need anything else, just reply here.",
        "You should have the replacement by Thursday.",
        "I've checked and the order number is correct.",
        "It's not your fault at all, and I'm sorry for the trouble.",
        "You might have seen our email about the outage; here's the update.",
        "If you didn't receive the email, I'll resend it now.",
        "It looks like the file didn't come through - could you try again?",
    ),
)

# Someone other than the writer: a supplier, a colleague, another team.
_PARTY = (
    r"(?:courier|carrier|warehouse|supplier|manufacturer|vendor|bank|post office|postal service|"
    r"driver|colleague|coworker|co-worker|contractor|partner|third party|third-party|"
    r"(?:delivery|shipping|logistics|courier|postal) (?:company|firm|partner|provider|service)|"
    r"(?:warehouse|billing|sales|support|dev|development|engineering|it|accounts|accounting|"
    r"finance|logistics|tech|packing|returns|other|night|day|previous) (?:team|department|dept|"
    r"staff|shift|guys|people|folks)|another (?:team|department|agent|colleague))s?\b"
)

BLAME_INSIDE = rule(
    "blame.inside",
    "blame",
    message=("This blames a colleague, a supplier or a process. Blame inside the company is "
             "the owner's problem, not the customer's; " + _WHY[0].lower() + _WHY[1:]),
    suggestion="Own it for the company: \"We got this wrong, and I'm sorry.\"",
    patterns=(
        r"\b(?:my|our) (?:colleague|coworker|co-worker|teammate|manager|predecessor|rep|agent|"
        r"courier|supplier|vendor|contractor|partner|technician|driver)s?\b[^.!?]{0,40}?\b"
        r"(?:messed up|screwed up|dropped the ball|made (?:a|the|an) (?:mistake|error)|"
        r"got (?:it|this|that) wrong|forgot to|should(?:n't| not)? have|failed to|"
        r"didn't bother|gave you (?:the )?wrong|mixed up)",
        r"\b(?:the|our) (?:warehouse|courier|carrier|shipping|delivery|billing|sales|support|dev|"
        r"devs|developers|engineers|development|engineering|IT|accounts|accounting|finance|"
        r"logistics|tech|previous|other|night|day|packing|returns|supplier|manufacturer|ops|"
        r"backend|admin)(?: (?:team|department|dept|guys|people|staff|shift|agent|rep|person|"
        r"folks|company))?\b[^.!?]{0,30}?\b"
        r"(?:messed up|screwed up|dropped the ball|made (?:a|the|an) (?:mistake|error)|"
        r"got (?:it|this|that) wrong|forgot to|failed to|didn't bother|lost (?:your|it)|"
        r"mixed up|is to blame|are to blame|never (?:sent|shipped|processed|updated|told))"
        r"(?:(?<=lost your) [a-z]+)?",
        r"\b(?:it's|it is|that's|that is|it was|that was|this is|this was) not (?:my|our) fault\b",
        r"\b(?:not|isn't|wasn't) (?:really )?(?:my|our) fault\b",
        r"\b(?:it's|it is|that's|that is|it was|that was|this is) (?:their|his|her|the "
        r"(?:courier|carrier|warehouse|supplier|manufacturer|bank|system|developers?)'s) "
        r"(?:fault|mistake|error)\b",
        r"\bblame (?:for this |it )?(?:lies|rests) with\b",
        r"\b(?:someone|somebody) (?:on|in) (?:our|the|my) (?:team|side|end|office)\b[^.!?]{0,30}?\b"
        r"(?:messed up|screwed up|dropped the ball|made (?:a|the) mistake|forgot)",
        r"\b(?:due to|because of) (?:an? )?(?:error|mistake|oversight|screw-?up) (?:by|from|on the "
        r"part of) (?:our|the|a|another|my|one of)\b",
        # "the delay was caused by the courier", "the courier caused the delay",
        # "this happened because the warehouse sent...": the fault placed on someone else.
        r"\b(?:(?:the|this|that|these|those|your|our) (?:[a-z-]+ ){0,2}?|it )"
        r"(?:was|were|has been|had been|is|got) (?:all |entirely |actually )?(?:caused|created)"
        r" by (?:the|our|a|an|their|your|one of our) " + _PARTY,
        r"\b(?:the|our|their|a|an) " + _PARTY + r" (?:caused|created|is responsible for|"
        r"was responsible for) (?:the|this|that|your|these|those|all) ",
        r"\b(?:this|it|that|the (?:delay|problem|issue|error|mix-up|mistake|damage))(?: (?:all|only"
        r"|only really))? (?:happened|occurred|was|is|came about) (?:because|since|as) (?:the|our|a"
        r"|their) " + _PARTY,
    ),
    fix=Fix.OWN_IT,
    fails=(
        "Sorry, the warehouse messed up your order.",
        "My colleague gave you the wrong information.",
        "That's not our fault, the courier lost it.",
        "This happened due to an error by our billing team.",
        "Someone on our team dropped the ball here.",
        "It was the courier's fault that it arrived late.",
        "The delay was caused by the courier.",
        "The courier caused the delay.",
        "This happened because the warehouse sent the wrong item.",
        "The mix-up was caused by our billing team.",
    ),
    passes=(
        "The warehouse has packed your replacement and it ships today.",
        "My colleague Priya will call you at 3pm to walk you through the setup.",
        "We got this wrong, and I'm sorry.",
        "Our billing team has refunded the duplicate charge.",
        "The courier's tracking shows it in Leeds this morning.",
        "The delay was caused by a storm that closed the motorway, and I'm sorry.",
        "The courier collects your return tomorrow at 10am.",
        "Because the warehouse is closed on Sunday, it ships Monday morning.",
    ),
)

RULES = (BLAME_CUSTOMER, BLAME_INSIDE)
