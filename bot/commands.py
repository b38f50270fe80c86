"""The typed command language shared by `/toughclient` in Slack and Teams chat.

One parser for both platforms, so `no …`, `log …` and the rest mean the same
thing everywhere and a typo gets the same friendly answer.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from typing import Literal

CommandName = Literal["check", "no", "log", "incidents", "promises", "digest", "help", "unknown"]

SUBCOMMANDS: tuple[str, ...] = ("check", "no", "log", "incidents", "promises", "digest", "help")

USAGE_LINES: tuple[tuple[str, str], ...] = (
    ("<draft>", "coach a draft reply before you send it"),
    ("check <draft>", "the same, spelled out"),
    ("no <draft>", "soften a refusal (no draft: a form to write one)"),
    ("log [customer] [what happened]", "record a difficult exchange (no text: a form)"),
    ("incidents [customer]", "review recent incidents"),
    ("promises", "your open promises, to mark kept or cancel"),
    ("digest", "preview your weekly digest now"),
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


def parse_command(raw: str | None) -> Command:
    """Read what the user typed after `/toughclient` (or in a Teams chat).

    A known first word selects a subcommand; several words with no known first
    word are a draft to coach; one unknown word is a mistyped subcommand, so
    the user gets usage instead of a puzzling coaching of "promsies".
    """
    text = (raw or "").strip()
    if not text:
        return Command("help")
    first, _, rest = text.partition(" ")
    if "\n" in first:
        first, _, tail = first.partition("\n")
        rest = tail + (" " + rest if rest else "")
    word = first.lower()
    if word in SUBCOMMANDS:
        return Command(word, rest.strip(), typed=first)  # type: ignore[arg-type]
    if not rest.strip() and _SINGLE_WORD.match(first):
        close = difflib.get_close_matches(word, SUBCOMMANDS, n=1, cutoff=0.6)
        return Command("unknown", "", typed=first, suggestion=close[0] if close else None)
    return Command("check", text, typed="")


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


def usage_text(prefix: str = "/toughclient") -> str:
    """Plain-text usage; adapters format it for their platform."""
    lines = [f"{prefix} {args}".rstrip() + f" : {what}" for args, what in USAGE_LINES]
    return "\n".join(lines)
