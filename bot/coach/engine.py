"""`coach_draft`: one draft in, one CoachResult out, pure and deterministic.

The pipeline, in order:
1. text: validate, mask chat markup (same length), split sentences;
2. detect: the promise finder and every rule yield candidates; the trained
   model (if its file is there) reads each sentence with the rules' cues;
3. settle: one policy (settle.py) decides which candidates become flags;
4. time: which promises stand and when each is due (time/due.py);
5. rewrite: the rules rewrite fixes every flag, checked again until no
   must-fix code remains.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, tzinfo
from typing import Any, cast
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from bot.coach.codes import MUST_FIX
from bot.coach.detect.candidates import Candidate
from bot.coach.detect.catalog import ALL_RULES, MODEL_RULES
from bot.coach.detect.cues import sentence_views
from bot.coach.detect.learned import read_with_model
from bot.coach.detect.next_step import ACKNOWLEDGES_PROBLEM
from bot.coach.detect.promises import FoundPromise, find_promises
from bot.coach.detect.rules import Draft, Hit, run_rules
from bot.coach.learn.model import load_model
from bot.coach.limits import MAX_DRAFT_CHARS
from bot.coach.rewrite.rewriter import rewrite_draft
from bot.coach.settle import settle
from bot.coach.text import mask
from bot.coach.time.due import decide_promises
from bot.coach.types import CoachResult, DraftError, Flag, Promise

_REWRITE_PASSES = 3


def resolve_zone(tz: str | tzinfo) -> ZoneInfo:
    """The user's zone as a ZoneInfo; a fixed UTC offset is accepted as UTC only."""
    if isinstance(tz, ZoneInfo):
        return tz
    if isinstance(tz, str):
        try:
            return ZoneInfo(tz.strip() or "UTC")
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(
                f"unknown time zone {tz!r}; use an IANA name such as Europe/Paris"
            ) from None
    if tz is UTC:
        return ZoneInfo("UTC")
    return cast(ZoneInfo, tz)


def check_draft(text: str) -> None:
    """Refuse what the coach cannot read well, with a message for the user."""
    if not isinstance(text, str):
        raise DraftError("The draft must be text.")
    if not text.strip():
        raise DraftError("The draft is empty: paste or type the reply you want coached.")
    if len(text) > MAX_DRAFT_CHARS:
        raise DraftError(
            f"The draft is {len(text):,} characters; the coach reads at most "
            f"{MAX_DRAFT_CHARS:,}. Coach it in parts."
        )


def _overlaps(start: int, end: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(s < end and start < e for s, e in spans)


_RECHECK_RULES = tuple(r for r in ALL_RULES if r.code in MUST_FIX - {"vague_commitment"})


def _not_hedged(found: Sequence[FoundPromise], hits: list[Hit]) -> list[FoundPromise]:
    """Promises that are not really a hedge ("we'll see if we can fit you in next week")."""
    hedges = [(h.start, h.end) for h in hits if h.rule.code == "false_hope"]
    if not hedges:
        return list(found)
    kept = []
    for p in found:
        starts_in_hedge = any(s <= p.start < e for s, e in hedges)
        vague_part = (p.vague_start, p.vague_end) if p.vague_start is not None else (p.start,
                                                                                     p.end)
        hedged = starts_in_hedge and (
            not p.vague or _overlaps(vague_part[0], vague_part[1] or p.end, hedges)
        )
        if not hedged:
            kept.append(p)
    return kept


_SOFT_HEDGES = frozenset({"false_hope.we_ll_see", "false_hope.i_ll_try"})


def _answered_hedges(draft: Draft, hits: list[Hit]) -> list[Hit]:
    """A "maybe" followed at once by a plan with a time is not false hope.

    "Perhaps. Let me find out and I'll get back to you by 4pm." says what
    decides it and when they'll know, which is what principle 1 asks for.
    """
    if not any(h.rule.name in _SOFT_HEDGES for h in hits):
        return hits
    timed = [p.start for p in draft.promises if p.due is not None and not p.vague]
    kept = []
    for hit in hits:
        if hit.rule.name in _SOFT_HEDGES and timed:
            _, sent_end = draft.sentence_at(hit.start)
            following = [s for s in draft.spans if s[0] >= sent_end]
            limit = following[0][1] if following else sent_end
            if any(hit.end <= start < limit for start in timed):
                continue
        kept.append(hit)
    return kept


def analyse_rules(text: str, now: datetime, zone: ZoneInfo) -> tuple[Draft, list[Hit]]:
    """What the rules alone find: the draft with its promises, and settled rule hits."""
    unread = Draft.of(text, mask(text))  # masked and split once, for every stage
    found = find_promises(unread.masked, now=now, tz=zone, spans=unread.spans)
    draft = unread.with_promises(found)
    hits = _answered_hedges(draft, run_rules(ALL_RULES, draft))
    kept = _not_hedged(found, hits)
    if len(kept) != len(found):
        draft = draft.with_promises(kept)
    return draft, hits


def _recheck(text: str) -> tuple[Draft, list[Hit]]:
    """The must-fix rules on a rewrite, one flag per overlap; vague times need no recheck.

    The rules, not the model: a second pass only mends what the first pass's
    edits left, and the model reading the rewriter's own boilerplate would move
    the goalposts between passes.
    """
    draft = Draft.of(text, mask(text))
    kept: list[Hit] = []
    for hit in run_rules(_RECHECK_RULES, draft):
        if not any(k.rule.code == hit.rule.code and k.start < hit.end and hit.start < k.end
                   for k in kept):
            kept.append(hit)
    return draft, kept


def _suggestion(hit: Hit, promises: Sequence[FoundPromise]) -> str:
    if hit.rule.code == "vague_commitment":
        for found in promises:
            if found.vague and found.suggestion and found.vague_start == hit.start:
                return found.suggestion
    return hit.rule.suggestion


def _rewrite(draft: Draft, hits: list[Hit]) -> str | None:
    """Rewrite, then coach the rewrite; fix again while a must-fix flag remains."""
    rewrite = rewrite_draft(draft, hits)
    for _ in range(_REWRITE_PASSES - 1):
        if rewrite is None:
            break
        again, remaining = _recheck(rewrite)
        if not remaining:
            break
        better = rewrite_draft(again, remaining)
        if better is None:
            break
        rewrite = better
    return rewrite


def coach_draft(
    text: str,
    *,
    now: datetime | None = None,
    tz: str | tzinfo = "UTC",
    id: Any = None,
) -> CoachResult:
    """Coach one draft reply: flags, promises and a rules rewrite (None if nothing to fix)."""
    check_draft(text)
    zone = resolve_zone(tz)
    if now is None:
        now = datetime.now(zone)
    elif now.tzinfo is None:
        now = now.replace(tzinfo=zone)
    else:
        now = now.astimezone(zone)
    draft, hits = analyse_rules(text, now, zone)
    draft, hits = _decide(draft, hits, now, zone)
    flags = tuple(
        Flag(
            code=h.rule.code,
            start=h.start,
            end=h.end,
            quote=text[h.start : h.end],
            message=h.rule.message,
            suggestion=_suggestion(h, draft.promises),
        )
        for h in hits
    )
    promises = tuple(
        Promise(text=text[p.start : p.end].strip(), due=p.due, vague=p.vague, start=p.start,
                end=p.end)
        for p in sorted(draft.promises, key=lambda p: p.start)
    )
    rewrite = _rewrite(draft, hits) if hits else None
    return CoachResult(text=text, flags=flags, promises=promises, rewrite=rewrite,
                       rewrite_source="rules", id=id)


def _decide(draft: Draft, hits: list[Hit], now: datetime,
            zone: ZoneInfo) -> tuple[Draft, list[Hit]]:
    """Stages 2 to 4: the model's reading, the settling policy, and the promises that stand."""
    model = load_model()
    rule_candidates = [Candidate(h.rule.code, h.start, h.end, 1.0, "rules:" + h.rule.name, h.rule)
                       for h in hits]
    if model is None:
        settled = settle(rule_candidates, None, draft.spans)
        promises = decide_promises(draft, settled, None, now, zone)
    else:
        reading = read_with_model(sentence_views(draft, hits, now, zone), model)
        settled = settle(rule_candidates, reading.candidates, draft.spans,
                         frozenset(model.heads_for_codes()), reading.backing,
                         names_a_problem=bool(ACKNOWLEDGES_PROBLEM.search(draft.masked)))
        promises = decide_promises(draft, settled, reading.promise_sentences, now, zone)
    decided = draft.with_promises(promises)
    return decided, [Hit(c.rule or MODEL_RULES[c.code], c.start, c.end) for c in settled]
