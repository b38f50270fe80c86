"""Shouting: ALL CAPS words and piled-up exclamation marks.

Principle 5: keep composure. Acronyms (ASAP, PDF, EOD) and names in a
signature are not shouting, so a lone caps word only counts when it is one of
the words people shout for emphasis, and runs of caps need a real word in them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from bot.coach.detect.rules import Draft
from bot.coach.text import words

_CAPS_WORD = re.compile(r"\b[A-Z][A-Z'-]*[A-Z]\b")
_RUN = re.compile(r"\b[A-Z][A-Z'-]*[A-Z]\b(?:[ ,]+(?:[A-Z][A-Z'-]*[A-Z]|I|A)\b)*")
_BANGS = re.compile(r"[!?]*![!?]*![!?]*|[!?]{3,}")
_VOWELS = re.compile(r"[AEIOUY]")

EMPHASIS = words(
    """NOT NEVER MUST ALWAYS DO DON'T CANNOT CAN'T WON'T NO NOW PLEASE READ ALREADY AGAIN ONLY
    ONCE STOP ALL EVERY ANY FINAL URGENT IMMEDIATELY STILL TWICE CLEARLY EXACTLY WHY YOUR YOU
    WILL WE NOTHING EVERYTHING NEED ABSOLUTELY DIDN'T WASN'T ISN'T AREN'T"""
)
ACRONYMS = words(
    """ASAP EOD COB EOW ETA FAQ API USA CEO CTO CFO COO NASA UTC GMT EST EDT PST PDT CET CEST BST
    OK HR AM PM ID VIP SLA USB TV UK EU US IOS AWS GDPR FYI TBD ATM PIN VAT RMA ERP CRM SMS PDF
    URL SKU HTML CSS JSON XML SQL IT QA UX UI PO RSVP NB PS AKA DIY IBAN SWIFT BIC IMEI SIM
    MFA SSO VPN IP DNS SSL TLS HTTP HTTPS LLC LTD INC GMBH PLC NHS IRS DMV UPS DHL FEDEX USPS
    EMEA APAC NDA SOW KPI ROI OOO PTO TBA TBC AOB OTP CVV ACH EFT POS CSV ZIP WIFI LAN WAN CPU
    GPU RAM SSD HDD OS NY LA SF DC TX CA NYC UAE"""
)


def _is_shouty(word: str) -> bool:
    if word in EMPHASIS:
        return True
    return len(word) >= 4 and word not in ACRONYMS and bool(_VOWELS.search(word))


def caps_and_bangs(draft: Draft) -> Iterator[tuple[int, int]]:
    masked = draft.masked
    for m in _RUN.finditer(masked):
        found = re.findall(r"[A-Z][A-Z'-]*[A-Z]|\bI\b|\bA\b", m.group())
        shouty = [w for w in found if len(w) > 1 and _is_shouty(w)]
        long_words = [w for w in found if len(w) > 1 and w not in ACRONYMS]
        if (len(long_words) >= 2 and shouty) or (len(found) == 1 and found[0] in EMPHASIS):
            yield m.span()
    for m in _BANGS.finditer(masked):
        yield m.span()


def is_acronym(word: str) -> bool:
    """A caps word the rewriter must keep in caps."""
    return word in ACRONYMS or not _VOWELS.search(word)
