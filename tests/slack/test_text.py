"""Escaping, trimming and splitting: what keeps user text harmless and within Slack's limits."""

from __future__ import annotations

from bot.slack.text import escape, quote, split_chunks, trim, trim_escaped, unescape


def test_escape_neutralises_mentions_and_entities() -> None:
    assert escape("<!channel> & <@U1>") == "&lt;!channel&gt; &amp; &lt;@U1&gt;"


def test_unescape_undoes_slacks_escaping_and_nothing_else() -> None:
    assert unescape("&lt;b&gt; &amp;lt; x") == "<b> &lt; x"


def test_trim_marks_the_cut() -> None:
    assert trim("abcdef", 4) == "abc…" and trim("abc", 4) == "abc"


def test_trim_escaped_never_leaves_half_an_entity() -> None:
    cut = trim_escaped("ab<<<<", 6)
    assert cut.endswith("…") and "&l…" not in cut and "&…" not in cut
    assert len(cut) <= 6


def test_quote_prefixes_every_line() -> None:
    assert quote("a\n\nb") == "&gt; a\n&gt;\n&gt; b"


def test_split_chunks_respects_the_limit_and_keeps_everything() -> None:
    text = escape("word <tag> & " * 1000)
    chunks = split_chunks(text, 3000)
    assert all(len(c) <= 3000 for c in chunks) and len(chunks) > 1
    assert "".join(chunks).replace(" ", "").replace("\n", "") == text.replace(" ", "")
    for chunk in chunks:
        assert not chunk.rstrip().endswith("&") and not chunk.endswith("&lt")


def test_split_chunks_of_one_unbroken_word() -> None:
    chunks = split_chunks("x" * 7000, 3000)
    assert [len(c) for c in chunks] == [3000, 3000, 1000]
