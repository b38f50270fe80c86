"""The typed command language shared by `/toughclient` in Slack and Teams chat.

One parser for both platforms, so `no …`, `log …` and the rest mean the same
thing everywhere and a typo gets the same friendly answer.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from typing import Literal

CommandName = Literal[
    "check", "no", "log", "incidents", "promises", "digest", "settings", "team", "ai", "help",
    "unknown",
]

# The one command table: every platform handles each of these (and "unknown"); tests
# hold the Slack and Teams dispatch tables to it.
SUBCOMMANDS: tuple[str, ...] = (
    "check", "no", "log", "incidents", "promises", "digest", "settings", "team", "ai", "help"
)
# Answers only the asker should see (Slack sends every answer ephemeral; Teams has no such
# thing, so outside personal chat these get a pointer to the personal chat instead). `log`
# is here because its form and its answer show the details.
PRIVATE_COMMANDS: frozenset[str] = frozenset(
    {"log", "incidents", "promises", "digest", "settings", "team"}
)
# What may follow `ai`; anything else makes the line a draft ("AI can't fix this, sorry").
AI_SWITCHES = ("on", "off", "status")

USAGE_LINES: tuple[tuple[str, str], ...] = (
    ("<draft>", "coach a draft reply before you send it"),
    ("check <draft>", "the same, spelled out"),
    ("no <draft>", "soften a refusal (no draft: a form to write one)"),
    ("log [customer] [what happened]", "record a difficult exchange (no text: a form)"),
    ("incidents [customer]", "review recent incidents"),
    ("promises", "your open promises, to mark kept or cancel"),
    ("digest", "preview your weekly digest now"),
    ("settings [tz Zone] [day Monday] [hour 9] [digest on|off] [all-clear on|off]",
     "when your weekly digest comes, in your own time zone"),
    ("team [on|off]", "the team's trends (workspace or tenant admins only)"),
    ("ai [on|off]", "whether drafts go to the AI rewriter here (admins switch it)"),
    ("help", "this list"),
)

_CUSTOMER_SEPARATORS = re.compile(r"\s*(?::|\s[-–—]\s)\s*")
_QUOTED = re.compile(r'^\s*["“”\'‘’](?P<name>[^"“”\'‘’]{1,80})["“”\'‘’]\s*(?P<rest>.*)$', re.S)
_SINGLE_WORD = re.compile(r"^[A-Za-z][\w-]{0,30}$")


@dataclass(frozen=True, slots=True)
class Command:
    """A parsed command: its name and the text after it."""

    name: CommandName
    text: str = ""
    typed: str = ""
    suggestion: str | None = None


# Commands that take no text: with text after them, the whole line is a draft
# ("Help is on the way, we'll call you by 3pm").
_BARE = frozenset({"help", "promises", "digest"})
# Words that make the first word part of a sentence, not a command:
# "Log in again and…", "No problem, I'll…".
_PHRASE_AFTER = {
    "log": frozenset({"in", "into", "on", "onto", "out", "off", "back", "up"}),
    "no": frozenset(
        {"problem", "problems", "worries", "worry", "need", "way", "one", "longer", "doubt",
         "rush", "issue", "issues", "matter", "thanks", "charge", "hurry"}
    ),
}
_MAX_CUSTOMER_WORDS = 5
_TEAM_SWITCHES = frozenset({"on", "off"})
SETTING_WORDS = frozenset(
    {"tz", "zone", "timezone", "day", "hour", "digest", "all-clear", "allclear", "all_clear"}
)


def parse_command(raw: str | None) -> Command:
    """Read what the user typed after `/toughclient` (or in a Teams chat).

    A known first word selects a subcommand unless the line plainly reads as a
    sentence that merely starts with it; anything else is a draft to coach. One
    word close to a subcommand is a typo, so "promsies" gets usage rather than
    a puzzling coaching of the word itself.
    """
    text = (raw or "").strip()
    if not text:
        return Command("help")
    first, _, rest = text.partition(" ")
    if "\n" in first:
        first, _, tail = first.partition("\n")
        rest = tail + (" " + rest if rest else "")
    word, rest = first.lower(), rest.strip()
    if word in SUBCOMMANDS and not _reads_as_sentence(word, rest):
        return Command(word, rest, typed=first)  # type: ignore[arg-type]
    if not rest and _SINGLE_WORD.match(first):
        close = difflib.get_close_matches(word, SUBCOMMANDS, n=1, cutoff=0.6)
        if close:
            return Command("unknown", "", typed=first, suggestion=close[0])
    return Command("check", text, typed="")


def _reads_as_sentence(word: str, rest: str) -> bool:
    if not rest:
        return False
    if word in _BARE:
        return True
    if word == "ai":
        return rest.lower().strip(" .!") not in AI_SWITCHES
    if word == "incidents":
        return len(rest.split()) > _MAX_CUSTOMER_WORDS or any(c in rest for c in ".!?,")
    if word == "team":
        return rest.lower() not in _TEAM_SWITCHES
    if word == "settings":
        return rest.split(maxsplit=1)[0].lower() not in SETTING_WORDS
    next_word = rest.split(maxsplit=1)[0].lower().strip(",.!?;:")
    return next_word in _PHRASE_AFTER.get(word, frozenset())


def split_customer(text: str) -> tuple[str, str]:
    """Split `log` text into (customer, what happened).

    `"Acme Corp" shouted at support` and `Acme Corp: shouted…` name a customer
    of several words; otherwise the first word is the customer.
    """
    text = text.strip()
    if not text:
        return "", ""
    quoted = _QUOTED.match(text)
    if quoted:
        return quoted.group("name").strip(), quoted.group("rest").strip()
    sep = _CUSTOMER_SEPARATORS.search(text)
    if sep and 0 < sep.start() <= 60:
        return text[: sep.start()].strip(), text[sep.end():].strip()
    first, _, rest = text.partition(" ")
    return first.strip(), rest.strip()
