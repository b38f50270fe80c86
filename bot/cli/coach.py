"""`python app.py coach`: the coach in a terminal, and its machine contract.

`--json` and `--jsonl` print exactly the result object of product.md; the
human form is coloured with rich, imported only when a person is reading.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import datetime, tzinfo
from typing import IO, Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

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
            return _run_jsonl(sys.stdin, sys.stdout, now=now, tz=tz, llm=not args.no_llm,
                              customer=args.customer)
        draft = args.draft if args.draft is not None else sys.stdin.read()
        return _run_one(draft, as_json=args.json, now=now, tz=tz, color=not args.no_color,
                        llm=not args.no_llm, customer=args.customer)
    except UsageError as err:
        print(f"toughclient coach: {err}", file=sys.stderr)
        return 2


def _run_one(
    draft: str, *, as_json: bool, now: datetime, tz: ZoneInfo, color: bool, llm: bool = False,
    customer: str = "",
) -> int:
    from bot.coach import DraftError, coach_draft

    try:
        result = coach_draft(draft, now=now, tz=tz)
    except DraftError as err:
        raise UsageError(str(err)) from None
    suggestions: tuple[str, ...] = ()
    if llm:
        from bot.cli.llm_rewrite import improve

        [(improved, suggestions)] = improve([result], now=now, tz=tz, customer=customer)
        result = improved or result
    if as_json:
        print(json.dumps(result.to_dict(), ensure_ascii=False))
    else:
        from bot.cli.coach_view import render

        render(result, tz=tz, color=color)
        if suggestions:
            from bot.cli.llm_rewrite import suggestions_text

            print(suggestions_text(suggestions))
    return 0


def _run_jsonl(
    source: IO[str], sink: IO[str], *, now: datetime, tz: ZoneInfo, llm: bool = False,
    customer: str = "",
) -> int:
    from bot.coach import DraftError, coach_draft

    bad = 0
    outputs: list[dict[str, Any]] = []
    coached: list[CoachResult | None] = []
    lines = source.read().removeprefix("\ufeff").splitlines()
    while lines and not lines[-1].strip():
        lines.pop()  # blank lines at the end of a file are not drafts
    for number, line in enumerate(lines, 1):
        item_id: Any = None
        try:
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
            result: CoachResult | None = coach_draft(text, now=now, tz=tz, id=item_id)
            out = {}
        except (ValueError, DraftError) as err:
            bad += 1
            reason = "not JSON" if isinstance(err, json.JSONDecodeError) else str(err)
            out, result = {"id": item_id, "error": f"line {number}: {reason}"}, None
        outputs.append(out)
        coached.append(result)
    if llm:
        from bot.cli.llm_rewrite import improve

        coached = [r for r, _ in improve(coached, now=now, tz=tz, customer=customer)]
    for out, result in zip(outputs, coached, strict=True):
        sink.write(json.dumps(result.to_dict() if result else out, ensure_ascii=False) + "\n")
    if bad:
        lines_failed = counted(bad, "input line")
        print(f"toughclient coach: {lines_failed} could not be coached", file=sys.stderr)
        return 1
    return 0
