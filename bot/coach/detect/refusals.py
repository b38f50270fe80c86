"""Refusals: a "no" said flat (`hard_no`) versus a "no" that leaves a way forward.

Principle 1: keep the refusal, but give the reason, offer alternatives and end
with a choice. So the detector first finds where the writer (or someone they
speak for) declines what the customer wants, then looks at what follows it:
an alternative, a workaround, another channel that helps, a partial remedy, a
proposal or a choice question turns it into a softened no, which is fine.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from bot.coach.detect.rules import Draft, LowerAlternatives, lowered

_NEG_MODAL = (
    r"(?:can't|cannot|can not|won't be able to|will not be able to|"
    r"(?:will |shall )?never be able to|"
    r"(?:am|are|is|'m|'re|'s)(?: not|n't) able to|(?:am|are|is|'m|'re|'s) unable to|"
    r"unable to|not able to)"
)

# Verbs after "can't" that describe a feeling, a perception or a problem, not a denial.
_NOT_DENIAL = (
    r"remember|recall|believe|wait|thank|imagine|picture|stress|emphasi[sz]e|overstate|express"
    r"|describe|tell you how|say enough|say for (?:sure|certain)|help but|help feeling|find|see"
    r"|reproduce|locate|access|reach|hear|open|load|connect|log|sign|seem|understand|get over"
    r"|apologi[sz]e|guarantee|promise|agree|stop|afford|complain|fault|live without|confirm"
    r"|figure out (?:what|why|how|where)|work out (?:what|why|how)|tell (?:what|why|if|whether)"
    r"|think|decide|pinpoint|explain why|verify|identify|trace|track|get through|log in|download"
    r"|upload|install|view|print|pay|receive|send you a link|be sure|be certain|be more|be happier"
    r"|begin to|keep up|make sense|process the payment|process your payment"
    r"|take (?:a |any )?(?:vacation|holiday|time off|day off|days off|break|leave)"
    r"|happen again|recur|occur again|go wrong again"
)


_REFUSAL_PATTERNS: tuple[str, ...] = (
    # can't / unable to / won't be able to + a verb that denies something
    rf"\b{_NEG_MODAL}\s+(?:(?:really|currently|now|honestly|even|always|just|possibly|legally)\s+)?"
    rf"(?!(?:{_NOT_DENIAL})\b)[a-z]+",
    # I/we won't, don't, will not, do not + a verb of giving or allowing
    r"\b(?:I|we|our [a-z]+(?: team)?|the company)\s+(?:won't|will not|don't|do not|no longer|"
    r"will never|would never|never|"
    r"are not going to|aren't going to|'re not going to|cannot|can't|can not)\s+(?:be\s+)?"
    r"(?:offer|provide|support|accept|allow|permit|refund|replace|cover|honou?r|waive|extend|issue|"
    r"approve|grant|ship|deliver|sell|stock|carry|do\b(?! you)|make (?:an? )?exceptions?|change|"
    r"reimburse|match|price[- ]match|reopen|reinstate|take back|exchange|compensate|credit|"
    r"give (?:out|refunds?)|"
    r"authori[sz]e|process (?:refunds?|returns?|cancell?ations?)|cancel|"
    r"guarantee (?:that|the|a|delivery)\b)\w*",
    # availability and permission said of the thing asked for
    r"\b(?:is|are|'s|'re)(?: not|n't)\s+(?:(?:currently|really|actually|yet)\s+)?"
    r"(?:possible|feasible|an option|available|allowed|permitted|eligible|covered|included|"
    r"refundable|supported|something we (?:can|could|do|offer|support|provide|are able to)|"
    r"part of (?:the|your|our|this)|within (?:our|the) (?:policy|scope|remit)|"
    r"(?:on|in) (?:our|the) (?:roadmap|plans?|scope))\b",
    r"\bnot something (?:we|I) (?:can|could|do|offer|support|provide|are able to|am able to)\b",
    r"\b(?:I'm|I am|we're|we are)(?: just)? not (?:authori[sz]ed|permitted|allowed) to\b",
    r"\b(?:our|the) (?:system|software|platform|policy|process|contract|terms) "
    r"(?:doesn't|does not|won't|will not|can't|cannot) (?:allow|let|permit|accept|support)\b",
    r"\b(?:won't|will not|wouldn't|would not) be (?:possible|feasible|an option)\b",
    # the thing asked for stated as unbendable: "the price is non-negotiable"
    r"\b(?:is|are|'s|'re)\s+(?:(?:strictly|completely|totally|absolutely)\s+)?"
    r"(?:non-negotiable|not negotiable|set in stone|non-refundable|nonrefundable)\b",
    r"(?:^|(?<=[.!?]\s)|(?<=\n))absolutely not(?=\s*[.!]|\s*$)",
    r"(?:^|(?<=[.!?]\s)|(?<=\n))(?:sorry,? |unfortunately,? )?not (?:possible|an option|doable)\b",
    r"\b(?:is|are) (?:already |now |completely )?full\b(?! (?:of|refund|price|amount|details|"
    r"name|address|payment|version|report|list|day))",
    r"\b(?:we|I) (?:don't|do not) (?:have|carry|stock) [^.!?,;]{1,30}?\bin stock\b",
    r"\b(?:we're|we are|I'm|I am)(?: currently)? (?:not in a position to|fully booked|booked up|"
    r"sold out|out of stock|at (?:full )?capacity)\b",
    r"\b(?:is|are|'s|'re)(?: now)? (?:sold out|out of stock|discontinued|fully booked|booked up|"
    r"no longer (?:available|offered|supported|sold))\b",
    r"\b(?:against|outside(?: of)?|beyond) (?:our|the|company) "
    r"(?:policy|policies|terms|remit|scope)\b",
    r"\bno plans to\b|\bthere(?:'s| is) no way (?:we|I|to)\b",
    r"\bnothing (?:more |else )?(?:we|I) can do\b",
    r"\bnot (?:much|a lot|anything) (?:more |else )?(?:we|I) can do\b",
    r"\b(?:we|I) (?:must|have to|will have to|need to|'ll have to|am going to have to) "
    r"(?:decline|refuse|deny|reject|say no)\b",
    r"\b(?:has|have) been (?:declined|denied|rejected|refused)\b",
    r"\b(?:is|are) (?:denied|declined)\b",
    r"\b(?:could(?:n't| not)|were unable to|was unable to|weren't able to|wasn't able to) "
    r"(?:find|figure out|see|work out|come up with) (?:a|any) way\b",
    r"\b(?:were|was) (?:unable|not able) to (?:approve|accept|grant|honou?r|authori[sz]e|"
    r"refund|extend|waive|replace|cover|reimburse|offer|make an exception)\b",
    r"\b(?:we|I)(?:'re| are|'m| am)? (?:unable|not able) to "
    r"(?:approve|accept|grant|honou?r|offer)\b",
    r"\bimpossible\b(?! to (?:say|tell|know|predict|believe|ignore|miss))",
    r"(?:^|[.!?]\s+|\n)(?:no|nope|sorry,? no)(?:[.!]|,\s+(?=(?:sorry|unfortunately|I'm afraid|"
    r"that|we|I|it|this)\b)(?!(?:that's|that is|it's|it is|this is) (?:(?:totally|absolutely|"
    r"completely|perfectly|really) )?(?:fine|ok|okay|alright|all right|no problem|not a problem|"
    r"great|perfect|no trouble|good)\b|(?:I|we) (?:don't|do not) (?:need|mind)\b))",
    # the writer's own unavailability: out of office, on leave, not available
    r"\b(?:I|we|he|she)(?:'m|'re|'s|'ll be| am| are| is| will be)\s+(?:currently\s+)?"
    r"(?:not available|unavailable|out of (?:town|the office|office)|"
    r"(?:away |out )?on (?:vacation|holiday|leave|annual leave|PTO)|out sick)\b"
    r"(?![^.!?\n]{0,30}\b(?:until|till|back on|back in|returning|from \d))",
    r"\b(?:the |our |your |this )?(?:warranty|guarantee|plan|policy|subscription|insurance|"
    r"coverage|licen[cs]e|contract) (?:does not|doesn't|won't|will not|cannot|can't) "
    r"(?:cover|include|extend to|apply to|allow)\b",
    # "I'd love to, but ..." and "... or I would love to join": a counterfactual yes
    r"\b(?:would|'d) love to (?:attend|join|come|help|go|be there|participate|make it|"
    r"take part)\b[^.!?]{0,20}?,?\s+but\b",
    r"\b(?:otherwise|or) (?:I|we)(?:'d| would) (?:love|be happy|be glad) to\b",
)
_REFUSAL = LowerAlternatives(_REFUSAL_PATTERNS)

# Not the writer refusing: hypotheticals, the customer's own inability, reports of the past.
_NOT_WRITER = re.compile(
    r"(?:\b(?:if|unless|should|whether|in case|even if|in the event|when|once|so that|"
    r"make sure|ensure|in order)\b[^.!?;:]*$)|"
    r"(?:\byou(?:'re|'ll|\s+(?:will|are|would|may|might))?\s*"
    r"(?:(?:really|still|just|probably|also|simply)\s+)?$)|"
    r"(?:\b(?:a party|either|neither|nobody|no one|anyone|someone|one|words|people|customers)\s+"
    r"(?:\w+\s+){0,2}$)|(?:\b(?:I am|I'm|I was|we were|we've been|I've been) told\b[^.!?]*$)|"
    r"(?:\b(?:was|were|had been|did)\s+(?:\w+\s+)?$)",
    re.IGNORECASE,
)

# What turns a refusal into a softened no when it follows it.
SOFTENER = re.compile(
    r"\b(?:instead|alternatively|alternative|workaround|work-around|in the meantime|meanwhile|"
    r"the (?:earliest|next available|closest|nearest|best (?:I|we) can)|(?:happy|glad|able) to|"
    r"how about|what about|what (?:I|we) can do|what (?:I|we) could do|what (?:I|we)'d suggest|"
    r"(?:I|we) (?:would |'d )?(?:recommend|suggest|propose)|escalate|as a (?:goodwill|courtesy)|"
    r"free of charge|at no (?:extra )?cost|shall I|should I|would you like|do you want|"
    r"which (?:would|do|one)|would (?:that|this|it|either|one of these|any of these) work|"
    r"(?:if|when) you(?:'d| would)? (?:like|prefer|need it|want)|let me know (?:which|if you)|"
    r"feel free|please (?:contact|reach out|call|email|try|visit|use|check|see|ask|let)|"
    r"you (?:can|could|may|might) (?:still |also |instead )?(?!not\b|n't\b)\w+|"
    r"(?:(?:I|we|they|he|she)(?:'ll| will| can| could| would be| 'd be| am| are| is)?|"
    r"(?:our|the|my|a) [a-z]+(?: [a-z]+){0,3}(?:'ll| will| can| could| would be| 'd be| is| are))"
    r" (?:happy to|glad to|able to|assist|help|arrange|offer|"
    r"provide|send|include|add|refund|replace|credit|waive|book|schedule|set up|walk you|"
    r"take care|sort|fix|give)\b|"
    r"(?:I|we)(?:'ll| will| can| could| do| did)? (?:offer|provide|include|extend|refund|replace|"
    r"credit|arrange|book|schedule|reserve|hold|waive|add|escalate|ask|pass|put you|set up|"
    r"send|ship|give)\b|"
    r"includes|is included|comes with|(?:are|is) available|available by|"
    r"(?:we|I) have (?:a|an|some|slots?|"
    r"availability|openings?)|but (?:there(?:'s| is)|the|our|you|we|I)\b|though (?:I|we|you)\b|"
    r"however,? (?:I|we|you|there|the|our)\b|option|available (?:on|from|at|in)|"
    r"(?:can|could) (?:do|offer|manage|make) (?:it )?(?:on|by|next|this|instead)|"
    r"maybe (?:we|I|you|on|next(?! time)|dinner|lunch|drinks|a call)|reschedul|"
    r"another (?:time|day|date))",
    re.IGNORECASE,
)
_NOT_AN_OFFER = re.compile(
    r"\b(?:you(?:'ll| will) (?:need|have) to|you (?:need|have) to|you(?:'ll| will) be charged|"
    r"(?:we|I) (?:can't|cannot|can not|could not|couldn't|won't|will not)|sorry for|regret)\b",
    re.IGNORECASE,
)
# What sounds like an offer but changes nothing for the customer: passing feedback on,
# a suggestion box, "anything else?", thanks for patience. A no followed only by these
# is still a flat no ("HDMI isn't supported, but we'll share the interest with the team").
_NO_WAY_FORWARD = re.compile(
    r"(?:\b(?:but|and|though|however|so)\s*,?\s*)?"
    r"(?:\b(?:I|we|they)(?:'ll|'ve|\s+will|\s+can|\s+have|\s+would)?\s+"
    r"(?:(?:be\s+sure\s+to|definitely|certainly|happily|gladly|also)\s+)?)?"
    r"(?:\bpass(?:ed|ing)?\s+(?:[\w']+\s+){0,4}?(?:on|along)\b"
    r"|\bshar(?:e|ed|ing)\s+(?:[\w']+\s+){0,4}?(?:feedback|interest|suggestions?|comments?"
    r"|concerns?|ideas?)\b"
    r"|\b(?:submit|leave|post|send|share)\s+(?:[\w']+\s+){0,3}?(?:feedback|ideas?|suggestions?)\b"
    r"|\b(?:help|assist)(?:\s+you)?\s+with\s+(?:anything|something)\s+else\b"
    r"|\b(?:anything|something)\s+else\b"
    r"|\b(?:for|about)\s+any\s+(?:inconvenience|frustration|disappointment|trouble)\b"
    r"|\b(?:appreciate|thanks?\s+(?:you\s+)?for)\s+your\s+(?:patience|understanding|loyalty"
    r"|feedback)\b)",
    re.IGNORECASE,
)
# What remains of "Can I help with anything else?" once the empty offer is taken out.
_NOTHING_LEFT = re.compile(
    r"(?:\W|\b(?:can|could|may|shall|is|are|there|i|we|you|do|please|just|let|me|us|know|if"
    r"|here|again|thanks|thank|today|help|assist|with|out)\b)*",
    re.IGNORECASE,
)
_QUESTION = re.compile(r"\?")
_RHETORICAL = re.compile(r"(?:^|\s)(?:why|how (?:dare|come)|what did you expect|ok|okay|"
                         r"does that make sense|is that clear|understood|right|"
                         r"(?:is there )?anything else)\b[^.!?]*\?$",
                         re.IGNORECASE)

REASON = re.compile(
    r"\b(?:because|since|as (?:we|it|the|our|this|that|you)|due to|owing to|given that|"
    r"the reason|for (?:security|safety|legal|privacy|compliance) reasons|after \d+|"
    r"so (?:that )?(?:we|I)|which means|(?:our|the) policy (?:is|says|requires)|"
    r"(?:the |our )?reason|regulations?|law|required|requires)\b",
    re.IGNORECASE,
)


# Refusals that carry their own reason: what is asked for is not there to give.
UNAVAILABLE = re.compile(
    r"\b(?:booked|sold out|out of stock|capacity|full|not available|unavailable|discontinued|"
    r"no longer|on (?:vacation|holiday|leave|annual leave|PTO)|out of (?:town|the office|office)|"
    r"out sick|not in (?:the|our) scope|outside (?:of )?(?:our|the) scope|not part of)\b",
    re.IGNORECASE,
)


def find_refusals(masked: str) -> tuple[tuple[int, int], ...]:
    """Spans where the writer declines something, whether softened or not."""
    return _find_refusals(masked)


@lru_cache(maxsize=256)
def _find_refusals(masked: str) -> tuple[tuple[int, int], ...]:
    return tuple(_scan_refusals(masked))


# How far back in its clause a refusal's speaker is looked for: enough for any real
# clause, and it keeps a 5,000-character draft with no full stop linear.
_LOOK_BACK = 200


def _scan_refusals(masked: str) -> Iterator[tuple[int, int]]:
    for m in _REFUSAL.finditer(lowered(masked)):
        start = m.start()
        while start < m.end() and not masked[start].isalnum():
            start += 1
        clause_start = max(masked.rfind(ch, 0, start) for ch in ".!?;:\n") + 1
        before = masked[max(clause_start, start - _LOOK_BACK) : start]
        if _NOT_WRITER.search(before):
            continue
        yield start, m.end()


_PIECES = re.compile(r"(?<=[.!?;:\n])|\s[-–—]\s|,\s*(?=but|though|however|and|or)")


def _offers_something(after: str) -> bool:
    """Does the text after a refusal give the customer a way forward?"""
    for piece in _PIECES.split(after):
        piece = _NO_WAY_FORWARD.sub(" ", piece)
        if _NOTHING_LEFT.fullmatch(piece):
            continue
        if _QUESTION.search(piece) and not _RHETORICAL.search(piece.strip()):
            return True
        found = SOFTENER.search(piece)
        if found is None:
            continue
        negation = _NOT_AN_OFFER.search(piece)
        if negation is None or negation.start() > found.start():
            return True
    return False


def hard_refusals(draft: Draft) -> Iterator[tuple[int, int]]:
    """Refusals with nothing after them for the customer: the `hard_no` flags.

    A draft gets one `hard_no` at most, on its last flat refusal: several
    refusals in a row are one "no" to restructure, and an offer after any of
    them softens the ones before it.
    """
    masked = draft.masked
    spans = list(find_refusals(masked))
    if not spans:
        return
    last_start, last_end = spans[-1]
    _, sentence_end = draft.sentence_at(last_start)
    tail = masked[last_end:]
    if _offers_something(tail):
        return
    if _proposal_before(masked[: spans[0][0]]):
        return
    yield _widen(masked, last_start, last_end, max(sentence_end, last_end))


def _proposal_before(before: str) -> bool:
    """A counter-proposal question before the no ("How about Friday? Sorry, ...")."""
    return bool(re.search(r"\b(?:how about|what about|would [^.?!]{1,40} work)\b[^?]*\?",
                          before, re.IGNORECASE))


_LEAD = re.compile(r"^(?:(?:but|and|so|however|though|although|unfortunately|sadly|sorry|"
                   r"I'm afraid|I am afraid|I'm sorry|I am sorry)\b[\s,]*)+", re.IGNORECASE)


def _widen(masked: str, start: int, end: int, sentence_end: int) -> tuple[int, int]:
    """Flag the whole clause of the refusal (its subject too), so the quote reads whole."""
    clause_start = max(max(masked.rfind(ch, 0, start) for ch in ",;:.!?\n") + 1, 0)
    lead = _LEAD.match(masked[clause_start:start].lstrip())
    head = masked[clause_start:start]
    offset = len(head) - len(head.lstrip()) + (lead.end() if lead else 0)
    start = clause_start + offset if clause_start + offset <= start else start
    stop = end
    for m in re.finditer(r"[,;:.!?\n]|\s[-–—]\s", masked[end:sentence_end]):
        stop = end + m.start()
        break
    else:
        stop = sentence_end
    while stop > start and not masked[stop - 1].isalnum():
        stop -= 1
    return start, max(stop, end)
