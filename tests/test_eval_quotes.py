"""The PolNeAR quote evaluation: its rules on small cases, and the pinned floors on dev."""

from __future__ import annotations

import pytest

from newsweave.eval import check_floors, data_path
from newsweave.eval.quotes import Gold, evaluate, is_quoted, speaker_matches
from newsweave.model import Quote


def test_is_quoted() -> None:
    text = 'He said "we will win," and left. Then she said that we "might" lose.'
    s = text.index("we will")
    assert is_quoted(text, s, s + len("we will win"))
    t = text.index("that we")
    assert not is_quoted(text, t, len(text) - 1)


def test_speaker_rule() -> None:
    text = "Hillary Clinton said it. He said it."
    gold_name = Gold([(0, 1)], [(0, 15)], "Hillary Clinton", True)
    assert speaker_matches(text, Quote(0, 1, "x", speaker="Hillary Rodham Clinton"), gold_name)
    assert not speaker_matches(text, Quote(0, 1, "x", speaker="Bill Gates"), gold_name)
    he = text.index("He")
    gold_he = Gold([(0, 1)], [(he, he + 2)], "He", True)
    right = Quote(0, 1, "x", speaker="Hillary Clinton", speaker_start=he, speaker_end=he + 2)
    assert speaker_matches(text, right, gold_he)
    assert not speaker_matches(text, Quote(0, 1, "x", speaker="Hillary Clinton"), gold_he)


@pytest.mark.slow
def test_polnear_dev_floors() -> None:
    if not data_path("quotes", "polnear", "data", "dev").is_dir():
        pytest.skip("PolNeAR data not found")
    result = evaluate()
    assert result.counts["gold"] > 300
    assert check_floors(result) == []
