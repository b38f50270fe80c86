"""Features: the same words in every register become the same features."""

from __future__ import annotations

from bot.coach.learn.features import SentenceView, draft_features, ngrams, sentence_features, tokens


def test_chat_spellings_and_contractions_read_as_the_words_they_stand_for() -> None:
    assert tokens("will get back to u asap") == ["will", "get", "back", "to", "you", "asap"]
    assert tokens("We can't, I'll try") == ["we", "can", "not", "i", "will", "try"]
    assert tokens("we won't") == ["we", "will", "not"]


def test_multiwoz_tokenised_contractions_match_ordinary_ones() -> None:
    assert tokens("I 'm sorry , we do n't have that") == tokens("I'm sorry, we don't have that")


def test_numbers_and_clock_times_are_one_feature() -> None:
    assert tokens("by 3:30 on the 14th") == ["by", "<n>", "on", "the", "<n>", "th"]
    assert tokens("order 55812") == ["order", "<n>"]


def test_ngrams_mark_where_a_sentence_starts_and_ends() -> None:
    grams = ngrams(["we", "will", "see"])
    assert {"we", "<s> we", "see </s>", "we will see"} <= grams


def test_a_sentence_sees_its_neighbours_cues_but_not_their_words() -> None:
    before = SentenceView(0, 10, "Could you DM us?", frozenset({"c:request"}), ("could",))
    view = SentenceView(11, 30, "We'll take a look.", frozenset({"c:promise"}),
                        tuple(tokens("We'll take a look.")))
    found = sentence_features(view, before, None, 1, 2)
    assert "prev:c:request" in found and "c:promise" in found and "pos:last" in found
    assert "could" not in found


def test_draft_features_mark_the_cues_of_the_last_sentence() -> None:
    views = [SentenceView(0, 5, "Sorry.", frozenset({"c:negation"}), ("sorry",)),
             SentenceView(6, 9, "Bye", frozenset({"c:wish"}), ("bye",))]
    found = draft_features(views)
    assert "last:c:wish" in found and "last:c:negation" not in found and "sents:2" in found


def test_soon_in_a_social_wish_is_not_the_soon_of_a_promise() -> None:
    assert "soon" not in tokens("We'll see you again soon!")
    assert "soon" not in tokens("Looking forward to welcoming you back on board soon")
    assert "soon" not in tokens("Talk soon!")
    assert "soon" in tokens("We hope to have you on your way soon")


def test_idioms_skipped_for_their_missing_words_leave_the_same_text() -> None:
    from bot.coach.learn.features import _IDIOMS, without_idioms

    samples = ("No problem at all, never mind!", "Not a bother. I can't wait.", "noth",
               "No worries, no need to rush. Couldn't agree more!", "Don't hesitate: NO RUSH",
               "Can not go wrong, İ said no problems", "never say no to cake", "Not at ALL")
    for text in samples:
        plain = text
        for pattern, word in _IDIOMS:
            plain = pattern.sub(word, plain)
        assert without_idioms(text) == plain, text


def test_ngrams_are_the_formatted_phrases_in_the_same_order() -> None:
    import itertools

    words = tokens("Hi Sam, we'll ship the 2 chairs tmrw by 3pm, no problem!")
    padded = ["<s>", *words, "</s>"]
    expected = {w for w in words}  # built the way the model's features always were
    expected.update(f"{a} {b}" for a, b in itertools.pairwise(padded))
    expected.update(f"{a} {b} {c}" for a, b, c in zip(padded, padded[1:], padded[2:], strict=False))
    assert list(ngrams(words)) == list(expected)  # same order: the model sums in this order
