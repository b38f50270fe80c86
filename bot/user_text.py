"""What characters user text may carry into the app: one rule for every platform.

Control characters have no place in a reply, a customer name or an incident;
a NUL byte makes PostgreSQL refuse the whole row, and a lone UTF-16 surrogate
(JSON allows `"\\ud800"`) cannot be encoded for the database or the answer.
They are dropped where text comes in (Slack middleware, the Teams endpoint)
and again before anything is stored; line breaks and tabs stay.
"""

from __future__ import annotations

import re
from typing import Any

# C0 controls but \t and \n, DEL, C1 controls, and lone surrogates.
_UNWANTED = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")


def clean_text(text: str) -> str:
    """`text` without control characters (other than newline and tab); \\r\\n becomes \\n."""
    if not _UNWANTED.search(text):
        return text
    return _UNWANTED.sub("", text.replace("\r\n", "\n"))


def clean_tree(value: Any) -> Any:
    """Every string in parsed JSON (keys too) cleaned; other values as they are."""
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, dict):
        return {clean_text(k) if isinstance(k, str) else k: clean_tree(v) for k, v in value.items()}
    if isinstance(value, list):
        return [clean_tree(item) for item in value]
    return value
