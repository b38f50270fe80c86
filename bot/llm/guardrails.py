"""Whether a model rewrite may be shown: coached again, and compared fact by fact.

A rewrite passes only if the coach raises none of the must-fix codes on it, it
keeps a refusal the draft made, it keeps every fact of the draft, and it adds
no commitment, amount, concession or date that the draft (or the writer's own
alternatives) did not contain. The one thing it may add is a concrete time for
a promise the draft made vaguely, as the rules rewrite does.

Each violation is a sentence the model can act on: it is fed back for the one
retry, with private details hidden again by the caller. Synchronous and
CPU-bound (it runs the coach): call it in a worker thread.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from itertools import pairwise

from bot.coach import DraftError, coach_draft, refusal_spans
from bot.coach.codes import MUST_FIX
from bot.coach.types import CoachResult
from bot.llm import facts
from bot.llm.facts import Found
from bot.llm.privacy import PLACEHOLDER

# Flags whose words a rewrite is meant to change: names, times and loose
# numbers inside them may go (ALL CAPS shouting, "ASAP", blame on "Dave").
_REWORDED = frozenset(
    {"vague_commitment", "shouting", "blame", "defensive", "empty_empathy", "absolute",
     "false_hope"}
)
_SOFT_KINDS = frozenset({"name", "time", "number"})
_MIN_SUGGESTION = 12
# What may stand between the words of one deadline: "11 am today", "Thursday at noon".
_JOINS_ONE_TIME = re.compile(
    r"^[\s,]*(?:(?:on|at|by|before|after|of|the|this|next|morning|afternoon|evening|end|"
    r"close)\b[\s,]*)*$",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Context:
    """What a rewrite is judged against."""

    draft: str
    coached: CoachResult
    now: datetime
    tz: str
    writer_alternatives: str = ""
    model_suggestions: tuple[str, ...] = ()


def violations(rewrite: str, ctx: Context) -> list[str]:
    """Why the rewrite may not be shown; empty when it may."""
    if not rewrite.strip():
        return ["The rewrite is empty."]
    leftover = sorted(set(PLACEHOLDER.findall(rewrite)))
    if leftover:
        return [f"It uses placeholders that are not in the draft: {', '.join(leftover)}."]
    try:
        checked = coach_draft(rewrite, now=ctx.now, tz=ctx.tz)
    except DraftError as error:
        return [str(error)]
    found: list[str] = []
    found += _must_fix(checked)
    found += _refusal(rewrite, ctx)
    found += _lost_facts(rewrite, ctx)
    found += _added(rewrite, checked, ctx)
    found += _suggestions_inside(rewrite, ctx)
    return found


def _must_fix(checked: CoachResult) -> list[str]:
    codes = sorted({f.code for f in checked.flags} & MUST_FIX)
    return [f"The coach still flags it: {', '.join(codes)}."] if codes else []


def refusal_count(text: str, ctx: Context) -> int:
    """The no's a text says, softened or flat (the coach's refusal finder)."""
    return len(refusal_spans(text))


def _refusal(rewrite: str, ctx: Context) -> list[str]:
    if refusal_count(ctx.draft, ctx) and not refusal_count(rewrite, ctx):
        return ["It drops the refusal: the draft says no, so the rewrite must still say no "
                "(kindly, with the reason and alternatives)."]
    return []


def _exempt(fact: Found, ctx: Context) -> bool:
    if fact.kind not in _SOFT_KINDS:
        return False
    return any(f.code in _REWORDED and f.start <= fact.start and fact.end <= f.end
               for f in ctx.coached.flags)


def _lost_facts(rewrite: str, ctx: Context) -> list[str]:
    lost: list[str] = []
    seen: set[str] = set()
    for fact in facts.kept_facts(ctx.draft):
        if fact.key() in seen or _exempt(fact, ctx):
            continue
        seen.add(fact.key())
        if not facts.mentions(rewrite, fact):
            lost.append(f"It drops the {fact.kind} {fact.text!r}; keep it as the draft has it.")
    return lost


def _allowed_source(ctx: Context) -> str:
    return "\n".join((ctx.draft, ctx.writer_alternatives, ctx.coached.rewrite or ""))


def _added(rewrite: str, checked: CoachResult, ctx: Context) -> list[str]:
    source = _allowed_source(ctx)
    added: list[str] = []
    new_concessions = facts.concessions(rewrite) - facts.concessions(
        "\n".join((ctx.draft, ctx.writer_alternatives))
    )
    for kind in sorted(new_concessions):
        added.append(f"It offers a {kind} the writer did not offer; remove it.")
    for amount in facts.amounts(rewrite):
        if not facts.contains(facts.amounts(source), amount):
            added.append(f"It adds the amount {amount.text!r}; add no amounts.")
    added += _new_times(rewrite, checked, ctx, source)
    added += _new_commitments(checked, ctx)
    return added


def _new_times(rewrite: str, checked: CoachResult, ctx: Context, source: str) -> list[str]:
    """Dates, times and numbers the draft did not have, but for concrete times on vague promises.

    A vague promise may get one deadline: the new time words inside one timed
    promise of the rewrite must read as one ("by 11 am today", "Thursday at
    noon"), not two ("by 11 am today, and again on Friday").
    """
    drafted = facts.times("\n".join((ctx.draft, ctx.writer_alternatives)))
    suggested = facts.times(ctx.coached.rewrite or "")
    known_numbers = facts.numbers(source)
    vague = sum(p.vague for p in ctx.coached.promises)
    timed = [p for p in checked.promises if not p.vague and p.due is not None]
    new_times = [t for t in facts.times(rewrite) if not facts.contains(drafted, t)]
    problems = []
    fixing: dict[int, list[Found]] = {}
    for t in new_times:
        owner = next((i for i, p in enumerate(timed) if p.start <= t.start < p.end), None)
        if vague and owner is not None:
            fixing.setdefault(owner, []).append(t)
        elif not facts.contains(suggested, t):
            problems.append(f"It adds the date or time {t.text!r}; add no dates or times.")
    if len(fixing) > vague or any(not _one_deadline(rewrite, ts) for ts in fixing.values()):
        problems.append("It sets more deadlines than the draft had vague promises; give each "
                        "vague promise one concrete time and add no others.")
    allowed_spans = [(t.start, t.end) for t in new_times]
    for n in facts.numbers(rewrite):
        if facts.contains(known_numbers, n) or any(s <= n.start < e for s, e in allowed_spans):
            continue
        if PLACEHOLDER.search(rewrite[max(0, n.start - 8) : n.end + 1]):
            continue
        problems.append(f"It adds the number {n.text!r}; add no numbers.")
    return problems


def _one_deadline(text: str, times: list[Found]) -> bool:
    ordered = sorted(times, key=lambda t: t.start)
    return all(_JOINS_ONE_TIME.match(text[a.end : b.start]) for a, b in pairwise(ordered))


def _new_commitments(checked: CoachResult, ctx: Context) -> list[str]:
    allowed = max(len(ctx.coached.promises), _promise_count(ctx.coached.rewrite, ctx))
    allowed += _promise_count(ctx.writer_alternatives, ctx)
    if len(checked.promises) > allowed:
        extra = len(checked.promises) - allowed
        return [f"It adds {extra} commitment{'s' if extra > 1 else ''} the draft did not make; "
                "promise nothing new."]
    return []


def _promise_count(text: str | None, ctx: Context) -> int:
    if not text or not text.strip():
        return 0
    try:
        return len(coach_draft(text, now=ctx.now, tz=ctx.tz).promises)
    except DraftError:
        return 0


def _suggestions_inside(rewrite: str, ctx: Context) -> list[str]:
    """The model's own ideas belong beside the reply, not in it as if the writer offered them."""
    flat = " ".join(rewrite.lower().split())
    source = " ".join(_allowed_source(ctx).lower().split())
    inside = [s for s in ctx.model_suggestions
              if len(s.strip()) >= _MIN_SUGGESTION
              and " ".join(s.lower().split()).strip(" .") in flat
              and " ".join(s.lower().split()).strip(" .") not in source]
    return [f"It offers {s!r} as if the writer had; put your ideas only in `alternatives`."
            for s in inside]

