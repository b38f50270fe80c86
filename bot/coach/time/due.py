"""Which promises a draft makes, and when each is due, once the model has had its say.

The promise finder (detect/promises.py) proposes commitments with the time
words it saw; the commitment head says which sentences really promise
something and which promises are vague. This stage reconciles the two: a
proposal in a sentence the model reads as no promise is dropped; a promise
the model found where the finder saw none is added with its due time resolved
from the sentence's own time words; and a vague promise gets a concrete time
to suggest, computed from now in the user's zone.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime
from zoneinfo import ZoneInfo

from bot.coach.detect.candidates import Candidate
from bot.coach.detect.promise_vague import find_vague_times
from bot.coach.detect.promises import FoundPromise
from bot.coach.detect.rules import Draft
from bot.coach.time.suggest import Horizon, suggest
from bot.coach.time.when import find_times


def _vague_promise(draft: Draft, sentence: tuple[int, int], flag: tuple[int, int],
                   now: datetime, zone: ZoneInfo) -> FoundPromise:
    """A vague promise the finder missed: suggest a time from how far away its words sound."""
    s, e = sentence
    words = [v for v in find_vague_times(draft.masked[s:e]) if s + v.start == flag[0]]
    horizon = words[0].horizon if words else Horizon.TODAY
    _, phrase = suggest(horizon, now=now, tz=zone)
    suggestion = f"Name the time: \"{phrase}\"."
    if words:
        return FoundPromise(s, e, None, True, flag[0], flag[1], phrase, suggestion)
    return FoundPromise(s, e, None, True, flag[0], flag[1], None, suggestion,
                        follow_up=f"I'll update you {phrase}.")


def _timed_promise(draft: Draft, sentence: tuple[int, int], now: datetime,
                   zone: ZoneInfo) -> FoundPromise:
    s, e = sentence
    times = find_times(draft.masked[s:e], now=now, tz=zone)
    return FoundPromise(s, e, times[-1].due if times else None, False, None, None, None, None)


def decide_promises(draft: Draft, settled: Sequence[Candidate],
                    promise_sentences: frozenset[int] | None, now: datetime,
                    zone: ZoneInfo) -> list[FoundPromise]:
    """The draft's promises; with no model reading (None), the finder's as they are."""
    if promise_sentences is None:
        return list(draft.promises)
    vague_flags = [(c.start, c.end) for c in settled if c.code == "vague_commitment"]
    decided: list[FoundPromise] = []
    for index, (s, e) in enumerate(draft.spans):
        proposed = [p for p in draft.promises if s <= p.start < e]
        flags = [f for f in vague_flags if s <= f[0] < e]
        if index not in promise_sentences and not flags:
            continue
        if not proposed:
            decided.append(_vague_promise(draft, (s, e), flags[0], now, zone) if flags
                           else _timed_promise(draft, (s, e), now, zone))
            continue
        if flags and not any(p.vague for p in proposed):
            vague = _vague_promise(draft, (s, e), flags[0], now, zone)
            proposed[0] = replace(vague, start=proposed[0].start, end=proposed[0].end)
        elif not flags:
            proposed = [replace(p, vague=False, vague_start=None, vague_end=None,
                                replacement=None, suggestion=None) if p.vague else p
                        for p in proposed]
        undated = [p for p in proposed if not p.vague and p.due is None]
        if undated:  # "Either today or tomorrow you will ...": the time is fronted
            due = _timed_promise(draft, (s, e), now, zone).due
            proposed = [replace(p, due=due) if p in undated else p for p in proposed]
        decided.extend(proposed)
    return decided
