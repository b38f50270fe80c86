"""Which verbs after "I'll" / "we will" make a commitment to the customer.

"We'll misbehave" and "I'll be out on Friday" use the future tense without
promising the customer anything, so a commitment with no time at all is only
recognised for actions a customer waits on (send, call, fix, look into...).
With a checkable time, any action counts except travel and states of being.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from enum import Enum


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


class VerbKind(Enum):
    ACTION = "action"  # a service action: a commitment even without a time
    OTHER = "other"  # a commitment only when a time is named
    NONE = "none"  # not a commitment (a state, travel, a wish, a negation)


ACTIONS = _words(
    """
    send resend email e-mail mail call ring phone text message ping contact reach get come
    circle follow follow-up update confirm check double-check recheck look dig investigate
    research review escalate raise ask talk speak discuss meet arrange schedule reschedule
    set book organise organize coordinate fix repair resolve sort solve correct replace
    refund reimburse credit issue process ship deliver dispatch restore reinstate reactivate
    activate install upgrade waive cancel change adjust amend apply add remove prepare draft
    write attach provide find figure work handle take make ensure keep let inform notify
    advise reply respond answer revert see try attempt have need put push expedite chase
    visit stop drop pick bring collect test verify validate submit file open complete finish
    finalise finalize transfer pay release publish deploy roll order source give walk show
    explain return investigate loop pull run sit go help assist share forward pass
    """
)
# Done the moment they are said ("I'll pass this on"): a commitment only with a time.
IMMEDIATE = _words(
    """
    share forward pass note log flag record mention relay cc copy
    """
)
NOT_COMMITMENTS = _words(
    """
    be fly head leave travel drive catch stay wait miss like love hate want wish hope say
    admit bet guess assume suppose charge require expect lose owe regret remember think
    believe misbehave enjoy probably never not
    """
)
HABITUAL = _words(
    """
    always usually never typically normally generally often sometimes
    """
)

_ADVERBS = re.compile(
    r"(?:\s+(?:also|then|just|still|first|now|both|all|each|gladly|personally|happily|definitely"
    r"|certainly|surely|absolutely|probably|likely|even|again|quickly|soon|immediately|promptly"
    r"|always|usually|never|typically|normally|generally"
    r"|(?!(?:apply|reply|supply|rely|fly|multiply|comply)\b)[a-z]+ly))*\s+",
    re.IGNORECASE,
)
_WORD = re.compile(r"[a-z][a-z'-]*", re.IGNORECASE)
_BE_COMMITS = re.compile(
    r"(?:right\s+back|back\s+(?:to\s+you|with\b|in\s+touch|shortly|soon|in\s+a\b|within|on\s+th)"
    r"|(?:back\s+)?in\s+(?:touch|contact)|(?:right\s+)?with\s+you\b|there\b|(?:sure|certain)\s+to\b"
    r"|(?:on|in)\s+(?:site|the\s+call|the\s+line))",
    re.IGNORECASE,
)
# "We'll be done by the 30th", "I'll be back in touch", "we'll be live by 5pm": a finished
# piece of work is a commitment once it has a time.
_BE_DONE = re.compile(
    r"(?:(?:all|completely|fully|totally)\s+)?(?:done|finished|ready|complete|completed|live"
    r"|sorted|set\s+up|up\s+and\s+running|back\s+(?:up|online)|online|through)\b",
    re.IGNORECASE,
)
_BE_WILLING = re.compile(
    r"(?:glad|happy|pleased|delighted|able|ready)\s+to\s+", re.IGNORECASE
)
_HAVE_DELIVERS = re.compile(
    r"(?:it|them|this|that|the|a|an|your|something|everything|one|some|those|these|another"
    r"|someone|somebody|all|any|more|news|an?\s+answer|results?|responses?|word)\b",
    re.IGNORECASE,
)
_HAVE_NOT = re.compile(r"(?:been|no|had|fun|a\s+(?:great|good|nice|lovely|wonderful))\b", re.I)
_TO_VERB = re.compile(r"(?:to|and)\s+", re.IGNORECASE)
_SEE_COMMITS = re.compile(r"(?:to\s+it|that\b|what\b|if\b|whether\b|about\b)", re.I)
_GO_COMMITS = re.compile(r"(?:ahead\s+and\s+|over\b|through\b)", re.IGNORECASE)
_RETURN_TRAVEL = re.compile(r"(?:to\b|home\b|from\b|back\b)", re.IGNORECASE)
_LET_COMMITS = re.compile(r"(?:you|u|y'all|everyone)\s+know\b", re.IGNORECASE)
_KEEP_COMMITS = re.compile(
    r"(?:(?:you|u|them|him|her)\s+(?:posted|updated|informed|in\s+the\s+loop|in\s+mind)"
    r"|an\s+eye|on\s+top|track|chasing|checking|looking)",
    re.IGNORECASE,
)
_MAKE_COMMITS = re.compile(r"(?:sure|certain|it\s+happen|arrangements)\b", re.IGNORECASE)
_TAKE_COMMITS = re.compile(
    r"(?:care|a\s+(?:closer\s+)?look|it\b|this\b|that\b|ownership|over\b)", re.IGNORECASE
)
_GET_NOT = re.compile(r"(?:used|lost|bored|tired|upset|it\s+wrong)\b", re.IGNORECASE)
_COME_COMMITS = re.compile(r"(?:back|out|by|round|around|over|to\s+you|and|in\s+to)\b", re.I)
_HELP_REST = re.compile(r"(?:(?:you\s+)?(?:to\s+)?)([a-z][a-z'-]*)", re.IGNORECASE)
_STEMS_DOUBLED = re.compile(r"([bdgklmnprt])\1ing$")

# Verbs that make "let me ..." a promise; "let me know / explain / be clear" are not.
LET_ME = _words(
    """
    check look dig find get circle follow confirm verify see investigate escalate review
    talk speak ask reach send figure sort fix run double-check chase come research loop
    update call email message contact pull
    """
)


_Rule = Callable[[str, int, int], "VerbKind"]


def verb_kind(text: str, pos: int, depth: int = 0) -> tuple[VerbKind, str]:
    """Classify the verb phrase starting at `pos` (just after the modal); also return the verb."""
    skipped = _ADVERBS.match(text, pos)
    if skipped:
        adverbs = set(text[pos : skipped.end()].lower().split())
        if adverbs & HABITUAL:
            return VerbKind.NONE, ""
        if "not" in adverbs:
            return VerbKind.NONE, ""
        pos = skipped.end()
    word_match = _WORD.match(text, pos)
    if word_match is None:
        return VerbKind.NONE, ""
    verb = word_match.group().lower()
    rest = word_match.end()
    while rest < len(text) and text[rest] == " ":
        rest += 1
    return _classify(verb, text, rest, depth), verb


def _classify(verb: str, text: str, rest: int, depth: int) -> VerbKind:
    if verb in ("not", "never") or verb.endswith("n't"):
        return VerbKind.NONE
    special = _SPECIAL.get(verb)
    if special is not None:
        return special(text, rest, depth)
    if verb in NOT_COMMITMENTS:
        return VerbKind.NONE
    if verb in IMMEDIATE:
        return VerbKind.OTHER
    if verb in ACTIONS:
        return VerbKind.ACTION
    if verb.endswith("ing"):
        return ing_kind(verb, present=False)
    return VerbKind.OTHER


def ing_kind(verb: str, *, present: bool) -> VerbKind:
    """`sending` -> ACTION; `flying`, `going` -> NONE; "I'm thinking" (present) -> NONE."""
    for stem in _stems(verb.lower()):
        if stem in NOT_COMMITMENTS or stem in TRAVEL or (present and stem in PROGRESSIVE_NOT):
            return VerbKind.NONE
        if stem in _SPECIAL:
            return VerbKind.OTHER  # "having", "getting": the object decides, so a time must
        if stem in ACTIONS and stem not in IMMEDIATE:
            return VerbKind.ACTION
    return VerbKind.OTHER


TRAVEL = _words(
    """
    go head leave fly travel catch drive stay return depart
    """
)
# "I'm working on it" reports the present; these only promise in the future tense.
PROGRESSIVE_NOT = _words(
    """
    guess plan consider hope look wait try think wonder assume expect work sit feel do
    """
)


def _stems(verb: str) -> list[str]:
    if not verb.endswith("ing"):
        return [verb]
    base = verb[:-3]
    stems = [base, base + "e"]
    doubled = _STEMS_DOUBLED.search(verb)
    if doubled:
        stems.append(verb[: doubled.start() + 1])
    return stems


def _after(text: str, rest: int, depth: int) -> VerbKind:
    """The kind of the verb that follows (for "have to X", "be glad to X", "try and X")."""
    if depth > 2:
        return VerbKind.NONE
    kind, _ = verb_kind(text, rest, depth + 1)
    return kind


def _be(text: str, rest: int, depth: int) -> VerbKind:
    if _BE_COMMITS.match(text, rest):
        return VerbKind.ACTION
    willing = _BE_WILLING.match(text, rest)
    if willing:
        return _after(text, willing.end(), depth)
    if _BE_DONE.match(text, rest):
        return VerbKind.OTHER
    word = _WORD.match(text, rest)
    if word and word.group().lower().endswith("ing"):
        return ing_kind(word.group(), present=False)
    return VerbKind.NONE


def _have(text: str, rest: int, depth: int) -> VerbKind:
    to = _TO_VERB.match(text, rest)
    if to and text[rest : rest + 2].lower() == "to":
        return _after(text, to.end(), depth)
    if _HAVE_NOT.match(text, rest):
        return VerbKind.NONE
    return VerbKind.ACTION if _HAVE_DELIVERS.match(text, rest) else VerbKind.NONE


def _need(text: str, rest: int, depth: int) -> VerbKind:
    if text[rest : rest + 3].lower() == "to ":
        return _after(text, rest + 3, depth)
    return VerbKind.NONE


def _try(text: str, rest: int, depth: int) -> VerbKind:
    to = _TO_VERB.match(text, rest)
    return _after(text, to.end(), depth) if to else VerbKind.OTHER


def _pattern_kind(pattern: re.Pattern[str], otherwise: VerbKind) -> _Rule:
    def kind(text: str, rest: int, depth: int) -> VerbKind:
        return VerbKind.ACTION if pattern.match(text, rest) else otherwise

    return kind


def _see(text: str, rest: int, depth: int) -> VerbKind:
    """"I'll see to it" commits; "I'll see you" commits only with a time; "we'll see" never."""
    if _SEE_COMMITS.match(text, rest):
        return VerbKind.ACTION
    return VerbKind.OTHER if text[rest : rest + 3].lower() == "you" else VerbKind.NONE


def _wish(text: str, rest: int, depth: int) -> VerbKind:
    """ "I'd like to arrange a call" is about arranging; "I'd love that" commits to nothing."""
    if text[rest : rest + 3].lower() == "to ":
        return _after(text, rest + 3, depth)
    return VerbKind.NONE


def _get(text: str, rest: int, depth: int) -> VerbKind:
    return VerbKind.NONE if _GET_NOT.match(text, rest) else VerbKind.ACTION


def _go(text: str, rest: int, depth: int) -> VerbKind:
    step = _GO_COMMITS.match(text, rest)
    if step is None:
        return VerbKind.NONE
    if step.group().lower().startswith("ahead"):
        return _after(text, step.end(), depth)
    return VerbKind.ACTION


def _return(text: str, rest: int, depth: int) -> VerbKind:
    return VerbKind.NONE if _RETURN_TRAVEL.match(text, rest) else VerbKind.ACTION


def _help(text: str, rest: int, depth: int) -> VerbKind:
    following = _HELP_REST.match(text, rest)
    if following and following.group(1).lower() in ACTIONS - {"help", "assist"}:
        return _after(text, following.start(1), depth)
    return VerbKind.OTHER


_SPECIAL = {
    "be": _be,
    "have": _have,
    "need": _need,
    "try": _try,
    "attempt": _try,
    "get": _get,
    "go": _go,
    "return": _return,
    "help": _help,
    "assist": _help,
    "see": _see,
    "like": _wish,
    "love": _wish,
    "let": _pattern_kind(_LET_COMMITS, VerbKind.OTHER),
    "keep": _pattern_kind(_KEEP_COMMITS, VerbKind.OTHER),
    "make": _pattern_kind(_MAKE_COMMITS, VerbKind.OTHER),
    "take": _pattern_kind(_TAKE_COMMITS, VerbKind.OTHER),
    "come": _pattern_kind(_COME_COMMITS, VerbKind.OTHER),
}
