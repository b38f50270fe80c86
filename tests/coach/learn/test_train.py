"""Training: thresholds tuned with real and written rows weighing the same in all."""

from __future__ import annotations

from bot.coach.learn.train import _balanced_weights, _best_threshold


def test_real_rows_weigh_as_much_in_all_as_the_written_ones() -> None:
    groups = ["enron"] * 10 + ["written:x"] * 30
    weights = _balanced_weights("commitment", groups)
    assert sum(weights[:10]) == sum(weights[10:]) == 30


def test_the_drafts_are_the_realistic_rows_of_the_tone_heads() -> None:
    weights = _balanced_weights("blame", ["drafts:Hannah", "written:x", "written:y"])
    assert weights == [2.0, 1.0, 1.0]


def test_with_only_one_kind_of_row_every_row_counts_once() -> None:
    assert _balanced_weights("commitment", ["written:x", "written:y"]) == [1.0, 1.0]


def test_heavier_rows_move_the_threshold_towards_what_they_need() -> None:
    truth = [True, True, False, False]
    scores = [0.9, 0.5, 0.45, 0.2]
    assert _best_threshold(truth, scores) <= 0.5
    # the low-scoring positive barely counts: it is no longer worth the false alarm
    assert _best_threshold(truth, scores, [1.0, 0.1, 1.0, 1.0]) > 0.45


def test_a_flat_top_gives_the_middle_of_its_run_not_its_edge() -> None:
    # every threshold from 0.22 to 0.80 separates the two classes perfectly
    truth = [True, True, False, False]
    scores = [0.95, 0.81, 0.21, 0.05]
    assert 0.48 <= _best_threshold(truth, scores) <= 0.54
