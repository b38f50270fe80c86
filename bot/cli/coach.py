"""`python app.py coach`: the coach in a terminal, and its machine contract.

`--json` and `--jsonl` print exactly the result object of product.md; the
human form is coloured with rich, imported only when a person is reading.
Input is checked to be text before the coach sees it (see draft_input).
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import datetime, tzinfo
from typing import IO, Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from bot.cli.draft_input import (
    NotText,
    argument_text,
    at_terminal,
    check_text,
    decode,
    has_nul,
    read_stdin,
    waiting_hint,
)
from bot.cli.terminal_text import json_line
from bot.coach.labels import counted
from bot.coach.types import CoachResult


class UsageError(Exception):
    """Bad command-line input: printed as one line, exit status 2."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("draft", nargs="?", help="the draft reply (read from stdin when omitted)")
    form = parser.add_mutually_exclusive_group()
    form.add_argument("--json", action="store_true", help="print one JSON result object")
    form.add_argument(
        "--jsonl",
        action="store_true",
        help='read {"id": ..., "text": ...} per line on stdin, print one result per line',
    )
    parser.add_argument("--now", help="the current time, ISO 8601 (default: now)")
    parser.add_argument("--tz", default="UTC", help="IANA time zone of the writer (default: UTC)")
    parser.add_argument("--no-color", action="store_true", help="plain text without colours")
    parser.add_argument(
        "--customer", default="", help="the customer's message the draft answers (context)"
    )
    parser.add_argument(
        "--no-llm", action="store_true", help="rules rewrite only, even when OPENAI_API_KEY is set"
    )


def parse_tz(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise UsageError(
            f"unknown time zone {name!r}; use an IANA name such as Europe/Paris"
        ) from None


def parse_now(value: str | None, tz: tzinfo) -> datetime:
    if not value:
        return datetime.now(tz)
    try:
        when = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        raise UsageError(
            f"--now {value!r} is not an ISO 8601 time; try 2026-03-04T10:00:00+00:00"
        ) from None
    return when.replace(tzinfo=tz) if when.tzinfo is None else when


def run(args: argparse.Namespace) -> int:
    try:
        tz = parse_tz(args.tz)
        now = parse_now(args.now, tz)
        if args.jsonl:
            if args.draft is not None:
                raise UsageError("--jsonl reads drafts from stdin; leave out the draft argument")
            drafts = _stdin_bytes('one {"id": ..., "text": ...} object per line')
            return _run_jsonl(drafts, sys.stdout, now=now, tz=tz, model=_model(args))
        draft = decode(_stdin_bytes()) if args.draft is None else argument_text(args.draft)
        return _run_one(draft, as_json=args.json, now=now, tz=tz, color=not args.no_color,
                        model=_model(args))
    except (UsageError, NotText) as err:
        print(f"toughclient coach: {err}", file=sys.stderr)
        return 2


def _stdin_bytes(what: str = "the draft") -> bytes:
    """Standard input; a person at a terminal is first told how to end it."""
    if at_terminal(sys.stdin):
        print(waiting_hint(what), file=sys.stderr, flush=True)
    return read_stdin(sys.stdin)


def _model(args: argparse.Namespace) -> str | None:
    """The customer's message for the model, or None when the model is not to be used."""
    return None if args.no_llm else args.customer


def _rewritten(
    result: CoachResult, model: str | None, *, now: datetime, tz: ZoneInfo
) -> tuple[CoachResult, tuple[str, ...]]:
    if model is None:
        return result, ()
    from bot.cli.llm_rewrite import improve

    return improve(result, now=now, tz=tz, customer=model)


def _run_one(
    draft: str, *, as_json: bool, now: datetime, tz: ZoneInfo, color: bool,
    model: str | None = None,
) -> int:
    from bot.coach import DraftError, coach_draft

    try:
        result = coach_draft(draft, now=now, tz=tz)
    except DraftError as err:
        raise UsageError(str(err)) from None
    result, suggestions = _rewritten(result, model, now=now, tz=tz)
    if as_json:
        print(json_line(result.to_dict()))
    else:
        from bot.cli.coach_view import render

        render(result, tz=tz, color=color)
        if suggestions:
            from bot.cli.llm_rewrite import suggestions_text

            print(suggestions_text(suggestions))
    return 0


def _run_jsonl(
    data: bytes, sink: IO[str], *, now: datetime, tz: ZoneInfo, model: str | None = None
) -> int:
    from bot.coach import DraftError, coach_draft

    if has_nul(data):
        # JSON text never holds a raw NUL: this is a binary file, not a bad line or two.
        raise NotText("the input looks binary (it contains NUL bytes), not JSON lines")
    bad = 0
    # Split the bytes on newlines only: str.splitlines() would also split inside
    # a JSON string at U+2028 or a form feed, and one bad byte spoils one line, not all.
    lines = data.removeprefix(b"\xef\xbb\xbf").split(b"\n")
    while lines and not lines[-1].strip():
        lines.pop()  # blank lines at the end of a file are not drafts
    for number, raw in enumerate(lines, 1):
        item_id: Any = None
        try:
            line = decode(raw.removesuffix(b"\r"), what="the line")
            if not line.strip():
                # An answer for every input line keeps output line N about input line N.
                raise ValueError("the line is empty")
            item = json.loads(line)
            if not isinstance(item, dict):
                raise ValueError("each line must be a JSON object")
            item_id = item.get("id")
            text = item.get("text")
            if not isinstance(text, str):
                raise ValueError('the object has no "text" string')
            check_text(text, what='the "text"')
            coached = coach_draft(text, now=now, tz=tz, id=item_id)
            out = _rewritten(coached, model, now=now, tz=tz)[0].to_dict()
        except (ValueError, DraftError) as err:
            bad += 1
            reason = "not JSON" if isinstance(err, json.JSONDecodeError) else str(err)
            out = {"id": item_id, "error": f"line {number}: {reason}"}
        sink.write(json_line(out) + "\n")
    if bad:
        lines_failed = counted(bad, "input line")
        print(f"toughclient coach: {lines_failed} could not be coached", file=sys.stderr)
        return 1
    return 0
