"""Find the commitments in a draft and decide whether each names a time.

"Customers hear promises, they believe actions": every commitment the writer
or their company makes is a promise the customer will hold them to, so it is
found, and a vague one ("I'll get right back to you", "we'll look into it")
comes with a concrete time to put in its place. Requests to the customer,
apologies, questions, offers the customer has to trigger ("if you DM us we can
look") and things done at once ("I'm sending it now") are not promises.
When a sentence holds a specific and a vague commitment, the vague one wins.
"I'll sort it out right away" is vague too (heard as minutes) unless a time is
named; a time fronted in the sentence ("On Tuesday, I'll come by") is the promise's
time, and "..., and call you first thing tomorrow" is a second promise with its own due.

A promise that waits on an event ("We'll email you once it's done", "I'll call
you afterwards") is never offered a time before that event when the draft
schedules it ("The migration runs Saturday 22:00."): the suggestion is counted
from the time named last before the promise (else the first named after it),
whenever that time is later than the usual suggestion. Only completion events
("done", "finished", "live", "arrives"...) are anchored; "as soon as we hear
back" depends on nobody's schedule in the draft.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from bot.coach.detect.asks import ASKED_BACK, asks_customer
from bot.coach.detect.promise_triggers import Strength, Trigger, find_triggers
from bot.coach.detect.promise_vague import VagueTime, find_vague_times
from bot.coach.detect.promise_verbs import VerbKind, verb_kind
from bot.coach.rewrite.slots import SLOT
from bot.coach.text import quoted_spans, sentences
from bot.coach.time.suggest import Horizon, suggest, suggest_after
from bot.coach.time.when import TimeSpan, find_times, names_time


@dataclass(frozen=True, slots=True)
class FoundPromise:
    """A commitment in the draft: where it is, when it is due, and how to make it specific."""

    start: int  # span of the whole commitment clause in the text
    end: int
    due: datetime | None  # aware, in the user's tz; None when vague
    vague: bool
    vague_start: int | None  # span of the vague wording
    vague_end: int | None
    replacement: str | None  # text to put in place of text[vague_start:vague_end]
    suggestion: str | None  # one short sentence for the user
    follow_up: str | None = None  # a sentence to add when no words can be replaced


@dataclass(slots=True)
class _Clause:
    trigger: Trigger
    start: int
    end: int
    sentence: int
    time: TimeSpan | None
    vague: VagueTime | None
    strength: Strength
    question: bool
    immediate: bool
    times: tuple[TimeSpan, ...] = ()  # every time named in the clause, in order


_CUT = re.compile(
    r";|(?<!\s)\s++but\s|,\s*but\b|(?<!\s)\s++[-–—]+\s|[()]"
    r"|,\s*(?=(?:so|thanks|thank|sorry|please|hope|cheers|regards|I|we|you|it|that's|because"
    r"|since|though|although|otherwise|meanwhile|in\s+the\s+meantime|just|ok|okay|let\s+me"
    r"|and\s+(?:I|we|you|it|they|please|thanks))\b)",
    re.IGNORECASE,
)
# What a clause may end with that is not part of it: spaces, punctuation, a dangling connector.
# Trimmed by a backward scan, not a regex: `(?:[...]+|\bword\b)+$` backtracks exponentially.
_TRAILING_CHARS = frozenset(",;:.!?-–—")
_TRAILING_WORDS = ("and", "then", "but", "or", "so", "also")
# How far back in its sentence a promise's condition ("if you ...") is looked for: enough
# for any real sentence, and it keeps a 5,000-character run-on draft linear.
_LOOK_BACK = 300
_PRE_CONDITION = re.compile(
    r"\b(?:if|unless|in\s+case|provided(?:\s+that)?|as\s+long\s+as|should\s+you"
    r"|(?:once|when|whenever|after|until)\s+(?:you|your)\b)\b",
    re.IGNORECASE,
)
# "You can email us and my colleague will ...", "Please confirm and we'll ...": their move first.
_THEIR_MOVE = re.compile(
    r"\b(?:you\s+(?:can|could|may)|please|feel\s+free\s+to|just)\b[^.;!?]*\band\s*$", re.I
)
# "sorry if", "see if", "let me know if": an "if" that sets no condition on the promise.
_SOFT_IF = re.compile(
    r"\b(?:sorry|apologi[sz]e|apologies|wonder(?:ing)?|not\s+sure|see|check|know|ask|tell|find\s+out"
    r"|confirm|unsure|whether)\s+if\s*$",
    re.I,
)
# A request and the offer it triggers in one sentence: "Send us a DM and we'll follow up".
_JOINED = re.compile(r"(?:\band|\bthen|[,:;])\s*$", re.IGNORECASE)
_CLAUSE_BREAK = re.compile(r"[();]|\s[-–—]+\s")
_POST_CONDITION = re.compile(
    r"\b(?:if|once|when|whenever|as\s+soon\s+as|after)\s+(?:you|your)\b"
    r"|\b(?:once|when|after|as\s+soon\s+as)\s+(?:we|I)\s+(?:receive|get|have)\s+(?:it|them|the|your)\b"
    r"|\bif\s+(?:needed|required|necessary|so|you'?d\s+like|you\s+(?:like|want|prefer))\b",
    re.IGNORECASE,
)
_IMMEDIATE = re.compile(
    r"\b(?:right\s+now|immediately|right\s+away|straight\s+away|as\s+we\s+speak|at\s+once"
    r"|this\s+(?:very\s+)?(?:minute|moment|instant))\b"
    r"|(?<!\bfor\s)(?<!\bby\s)(?<!\bfrom\s)(?<!\buntil\s)(?<!\bup\sto\s)\bnow\b(?!\s+(?:that|on)\b)",
    re.IGNORECASE,
)
_SIGN_OFF = re.compile(
    r"^(?:I'?ll|we'?ll|I\s+will|we\s+will)\s+(?:talk|speak|chat)\s+(?:to|with)\s+you\s+"
    r"(?:soon|later)\W*$|^(?:I'?ll|we'?ll)\s+see\s+you\s+(?:soon|later)\W*$",
    re.IGNORECASE,
)
_PRE_FILLER = re.compile(
    r"^(?:[\s,.:;!\-–]|\b(?:and|so|ok|okay|then|also|by|on|at|before|until|great|thanks|sure"
    r"|no\s+problem|hi|hello|hey|yes|of\s+course|between|around|about|approximately|roughly"
    r"|from|after|within|in|no\s+later\s+than|not\s+later\s+than|sometime|early|late"
    r"|first\s+thing|at\s+the\s+latest|latest)\b)*$",
    re.IGNORECASE,
)
# The word that opens a fronted time ("Between 8am and noon on Tuesday, I'll ..."): part of it.
_PRE_LEAD = re.compile(
    r"\b(?:between|around|about|from|after|within|by|on|at|before|until|no\s+later\s+than)\s+$",
    re.IGNORECASE,
)
# Where a clause opens inside a sentence ("The parcel was late, but on Tuesday I'll ...").
_OPENS_CLAUSE = re.compile(r"[,;:()]|\s[-–—]+\s|\bbut\b", re.IGNORECASE)
_DASHES = re.compile(r"[—()]")
# "right back" is heard as ten minutes: so is "I'll sort it right away" (principle 2). Only
# for a future action: "I'm sending it right now" is done at once, not promised.
_AT_ONCE = re.compile(
    r"\b(?:right\s+away|straight\s+away|immediately|right\s+now)\b", re.IGNORECASE
)
# "I'll send it by Friday, and call you first thing tomorrow": a second commitment, its own time.
_COORDINATED = re.compile(
    r"(?:,\s*|\s+)(?:and(?:\s+then)?|then)\s+(?:also\s+)?(?=[a-z])", re.IGNORECASE
)
_REPLY = re.compile(
    r"\b(?:call|ring|phone|e-?mail|message|text|ping|update|get\s+back|come\s+back|circle\s+back"
    r"|follow(?:\s+|-)up|let\s+you\s+know|reach\s+out|contact|hear|reply|response|respond"
    r"|answer|confirm|write|be\s+in\s+touch|get\s+in\s+touch|revert|send|sent|ship|shipped"
    r"|deliver|delivered|mail|mailed|have\s+it\s+to\s+you|get\s+it\s+to\s+you)\b",
    re.IGNORECASE,
)
_KEEP_POSTED = re.compile(r"\bkeep\s+\w+\s+(?:posted|updated|informed|in\s+the\s+loop)\b", re.I)
_DOUBT = re.compile(
    r"\b(?:maybe|perhaps|possibly|(?:don't|do not) think|doubt|not sure|unsure)\s*,?\s*$", re.I
)
_THEN = re.compile(r"\b(?:then|by\s+then|at\s+that\s+(?:point|time))\W*$", re.IGNORECASE)
# "once it's done", "as soon as the migration finishes", "afterwards": waiting on an event
# that the draft may itself schedule ("The migration runs Saturday 22:00.").
_COMPLETION = re.compile(
    r"\b(?:done|ready|fixed|sorted|resolved|finish(?:es|ed)?|complete[sd]?|live|available"
    r"|back\s+up|over|arrives?|arrived|ships|shipped|delivered|installed|deployed|lands?|landed"
    r"|ends?|ended)\b",
    re.IGNORECASE,
)
_AFTERWARDS = re.compile(r"\b(?:afterwards?|after\s+(?:that|this|it|which))\b", re.IGNORECASE)


def find_promises(text: str, *, now: datetime, tz: ZoneInfo,
                  spans: Sequence[tuple[int, int]] | None = None) -> list[FoundPromise]:
    """The commitments in `text` (already masked), in order of appearance.

    `spans` are its sentences when the caller has split it already (the engine
    has), so the text is not split twice.
    """
    triggers = find_triggers(text)
    if not triggers:
        return []
    times = find_times(text, now=now, tz=tz)
    vagues = find_vague_times(text)
    quotes = quoted_spans(text)
    clauses: list[_Clause] = []
    if spans is None:
        spans = sentences(text)
    asked: dict[int, bool] = {}

    def asked_first(index: int) -> bool:
        """Whether one of the two sentences before this one asks the customer to act."""
        for k in range(max(0, index - ASKED_BACK), index):
            if k not in asked:
                asked[k] = asks_customer(text[spans[k][0] : spans[k][1]])
            if asked[k]:
                return True
        return False

    for index, (s_start, s_end) in enumerate(spans):
        inside = [
            t for t in triggers
            if s_start <= t.start < s_end and not any(q0 < t.start < q1 for q0, q1 in quotes)
        ]
        for number, trigger in enumerate(inside):
            limit = inside[number + 1].start if number + 1 < len(inside) else s_end
            pre_start = s_start if number == 0 else trigger.start
            clauses.append(
                _clause(text, trigger, index, (s_start, s_end), pre_start, limit, times, vagues,
                        asked_first)
            )
    return _decide(text, clauses, now, tz, times, spans)


def _clause(
    text: str,
    trigger: Trigger,
    index: int,
    sentence: tuple[int, int],
    pre_start: int,
    limit: int,
    times: list[TimeSpan],
    vagues: list[VagueTime],
    asked_first: Callable[[int], bool],
) -> _Clause:
    cut = _CUT.search(text, trigger.body, limit)
    raw_end = cut.start() if cut else limit
    end = _trim(text, trigger.start, raw_end)
    own_times = [t for t in times if trigger.start <= t.start < raw_end]
    own_vague = [
        v for v in vagues
        if trigger.start <= v.start < raw_end and not _overlaps(v, times) and not _names_time(
            text, v, times
        )
    ]
    start = trigger.start
    if not own_times and not own_vague and pre_start < trigger.start:
        pre_times = [t for t in times if pre_start <= t.start and t.end <= trigger.start]
        pre_vague = [v for v in vagues if pre_start <= v.start and v.end <= trigger.start]
        pieces = sorted(
            [(t.start, t.end) for t in pre_times] +
            [(v.start, v.end) for v in pre_vague]
        )
        rest = text[pre_start : trigger.start]
        for p_start, p_end in reversed(pieces):
            rest = rest[: p_start - pre_start] + rest[p_end - pre_start :]
        if pieces and _PRE_FILLER.match(rest):
            own_times, own_vague = pre_times, [v for v in pre_vague if not _overlaps(v, times)]
            start = pieces[0][0]
            lead = _PRE_LEAD.search(text, max(pre_start, start - 24), start)
            if lead:
                start = lead.start()
    before = text[max(sentence[0], trigger.start - _LOOK_BACK) : trigger.start]
    breaks = list(_CLAUSE_BREAK.finditer(before))
    if breaks:
        before = before[breaks[-1].end() :]
    conditional = bool(_PRE_CONDITION.search(before)) and not _SOFT_IF.search(
        before[: _last_if(before)]
    )
    conditional = conditional or bool(_THEIR_MOVE.search(before))
    conditional = conditional or bool(_POST_CONDITION.search(text, trigger.body, raw_end))
    if not conditional and not own_times:
        # "Can you DM us your email? We'll take a look": the customer moves first.
        opening = text[sentence[0] : trigger.start]
        conditional = ((bool(_JOINED.search(opening)) and asks_customer(opening))
                       or asked_first(index))
    strength = trigger.strength
    if conditional:
        strength = Strength.OFFER
    body = text[trigger.start : raw_end]
    immediate = any(
        not any(t.start <= trigger.start + m.start() < t.end for t in own_times)
        for m in _IMMEDIATE.finditer(body)
    )
    question = text[sentence[0] : sentence[1]].rstrip().endswith("?")
    vague = own_vague[0] if own_vague else None
    if conditional and strength is Strength.OFFER and not own_times:
        vague = None
    if vague is None and not own_times and strength is Strength.WILL:
        at_once = _AT_ONCE.search(text, trigger.body, raw_end)
        if at_once:
            vague = VagueTime(at_once.start(), at_once.end(), Horizon.MINUTES, "atonce")
    return _Clause(
        trigger,
        start,
        max(end, vague.end if vague else end),
        index,
        own_times[0] if own_times else None,
        vague,
        strength,
        question,
        immediate,
        tuple(own_times),
    )


def _last_if(before: str) -> int:
    found = [m.end() for m in re.finditer(r"\bif\b", before, re.IGNORECASE)]
    return found[-1] if found else len(before)


def _trim(text: str, start: int, end: int) -> int:
    """`end` moved back over trailing spaces, punctuation and dangling connector words."""
    while end > start:
        ch = text[end - 1]
        if ch.isspace() or ch in _TRAILING_CHARS:
            end -= 1
            continue
        for word in _TRAILING_WORDS:
            begin = end - len(word)
            if (
                begin >= start
                and text[begin:end].lower() == word
                and (begin == 0 or not _wordish(text[begin - 1]))
            ):
                end = begin
                break
        else:
            return end
    return end


def _wordish(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def _overlaps(v: VagueTime, times: list[TimeSpan]) -> bool:
    return any(t.start < v.end and v.start < t.end for t in times)


def _names_time(text: str, v: VagueTime, times: list[TimeSpan]) -> bool:
    """ "sometime tomorrow", "later today": the time that follows makes it specific."""
    if v.kind != "whenever":
        return False
    return any(0 <= t.start - v.end <= 2 and not text[v.end : t.start].strip() for t in times)


def _decide(
    text: str,
    clauses: list[_Clause],
    now: datetime,
    tz: ZoneInfo,
    times: list[TimeSpan],
    spans: Sequence[tuple[int, int]],
) -> list[FoundPromise]:
    results: list[tuple[_Clause, FoundPromise]] = []
    skip_next_start: int | None = None
    for number, clause in enumerate(clauses):
        if skip_next_start is not None and clause.start == skip_next_start:
            skip_next_start = None
            continue
        found = _judge(text, clause, now, tz, times)
        if found is None:
            continue
        if found.vague and found.vague_start == clause.start and number + 1 < len(clauses):
            follower = clauses[number + 1]
            joined = follower.sentence == clause.sentence and re.fullmatch(
                r"[\s,]*(?:and|then|and\s+then)?[\s,]*", text[clause.end : follower.start], re.I
            )
            merged = _judge(text, follower, now, tz, times) if joined else None
            if merged is not None:
                found = _merge(text, clause, merged, now, tz, times)
                skip_next_start = follower.start
        for piece in _split(text, clause, found):
            results.append((clause, piece))
    promises = _share_times(text, results)
    return [
        _timed_sentence(
            text,
            found,
            times,
            spans[clause.sentence],
            [
                p for (c, _), p in zip(results, promises, strict=True)
                if c.sentence == clause.sentence
            ],
        )
        for (clause, _), found in zip(results, promises, strict=True)
    ]


def _split(text: str, clause: _Clause, found: FoundPromise) -> list[FoundPromise]:
    """ "I'll send it by Friday, and call you first thing tomorrow": two promises, two dues.

    A coordinated verb phrase with its own time after the first one's time is a commitment
    of its own; without a time of its own ("... and message you by 2pm") it stays one plan.
    """
    if found.vague or found.due is None or len(clause.times) < 2:
        return [found]
    pieces: list[FoundPromise] = []
    start, due = found.start, found.due
    for first, second in zip(clause.times, clause.times[1:], strict=False):
        if first.end < start or second.due is None:
            continue
        for link in _COORDINATED.finditer(text, first.end, second.start):
            kind, _ = verb_kind(text, link.end())
            if kind is VerbKind.ACTION:
                pieces.append(_specific_at(start, _trim(text, start, link.start()), due))
                start, due = link.end(), second.due
                break
    if not pieces:
        return [found]
    pieces.append(_specific_at(start, found.end, due))
    return pieces


def _timed_sentence(
    text: str,
    found: FoundPromise,
    times: list[TimeSpan],
    sentence: tuple[int, int],
    siblings: list[FoundPromise],
) -> FoundPromise:
    """No time is appended to a promise whose own time is already named.

    Its own time is one fronted before the commitment, opening the sentence or a clause
    ("Between 8am and noon on Tuesday, I'll come by", "By Friday I'll send the contract,
    and I'll update the ticket"), or one inside the commitment clause (or tacked on after
    it: "I'll look into it - by Friday"). Such a promise is specific with its due unknown,
    like "by 10". A time in a clause of its own ("The parcel was due Friday, and I'll look
    into it") belongs to something else: the promise stays vague.
    """
    if not found.vague or found.vague_start != found.start:
        return found
    inside = [t for t in times if sentence[0] <= t.start < sentence[1]]
    if not any(_own_time(text, found, t, inside, siblings, sentence) for t in inside):
        return found
    return FoundPromise(found.start, found.end, None, False, None, None, None, None)


def _own_time(
    text: str,
    found: FoundPromise,
    time: TimeSpan,
    inside: list[TimeSpan],
    siblings: list[FoundPromise],
    sentence: tuple[int, int],
) -> bool:
    """Whether `time` is the commitment `found`'s own (see `_timed_sentence`)."""
    if found.start <= time.start < found.end:
        return True
    if time.start >= found.end:  # tacked on after the clause, with nothing but filler between
        gap = _without(text, found.end, time.start, [])
        return bool(_PRE_FILLER.match(_DASHES.sub(" ", gap)))
    if time.end > found.start:
        return False
    # Fronted: only filler between the opening of its sentence or clause and the time ...
    head = _without(text, sentence[0], time.start, [(t.start, t.end) for t in inside])
    opening = [m.end() for m in _OPENS_CLAUSE.finditer(head)]
    if not _PRE_FILLER.match(_DASHES.sub(" ", head[opening[-1] if opening else 0 :])):
        return False
    # ... and nothing but other times and commitments between the time and this one.
    spans = [(t.start, t.end) for t in inside] + [(p.start, p.end) for p in siblings]
    tail = _without(text, time.end, found.start, spans)
    return bool(_PRE_FILLER.match(_DASHES.sub(" ", tail)))


def _without(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> str:
    """text[start:end] with the given spans (clipped to it) blanked out."""
    chars = list(text[start:end])
    for s_start, s_end in spans:
        for i in range(max(s_start, start), min(s_end, end)):
            chars[i - start] = " "
    return "".join(chars)


def _judge(
    text: str, clause: _Clause, now: datetime, tz: ZoneInfo, times: list[TimeSpan]
) -> FoundPromise | None:
    trigger = clause.trigger
    words = text[clause.start : clause.end]
    if _SIGN_OFF.match(words.strip()):
        return None
    if "[" in words and SLOT.search(words):
        return None  # a rewrite's "by [a time]": the writer is about to name the time
    offer = clause.strength is Strength.OFFER
    if offer and clause.question:
        return None
    if offer and _DOUBT.search(text, max(0, trigger.start - 24), trigger.start):
        return None  # "maybe we can ...", "I don't think we can ...": not a promise
    if clause.vague is not None:
        return _vague_word(text, clause, now, tz, times)
    if clause.time is not None:
        return _specific_at(clause.start, clause.end, clause.time.due)
    if offer or trigger.kind is not VerbKind.ACTION or clause.immediate:
        return None
    return _missing_time(text, clause.start, clause.end, now, tz, times)


def _suggestion(
    horizon: Horizon,
    now: datetime,
    tz: ZoneInfo,
    event: datetime | None,
) -> str:
    """The words of a concrete time; after `event` when the promise waits on it."""
    due, phrase = suggest(horizon, now=now, tz=tz)
    if event is not None and event >= due:
        _, phrase = suggest_after(horizon, after=event, now=now, tz=tz)
    return phrase


def _event_time(times: list[TimeSpan], position: int, *, ahead: bool) -> datetime | None:
    """The time of the event a promise waits on: the last one named before `position`,
    else (when `ahead`) the first one named after it ("... once it's done. It runs Friday.")."""
    before = [t for t in times if t.start < position]
    if before:
        return before[-1].due
    after = [t for t in times if t.start >= position]
    return after[0].due if after and ahead else None


def _vague_word(
    text: str, clause: _Clause, now: datetime, tz: ZoneInfo, times: list[TimeSpan]
) -> FoundPromise:
    vague = clause.vague
    assert vague is not None
    event = None
    if vague.kind == "event" and _COMPLETION.search(vague.detail):
        event = _event_time(times, vague.end, ahead=True)
    phrase = _suggestion(vague.horizon, now, tz, event)
    if vague.kind == "rightback":
        replacement = f"back to you {phrase}" if vague.detail else f"back {phrase}"
    elif vague.kind == "rightwith":
        replacement = f"with you {phrase}"
    elif vague.kind == "atonce":
        replacement = phrase
    elif vague.kind == "event" and vague.detail:
        replacement = f"{phrase} (sooner if {vague.detail})"
    else:
        replacement = phrase
    return FoundPromise(
        clause.start,
        clause.end,
        None,
        True,
        vague.start,
        vague.end,
        replacement,
        f'Name a time: "{replacement}".',
    )


def _missing_time(
    text: str, start: int, end: int, now: datetime, tz: ZoneInfo, times: list[TimeSpan]
) -> FoundPromise:
    words = text[start:end]
    if names_time(words):
        # "by 10", a date the resolver cannot settle: the writer named a time, so the
        # promise is specific (due unknown) and no second time is suggested after it.
        return FoundPromise(start, end, None, False, None, None, None, None)
    event = _event_time(times, start, ahead=False) if _AFTERWARDS.search(words) else None
    phrase = _suggestion(Horizon.TODAY, now, tz, event)
    if _KEEP_POSTED.search(words):
        replacement = f"{words}, with a first update {phrase}"
    elif _REPLY.search(words):
        replacement = f"{words} {phrase}"
    else:
        replacement = f"{words} and update you {phrase}"
    return FoundPromise(
        start, end, None, True, start, end, replacement, f'Name a time: "{replacement}".'
    )


def _merge(
    text: str,
    first: _Clause,
    second: FoundPromise,
    now: datetime,
    tz: ZoneInfo,
    times: list[TimeSpan],
) -> FoundPromise:
    """ "I'll check with the warehouse and I'll message you by 2pm": one plan, one time."""
    if second.vague and second.vague_start != second.start:
        return FoundPromise(
            first.start, second.end, None, True, second.vague_start, second.vague_end,
            second.replacement, second.suggestion,
        )
    if second.vague:
        return _missing_time(text, first.start, second.end, now, tz, times)
    return FoundPromise(first.start, second.end, second.due, False, None, None, None, None)


def _share_times(
    text: str, results: list[tuple[_Clause, FoundPromise]]
) -> list[FoundPromise]:
    """A plan with its time in the next sentence ("Let me check. I'll call you by 3pm.")."""
    promises = [found for _, found in results]
    for number, (clause, found) in enumerate(results):
        if not found.vague or found.vague_start != found.start:
            continue
        following = results[number + 1] if number + 1 < len(results) else None
        if (
            following is not None
            and following[0].sentence <= clause.sentence + 1
            and following[1].due is not None
            and _REPLY.search(text[following[1].start : following[1].end])
        ):
            promises[number] = _specific(found, following[1].due)
            continue
        previous = promises[number - 1] if number else None
        if previous is not None and previous.due is not None and _THEN.search(
            text[found.start : found.end]
        ):
            promises[number] = _specific(found, previous.due)
    return promises


def _specific(found: FoundPromise, due: datetime) -> FoundPromise:
    return _specific_at(found.start, found.end, due)


def _specific_at(start: int, end: int, due: datetime) -> FoundPromise:
    return FoundPromise(start, end, due, False, None, None, None, None)
