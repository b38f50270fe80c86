"""Text made safe for Slack: mrkdwn escaping, trimming and splitting.

Everything a user or the coach wrote goes through `escape` before it lands in
mrkdwn, so `<!channel>` or `<@U123>` in a draft is shown, never acted on.
"""

from __future__ import annotations

ELLIPSIS = "…"


def escape(text: str) -> str:
    """Escape the three characters Slack gives meaning to in mrkdwn."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def trim(text: str, limit: int) -> str:
    """Cut `text` to at most `limit` characters, marking the cut with an ellipsis."""
    if len(text) <= limit:
        return text
    return text[: max(limit - 1, 0)].rstrip() + ELLIPSIS


def trim_escaped(text: str, limit: int) -> str:
    """Escape, then trim without leaving half an entity such as `&am` at the end."""
    escaped = escape(text)
    if len(escaped) <= limit:
        return escaped
    cut = escaped[: max(limit - 1, 0)]
    amp = cut.rfind("&")
    if amp != -1 and ";" not in cut[amp:]:
        cut = cut[:amp]
    return cut.rstrip() + ELLIPSIS


def quote(text: str) -> str:
    """Format escaped text as a mrkdwn block quote, one `>` per line."""
    return "\n".join("&gt;" + (" " + line if line else "") for line in text.split("\n"))


def split_chunks(text: str, limit: int) -> list[str]:
    """Split already-escaped mrkdwn into pieces of at most `limit` characters.

    Cuts prefer a line break, then a space, and never fall inside an entity,
    so each piece renders on its own.
    """
    chunks: list[str] = []
    rest = text
    while len(rest) > limit:
        window = rest[:limit]
        cut = window.rfind("\n")
        if cut < limit // 2:
            cut = window.rfind(" ")
        if cut < limit // 2:
            cut = limit
            amp = window.rfind("&")
            if amp > 0 and ";" not in window[amp:]:
                cut = amp
        chunks.append(rest[:cut].rstrip())
        rest = rest[cut:].lstrip("\n ")
    if rest or not chunks:
        chunks.append(rest)
    return chunks


def unescape(text: str) -> str:
    """Undo Slack's own escaping of message and command text, so the coach reads `<` as `<`."""
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def link(url: str | None, label: str) -> str:
    """A mrkdwn link to an http(s) address, or nothing: `|` and `>` cannot break out of it."""
    if not url or not url.startswith(("https://", "http://")):
        return ""
    safe = escape(url).replace("|", "%7C")
    return f"<{safe}|{escape(label)}>"
