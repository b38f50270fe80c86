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
OPEN_SLOT = re.compile(r"\[[a-zA-Z][^\]\n]{0,60}\]")
