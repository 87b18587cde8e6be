"""The wire-copy evaluation holds its pinned floors on the labelled grouping sets."""

from __future__ import annotations

import pytest

from newsweave.eval import check_floors, data_path
from newsweave.eval.clustering import LABELLED
from newsweave.eval.duplicates import EDITS, evaluate


@pytest.fixture(scope="module")
def sets_present() -> None:
    missing = [p for p in (data_path(*parts) for parts in LABELLED) if not p.exists()]
    if missing:
        pytest.skip(f"labelled sets not found: {missing}")


def test_edits_keep_what_they_say() -> None:
    paras = [f"p{i}" for i in range(10)]
    other = ("Their headline", ["theirs 0", "theirs 1"])
    assert EDITS["reprint"]("T", paras, other, 3) == ("T", paras)
    assert EDITS["cut"]("T", paras, other, 3) == ("T", paras[:6])
    assert EDITS["retitled"]("T", paras, other, 3) == ("Their headline", paras)
    title, body = EDITS["own_top"]("T", paras, other, 3)
    assert title == "T" and body[0] == "theirs 1" and len(body) == 10 and body[1] == "p0"
    assert EDITS["cut_retitled"]("T", paras, other, 3) == ("Their headline", paras[:6])


@pytest.mark.slow
def test_duplicates_eval_meets_floors(sets_present: None) -> None:
    result = evaluate()
    assert result.counts["copies_made"] > 7000
    assert check_floors(result) == []
    assert result.counts["marked_checked"] > 30  # marks checked against gold events
