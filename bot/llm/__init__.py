"""The model rewriter: a better reply than the rules can write, or the rules reply.

`Rewriter.improve` asks the configured OpenAI-compatible model for a rewrite of
a coached draft, checks it with the guardrails (the coach again, fact by fact)
and falls back to the rules rewrite on any failure. Private details never
leave the process (see `privacy`); prompts live in `prompts/` at the repo root.
"""

from bot.llm.answer import Change
from bot.llm.rewriter import Improved, Rewriter, RewriteRequest

__all__ = ["Change", "Improved", "RewriteRequest", "Rewriter"]
