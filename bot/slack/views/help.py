"""Usage, unknown subcommands and friendly errors."""

from __future__ import annotations

from bot.commands import USAGE_LINES
from bot.slack.ids import COMMAND
from bot.slack.text import escape, trim_escaped
from bot.slack.views.common import SlackMessage, section


def usage_lines() -> str:
    return "\n".join(f"`{COMMAND} {escape(args)}`: {escape(what)}" for args, what in USAGE_LINES)


def usage_message() -> SlackMessage:
    head = "*toughclient* coaches a reply before you send it. Try:"
    return SlackMessage(
        text=f"toughclient: {COMMAND} <draft> coaches a reply. {COMMAND} help lists the rest.",
        blocks=[section(head + "\n" + usage_lines())],
    )


def unknown_message(typed: str, suggestion: str | None) -> SlackMessage:
    said = trim_escaped(typed, 80)
    hint = f" Did you mean `{COMMAND} {escape(suggestion)}`?" if suggestion else ""
    head = f"I don't know the command `{said}`.{hint}"
    return SlackMessage(
        text=f"I don't know the command {typed[:80]}."
        + (f" Did you mean {suggestion}?" if suggestion else ""),
        blocks=[section(head), section("*What I can do*\n" + usage_lines())],
    )


def error_message(problem: str) -> SlackMessage:
    """A short, friendly error; `problem` is plain text fit to show a user."""
    return SlackMessage(text=problem, blocks=[section(":warning: " + trim_escaped(problem, 2900))])
