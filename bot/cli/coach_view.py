"""The coach's answer for a person at a terminal.

The draft comes first with the flagged words highlighted, so the eye lands on
what to change; then each flag with why and a suggestion; then the promises
with their due time in the writer's zone; and last the rewrite between two
rules, easy to select and copy. Without colour, or when the output is not a
terminal (a pipe, a file), the same content prints as plain text that is never
padded or wrapped, so a rewrite pasted elsewhere is one paragraph.

Everything taken from the draft goes through `visible`: a draft's control
characters are shown escaped, never obeyed by the terminal.
"""

from __future__ import annotations

import sys
from datetime import datetime
from zoneinfo import ZoneInfo

from rich.console import Console, Group
from rich.rule import Rule
from rich.text import Text

from bot.cli.terminal_text import visible, visible_with_offsets
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
    shown, where = visible_with_offsets(result.text)
    text = Text(shown)
    for flag in result.flags:
        style = f"{FLAG_STYLES.get(flag.code, 'bold')} underline"
        text.stylize(style, where[flag.start], where[flag.end])
    text.rstrip()  # a typed draft ends with Enter: no blank line for it
    return text


INDENT = "   "


def _wrapped(text: Text, console: Console, indent: str = "") -> Text:
    """The text word-wrapped to the terminal, every line indented, so wrapped
    lines of a why or try stay under their label instead of running back to
    column 0. Wrapped here rather than by rich's printing or its Padding, which
    leave spaces at the ends of lines (and a copy of the lines takes them along)."""
    lines = text.wrap(console, max(console.width - len(indent), 20))
    block = Text()
    for number, line in enumerate(lines):
        line.rstrip()
        block.append("\n" if number else "")
        block.append(indent)
        block.append_text(line)
    return block


def _flag_lines(flag: Flag, number: int, console: Console) -> Group:
    """The heading line, then why and what to try indented as a block below it."""
    heading = Text()
    heading.append(f"{number}. ", style="bold")
    heading.append(flag.code, style=FLAG_STYLES.get(flag.code, "bold"))
    heading.append(f'  "{visible(flag.quote)}"', style="italic")
    detail = Text(f"Why: {visible(flag.message)}")
    if flag.suggestion:
        detail.append("\nTry: ", style="green")
        detail.append(visible(flag.suggestion), style="green")
    return Group(_wrapped(heading, console), _wrapped(detail, console, INDENT))


def _promise_line(promise: Promise, tz: ZoneInfo) -> Text:
    line = Text("• ")
    line.append(f'"{visible(promise.text)}"')
    if promise.vague:
        line.append("  vague: name a time", style="yellow")
    else:
        line.append(f"  due {format_due(promise.due, tz)}", style="green")
    return line


def _sections(result: CoachResult, tz: ZoneInfo, console: Console) -> list[Text | Group]:
    """Everything above the rewrite, which is printed apart (see render)."""
    parts: list[Text | Group] = [
        Text("Your draft", style="bold"),
        _wrapped(_highlighted(result), console),
        Text(),
    ]
    if result.flags:
        parts.append(Text(f"{counted(len(result.flags), 'thing')} to fix", style="bold"))
        parts += [_flag_lines(flag, n, console) for n, flag in enumerate(result.flags, 1)]
    else:
        parts.append(Text("Nothing to fix: this reply reads well.", style="bold green"))
    if result.promises:
        parts += [Text(), Text("Promises you are making", style="bold")]
        parts += [_wrapped(_promise_line(p, tz), console) for p in result.promises]
    return parts


def _plain(result: CoachResult, tz: ZoneInfo) -> str:
    lines = ["Your draft:", visible(result.text).rstrip(), ""]
    if result.flags:
        lines.append(f"{counted(len(result.flags), 'thing')} to fix:")
        for n, flag in enumerate(result.flags, 1):
            quote = visible(flag.quote)
            lines.append(f'{n}. {flag.code} "{quote}" (characters {flag.start}-{flag.end})')
            lines.append(f"   Why: {visible(flag.message)}")
            if flag.suggestion:
                lines.append(f"   Try: {visible(flag.suggestion)}")
    else:
        lines.append("Nothing to fix: this reply reads well.")
    if result.promises:
        lines += ["", "Promises you are making:"]
        for p in result.promises:
            state = "vague: name a time" if p.vague else f"due {format_due(p.due, tz)}"
            lines.append(f'- "{visible(p.text)}"  {state}')
    if result.rewrite:
        lines += ["", f"Suggested reply ({result.rewrite_source}):", "-" * 40,
                  visible(result.rewrite), "-" * 40]
    return "\n".join(line.rstrip() for line in "\n".join(lines).split("\n"))


def render(result: CoachResult, *, tz: ZoneInfo, color: bool) -> None:
    """Print the coaching of one draft to standard output: coloured for a
    terminal, plain text for anything else or when colour is off."""
    if not color or not sys.stdout.isatty():
        print(_plain(result, tz))
        return
    console = Console(highlight=False, soft_wrap=False)
    console.print(Group(*_sections(result, tz, console)))
    if result.rewrite:
        # Rules above and below, not a box: a box's borders would be copied with the text.
        # The rewrite itself is soft-wrapped (the terminal folds it, rich inserts no line
        # breaks), so selecting it copies one paragraph.
        console.print()
        console.print(Rule(f"Suggested reply ({result.rewrite_source})", align="left",
                           style="green"))
        console.print(Text(visible(result.rewrite)), soft_wrap=True)
        console.print(Rule(style="green"))
