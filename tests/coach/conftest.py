"""Test wiring for the coach.

`bot/coach/promises.py` is written by another engineer at the same time. Until
it exists, a tiny stand-in with the agreed interface is installed here, only
for the tests, so the engine and rewriter can be tested against the contract.
"""

from __future__ import annotations

import importlib.util
import re
import sys
import types
from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

REAL_PROMISES = importlib.util.find_spec("bot.coach.promises") is not None


@dataclass(frozen=True, slots=True)
class FakeFoundPromise:
    start: int
    end: int
    due: datetime | None
    vague: bool
    vague_start: int | None
    vague_end: int | None
    replacement: str | None
    suggestion: str | None


_VAGUE = re.compile(r"\b(?:I'll|we'll|I will|we will)\b[^.!?]*?\b(?P<v>shortly|soon|ASAP|right back)\b",
                    re.IGNORECASE)
_SPECIFIC = re.compile(r"\b(?:I'll|we'll|I will|we will)\b[^.!?]*?\b(?P<v>within the hour|by 3pm)",
                       re.IGNORECASE)


def _fake_find_promises(text: str, *, now: datetime, tz: ZoneInfo) -> list[FakeFoundPromise]:
    found = []
    for m in _VAGUE.finditer(text):
        found.append(FakeFoundPromise(m.start(), m.end(), None, True, m.start("v"), m.end("v"),
                                      "within the hour", "Say \"within the hour\"."))
    for m in _SPECIFIC.finditer(text):
        found.append(FakeFoundPromise(m.start(), m.end(), now + timedelta(hours=1), False,
                                      None, None, None, None))
    return found


if not REAL_PROMISES:
    fake = types.ModuleType("bot.coach.promises")
    fake.FoundPromise = FakeFoundPromise  # type: ignore[attr-defined]
    fake.find_promises = _fake_find_promises  # type: ignore[attr-defined]
    sys.modules["bot.coach.promises"] = fake
