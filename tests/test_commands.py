"""The command language shared by `/toughclient` and Teams chat."""

from __future__ import annotations

import pytest

from bot.commands import parse_command, split_customer


@pytest.mark.parametrize(
    ("typed", "name", "text"),
    [
        ("", "help", ""),
        ("help", "help", ""),
        ("promises", "promises", ""),
        ("digest", "digest", ""),
        ("incidents", "incidents", ""),
        ("incidents Acme Corp", "incidents", "Acme Corp"),
        ("log Acme they shouted at support", "log", "Acme they shouted at support"),
        ("log", "log", ""),
        ("no we can't refund this order", "no", "we can't refund this order"),
        ("no", "no", ""),
        ("check I'll call you soon", "check", "I'll call you soon"),
        ("I'll call you soon", "check", "I'll call you soon"),
    ],
)
def test_a_subcommand_or_a_draft(typed: str, name: str, text: str) -> None:
    command = parse_command(typed)
    assert (command.name, command.text) == (name, text)


@pytest.mark.parametrize(
    "draft",
    [
        "Log in again and it will work, I'll check ASAP",
        "Help is on the way, we'll call you by 3pm today",
        "Digest this: we can't refund it",
        "Promises were made and we will keep them by Friday.",
        "No problem, I'll send the invoice by EOD.",
        "No worries at all!",
        "Incidents like this happen when the courier is late, sorry about that.",
        "Thanks",
        "Sorry!",
    ],
)
def test_a_draft_that_starts_with_a_command_word_is_coached_whole(draft: str) -> None:
    command = parse_command(draft)
    assert (command.name, command.text) == ("check", draft)


def test_a_mistyped_subcommand_gets_usage_with_a_suggestion() -> None:
    command = parse_command("promsies")
    assert command.name == "unknown" and command.suggestion == "promises"


def test_a_draft_on_several_lines_keeps_its_lines() -> None:
    command = parse_command("check Hi Ana,\nI'll call you by 3pm.")
    assert command.name == "check" and command.text == "Hi Ana,\nI'll call you by 3pm."


@pytest.mark.parametrize(
    ("text", "customer", "what"),
    [
        ('"Acme Corp" shouted at support', "Acme Corp", "shouted at support"),
        ("Acme Corp: shouted at support", "Acme Corp", "shouted at support"),
        ("Acme shouted at support", "Acme", "shouted at support"),
        ("Acme", "Acme", ""),
        ("", "", ""),
    ],
)
def test_log_text_names_a_customer_first(text: str, customer: str, what: str) -> None:
    assert split_customer(text) == (customer, what)


def test_slack_and_teams_each_handle_exactly_the_shared_commands() -> None:
    from bot.commands import PRIVATE_COMMANDS, SUBCOMMANDS
    from bot.slack.listeners.commands.toughclient import HANDLERS
    from bot.teams.answers import COMMANDS

    every = {*SUBCOMMANDS, "unknown"}
    assert set(HANDLERS) == every
    assert set(COMMANDS) == every
    assert PRIVATE_COMMANDS.issubset(SUBCOMMANDS)
