"""Defensive rules (principle 3): never argue the point or talk down.

"As I already explained" and "per my last email" win the argument and lose
the customer. Most of these are lead-ins the rewriter can simply delete; a
few ("calm down") only do harm and their sentence goes.
"""

from __future__ import annotations

from bot.coach.codes import CODES
from bot.coach.detect.rules import Fix, rule

_WHY = CODES["defensive"].why

LEAD_IN = rule(
    "defensive.lead_in",
    "defensive",
    message="This reminds the customer they should already know. " + _WHY,
    suggestion="Delete it and just restate the information kindly, as if for the first time.",
    patterns=(
        r"\bas (?:I|we)(?:'ve| have)? (?:(?:already|previously|clearly|repeatedly) "
        r"(?:said|stated|mentioned|explained|told you|pointed out|noted|advised|wrote|informed you)"
        r"|(?:said|stated|explained|told you|pointed out|advised|informed you)"
        r"|(?:mentioned|noted|wrote)(?= (?:before|earlier|previously|in (?:my|our|the) "
        r"(?:last|previous|earlier|prior) )))"
        r"(?: (?:before|earlier|previously|above|below|several times|multiple times|twice|"
        r"in (?:my|our|the) (?:last|previous|earlier|prior) (?:email|e-mail|message|reply|note|"
        r"response|ticket update)s?))?,?",
        r"\b(?:just )?like (?:I|we)(?:'ve| have)? (?:already |previously )?(?:said|mentioned|"
        r"told you|explained|stated)(?! (?:I|we|it|they|you)(?:'d| would| will| might)\b)"
        r"(?: (?:before|earlier|previously|already|twice))?,?",
        r"\bas (?:mentioned|stated|explained|noted|advised) (?:before|earlier|previously),?",
        r"\b(?:as )?per my (?:last|previous|earlier|prior) (?:email|e-mail|message|reply|note|"
        r"response|ticket update),?",
        r"\bas (?:previously|already|clearly|repeatedly) (?:stated|mentioned|explained|noted|"
        r"advised|communicated)(?: (?:above|below|before))?,?",
        r"\bwith (?:all )?due respect,?",
        r"\bas stated (?:above|below|before|earlier|in (?:the|our|my) [a-z]+),?",
        r"\bfor the (?:last|second|third|fourth|fifth|hundredth|umpteenth|final) time,?",
        r"\byou (?:need|have) to understand(?: that)?,?",
        r",? ?which (?:I|we)(?:'ve| have)? (?:already|clearly|previously) (?:explained|said|"
        r"stated|mentioned)(?: (?:before|twice|earlier))?",
        r"\b(?:I|we)(?:'ve| have)? already (?:told you|explained (?:this|that|it)|"
        r"said (?:this|that)|answered (?:this|that))(?: (?:before|twice|earlier|several times))?,?",
    ),
    fix=Fix.DELETE,
    fails=(
        "As I already explained, the refund takes five days.",
        "Per my last email, the invoice is attached.",
        "With all due respect, that is how the plan works.",
        "As previously stated, we ship on Mondays.",
        "For the third time, the code is on the receipt.",
        "I've already told you the order has shipped.",
        "As I mentioned in my previous email, the refund takes five days.",
        "Like I said, the code is on the receipt.",
        "As mentioned before, we ship on Mondays.",
    ),
    passes=(
        "As I mentioned on our call, I'll send the invoice by 3pm today.",
        "Per your request, I've cancelled the subscription.",
        "I explained the delay to our team and they are on it.",
        "Thanks for the detail in your last email, it helped.",
        "As stated on the receipt, the code is XJ-22.",
        "Just like I said I would, I've refunded the charge today.",
        "As I mentioned to the team, your account is a priority.",
        "I'd like to mention a discount we can offer.",
    ),
)

TALKING_DOWN = rule(
    "defensive.talking_down",
    "defensive",
    message="This talks down to the customer. " + _WHY,
    suggestion=("Remove it; name the problem instead: \"I can see this has been really "
                "frustrating, and I want to fix it.\""),
    patterns=(
        r"(?:^|(?<=[.!?]\s)|(?<=\n)|(?<=,\s))(?:please\s+|just\s+|you need to\s+)*"
        r"(?:calm down|relax|settle down|chill out|take a deep breath)\b",
        r"\bthere(?:'s| is) no need to (?:shout|yell|be rude|get upset|raise your voice|"
        r"use that tone|get angry|be so)\b",
        r"\bI don't (?:know|see) what (?:else|more) you (?:want|expect)\b",
        r"\b(?:not|isn't|is not) my (?:job|problem|department|responsibility)\b",
        r"\byou(?:'re| are) (?:wrong|mistaken|confused|overreacting|being unreasonable)\b",
        r"\b(?:obviously|clearly),? you (?:didn't|did not|don't|do not|haven't|have not)\b",
        r"\bif you (?:would|could) (?:just|simply) (?:read|listen|look)\b",
        r"(?:^|(?<=[.!?]\s)|(?<=\n))(?:well,? )?(?:it|these things|mistakes|stuff|that|this) "
        r"happens?(?=\s*[.!]|\s*$)",
        r"\b(?:this is )?the (?:second|third|fourth|fifth|sixth|\w+th|last) time "
        r"(?:I|we)(?:'ve| have)? (?:explained|said|told you|answered|gone over)\b",
    ),
    fix=Fix.DROP_SENTENCE,
    fails=(
        "Please calm down, we are doing what we can.",
        "There's no need to shout at me.",
        "I don't know what else you want from us.",
        "That's not my department.",
        "You're wrong about the charge.",
        "Obviously, you didn't read the confirmation.",
        "This is the third time I've explained this.",
        "We mixed up the labels. It happens.",
    ),
    passes=(
        "I know this is stressful, and I'm on it now.",
        "Let me take a deep look at the account.",
        "You're right about the charge, and I've refunded it.",
        "Our relaxation package starts at $40.",
        "I don't see a second charge, but I'll check with billing by noon.",
    ),
)

JUST_POLICY = rule(
    "defensive.just_policy",
    "defensive",
    message=("\"That's our policy\" closes the conversation without a reason. " + _WHY),
    suggestion="Give the reason behind the rule and what you can do within it.",
    patterns=(
        r"\b(?:that's|that is|it's|it is|this is)(?: just| simply| only)? (?:our|the|company) "
        r"(?:policy|rules?|procedure|process)(?=\s*[.!]|\s*$)",
    ),
    fix=Fix.REPLACE,
    replacement="the reason is [why the rule exists]",
    fails=(
        "I can't refund it. That's just our policy.",
        "That's company policy.",
        "Sorry, it is our policy!",
    ),
    passes=(
        "Our policy is to refund within five days, so it will reach you by Friday.",
        "That's our policy on returns: 30 days, free of charge.",
        "It's our policy to call you back within the hour.",
    ),
)

RULES = (LEAD_IN, TALKING_DOWN, JUST_POLICY)
