"""Time wording a customer cannot check: "soon", "right back", "in a few days".

Each phrase carries a horizon (how far away it sounds) so the suggestion that
replaces it promises about what the customer already expects.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from bot.coach.time.scan import anchors, scan
from bot.coach.time.suggest import Horizon


@dataclass(frozen=True, slots=True)
class VagueTime:
    start: int
    end: int
    horizon: Horizon
    kind: str  # the pattern group: how a replacement has to be worded
    detail: str = ""  # the event of "as soon as <event>", or the words of "right back"


_VAGUE = re.compile(
    r"""
    (?P<rightback>\bright\s+back(?P<rb_to>\s+to\s+you)?\b)
  | (?P<rightwith>\bright\s+with\s+you\b)
  | (?P<asap>\b(?:as\s+(?:soon|quickly|fast)\s+as\s+(?:(?:humanly\s+|reasonably\s+)?possible
            |(?:we|I)\s+(?:can|could|are\s+able|'re\s+able|am\s+able))
        |a\.s\.a\.p\b\.?|asap|at\s+the\s+earliest(?:\s+(?:opportunity|possible\s+(?:time|moment)))?
        |(?:some\s*time\s+)?(?:very\s+|pretty\s+|real\s+|really\s+)?soon(?:est|ish)?
        |sooner\s+rather\s+than\s+later|shortly|promptly|before\s+(?:too\s+)?long
        |in\s+(?:a\s+)?little\s+while|in\s+a\s+while|(?:in|within)\s+(?:the\s+next\s+)?(?:a\s+)?few\s+hours
        |(?:later\s+)?in\s+the\s+(?:next\s+)?(?:couple\s+of|few)\s+hours)\b)
  | (?P<event>\bas\s+soon\s+as\s+(?P<ev>[^.,;!?()\n]+)
        |\b(?:when(?:ever)?|once)\s+(?P<ev2>(?:we|I)\s+(?:hear\s+(?:back|more|anything)|know\s+more
            |find\s+out\s+more|have\s+(?:more|an?\s+update|news|an?\s+answer|further)
            |get\s+(?:an?\s+update|more\s+\w+|news|an?\s+answer|word))[^.,;!?()\n]*
          |(?:it|that|this|everything|things|the\s+fix|the\s+update)(?:'s|\s+is|\s+are|'re)\s+
            (?:done|ready|fixed|sorted|resolved|finished|complete|live|available|back\s+up)\b))
  | (?P<minutes>\b(?:in\s+(?:just\s+)?(?:a|one)\s+(?:sec|second|moment|minute|min|jiffy|tick|mo)
        |in\s+(?:just\s+)?a\s+(?:little\s+)?bit|in\s+a\s+few\s+(?:minutes|mins|moments|secs|seconds)
        |in\s+a\s+couple\s+(?:of\s+)?(?:moments|secs|seconds)|momentarily)\b)
  | (?P<whenever>\b(?:when(?:ever)?\s+(?:we|I)\s+(?:can|get\s+(?:a|the)\s+(?:chance|moment|minute)
            |get\s+(?:a\s+)?(?:moment|minute|second|sec)|have\s+(?:a\s+)?(?:moment|minute|second
            |sec|chance|time)|get\s+(?:a\s+)?(?:round|around)\s+to\s+it|get\s+time|find\s+(?:the\s+)?time)
        |when(?:ever)?\s+(?:possible|available|we're\s+able|we\s+are\s+able)
        |at\s+some\s+(?:point|stage)|some\s*time|eventually|one\s+of\s+these\s+days|later(?:\s+on)?
        |down\s+the\s+(?:line|road|track))\b)
  | (?P<days>\b(?:(?:in|within|over)\s+(?:the\s+)?(?:next\s+|coming\s+)?(?:few|several)\s+days
        |(?:in|over|during)\s+the\s+(?:coming|next\s+few|following)\s+days|in\s+a\s+day\s+or\s+(?:two|so)
        |in\s+due\s+course|(?:some\s*time\s+)?in\s+the\s+(?:near|not\s+too\s+distant|foreseeable)\s+future
        |at\s+a\s+(?:later|future)\s+(?:date|day|time|stage|point))\b)
  | (?P<weeks>\b(?:(?:in|within|over)\s+(?:the\s+)?(?:next\s+|coming\s+)?(?:few|couple\s+of|several)
            \s+weeks|(?:in|over)\s+the\s+coming\s+weeks|in\s+a\s+week\s+or\s+(?:two|so))\b)
    """,
    re.IGNORECASE | re.VERBOSE,
)

_STARTS = anchors(
    """
    right as a.s.a.p asap at some sometime very pretty real really soon soonest soonish
    sooner shortly promptly before in within later when whenever once momentarily eventually
    one down over during
    """
)

_HORIZON = {
    "rightback": Horizon.MINUTES,
    "rightwith": Horizon.MINUTES,
    "minutes": Horizon.MINUTES,
    "asap": Horizon.HOURS,
    "event": Horizon.HOURS,
    "whenever": Horizon.TODAY,
    "days": Horizon.DAYS,
    "weeks": Horizon.WEEKS,
}

# "later" is only vague on its own: "later today" and "2 days later" are not.
_LATER_TAKEN = re.compile(
    r"\s+(?:today|tonight|this|that|than|next|in\s+the\s+(?:day|week|month|afternoon|evening))\b",
    re.IGNORECASE,
)
_LATER_COUNTED = re.compile(
    r"(?:\d|\b(?:days?|weeks?|hours?|minutes?|months?|years?|much|no|not|or|sooner))\s*$",
    re.IGNORECASE,
)
# "some time" asks for room ("we need some time to review") unless it stands for when.
_SOME_TIME_TAKEN = re.compile(r"\s+(?:ago|now|back)\b", re.IGNORECASE)


# "See you again soon", "we hope to welcome you aboard soon", "talk soon": a wish to meet,
# not a time for anybody's work. Read back from "soon" within its clause.
_SOCIAL_BEFORE = re.compile(
    r"(?:\b(?:see(?:ing)?|welcom(?:e|ing)|meet(?:ing)?|visit(?:ing)?|host(?:ing)?)"
    r"\s+(?:you|y'all|u)\b"
    r"|\bhav(?:e|ing)\s+you\s+(?:back|aboard|on\s*board|with\s+us)"
    r"|\b(?:fly|flying|travel(?:l?ing)?|stay(?:ing)?|din(?:e|ing)|shop(?:ping)?)\s+with\s+us"
    r"|\bshar(?:e|ing)\s+the\s+skies|\banother\s+(?:chance|try|visit|go))"
    r"[^.!?;\n]{0,60}?[\s,]*$"
    r"|\b(?:talk|speak|chat)(?:\s+(?:to|with)\s+(?:you|u))?[\s,]*$",
    re.IGNORECASE,
)


def _social(text: str, m: re.Match[str]) -> bool:
    """ "soon" in a wish to meet again, which times nobody's work."""
    return "soon" in m.group().lower() and bool(
        _SOCIAL_BEFORE.search(text, max(0, m.start() - 80), m.start()))


def _taken(text: str, m: re.Match[str], words: str) -> bool:
    """ "later" and "some time" that do not stand for when ("later today", "need some time")."""
    if words.startswith("later"):
        return bool(_LATER_TAKEN.match(text, m.end()) or _LATER_COUNTED.search(text, 0, m.start()))
    if words.replace(" ", "") == "sometime":
        return bool(_SOME_TIME_TAKEN.match(text, m.end()))
    return False


def find_vague_times(text: str) -> list[VagueTime]:
    """Vague time wording in `text`, adjacent pieces merged ("sometime in the near future")."""
    return list(_find_vague_times(text))


@lru_cache(maxsize=64)
def _find_vague_times(text: str) -> tuple[VagueTime, ...]:
    found: list[VagueTime] = []
    for m in scan(_VAGUE, _STARTS, text):
        kind = m.lastgroup or ""
        words = m.group().lower()
        if kind == "whenever" and _taken(text, m, words):
            continue
        if kind == "asap" and _social(text, m):
            continue
        detail = (m["ev"] or m["ev2"] or "").strip() if kind == "event" else ""
        if kind == "rightback":
            detail = "to you" if m["rb_to"] else ""
        piece = VagueTime(m.start(), m.end(), _HORIZON[kind], kind, detail)
        if found and not text[found[-1].end : piece.start].strip(" ,"):
            last = found.pop()
            kind_of = last if last.horizon >= piece.horizon else piece
            piece = VagueTime(
                last.start,
                piece.end,
                max(last.horizon, piece.horizon),
                kind_of.kind,
                kind_of.detail,
            )
        found.append(piece)
    return tuple(found)
