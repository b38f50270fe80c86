"""Chat text made safe for the detectors, without moving a single character.

Drafts arrive as Slack mrkdwn or Teams HTML, with mentions, links, emoji and
signatures. The detectors must not read `<@U123>` as a word or a signature's
"BOB" as shouting, yet every flag must point at the user's own characters.
So `mask` returns a string of exactly the same length in which markup is
blanked and only the words a person reads remain at their original places.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator

FILL = "x"  # stands in for a link or address: still one "word" to the detectors

_SMART = str.maketrans({"‘": "'", "’": "'", "‚": "'", "“": '"', "”": '"', "„": '"', "′": "'"})

# Slack: <@U123>, <@U123|bob>, <#C1|general>, <!channel>, <!subteam^S1|@team>, <https://x|label>
_SLACK_TOKEN = re.compile(r"<([@#!])[^<>\s|]*(?:\|([^<>]*))?>")
_SLACK_LINK = re.compile(r"<((?:https?|mailto|tel):[^<>|\s]*)(?:\|([^<>]*))?>")
_HTML_TAG = re.compile(r"</?([a-zA-Z][a-zA-Z0-9]*)\b[^<>]*>")
_HTML_ENTITY = re.compile(r"&(?:#\d{1,6}|#x[0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,10});")
_URL = re.compile(r"\b(?:https?://|www\.)[^\s<>\"')\]]+[^\s<>\"').,;:!?\]]")
_EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
_HANDLE = re.compile(r"(?<![\w@])@[\w.-]*\w|(?<!\w)__\w+?__(?!\w)|(?<![\w^])\^[A-Z]{1,3}\b")
_EMOJI = re.compile(r"(?<![\w:]):[a-z0-9_+'-]{1,40}:(?!\w)")
_BLOCK_TAGS = frozenset({"p", "br", "div", "li", "ul", "ol", "tr", "h1", "h2", "h3", "blockquote"})

_SIGNOFF = re.compile(
    r"^[ \t]*(?:best(?: regards| wishes)?|kind regards|warm(?:est)? regards|regards|cheers|"
    r"thanks(?: again| so much| a lot)?|thank you(?: again)?|many thanks|(?:yours )?sincerely|"
    r"yours (?:truly|faithfully)|with thanks|best wishes|warmly|"
    r"all the best|talk soon|speak soon|br|rgds|ta)[ \t]*[,.!]?[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)
# One line of _SIGNOFF, without its anchors: each line is tried whole, from the last.
_SIGNOFF_LINE = re.compile(_SIGNOFF.pattern[1:-1], re.IGNORECASE)
_SIG_DASHES = re.compile(r"^(?:-- ?|—|__+)[ \t]*$", re.MULTILINE)
_TRAILING_INITIALS = re.compile(r"(?:\s[-–~][A-Z][a-z]{1,15}|\s\^[A-Z]{1,3})\s*$")
# The longest match of _TRAILING_INITIALS before its trailing space: " -" and 16 letters.
_INITIALS_REACH = 18


def normalise_quotes(text: str) -> str:
    """Smart quotes as straight ones, the only change `mask` makes to plain words."""
    return text.translate(_SMART)


def words(spaced: str) -> frozenset[str]:
    """A word list written as one spaced string, for data tables that read well."""
    return frozenset(spaced.split())


def _blank(chars: list[str], start: int, end: int, fill: str = " ") -> None:
    for i in range(start, end):
        if chars[i] != "\n":
            chars[i] = fill


def _mask_slack(text: str, chars: list[str]) -> None:
    for m in _SLACK_LINK.finditer(text):
        label = m.group(2)
        if label:
            _blank(chars, m.start(), m.start(2))
            _blank(chars, m.end(2), m.end())
        else:
            _blank(chars, m.start(), m.start() + 1)
            _blank(chars, m.start() + 1, m.end() - 1, FILL)
            _blank(chars, m.end() - 1, m.end())
    for m in _SLACK_TOKEN.finditer(text):
        _blank(chars, m.start(), m.end())


def _mask_html(text: str, chars: list[str]) -> None:
    for m in _HTML_TAG.finditer(text):
        if text[m.start() + 1 : m.start() + 5].lower().startswith(("http", "mail")):
            continue
        _blank(chars, m.start(), m.end())
        if m.group(1).lower() in _BLOCK_TAGS:
            chars[m.start()] = "\n"
    for m in _HTML_ENTITY.finditer(text):
        _decode_entity(text, chars, m.start(), m.end())


def _decode_entity(text: str, chars: list[str], start: int, end: int) -> None:
    """Put the entity's character in place; inside a word, close the gap.

    `don&#39;t` becomes `don't` followed by padding after the word, so the
    word still reads as one word and nothing outside it moves.
    """
    value = html.unescape(text[start:end]).translate(_SMART)
    if len(value) != 1 or value == "\xa0":
        value = " " if not value.strip() else value[:1]
    word_end = end
    while word_end < len(text) and (text[word_end].isalnum() or text[word_end] == "'"):
        word_end += 1
    tail = "".join(chars[end:word_end])
    replaced = value + tail
    for offset, ch in enumerate(replaced):
        chars[start + offset] = ch
    _blank(chars, start + len(replaced), word_end)


def _mask_plain(text: str, chars: list[str]) -> None:
    # Each pattern only runs when its telltale character is there: most drafts have none.
    if "http" in text or "www." in text:
        for m in _URL.finditer(text):
            _blank(chars, m.start(), m.end(), FILL)
    if "@" in text:
        for m in _EMAIL.finditer(text):
            _blank(chars, m.start(), m.end(), FILL)
    current = "".join(chars)
    if "@" in current or "__" in current or "^" in current:
        for m in _HANDLE.finditer(current):
            _blank(chars, m.start(), m.end())
    if ":" in current:
        for m in _EMOJI.finditer(current):
            _blank(chars, m.start(), m.end())


def signature_start(text: str) -> int:
    """Where a sign-off or signature block begins, or len(text) if none.

    A sign-off line ("Best,", "Thanks,") only counts when at most three short
    lines follow it to the end, so "Thanks, we've refunded you" stays text.
    """
    if "--" in text or "—" in text or "__" in text:  # what every dashes line holds
        dashes = list(_SIG_DASHES.finditer(text))
        if dashes:
            return dashes[-1].start()
    for m in _last_signoff(text):
        rest = text[m.end() :].strip("\n")
        lines = [line for line in rest.splitlines() if line.strip()]
        namelike = all(len(line) <= 40 and not line.rstrip().endswith((".", "?", "!"))
                       for line in lines)
        if m.start() > 0 and len(lines) <= 3 and namelike:
            return m.start()
        break
    # Every match ends with the last non-space character and its core is short, so the
    # search starts there rather than scanning the whole draft for it.
    reach = max(0, len(text.rstrip()) - _INITIALS_REACH)
    tail = _TRAILING_INITIALS.search(text, reach)
    if tail and tail.start() > 0:
        return tail.start()
    return len(text)


def _last_signoff(text: str) -> Iterator[re.Match[str]]:
    """The last match of _SIGNOFF, if any: a _SIGNOFF match is one whole line (between
    line breaks), so the last line that matches whole is it, found without a
    scan of every position of the draft."""
    end = len(text)
    while end >= 0:
        start = text.rfind("\n", 0, end) + 1
        m = _SIGNOFF_LINE.fullmatch(text, start, end)
        if m is not None:
            yield m
            return
        end = start - 1


# The coach's own "[Say it without blame: ...]" slot: words the writer is to say again.
_RESTATED = re.compile(r"\[Say it without [a-z' ]{1,40}: [^\]\n]{0,1200}\]")


def mask(text: str) -> str:
    """Same-length text with markup, links, addresses, emoji and signature blanked."""
    chars = list(text.translate(_SMART))
    if "[Say it without " in text:
        for m in _RESTATED.finditer(text):
            _blank(chars, m.start() + 1, m.end() - 1, FILL)
    if "<" in text:
        _mask_slack(text, chars)
        _mask_html(text, chars)
    elif "&" in text:
        _mask_html(text, chars)
    _mask_plain("".join(chars), chars)
    masked = "".join(chars)
    cut = signature_start(masked)
    if cut < len(masked):
        chars = list(masked)
        _blank(chars, cut, len(masked))
        masked = "".join(chars)
    return masked
