"""Training: thresholds counted as if positives were as rare as in real traffic."""

from __future__ import annotations

from bot.coach.learn.train import _best_threshold, _realistic_weights


def test_written_positives_are_weighted_down_to_the_real_rate() -> None:
    groups = ["enron"] * 10 + ["written:x"] * 10
    truth = [True] + [False] * 9 + [True] * 5 + [False] * 5
    weights = _realistic_weights("commitment", groups, truth)
    real = weights[:10]
    written_pos = [w for w, g, y in zip(weights, groups, truth, strict=True)
                   if g == "written:x" and y]
    assert real == [1.0] * 10
    # one real positive in ten: the written file's 5 positives weigh as much as 5/9 of one
    assert abs(sum(written_pos) - 5 / 9) < 1e-9


def test_with_no_real_positives_every_row_counts_once() -> None:
    assert _realistic_weights("commitment", ["enron", "written:x"], [False, True]) == [1.0, 1.0]


def test_down_weighted_positives_raise_the_threshold_a_loud_file_would_set() -> None:
    truth = [True, True, False, False]
    scores = [0.9, 0.5, 0.45, 0.2]
    assert _best_threshold(truth, scores) <= 0.5
    # the low-scoring positive barely counts: it is no longer worth the false alarm
    assert _best_threshold(truth, scores, [1.0, 0.1, 1.0, 1.0]) > 0.45
