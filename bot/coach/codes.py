"""The one registry of flag codes: what each is called, why it matters, how to fix it.

Everything that speaks about a flag reads it from here: the engine (what must
be fixed, what a code silences, which detector decides it), the rewriter (how
a flag found without a rule's exact words is repaired), the command line,
Slack and Teams (labels, messages). Each entry carries drafts that must raise
it and drafts that must not; `tests/coach/test_codes.py` runs them through
the whole coach, so an entry that stops being true fails CI.

`decided_by` says which detector has the final say, chosen by measurement on
held-out sources (README, "How the coach decides"): "model" means the trained
head decides whether the code is raised and the rules only find the words to
quote (a rule's finding needs only less than the model alone needs); "rules"
means the rules alone decide, because they measured better; "either" means a
rule's finding stands on its own (those rules are rarely wrong but miss most
cases) and the model adds what they miss.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Level = Literal["must_fix", "advice"]
DecidedBy = Literal["model", "rules", "either"]
# How the rewriter repairs a flag the model found on a sentence without a rule's words.
SentenceFix = Literal["promise", "soften", "own_it", "drop", "commit", "reflect", "lower",
                      "next_step"]


@dataclass(frozen=True, slots=True)
class Code:
    code: str
    label: str
    level: Level
    why: str  # the principle behind it, said to the user
    fix: str  # what to do instead, when no more specific suggestion is known
    decided_by: DecidedBy
    sentence_fix: SentenceFix
    fails: tuple[str, ...]  # drafts that must raise this code
    passes: tuple[str, ...]  # drafts that must not
    suppresses: frozenset[str] = frozenset()  # codes not raised when this one is
    # codes not raised on the same words as this one: one thing said about them, the truest
    overrides: frozenset[str] = frozenset()
    needs_a_problem: bool = False  # only raised on a reply that is about a problem
    # what a sentence holding facts is to be said again without ("blame"), when the
    # rules rewrite can neither drop it nor reword it without losing a fact
    restate_without: str = ""
    # a rules' cue that overrules the model where it would quote: the rules read structure
    # ("I understand" followed by what the customer said) that a bag of words cannot
    vetoed_by_cue: str = ""

    @property
    def must_fix(self) -> bool:
        return self.level == "must_fix"


_CODES = (
    Code(
        code="vague_commitment",
        label="Vague promise",
        level="must_fix",
        why=("A promise with no concrete time: the customer will hear their own deadline "
             "(\"right back\" is heard as ten minutes) and judge you by it (principle 2)."),
        fix="Name a time the customer can check: \"within the hour\", \"by 3 pm today\".",
        decided_by="model",
        sentence_fix="promise",
        suppresses=frozenset({"no_next_step"}),
        fails=(
            "hey! checked with the team, will get back to u soon",
            "Bear with us, we're on it 🙏",
            "We'll look into it and be in touch.",
        ),
        passes=(
            "I'll call you back within the hour.",
            "I'll send the revised invoice by end of day Thursday.",
            "Your order shipped this morning; tracking is in your inbox.",
        ),
    ),
    Code(
        code="hard_no",
        label="Hard no",
        level="must_fix",
        why=("A flat \"no\" with nothing after it alienates the customer. Keep the refusal, "
             "but give the reason, offer alternatives and end with a choice (principle 1)."),
        fix=("Add the reason and what you can do: \"What we can do is [option A] or "
             "[option B]. Which would you prefer?\""),
        decided_by="model",
        sentence_fix="soften",
        suppresses=frozenset({"no_next_step"}),  # its fix ends with a choice: a next step
        fails=(
            "Sorry, we can't extend the deadline.",
            "Refunds aren't possible after 30 days.",
            "Unfortunately the blue model is no longer available.",
        ),
        passes=(
            "We can't extend the deadline, but we can split the delivery. Would that work?",
            "We're fully booked that week; the earliest slot is Monday at 9am.",
            "The replacement has shipped and will arrive Friday.",
        ),
    ),
    Code(
        code="false_hope",
        label="False hope",
        level="must_fix",
        why=("A \"maybe\" that is really a no, or comfort with nothing behind it, turns into "
             "outrage later. Be direct about what will happen (principle 1)."),
        fix="Say plainly what you will do and by when, or that you can't and why.",
        decided_by="either",
        sentence_fix="commit",
        # A hope said over a refusal is one problem, said two ways; a hope said over a
        # promise is two ("I'll see what we can do 🤞": no time, and no real answer).
        overrides=frozenset({"hard_no"}),
        fails=(
            "I'm sure it'll be totally fine, we'll have it sorted in no time!",
            "We'll see what we can do, no promises.",
            "Possibly, fingers crossed it works out.",
        ),
        passes=(
            "I've booked the engineer for Tuesday between 8 and 10.",
            "I can't promise the upgrade, so I've put you first on the waitlist.",
            "The refund went out today; it shows in 3 to 5 working days.",
        ),
    ),
    Code(
        code="blame",
        label="Blame",
        level="must_fix",
        why=("Blame makes the customer defensive and shows nobody owns the problem; "
             "apologise without explaining whose fault it was (principle 3)."),
        fix="Own it for the company: \"That's on us, and I'm sorry.\" Then say what happens now.",
        decided_by="either",
        sentence_fix="own_it",
        restate_without="blame",
        fails=(
            "Sorry, that was Dave on the night shift, he messed up your order.",
            "ngl the devs messed up the migration",
            "You should have read the terms before ordering.",
        ),
        passes=(
            "We got your order wrong, and I'm sorry. A replacement ships today.",
            "It's not your fault at all, and I'm sorry for the trouble.",
            "I've rebooked the courier for tomorrow between 9 and 12.",
        ),
    ),
    Code(
        code="defensive",
        label="Defensive",
        level="must_fix",
        why=("It argues the point or talks down to the customer, which turns a problem into a "
             "fight; listen and deal with the problem instead (principle 3)."),
        fix="Drop the argument; restate the facts kindly and say what you will do.",
        decided_by="either",
        sentence_fix="drop",
        restate_without="arguing",
        fails=(
            "...so there's nothing wrong on our side.",
            "As I already explained, the fee is in the contract.",
            "Please calm down, this is just our policy.",
        ),
        passes=(
            "Thanks for flagging this. I've checked the invoice and corrected the fee.",
            "Here's the clause about the fee, and I'm happy to walk through it on a call.",
            "You're right, that should have been clearer. I've updated the page.",
        ),
    ),
    Code(
        code="empty_empathy",
        label="Empty empathy",
        level="advice",
        why=("\"I understand\" on its own does not make anyone feel heard; reflect back what "
             "they said and check it (principle 4)."),
        fix="Reflect their words: \"So what I'm hearing is [what they said]. Is that right?\"",
        decided_by="either",
        sentence_fix="reflect",
        vetoed_by_cue="c:empathy_reflected",
        fails=(
            "I understand your frustration.",
            "I hear you. We'll get it sorted by Friday.",
            "We appreciate your patience and apologise for any inconvenience.",
        ),
        passes=(
            "I understand the second replacement also arrived cracked, and that's not okay.",
            "If I understand correctly, the charge appeared twice?",
            "I've refunded the duplicate charge; it shows within 3 working days.",
        ),
    ),
    Code(
        code="shouting",
        label="Shouting",
        level="must_fix",
        why="ALL CAPS and \"!!!\" read as shouting and show lost composure (principle 5).",
        fix="Use normal case and one full stop; let the words carry the weight.",
        decided_by="rules",
        sentence_fix="lower",
        fails=(
            "Please DO NOT reply to this email.",
            "Your order has shipped!!!",
            "WE ARE DOING OUR BEST.",
        ),
        passes=(
            "Your order has shipped!",
            "The PDF is attached; the ETA is 3pm EST.",
            "Our NASA and IBM clients use the same plan.",
        ),
    ),
    Code(
        code="absolute",
        label="Door-closing absolute",
        level="advice",
        why=("Absolutes close the door and leave the customer nothing to work with; keep "
             "options open and say what is possible (principle 5)."),
        fix="Say what is true now and what you can do: \"We don't normally..., but...\"",
        decided_by="either",
        sentence_fix="drop",
        restate_without="the absolute",
        fails=(
            "We never offer refunds on sale items.",
            "That's impossible, policy is policy.",
            "There are no exceptions to this rule.",
        ),
        passes=(
            "We don't usually refund sale items, but I can offer an exchange.",
            "I'll never forget how patient you've been, thank you.",
            "Your table for four is booked for 7pm on Friday.",
        ),
    ),
    Code(
        code="no_next_step",
        label="No next step",
        level="advice",
        why=("This acknowledges a problem but leaves the customer with no next step; people "
             "hate to feel powerless (principle 5: propose a plan, ask what remedy they want)."),
        fix=("Say what happens next and when, or ask: \"Would you prefer a replacement or "
             "a refund?\""),
        decided_by="model",
        sentence_fix="next_step",
        needs_a_problem=True,
        fails=(
            "Sorry for the trouble with your order.",
            "sorry, still waiting to hear back",
            "So sorry about the mix-up with your order.",
        ),
        passes=(
            "Sorry for the trouble; I've sent a replacement and it arrives Friday.",
            "Unfortunately the parcel was damaged. Would you prefer a refund or a replacement?",
            "Thanks for letting us know. Please reply with a photo of the label.",
        ),
    ),
)

CODES: dict[str, Code] = {entry.code: entry for entry in _CODES}
ORDER: tuple[str, ...] = tuple(CODES)
MUST_FIX: frozenset[str] = frozenset(c.code for c in _CODES if c.must_fix)
TONE_CODES: tuple[str, ...] = ("false_hope", "blame", "defensive", "empty_empathy", "shouting",
                               "absolute", "no_next_step")


def code_info(code: str) -> Code:
    """The entry for a code; KeyError names the code when it is not registered."""
    return CODES[code]
