"""Where a draft commits the writer or their company to something.

A trigger is the start of a possible commitment ("I'll", "we will", "let me",
"our team will", "you'll hear from us", "your refund will be processed",
"expect a reply"). Its strength says how much it takes to be a promise:
WILL is a promise even with no time (and then a vague one); OFFER ("I can",
"we're meeting", "I hope to") is only a promise once a time is named.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum

from bot.coach.detect.promise_verbs import LET_ME, VerbKind, ing_kind, verb_kind
from bot.coach.detect.rules import AsciiSearch


class Strength(Enum):
    WILL = "will"
    OFFER = "offer"


@dataclass(frozen=True, slots=True)
class Trigger:
    start: int  # where the commitment clause starts (its subject)
    body: int  # where the verb phrase starts (after the modal)
    strength: Strength
    kind: VerbKind  # ACTION, or OTHER when a time is needed


_Adder = Callable[[Trigger], None]

_WILL_MODALS = (
    r"(?:'ll|\s+will|\s+shall|'m\s+(?:going\s+to|gonna)|\s+am\s+(?:going\s+to|gonna)"
    r"|'re\s+(?:going\s+to|gonna)|\s+are\s+(?:going\s+to|gonna))"
)
_OFFER_MODALS = r"(?:'d|\s+would|\s+can(?!'t|not)|\s+could|\s+should|\s+might\s+be\s+able\s+to)"
_FIRST = re.compile(
    rf"\b(?:I|we|[Ii]ll(?=\s))(?P<will>{_WILL_MODALS})?(?P<offer>{_OFFER_MODALS})?\b",
    re.IGNORECASE,
)
_LET = re.compile(r"\blet\s+(?:me|us)(?:\s+(?:just|quickly|first))?\s+(?P<verb>[a-z-]+)", re.I)
_STAFF = (
    r"(?:team|teams|colleagues?|manager|supervisor|assistant|secretary|engineers?|technicians?"
    r"|tech|specialists?|agents?|department|staff|support|billing|reps?|representatives?"
    r"|courier|driver|lead|office|people|folks|crew|installers?|experts?|dispatch(?:er)?"
    r"|accountant|account\s+manager|success\s+manager|partner)"
)
_COMPANY = re.compile(
    rf"\b(?:(?:our|my)\s+(?:[\w-]+\s+){{0,2}}?{_STAFF}"
    rf"|(?:someone|somebody|one|a\s+member|a\s+colleague|an?\s+[\w-]+)\s+(?:from|of|in|on)\s+"
    rf"(?:(?:our|my|the)\s+)?(?:[\w-]+\s+){{0,2}}?[\w-]+"
    rf"|someone|somebody|(?:the|a|an)\s+(?:[\w-]+\s+)?{_STAFF})"
    rf"(?:,\s*[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){{0,3}},)?"
    rf"(?:(?P<will>'ll|\s+will|\s+shall|\s+is\s+going\s+to|\s+are\s+going\s+to)"
    rf"|(?P<offer>\s+can(?!'t|not)|\s+should))\b",
    re.IGNORECASE,
)
# Chat drops the subject: "will look at it tmrw", "checked with the team, will get back to u".
_BARE_WILL = re.compile(r"\b(?:will|shall)\b(?=\s)", re.IGNORECASE)
_BARE_LEAD = re.compile(
    r"(?:(?:ok(?:ay)?|sure|yes|yep|yeah|np|cool|great|thanks|thx|ty|noted|understood|got\s+it"
    r"|on\s+it|no\s+worries|no\s+problem|of\s+course|absolutely|sorry)\W*)*$",
    re.IGNORECASE,
)
_SUBORDINATE = re.compile(
    r"\b(?:what|whatever|if|whether|that|how|when|where|which|who|anything|everything|all)\s+$",
    re.IGNORECASE,
)
_ELIDED = re.compile(r"\b(?:and|then|but|or|so)\s+(?:(?:also|then)\s+)?(?P<m>will|shall)\b", re.I)
_SUBJECT = re.compile(
    r"\b(?P<s>(?i:I|we|he|she|they|it|you)|[A-Z][a-z]+)"
    r"(?:'m|'re|'ve|'d|'ll|\s+(?:(?i:am|are|is|was|were|have|has|had|will|shall|would|can|could"
    r"|do|did)|[a-z]+ed|[a-z]+s))\b"
)
_PARTICIPLES = (
    r"(?:sent|shipped|mailed|e-?mailed|posted|delivered|dispatched|processed|refunded|credited"
    r"|issued|fixed|resolved|repaired|replaced|updated|released|restored|reviewed|applied"
    r"|installed|activated|reactivated|reinstated|cancell?ed|completed|scheduled|rescheduled"
    r"|arranged|returned|published|deployed|added|removed|contacted|called|notified|informed"
    r"|handled|investigated|escalated|reimbursed|paid|corrected|adjusted|waived|approved"
    r"|confirmed|finali[sz]ed|ready|back\s+up|back\s+online|up\s+and\s+running|delivered"
    r"|picked\s+up|collected|honou?red|expedited|answered|looked\s+(?:at|into)|dealt\s+with"
    r"|taken\s+care\s+of|sorted(?:\s+out)?|done|finished|available\s+for|re-?issued|re-?sent"
    r"|rolled\s+out|unlocked|unblocked|reset|migrated|upgraded|patched|renewed|reconnected"
    r"|rebooked|booked|shipped\s+out|sent\s+out)"
)
_PASSIVE = re.compile(
    rf"(?:(?P<will>'ll|\bwill|\bshall|\bis\s+going\s+to|\bare\s+going\s+to)|(?P<offer>\bshould))"
    rf"\s+(?:(?:also|then|now|[a-z]+ly)\s+)?be\s+(?:[a-z]+ly\s+)?"
    rf"{_PARTICIPLES}\b",
    re.IGNORECASE,
)
_CUSTOMER_THINGS = re.compile(
    r"\b(?:you|your|it|this|that|these|they|them|refund|order|replacement|package|parcel|item"
    r"|invoice|credit|payment|ticket|case|request|account|fix|patch|update|quote|report"
    r"|confirmation|access|service|device|documents?|contract|delivery|shipment|technician"
    r"|engineer|kit|issue|problem|bug)\b",
    re.IGNORECASE,
)
# "Your new card should arrive by March 12": the company's word on a delivery, once timed.
_ARRIVES = re.compile(
    r"\b(?:your|the|this|it|its|they|these)\b(?:\s+[\w-]+){0,3}?(?:'ll|\s+will|\s+should)"
    r"\s+(?:(?:also|then|now|[a-z]+ly)\s+)?(?:arrive|reach\s+you|land|appear|show\s+up|ship"
    r"|go\s+(?:out|live|through)|be\s+(?:with\s+you|there|back|live|available|ready|in\s+your"
    r"|in\s+place|done|finished|complete|delivered|on\s+its\s+way|up\s+and\s+running))\b",
    re.IGNORECASE,
)
_ELIDED_ARRIVAL = re.compile(
    rf"\s+(?:(?:also|then|now|[a-z]+ly)\s+)?(?:arrive|reach\s+you|be\s+(?:[a-z]+ly\s+)?"
    rf"{_PARTICIPLES}|be\s+(?:with\s+you|delivered|on\s+its\s+way))\b",
    re.IGNORECASE,
)
_THING_SUBJECT = re.compile(
    r"\s*(?:your|the|this|its?)\s+(?:[\w-]+\s+){0,2}?(?:refund|order|replacement|package|parcel"
    r"|item|invoice|credit|payment|card|delivery|shipment|fix|patch|update|part|device|kit"
    r"|documents?|contract|quote|report|technician|engineer)\b",
    re.IGNORECASE,
)
_PEOPLE = re.compile(r"^\s*(?:I|we|he|she|my|our)\b", re.IGNORECASE)
_YOU = re.compile(
    r"\byou(?P<will>'ll|\s+will|\s+are\s+going\s+to)?(?P<offer>\s+should|\s+can|\s+may)?"
    r"\s+(?:(?:also|then|now|[a-z]+ly)\s+)?(?P<verb>hear|receive|get|have|see|expect)\b"
    r"(?P<obj>\s+(?:from|back|a|an|the|your|it|them|one|our|my|this|that|an?\s+\w+)\b)?",
    re.IGNORECASE,
)
# Both start at their keyword; what may stand before it (a sentence start, "please") is
# checked by `_lead_start`, since `(?:^|(?<=\n))\s*` tried at every line break of a long
# run of blank lines is quadratic.
_EXPECT = re.compile(
    r"\bexpect\s+(?:to\s+(?:hear|receive|get|see)|a|an"
    r"|the|our|my|your|us|someone|him|her|them|it|(?:a\s+)?(?:reply|response|call|update|email"
    r"|answer|delivery|refund))\b",
    re.IGNORECASE,
)
# "Please allow up to 72 hours for your points to appear": the company's word on a wait.
_ALLOW = re.compile(
    r"\ballow\s+(?:up\s+to\s+|at\s+least\s+|about\s+|around\s+)?(?:\d|an?\s|one|two|three"
    r"|four|five|six|seven|ten|several|a\s+few)",
    re.IGNORECASE,
)
_INTEND = re.compile(
    r"\b(?:I|we|our\s+(?:[\w-]+\s+)?team|the\s+team)(?:'m|'re|\s+am|\s+are|\s+is)?\s+"
    r"(?:fully\s+)?(?:expects?|aims?|intends?|hopes?|hoping|planning|aiming"
    r"|expecting)\s+to\s+",
    re.IGNORECASE,
)
_PROGRESSIVE = re.compile(
    r"\b(?:I|we)(?:'m|'re|\s+am|\s+are)\s+(?:(?:also|[a-z]+ly)\s+)?(?P<verb>[a-z]+ing)\b", re.I
)
_MEETING = re.compile(
    r"\b(?P<s>see\s+you|talk\s+(?:to|with)\s+you|speak\s+(?:to|with)\s+you"
    r"|chat\s+(?:to|with)\s+you|meet\s+you)\b",
    re.IGNORECASE,
)


# The scans that run over every draft, each skipped on an ASCII draft that lacks every
# word its matches need (same matches, most drafts hold none of them).
_SCAN = {regex: AsciiSearch.of(regex, most_needs=None)
         for regex in (_COMPANY, _ELIDED, _ARRIVES, _PASSIVE, _INTEND, _MEETING)}


def find_triggers(text: str) -> list[Trigger]:
    """Possible commitments in `text`, in order, at most one per starting point."""
    found: dict[int, Trigger] = {}

    def add(trigger: Trigger) -> None:
        if trigger.kind is not VerbKind.NONE and trigger.start not in found:
            found[trigger.start] = trigger

    for m in _FIRST.finditer(text):
        typed_ill = m.group().lower() == "ill"  # "ill get back to you": only before a service verb
        if m["offer"] and _SUBORDINATE.search(text, max(0, m.start() - 12), m.start()):
            continue  # "see what I can do": part of another clause, not an offer
        if m["will"] or m["offer"] or typed_ill:
            strength = Strength.OFFER if m["offer"] else Strength.WILL
            kind, _ = verb_kind(text, m.end())
            if typed_ill and kind is not VerbKind.ACTION:
                continue
            add(Trigger(m.start(), m.end(), strength, kind))
    lower = text.lower()
    for m in _LET.finditer(text) if "let " in lower else ():
        if m["verb"].lower() in LET_ME:
            kind, _ = verb_kind(text, m.start("verb"))
            add(Trigger(m.start(), m.start("verb"), Strength.WILL, kind))
    known = lower if text.isascii() else None  # lets a scan be skipped (AsciiSearch)
    for m in _SCAN[_COMPANY].finditer(text, known):
        if m["will"] or m["offer"]:
            kind, _ = verb_kind(text, m.end())
            strength = Strength.OFFER if m["offer"] else Strength.WILL
            add(Trigger(m.start(), m.end(), strength, kind))
    for m in _SCAN[_ELIDED].finditer(text, known):
        if _first_person_before(text, m.start()):
            kind, _ = verb_kind(text, m.end())
            add(Trigger(m.start("m"), m.end(), Strength.WILL, kind))
        elif _ELIDED_ARRIVAL.match(text, m.end()) and _thing_before(text, m.start()):
            # "Your replacement has been dispatched and will arrive on Monday"
            add(Trigger(m.start("m"), m.end(), Strength.OFFER, VerbKind.OTHER))
    for m in _BARE_WILL.finditer(text) if "will" in lower or "shall" in lower else ():
        if _subjectless(text, m.start()):
            kind, _ = verb_kind(text, m.end())
            if kind is VerbKind.ACTION:  # "Will you / Will it ...?" is a question
                add(Trigger(m.start(), m.end(), Strength.WILL, kind))
    if " be " in lower:
        _add_passives(text, known, add)
    _add_others(text, lower, known, add)
    _add_arrivals(text, known, add)
    return [found[k] for k in sorted(found)]


def _add_arrivals(text: str, known: str | None, add: _Adder) -> None:
    for m in _SCAN[_ARRIVES].finditer(text, known):
        add(Trigger(m.start(), m.end(), Strength.OFFER, VerbKind.OTHER))


def _subjectless(text: str, pos: int) -> bool:
    """Whether the "will" at `pos` opens its clause: only a sentence start, a comma or an
    acknowledgement ("ok,", "on it -") stands before it."""
    boundary = max(text.rfind(c, 0, pos) for c in ".!?:;\n,(")
    lead = text[boundary + 1 : pos]
    if boundary >= 0 and text[boundary] == "," and not lead.strip():
        return True
    return bool(_BARE_LEAD.match(lead.strip(" \t-–—")))


def _thing_before(text: str, pos: int) -> bool:
    line_start = max(text.rfind(".", 0, pos), text.rfind("\n", 0, pos), text.rfind("?", 0, pos))
    return bool(_THING_SUBJECT.match(text, line_start + 1))


def _first_person_before(text: str, pos: int) -> bool:
    line_start = max(text.rfind(".", 0, pos), text.rfind("\n", 0, pos), text.rfind("?", 0, pos))
    subjects = list(_SUBJECT.finditer(text, line_start + 1, pos))
    return bool(subjects) and subjects[-1]["s"].lower() in ("i", "we")


def _add_passives(text: str, known: str | None, add: _Adder) -> None:
    for m in _SCAN[_PASSIVE].finditer(text, known):
        if not (m["will"] or m["offer"]):
            continue
        subject_start = _clause_start(text, m.start())
        subject = text[subject_start : m.start()]
        if not subject.strip() or _PEOPLE.match(subject):
            continue
        strength = Strength.OFFER if m["offer"] else Strength.WILL
        kind = VerbKind.ACTION if _CUSTOMER_THINGS.search(subject) else VerbKind.OTHER
        add(Trigger(subject_start + len(subject) - len(subject.lstrip()), m.end(), strength, kind))


def _add_others(text: str, lower: str, known: str | None, add: _Adder) -> None:
    for m in _YOU.finditer(text) if "you" in lower else ():
        verb = m["verb"].lower()
        if verb == "expect":
            if m["offer"]:  # "you can expect a reply ..."
                add(Trigger(m.start(), m.end(), Strength.WILL, VerbKind.ACTION))
            continue
        if not (m["will"] or m["offer"]) or (verb != "hear" and not m["obj"]):
            continue
        if m["will"] and verb in ("hear", "receive", "get"):
            add(Trigger(m.start(), m.end(), Strength.WILL, VerbKind.ACTION))
        else:
            add(Trigger(m.start(), m.end(), Strength.OFFER, VerbKind.OTHER))
    for m in _EXPECT.finditer(text) if "expect" in lower else ():
        lead = _lead_start(text, m.start(), please=True)
        if lead is not None:
            add(Trigger(lead, m.end(), Strength.WILL, VerbKind.ACTION))
    for m in _ALLOW.finditer(text) if "allow" in lower else ():
        lead = _lead_start(text, m.start(), please=True)
        if lead is not None:
            add(Trigger(lead, m.end(), Strength.OFFER, VerbKind.OTHER))
    for m in _SCAN[_INTEND].finditer(text, known):
        kind, _ = verb_kind(text, m.end())
        add(Trigger(m.start(), m.end(), Strength.OFFER, kind))
    for m in _PROGRESSIVE.finditer(text) if "ing" in lower else ():
        kind = ing_kind(m["verb"], present=True)
        add(Trigger(m.start(), m.start("verb"), Strength.OFFER, kind))
    for m in _SCAN[_MEETING].finditer(text, known) if "you" in lower else ():
        if _lead_start(text, m.start()) is None:
            continue
        add(Trigger(m.start("s"), m.end(), Strength.OFFER, VerbKind.OTHER))


def _lead_start(text: str, pos: int, *, please: bool = False) -> int | None:
    """Where a sentence-initial phrase at `pos` begins, or None if it is not sentence-initial.

    It is when only spaces stand between it and the start of the text, a line break or
    one of `.!?:`; with `please`, "please" right before it also counts and begins it.
    """
    i = pos
    while i > 0 and text[i - 1].isspace():
        if text[i - 1] == "\n":
            return pos
        i -= 1
    if i == 0 or text[i - 1] in ".!?:":
        return pos
    if please and i >= 6 and text[i - 6 : i].lower() == "please" and (
        i == 6 or not (text[i - 7].isalnum() or text[i - 7] == "_")
    ):
        return i - 6
    return None


_CLAUSE_START = re.compile(r"[.!?;:\n(]|,\s|\b(?:and|but|so|then|because|since|as|that)\s", re.I)


def _clause_start(text: str, pos: int) -> int:
    start = max(0, pos - 120)
    last = start if start else 0
    for m in _CLAUSE_START.finditer(text, start, pos):
        last = m.end()
    return last


