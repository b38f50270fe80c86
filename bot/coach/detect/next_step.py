"""No next step: a reply to a problem that leaves the customer with nothing to do or expect.

Principle 5: after listening, apologise, propose a plan, ask what remedy they
want. A draft that acknowledges a problem (an apology, "unfortunately", a
thank-you for reporting it) and then stops, with no plan, action taken,
instruction, promise or question, is flagged once, on that acknowledgement.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from bot.coach.detect.rules import Draft

ACKNOWLEDGES_PROBLEM = re.compile(
    r"(?<!no need to )(?<!don't )(?<!never )(?<!no need to be )"
    r"\b(?:sorry|apologi[sz]e|apologies|regret|unfortunately|inconvenience|frustrat\w*|"
    r"disappoint\w*|(?:thanks|thank you) for (?:letting us know|reporting|flagging|pointing|"
    r"raising|bringing|your (?:patience|feedback|report|complaint)))",
    re.IGNORECASE,
)
_NEXT_STEP = re.compile(
    r"\?|\b(?:please|let me know|let us know|feel free|reply|click|tap|go to|visit|contact|"
    r"reach out|reach (?:me|us)|call (?:me|us)|email (?:me|us)|here's|here is|attached|below|"
    r"enclosed|next step|the plan|tracking (?:number|link)|on (?:its|the) way)\b|"
    r"\b(?:you|we|I|they|he|she|someone|our \w+(?: \w+)?)(?:'ll| will| can| could| may|"
    r"(?:'re| are|'m| am|'s| is) going to)\b(?! not| never)|"
    r"\b(?:I|we)(?:'ve| have) (?:just |already |now |also )?(?:sent|issued|refunded|arranged|"
    r"escalated|passed|forwarded|booked|scheduled|created|opened|reset|credited|processed|added|"
    r"updated|replaced|fixed|resolved|restored|re-?sent|applied|cancell?ed|reopened|shipped|"
    r"raised|logged|flagged|asked|contacted|started|set up|upgraded|extended|waived|approved|"
    r"corrected|refunded|reached out)\b|"
    r"\b(?:has|have) been (?:refunded|credited|sent|shipped|resolved|fixed|processed|replaced|"
    r"escalated|reset|restored|corrected|updated|cancell?ed|reissued|approved)\b|"
    r"\b(?:let me|let's|I'd like to|we'd like to|I want to|we want to)\b|"
    # a plan with a time on it ("the engineer comes on Tuesday at 9")
    r"\b(?:today|tonight|tomorrow|this (?:morning|afternoon|evening|week)|next (?:week|month)|"
    r"(?:on |by |this |next )(?:mon|tues|wednes|thurs|fri|satur|sun)day|within \d|"
    r"(?:at|by) \d{1,2}(?::\d\d)?\s*(?:am|pm|a\.m\.|p\.m\.)?)\b",
    re.IGNORECASE,
)


def missing_next_step(draft: Draft) -> Iterator[tuple[int, int]]:
    masked = draft.masked
    ack = ACKNOWLEDGES_PROBLEM.search(masked)
    if ack is None or draft.promises or _NEXT_STEP.search(masked):
        return
    yield draft.sentence_at(ack.start())
