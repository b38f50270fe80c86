"""Teams message HTML to the plain text the coach reads.

Teams sends `<p>`, `<br>`, `<at>Name</at>` and HTML entities; the coach's
flag offsets must point into the words the user wrote, not into markup.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

_BLOCK_TAGS = {"p", "div", "br", "li", "tr", "blockquote", "h1", "h2", "h3", "h4", "pre"}
_SPACES = re.compile(r"[ \t\u00a0]+")
_BLANK_LINES = re.compile(r"\n{3,}")
_LOOKS_LIKE_HTML = re.compile(r"</?[a-zA-Z][^>]*>|&[#a-zA-Z0-9]+;")


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in {"script", "style"}:
            self._skip += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in {"script", "style"}:
            self._skip = max(0, self._skip - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def plain_text(raw: str | None) -> str:
    """Strip tags, decode entities, keep line breaks; plain text passes through unchanged."""
    if not raw:
        return ""
    if not _LOOKS_LIKE_HTML.search(raw):
        return raw.strip()
    collector = _TextCollector()
    collector.feed(raw)
    collector.close()
    text = "".join(collector.parts)
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()


def without_mention(text: str, mention_texts: list[str]) -> str:
    """Drop the bot's own `<at>…</at>` mentions before anything else reads the text."""
    for mention in mention_texts:
        if mention:
            text = text.replace(mention, " ")
    return text
