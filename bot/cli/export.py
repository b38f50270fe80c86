"""`python app.py export`: incidents and promises as CSV or JSON, for review outside chat.

CSV is one table with a `record` column ("incident" or "promise") so it opens
in a spreadsheet as is; JSON keeps the two lists apart. Times are UTC ISO 8601.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from dataclasses import asdict
from datetime import UTC, date, datetime, timedelta
from typing import IO, Any

CSV_COLUMNS = (
    "record", "id", "platform", "tenant_id", "user_id", "customer", "text", "status",
    "created_at", "due", "closed_at", "severity", "kind", "what_agreed", "channel_id",
    "incident_id", "source_link",
)


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


class UsageError(Exception):
    """Bad command-line input: one line on stderr, exit status 2."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--format", choices=("csv", "json"), default="csv", help="default: csv")
    parser.add_argument("--tenant", help="only this Slack workspace / Teams tenant id")
    parser.add_argument("--platform", choices=("slack", "teams", "cli"), help="only this platform")
    parser.add_argument("--since", help="created on or after this date (YYYY-MM-DD, UTC)")
    parser.add_argument("--until", help="created on or before this date (YYYY-MM-DD, UTC)")
    parser.add_argument("--output", "-o", help="write to this file (default: standard output)")


def parse_day(value: str | None, flag: str, *, end: bool = False) -> datetime | None:
    """A date (the whole UTC day) or an ISO 8601 time; --until includes its day."""
    if value is None:
        return None
    text = value.strip()
    try:
        if len(text) == 10:
            day = date.fromisoformat(text)
            start = datetime(day.year, day.month, day.day, tzinfo=UTC)
            return start + timedelta(days=1) if end else start
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise UsageError(f"{flag} {value!r} is not a date; use YYYY-MM-DD, e.g. 2026-03-01") from (
            None
        )
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _iso(value: Any) -> Any:
    return value.isoformat() if isinstance(value, datetime) else value


def _json_ready(record: Any) -> dict[str, Any]:
    fields = record._asdict() if hasattr(record, "_asdict") else asdict(record)
    return {key: _iso(value) for key, value in fields.items()}


def _cell(value: Any) -> Any:
    """Text a spreadsheet would run as a formula ("=HYPERLINK(...)") is quoted."""
    if isinstance(value, str) and value[:1] in FORMULA_STARTS:
        return "'" + value
    return value


def write_csv(data: Any, out: IO[str]) -> None:
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, extrasaction="ignore")
    writer.writeheader()
    rows: list[dict[str, Any]] = []
    for incident in data.incidents:
        row = _json_ready(incident)
        row.update(record="incident", text=incident.what_happened, closed_at=row["resolved_at"])
        rows.append(row)
    rows += [{**_json_ready(promise), "record": "promise"} for promise in data.promises]
    for row in rows:
        writer.writerow({key: _cell(value) for key, value in row.items()})


def write_json(data: Any, out: IO[str]) -> None:
    payload = {
        "incidents": [_json_ready(i) for i in data.incidents],
        "promises": [_json_ready(p) for p in data.promises],
    }
    json.dump(payload, out, indent=2, ensure_ascii=False)
    out.write("\n")


def run(args: argparse.Namespace) -> int:
    from bot.cli.database import open_service
    from bot.service import StorageUnavailable

    try:
        since = parse_day(args.since, "--since")
        until = parse_day(args.until, "--until", end=True)
        if since and until and since >= until:
            raise UsageError("--since must be before --until")
    except UsageError as error:
        print(f"toughclient export: {error}", file=sys.stderr)
        return 2
    try:
        with open_service() as (_, service):
            data = service.export_records(
                tenant_id=args.tenant, platform=args.platform, since=since, until=until
            )
    except StorageUnavailable as error:
        print(f"toughclient export: {error}", file=sys.stderr)
        return 1
    write = write_csv if args.format == "csv" else write_json
    if args.output:
        try:
            with open(args.output, "w", encoding="utf-8", newline="") as out:
                write(data, out)
        except OSError as error:
            print(f"toughclient export: cannot write {args.output}: {error.strerror}",
                  file=sys.stderr)
            return 1
        print(
            f"Wrote {len(data.incidents)} incidents and {len(data.promises)} promises "
            f"to {args.output}.",
            file=sys.stderr,
        )
    else:
        write(data, sys.stdout)
    return 0
