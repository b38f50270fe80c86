"""Stage 1: text. Chat markup masked without moving a character, and one sentence splitter."""

from bot.coach.text.markup import FILL, mask, normalise_quotes, signature_start, words
from bot.coach.text.split import quoted_spans, sentences

__all__ = ["FILL", "mask", "normalise_quotes", "quoted_spans", "sentences", "signature_start",
           "words"]
