"""Turning what arrives on the command line into draft text, or a clear refusal.

Standard input is read as bytes and decoded here, not by Python's text layer:
that layer either raises a traceback on a bad byte or (in a C locale) lets it
through as a lone surrogate that later breaks printing. Deciding ourselves
gives one message for every way input can fail to be text.
"""

from __future__ import annotations

import codecs
import os
import re
import sys
from typing import BinaryIO, TextIO

_SURROGATE = re.compile("[\ud800-\udfff]")


class NotText(ValueError):
    """Input that is not a draft a person wrote: binary, not UTF-8, or unreadable."""


def waiting_hint(what: str = "the draft") -> str:
    """What to type to end input on this system's terminal: a person who ran
    the command with no draft sees a silent cursor otherwise."""
    end = "Ctrl-Z then Enter" if sys.platform == "win32" else "Ctrl-D"
    return f"type or paste {what}, then {end}"


def at_terminal(stream: TextIO | None) -> bool:
    """Whether a person is typing into this stream (a closed one is no terminal)."""
    try:
        return stream is not None and stream.isatty()
    except (OSError, ValueError):
        return False


def read_stdin(stream: TextIO | None) -> bytes:
    """All of standard input as bytes; a closed stdin is a refusal, not a traceback.

    Python leaves `sys.stdin` as None when file descriptor 0 was closed before
    it started (`python app.py coach <&-`); reading a descriptor closed later
    raises OSError or ValueError.
    """
    if stream is None:
        raise NotText("standard input is closed; give the draft as an argument or pipe it in")
    binary: BinaryIO | None = getattr(stream, "buffer", None)
    try:
        return binary.read() if binary is not None else stream.read().encode()
    except (OSError, ValueError):
        raise NotText(
            "standard input is closed or unreadable; give the draft as an argument or pipe it in"
        ) from None


def argument_text(argument: str, *, what: str = "the draft argument") -> str:
    """A command-line argument checked like standard input. Python hands over an
    argument's undecodable bytes as lone surrogates; os.fsencode gives the bytes back."""
    return decode(os.fsencode(argument), what=what)


def has_nul(data: bytes) -> bool:
    """A NUL byte marks binary data: no text a person types contains one."""
    return b"\x00" in data


def decode(data: bytes, *, what: str = "the input") -> str:
    """UTF-8 text (a UTF-8 byte order mark is dropped; UTF-16 with its mark is
    accepted, as Windows editors save it), or NotText saying what is wrong."""
    if data[:2] in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
        try:
            return check_text(data.decode("utf-16"), what=what)
        except UnicodeDecodeError:
            raise NotText(f"{what} starts as UTF-16 but is not valid UTF-16 text") from None
    if has_nul(data):
        raise NotText(f"{what} looks binary (it contains NUL bytes), not a text draft")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        bad = data[err.start]
        raise NotText(
            f"{what} is not UTF-8 text (byte 0x{bad:02x} at position {err.start}); "
            "the coach reads UTF-8 text"
        ) from None
    return check_text(text.removeprefix("\ufeff"), what=what)


def check_text(text: str, *, what: str = "the draft") -> str:
    """Refuse text Python could decode but no person wrote.

    A lone surrogate (a JSON "\\udc89" escape) cannot even be printed as UTF-8.
    """
    if "\x00" in text:
        raise NotText(f"{what} looks binary (it contains NUL characters), not a text draft")
    surrogate = _SURROGATE.search(text)
    if surrogate is not None:
        raise NotText(
            f"{what} is not valid Unicode text (a lone surrogate at character "
            f"{surrogate.start()})"
        )
    return text
