"""The marked slots a rewrite leaves where only the writer knows the words.

They live apart from the rewriter because the promise finder reads them too:
a rewrite's "[a time]" is a time the writer will name, not a vague promise.
"""

from __future__ import annotations

import re

TIME_SLOT = "[a time]"
DO_SLOT = "[what you will do]"
ANSWER_SLOT = "[yes or no, and why]"
# A time the writer still has to fill in: the promise finder treats it as named.
SLOT = re.compile(r"\[(?:a time|what you will do|yes or no[^\]]*)\]")
# Any slot a rewrite leaves ("[the reason]", "[another option]", "[what they said]"):
# words the writer has still to choose, which no detector should judge yet.
# A markdown link's "[label](url)" is the writer's own text, not a slot.
OPEN_SLOT = re.compile(r"\[(?:[a-z][a-z ,'-]{0,60}|option [A-Z]|What you will do next, and when\."
                       r"|Say it without [^\]\n]{0,1200}|x+)\](?!\()")
# A sentence to say again in the writer's own words, its facts kept inside the slot:
# "[Say it without blame: The bill is an estimate as no reading came in since March.]"
RESTATE = "[Say it without {what}: {sentence}]"
# (text/markup.py masks such a slot, so no detector reads the old words again.)


def restate(what: str, sentence: str) -> str:
    """The slot that asks the writer to say a fact-bearing sentence again, kindly."""
    return RESTATE.format(what=what, sentence=sentence.replace("[", "(").replace("]", ")"))
