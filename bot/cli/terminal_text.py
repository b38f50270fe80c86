"""Draft text made safe to print where a terminal may read it.

A draft is data. Printed raw, an ESC [ ... sequence recolours or moves the
cursor, an OSC sets the window title or a hyperlink, BEL rings, a lone carriage
return overwrites what came before: a pasted draft could hide words or spoof
the coach's own output. The human view shows every such character visibly
escaped (`\\x1b`, `\\r`, `\\x9b`), keeping line breaks and tabs; the JSON forms
keep the text exactly and escape those characters the JSON way.
"""

from __future__ import annotations

import json
import re
from typing import Any

# C0 controls except tab and newline, DEL, and the C1 controls (CSI is \x9b).
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# What json.dumps(ensure_ascii=False) leaves raw but a terminal or a JavaScript
# reader may act on: C1 controls, line and paragraph separators, and lone surrogates
# (which could not even be encoded as UTF-8 to print).
_JSON_UNSAFE = re.compile("[\x7f-\x9f\u2028\u2029\ud800-\udfff]")


def _escaped(char: str) -> str:
    return {"\r": "\\r", "\x1b": "\\x1b"}.get(char, f"\\x{ord(char):02x}")


def visible(text: str) -> str:
    """The text with every control character spelled out; a Windows line end
    (CR LF) stays a plain line break."""
    return _CONTROL.sub(lambda m: _escaped(m.group()), text.replace("\r\n", "\n"))


def visible_with_offsets(text: str) -> tuple[str, list[int]]:
    """`visible(text)` and, for each offset 0..len(text) of the original, where
    it lands in the visible text, so highlights found on the draft stay on
    the same words once escapes have lengthened it."""
    if not _CONTROL.search(text):
        return text, list(range(len(text) + 1))
    out: list[str] = []
    where: list[int] = []
    length = 0
    for index, char in enumerate(text):
        where.append(length)
        if char == "\r" and text.startswith("\n", index + 1):
            piece = ""
        elif _CONTROL.fullmatch(char):
            piece = _escaped(char)
        else:
            piece = char
        out.append(piece)
        length += len(piece)
    where.append(length)
    return "".join(out), where


def json_line(value: Any) -> str:
    """One JSON document on one line, readable UTF-8 but with nothing raw in it
    that a terminal would obey; json.loads gives back exactly the same value."""
    dumped = json.dumps(value, ensure_ascii=False)
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", dumped)
