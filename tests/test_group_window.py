"""The recent window: the latest articles' token counts, kept so later runs revisit their events."""

import copy
from pathlib import Path

import numpy as np
import pytest

from newsweave.eval import data_path
from newsweave.eval.clustering import load, run_grouping
from newsweave.group import state, window
from newsweave.group.clusters import Cluster, OnlineClusterer
from newsweave.group.events import PARAMS, _restore
from newsweave.group.signature import Signature
from newsweave.group.text import parts
from newsweave.group.vectors import DocFreq, hashed_counts
from newsweave.model import Article
from newsweave.pipeline import Config


def _entry(text: str, t: float | None = 10.0, dense: bool = False) -> window.Entry:
    p = parts(Article(id="x", source="t", text=text, title=text.split(".")[0]))
    sig = Signature(frozenset({"lesbos", "coast"}), frozenset({"lesbos"}))
    emb = np.array([0.6, -0.8]) if dense else None
    return window.Entry(hashed_counts(p), t, sig, emb)


TEXTS = [
    "Ferry sinks off Lesbos. The coast guard rescued dozens of passengers from the water.",
    "Coast guard boats pulled passengers from the sea after a ferry went down near Lesbos.",
    "Central bank raises interest rates. Inflation rose faster than expected in March.",
]


def test_the_window_survives_a_save_and_keeps_only_the_latest(tmp_path: Path) -> None:
    w = window.Window(size=2)
    for i, text in enumerate(TEXTS):
        w.add(f"a{i}", _entry(text, t=None if i == 1 else 10.0 + i, dense=i == 2))
    w.add_copy("a1", "copy-of-a1")
    w.add_copy("a0", "gone")  # a0 left the window: nothing to record
    assert list(w.entries) == ["a1", "a2"] and w.dirty
    path = tmp_path / "window.npz"
    w.save(path)
    assert not w.dirty
    back = window.Window.load(path, size=2)
    assert list(back.entries) == ["a1", "a2"] and not back.dirty
    df = DocFreq()
    for e in w.entries.values():
        df.add([int(f) for idx, _ in e.counts.values() for f in idx])
    for aid in w.entries:
        old, new = w[aid], back[aid]
        assert (new.t, new.sig, new.copies) == (old.t, old.sig, old.copies)
        assert new.item(df)[0] == pytest.approx(old.item(df)[0])  # the same vector, dense too
        assert new.item(df)[3] == pytest.approx(old.item(df)[3])
    assert back["a1"].dense is None and back["a2"].dense is not None
    assert window.Window.load(tmp_path / "missing.npz").entries == {}


def test_only_events_wholly_in_the_window_are_rebuilt_and_revisited() -> None:
    w = window.Window()
    for i, text in enumerate(TEXTS[:2]):
        w.add(f"a{i}", _entry(text))
    df = DocFreq()
    for e in w.entries.values():
        df.add([int(f) for idx, _ in e.counts.values() for f in idx])
    whole = Cluster(0)
    for aid in ("a0", "a1"):
        whole.add(aid, {1: 1.0}, 10.0)  # stale sums: rebuilt from the window's counts
    partial = Cluster(1)
    partial.add("old", {2: 1.0}, 1.0)  # older than the window: the event stays one unit
    before = {0: whole.to_json(), 1: partial.to_json()}
    clusterer = OnlineClusterer(PARAMS, 2)
    sigs: dict[str, Signature] = {}
    items, rebuilt = _restore(clusterer, before, w, df, sigs)
    assert rebuilt == {0}
    assert list(items) == ["a0", "a1"] and set(sigs) == {"a0", "a1"}
    rebuilt = clusterer.active[0]
    assert rebuilt.members == ["a0", "a1"] and 1 not in rebuilt.total
    expected = {}
    for aid in ("a0", "a1"):
        for f, v in items[aid][0].items():
            expected[f] = expected.get(f, 0.0) + v
    assert rebuilt.total == pytest.approx(expected)
    assert clusterer.active[1].total == {2: 1.0}  # as it was
    assert not clusterer.touched  # revisited only when the run's articles come near it
    clusterer.assign("new", items["a1"][0], 10.0)
    assert 0 in clusterer.near


def _consistent(st: dict, report_events: dict[str, str]) -> None:
    """Every article is in exactly one live event of the state (merged-away ones are aliases),
    the one the report gives it."""
    alias = st.get("event_alias", {})
    owner: dict[str, str] = {}
    for eid, ev in st["events"].items():
        if eid in alias:
            continue
        for aid in ev["articles"]:
            assert aid not in owner, f"{aid} in {owner.get(aid)} and {eid}"
            owner[aid] = eid
    assert owner == report_events
    for aid, eid in report_events.items():
        known = st["articles"][aid]["event"]
        while known in alias:
            known = alias[known]
        assert known == eid


def test_a_feed_keeps_the_state_consistent_and_the_window_bounded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = data_path("clustering", "ecbplus-dev.jsonl")
    if not path.exists():
        pytest.skip("shared data not available")
    monkeypatch.setattr(window, "SIZE", 40)
    monkeypatch.setattr(window.Window.__init__, "__defaults__", (40,))
    monkeypatch.setattr(window.Window.load.__func__, "__defaults__", (40,))  # type: ignore[attr-defined]
    articles, _ = load(path)
    articles = articles[:90]
    moved = 0
    seen: dict[str, str] = {}
    for i in range(1, 5):
        report = run_grouping(copy.deepcopy(articles[: len(articles) * i // 4]), state_dir=tmp_path)
        events = {a.id: str(a.event) for a in report.articles}
        moved += sum(1 for aid, eid in seen.items() if events[aid] != eid)
        seen = events
        st = state.load(Config(state_dir=tmp_path))
        assert len(st["window"]) <= 40
        _consistent(st, events)
        for ev in report.events:  # a report's events hold exactly its articles
            assert all(events[a] == ev.id for a in ev.articles)
    assert moved > 0  # earlier runs' articles did move (the window is in use)
