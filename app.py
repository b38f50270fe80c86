"""toughclient's composition root and command line.

Each subcommand lives in its own module under `bot/cli/` and is imported only
when it runs, so `python app.py coach` starts fast without loading the server.
"""

from __future__ import annotations

import argparse
import importlib
import sys

COMMANDS: dict[str, tuple[str, str]] = {
    "coach": ("bot.cli.coach", "coach a draft reply in the terminal"),
    "serve": ("bot.cli.serve", "run the bot server (Slack and Teams on one port)"),
    "digest": ("bot.cli.digest", "send (or preview) the weekly digest of open promises"),
    "migrate": ("bot.cli.migrate", "upgrade the database to the latest schema"),
    "check": ("bot.cli.check", "check the settings, the database and the model endpoint"),
    "log": ("bot.cli.log_incident", "record an incident from the terminal (no chat needed)"),
    "track": ("bot.cli.track", "track a promise from the terminal"),
    "promises": ("bot.cli.promises", "list your open promises, overdue first"),
    "close": ("bot.cli.close", "close one of your promises: kept, cancelled or broken"),
    "export": ("bot.cli.export", "export incidents and promises as CSV or JSON"),
    "forget": ("bot.cli.forget", "erase one user's stored drafts and coaching events"),
    "ai": ("bot.cli.ai", "turn the AI rewriter on or off for one workspace or tenant"),
    "teams-package": ("bot.cli.teams_package", "write the Teams app package (zip) to upload"),
}


def _usage() -> str:
    lines = ["usage: python app.py <command> [options]", "       python app.py --version", "",
             "commands:"]
    lines += [f"  {name:<14} {what}" for name, (_, what) in COMMANDS.items()]
    lines += ["", "Run `python app.py <command> --help` for a command's options."]
    return "\n".join(lines)


def _print_version() -> int:
    """The installed package's version, so it cannot disagree with what pip installed."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        print(f"toughclient {version('toughclient')}")
    except PackageNotFoundError:
        print("toughclient: no version: the package is not installed (run `make install`)",
              file=sys.stderr)
        return 1
    return 0


class _VersionAction(argparse.Action):
    """`<command> --version`; looks the version up only when asked, to keep start-up fast."""

    def __init__(self, option_strings: list[str], dest: str = argparse.SUPPRESS,
                 default: str = argparse.SUPPRESS, help: str | None = None) -> None:
        super().__init__(option_strings, dest, nargs=0, default=default, help=help)

    def __call__(self, parser: argparse.ArgumentParser, namespace: argparse.Namespace,
                 values: object, option_string: str | None = None) -> None:
        parser.exit(_print_version())


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if not args or args[0] in {"-h", "--help", "help"}:
        print(_usage())
        return 0 if args else 2
    if args[0] in {"--version", "-V"}:
        return _print_version()
    name = args[0]
    if name not in COMMANDS:
        print(f"toughclient: unknown command {name!r}.\n\n{_usage()}", file=sys.stderr)
        return 2
    module = importlib.import_module(COMMANDS[name][0])
    parser = argparse.ArgumentParser(prog=f"python app.py {name}", description=COMMANDS[name][1])
    parser.add_argument("--version", action=_VersionAction, help="print the version and exit")
    module.add_arguments(parser)
    options = parser.parse_args(args[1:])
    from bot.config import SettingsError

    try:
        result: int = module.run(options)
    except SettingsError as error:  # a setting the app cannot run with: one line, no traceback
        print(f"toughclient: {error}", file=sys.stderr)
        return 2
    return result


def _run_until_the_pipe_closes() -> int:
    """`python app.py export | head` is normal use: a reader that stops early is no error.
    Nor is Ctrl-C (at the coach's "type or paste" wait, say): it stops quietly
    with the shell's status for an interrupt, not a traceback."""
    try:
        status = main()
        sys.stdout.flush()
    except BrokenPipeError:
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except KeyboardInterrupt:
        print(file=sys.stderr)
        return 130
    return status


if __name__ == "__main__":
    sys.exit(_run_until_the_pipe_closes())
