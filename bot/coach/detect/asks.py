"""Does a sentence ask the customer to act first? ("Can you DM us your order number?")

An offer that follows such a request is one the customer triggers: "Send us a
DM with your email and we'll follow up", "What's your local store? I'll look
into this for you." The rubric reads these as no promise (nothing happens
until the customer answers), and a coach that flags them as vague promises
nags about the most ordinary support reply there is. A time named with the
offer still makes it a promise; this only decides untimed offers.

Reassurances worded as requests ("please bear with us", "please be assured")
ask nothing of the customer and do not count.
"""

from __future__ import annotations

import re

# How many sentences back a request to the customer still makes an untimed offer theirs to
# trigger ("Can you DM us your order number? Thanks! We'll take a look").
ASKED_BACK = 2
# What opens a sentence before its verb: handles, greetings, names, "so", "just", "please".
_OPENING = (
    r"^(?:\W|@\w+|\b(?:hi|hey|hello|dear|morning|afternoon|evening|thanks|thank\s+you|sorry|ok|okay"
    r"|alright|sure|so|and|then|also|first|in\s+the\s+meantime|meanwhile|xx+)\b"
    r"|[A-Z][\w'-]*,)*"
)
# Imperatives that hand the next move to the customer.
_ACT = (
    r"(?:dm|pm|message|e-?mail|text|send|drop|shoot|pop|give|call|ring|phone|contact|reach"
    r"|follow|provide|share|fill|submit|tell|let\s+(?:us|me)\s+know|meet|hit\s+us|head|visit"
    r"|go\s+to|click|tap|check|confirm|reply|respond|include|attach|upload|forward|write)"
)
_PLEASE = r"(?:please|pls|plz|kindly|just|could\s+you|can\s+you|would\s+you)"
# Asking for patience or giving reassurance asks nothing of the customer's hands:
# "please bear with us", "give me a sec, I'll be right back".
_NOT_A_REQUEST = re.compile(
    r"\b(?:please|pls|plz|kindly)\s+(?:(?:do\s+)?(?:be\s+(?:assured|patient|advised|aware)"
    r"|rest\s+assured|accept|bear|allow|note|know|understand|forgive|excuse|don'?t|do\s+not"
    r"|enjoy|stay|hold|wait))\b"
    r"|\bgive\s+(?:me|us)\s+(?:a|an|one|two|few|a\s+few|\d+)\s+(?:\w+\s+)?(?:secs?|seconds?"
    r"|mins?|minutes?|moments?|mo|ticks?|bit|hours?|days?)\b"
    r"|\b(?:hang|hold)\s+(?:on|tight)\b|\bbear\s+with\b|\ballow\s+(?:me|us)\b"
    r"|\bone\s+(?:moment|sec|second|minute|min)\b",
    re.IGNORECASE,
)
_IMPERATIVE = re.compile(rf"{_OPENING}\s*(?:{_PLEASE}\s+)*{_ACT}\b", re.IGNORECASE)
_PLEASE_ANYWHERE = re.compile(r"\b(?:please|pls|plz|kindly)\b", re.IGNORECASE)
_ASKS_YOU = re.compile(
    r"\b(?:can|could|would|will)\s+you\b(?!\s+(?:bear|be\s+patient))|\byour?\b", re.IGNORECASE
)


def asks_customer(sentence: str) -> bool:
    """True when the sentence hands the next move to the customer."""
    text = sentence.strip()
    if not text:
        return False
    if _IMPERATIVE.match(text):
        return not _NOT_A_REQUEST.search(text)
    if _PLEASE_ANYWHERE.search(text) and not _NOT_A_REQUEST.search(text):
        return True
    # A question to the customer: "What's your local store?", "Could you send the link?"
    return text.rstrip("\"')]}* ").endswith("?") and bool(_ASKS_YOU.search(text))
