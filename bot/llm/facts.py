"""The facts of a reply that a rewrite must keep, and the ones it must not invent.

Pure text scanning, no model and no coach: numbers, amounts, links, e-mail
addresses, phone numbers, order and ticket ids, names, day and date words,
times, and the words of a concession (refund, discount, credit...).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from bot.llm.privacy import EMAIL, PHONE

# Slack writes links as <https://x|label>; the address is the fact.
LINK = re.compile(r"(?:https?://|www\.)[^\s<>|\"'`]+")
NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
AMOUNT = re.compile(
    r"(?:[$€£¥]\s?\d[\d,]*(?:\.\d+)?(?:\s?[kKmM]\b)?)|"
    r"(?:\b\d[\d,]*(?:\.\d+)?\s?(?:%|percent\b|per cent\b|(?:USD|EUR|GBP|CAD|AUD|"
    r"dollars?|euros?|pounds?|bucks)\b))",
    re.IGNORECASE,
)
# Order, invoice and ticket ids: a token holding digits and letters, or led by '#'.
IDENT = re.compile(
    r"#\s?[\w-]*\d[\w-]*|\b(?=[A-Za-z-]*\d)(?=\d*[A-Za-z])[A-Za-z0-9][\w-]*[A-Za-z0-9]\b"
)
CLOCK = re.compile(
    r"\b\d{1,2}(?:[:.]\d{2})?\s?(?:am|pm|a\.m\.|p\.m\.|h)\b|\b\d{1,2}:\d{2}\b|\bnoon\b|\bmidday\b|"
    r"\bmidnight\b",
    re.IGNORECASE,
)
ORDINAL_OR_UNIT = re.compile(r"^\d+(?:st|nd|rd|th|am|pm|h|k|m|x|s)$", re.IGNORECASE)
DAY_WORDS = (
    "today|tomorrow|tonight|yesterday|monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
    "january|february|march|april|may|june|july|august|september|october|november|december|"
    "weekend|eod|cob|eow|end of (?:the )?(?:day|week|month)|close of business|this (?:morning|"
    "afternoon|evening|week)|next (?:week|month)|within the hour|"
    "(?:within|in) (?:\\d+|an?|one|two|three|four|five|six|seven|a few|a couple of) "
    "(?:minutes?|hours?|days?|weeks?|business days?|working days?)"
)
TIME_PHRASE = re.compile(
    rf"\b(?:{DAY_WORDS})\b|{CLOCK.pattern}|\b\d{{1,2}}/\d{{1,2}}(?:/\d{{2,4}})?\b", re.IGNORECASE
)
# "May" the month and "may" the verb: only the capitalised word mid-sentence is a date.
_MAY_VERB = re.compile(r"^may$")
CONCESSIONS = {
    "refund": r"refund\w*|money back|reimburs\w*",
    "discount": r"discount\w*|\d+\s?% off|percent off|price reduction|rebate\w*|markdown",
    "credit": r"credit(?:s|ed)?\b(?! card)|voucher\w*|coupon\w*|gift card",
    "free": r"free of charge|for free|at no (?:extra |additional )?(?:cost|charge)|on the house|"
            r"on us\b|complimentary|waive\w*",
    "compensation": r"compensat\w*|goodwill (?:gesture|payment)",
}
_CONCESSION = {kind: re.compile(rf"\b(?:{words})", re.IGNORECASE) for kind, words in
               CONCESSIONS.items()}
# Capitalised words that are not names.
_NOT_NAMES = frozenset(
    {
        "i", "i'm", "i'll", "i've", "i'd", "hi", "hello", "dear", "hey", "thanks", "thank", "sorry",
        "ok", "okay", "yes", "no", "please", "regards", "best", "cheers", "unfortunately",
        "however", "also", "and", "but", "so", "we", "our", "you", "your", "the", "a", "an", "this",
        "that", "it", "there", "here", "what", "which", "when", "where", "why", "how", "if", "as",
        "to", "in", "on", "at", "for", "of", "by", "with", "from",
    }
)
_SENTENCE_END = re.compile(r"[.!?:;\n]\s*$")
_WORD = re.compile(r"[A-Za-z](?:[A-Za-z'’]|-(?=[A-Za-z]))*")


@dataclass(frozen=True, slots=True)
class Found:
    """One fact: what kind it is, its words, and where it sits in the text."""

    kind: str
    text: str
    start: int
    end: int

    def key(self) -> str:
        return normalized(self.kind, self.text)


def normalized(kind: str, text: str) -> str:
    """The form two mentions of the same fact share ("$1,250" and "$1250")."""
    if kind in ("number", "amount"):
        return re.sub(r"[\s,]", "", text.lower()).replace("percent", "%").replace("per cent", "%")
    if kind == "phone":
        return re.sub(r"\D", "", text)
    if kind == "link":
        return text.rstrip(".,;:!?)").lower()
    return " ".join(text.lower().split())


def _spans(kind: str, pattern: re.Pattern[str], text: str) -> Iterator[Found]:
    for m in pattern.finditer(text):
        yield Found(kind, m.group().rstrip(".,;:!?)") if kind == "link" else m.group(),
                    m.start(), m.end())


def names(text: str) -> Iterator[Found]:
    """Capitalised words mid-sentence (or after a greeting): people, companies, products."""
    previous = ""
    for m in _WORD.finditer(text):
        word = m.group()
        before = text[: m.start()]
        starts_sentence = not before.strip() or bool(_SENTENCE_END.search(before))
        greeted = previous.lower() in {"hi", "hello", "dear", "hey", "thanks", "thank"}
        if (
            word[0].isupper()
            and word.lower() not in _NOT_NAMES
            and (not starts_sentence or greeted)
            and not (word.isupper() and len(word) > 1 and not _looks_like_acronym(word))
        ):
            yield Found("name", word, m.start(), m.end())
        previous = word


def _looks_like_acronym(word: str) -> bool:
    return len(word) <= 5


def _inside(fact: Found, others: Iterable[Found]) -> bool:
    return any(o.start <= fact.start and fact.end <= o.end for o in others)


def kept_facts(text: str) -> list[Found]:
    """Every fact in a draft that a rewrite has to keep, each counted once.

    The most specific reading wins: the digits of a phone number or a link are
    not checked again as loose numbers, nor "Friday" again as a name.
    """
    whole: list[Found] = []
    for kind, pattern in (("email", EMAIL), ("link", LINK), ("phone", PHONE)):
        whole += [f for f in _spans(kind, pattern, text) if not _inside(f, whole)
                  and (kind != "phone" or len(re.sub(r"\D", "", f.text)) >= 8)]
    whole += [f for f in _spans("id", IDENT, text) if not _inside(f, whole)
              and not ORDINAL_OR_UNIT.match(f.text) and not CLOCK.fullmatch(f.text)]
    found = list(whole)
    found += [f for f in numbers(text) if not _inside(f, whole)]
    dated = times(text)
    found += dated
    found += [f for f in names(text) if not _inside(f, whole) and not _inside(f, dated)]
    return found


def times(text: str) -> list[Found]:
    return [f for f in _spans("time", TIME_PHRASE, text) if not _MAY_VERB.match(f.text)]


def numbers(text: str) -> list[Found]:
    return list(_spans("number", NUMBER, text))


def amounts(text: str) -> list[Found]:
    return list(_spans("amount", AMOUNT, text))


def concessions(text: str) -> set[str]:
    """Which kinds of concession (refund, discount, ...) the text mentions."""
    return {kind for kind, pattern in _CONCESSION.items() if pattern.search(text)}


def contains(haystack: Iterable[Found], fact: Found) -> bool:
    key = fact.key()
    return any(other.key() == key for other in haystack)


def mentions(text: str, fact: Found) -> bool:
    """Whether `text` still carries `fact`, in any of the ways it could be written."""
    if fact.kind in ("number",):
        return any(n.key() == fact.key() for n in numbers(text))
    if fact.kind == "phone":
        digits = fact.key()
        return any(re.sub(r"\D", "", m.group()) == digits for m in PHONE.finditer(text))
    if fact.kind == "id":
        squeeze = re.sub(r"[#\s]", "", fact.text).lower()
        return squeeze in re.sub(r"[#\s]", "", text).lower()
    if fact.kind == "name":
        return re.search(rf"\b{re.escape(fact.text)}\b", text, re.IGNORECASE) is not None
    return fact.key() in " ".join(text.lower().split())
