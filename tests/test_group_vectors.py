"""Event vectors: the word-pairs part lives in a range of its own, apart from words and
embeddings, and a grouping state of another version is refused."""

import json
from pathlib import Path

import pytest

from newsweave.group import state
from newsweave.group.text import Parts
from newsweave.group.vectors import (
    N_FEATURES,
    PAIRS_BASE,
    DocFreq,
    dot,
    hashed_counts,
    lexical,
    part_tokens,
    weigh,
)
from newsweave.pipeline import Config


def _parts(body: str) -> Parts:
    words = body.split()
    return Parts(title=["saints", "injured"], lead=words[:5], body=words, names=["saints"])


def test_pairs_are_adjacent_body_words_in_their_own_range() -> None:
    p = _parts("saints placed reggie bush injured reserve")
    assert part_tokens(p)["pairs"][:2] == ["p:saints placed", "p:placed reggie"]
    counts = hashed_counts(p)
    assert all(PAIRS_BASE <= f < PAIRS_BASE + N_FEATURES for f in counts["pairs"][0])
    assert all(f < PAIRS_BASE for name in ("head", "body", "names") for f in counts[name][0])


def test_pairs_tell_two_incidents_of_one_kind_apart() -> None:
    bush = _parts("saints placed reggie bush injured reserve knee sprain season over " * 3)
    thomas = _parts("saints placed pierre thomas injured reserve ankle season over " * 3)
    bush2 = _parts("reggie bush injured reserve saints placed knee sprain ends season " * 3)
    df = DocFreq()
    for p in (bush, thomas, bush2):
        df.add([int(f) for idx, _ in hashed_counts(p).values() for f in idx])
    vb, vt, vb2 = (weigh(hashed_counts(p), df) for p in (bush, thomas, bush2))
    pairs_only = [{f: v for f, v in v.items() if f >= PAIRS_BASE} for v in (vb, vt, vb2)]
    same = dot(pairs_only[0], pairs_only[2])
    other = dot(pairs_only[0], pairs_only[1])
    assert same > other  # "reggie bush", "knee sprain" are shared by one incident only
    words = lexical(vb)
    assert words and all(f < PAIRS_BASE for f in words)


def test_state_of_another_version_is_refused(tmp_path: Path) -> None:
    old = state.empty() | {"version": 1}
    (tmp_path / state.FILE_NAME).write_text(json.dumps(old))
    with pytest.raises(ValueError, match="fresh state_dir"):
        state.load(Config(state_dir=tmp_path))
