"""The coach's answer for a person at a terminal.

The draft comes first with the flagged words highlighted, so the eye lands on
what to change; then each flag with why and a suggestion; then the promises
with their due time in the writer's zone; and last the rewrite between two
rules, easy to select and copy. Without colour the same content prints as plain text.
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from rich.console import Console, Group
from rich.padding import Padding
from rich.rule import Rule
from rich.text import Text

from bot.coach.labels import counted
from bot.coach.types import CoachResult, Flag, Promise

FLAG_STYLES: dict[str, str] = {
    "hard_no": "bold red",
    "false_hope": "magenta",
    "vague_commitment": "yellow",
    "blame": "bold red",
    "defensive": "red",
    "empty_empathy": "cyan",
    "shouting": "bold magenta",
    "absolute": "dark_orange",
    "no_next_step": "blue",
}


def format_due(due: datetime | None, tz: ZoneInfo) -> str:
    """A due time as a person reads it in their own zone: "Thu 5 Mar 2026, 15:00 CET"."""
    if due is None:
        return "no time given"
    local = due.astimezone(tz)
    return f"{local:%a} {local.day} {local:%b %Y, %H:%M} {local.tzname() or tz.key}"


def _highlighted(result: CoachResult) -> Text:
    text = Text(result.text)
    for flag in result.flags:
        text.stylize(f"{FLAG_STYLES.get(flag.code, 'bold')} underline", flag.start, flag.end)
    return text


def _flag_lines(flag: Flag, number: int) -> Group:
    """The heading line, then why and what to try indented as a block, so
    wrapped lines stay under their label instead of running back to column 0."""
    heading = Text()
    heading.append(f"{number}. ", style="bold")
    heading.append(flag.code, style=FLAG_STYLES.get(flag.code, "bold"))
    heading.append(f'  "{flag.quote}"', style="italic")
    detail = Text(f"Why: {flag.message}")
    if flag.suggestion:
        detail.append("\nTry: ", style="green")
        detail.append(flag.suggestion, style="green")
    return Group(heading, Padding(detail, (0, 0, 0, 3)))


def _promise_line(promise: Promise, tz: ZoneInfo) -> Text:
    line = Text("• ")
    line.append(f'"{promise.text}"')
    if promise.vague:
        line.append("  vague: name a time", style="yellow")
    else:
        line.append(f"  due {format_due(promise.due, tz)}", style="green")
    return line


def _sections(result: CoachResult, tz: ZoneInfo) -> list[Text | Rule | Group]:
    parts: list[Text | Rule | Group] = [
        Text("Your draft", style="bold"),
        _highlighted(result),
        Text(),
    ]
    if result.flags:
        parts.append(Text(f"{counted(len(result.flags), 'thing')} to fix", style="bold"))
        parts += [_flag_lines(flag, n) for n, flag in enumerate(result.flags, 1)]
    else:
        parts.append(Text("Nothing to fix: this reply reads well.", style="bold green"))
    if result.promises:
        parts += [Text(), Text("Promises you are making", style="bold")]
        parts += [_promise_line(p, tz) for p in result.promises]
    if result.rewrite:
        # Rules above and below, not a box: a box's borders would be copied with the text.
        parts.append(Text())
        parts.append(Rule(f"Suggested reply ({result.rewrite_source})", align="left",
                          style="green"))
        parts.append(Text(result.rewrite))
        parts.append(Rule(style="green"))
    return parts


def _plain(result: CoachResult, tz: ZoneInfo) -> str:
    lines = ["Your draft:", result.text, ""]
    if result.flags:
        lines.append(f"{counted(len(result.flags), 'thing')} to fix:")
        for n, flag in enumerate(result.flags, 1):
            lines.append(f'{n}. {flag.code} "{flag.quote}" (characters {flag.start}-{flag.end})')
            lines.append(f"   Why: {flag.message}")
            if flag.suggestion:
                lines.append(f"   Try: {flag.suggestion}")
    else:
        lines.append("Nothing to fix: this reply reads well.")
    if result.promises:
        lines += ["", "Promises you are making:"]
        for p in result.promises:
            state = "vague: name a time" if p.vague else f"due {format_due(p.due, tz)}"
            lines.append(f'- "{p.text}"  {state}')
    if result.rewrite:
        lines += ["", f"Suggested reply ({result.rewrite_source}):", "-" * 40, result.rewrite,
                  "-" * 40]
    return "\n".join(lines)


def render(result: CoachResult, *, tz: ZoneInfo, color: bool) -> None:
    """Print the coaching of one draft to standard output."""
    if not color:
        print(_plain(result, tz))
        return
    console = Console(highlight=False, soft_wrap=False)
    console.print(Group(*_sections(result, tz)))
