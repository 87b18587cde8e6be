"""Wire copies, and stable ids across runs with persisted state."""

import json
import random
from pathlib import Path

from newsweave.group import state
from newsweave.group.stages import dedupe, events, storylines
from newsweave.model import Article, Report
from newsweave.pipeline import Config

_WORDS = [f"w{i}" for i in range(3000)]


def _story(seed: int, n: int = 200) -> str:
    rng = random.Random(seed)
    core = rng.sample(_WORDS, 30)
    return " ".join(
        rng.choice(core) if rng.random() < 0.5 else rng.choice(_WORDS) for _ in range(n)
    )


def _run(arts: list[Article], config: Config) -> Report:
    report = Report(articles=arts)
    for stage in (dedupe, events, storylines):
        stage(report, config)
    return report


def test_wire_copy_points_to_earliest_and_is_listed() -> None:
    wire = _story(1)
    arts = [
        Article(id="late", source="x", text=wire + " Reprinted with thanks.", title="Quake hits",
                published="2020-01-03", outlet="b.com", order=0),
        Article(id="first", source="x", text=wire, title="Quake hits", published="2020-01-01",
                outlet="a.com", order=1),
        Article(id="other", source="x", text=_story(2), title="Budget passes",
                published="2020-01-02", outlet="c.com", order=2),
    ]  # fmt: skip
    report = _run(arts, Config())
    by_id = {a.id: a for a in report.articles}
    assert by_id["late"].duplicate_of == "first"
    assert by_id["first"].duplicate_of is None and by_id["other"].duplicate_of is None
    assert by_id["late"].event == by_id["first"].event != by_id["other"].event
    ev = next(e for e in report.events if e.id == by_id["first"].event)
    assert [x["article"] for x in ev.ext["also_ran_in"]] == ["late"]


def _batch(start: int, stories: int, per: int) -> list[Article]:
    arts = []
    for s in range(stories):
        for k in range(per):
            # the headline's words are in the text, as in a real story
            text = (
                f"story {s}. "
                + _story(100 + s, 150)
                + " "
                + _story(10_000 + start + s * per + k, 40)
            )
            arts.append(Article(id=f"s{s}-{start + k}", source="x", text=text,
                                title=f"story {s}", published=f"2021-03-{1 + s:02d}"))  # fmt: skip
    for i, a in enumerate(arts):
        a.order = i
    return arts


def test_ids_survive_reruns_and_additions(tmp_path: Path) -> None:
    cfg = Config(state_dir=tmp_path)
    first = _run(_batch(0, 4, 3), cfg)
    ev1 = {a.id: a.event for a in first.articles}
    sl1 = {a.id: a.storyline for a in first.articles}
    assert len(set(ev1.values())) == 4
    again = _run(_batch(0, 4, 3), cfg)  # same input again: same ids
    assert {a.id: a.event for a in again.articles} == ev1
    more = _run(_batch(0, 4, 3) + _batch(3, 4, 2), cfg)  # new articles join the same stories
    ev2 = {a.id: a.event for a in more.articles}
    for aid, eid in ev1.items():
        assert ev2[aid] == eid
    for s in range(4):
        assert ev2[f"s{s}-3"] == ev1[f"s{s}-0"]
    sl2 = {a.id: a.storyline for a in more.articles}
    assert all(sl2[aid] == sid for aid, sid in sl1.items())  # storylines keep their ids too
    saved = json.loads((tmp_path / state.FILE_NAME).read_text())
    assert saved["format"] == state.FORMAT and saved["version"] == state.VERSION
    assert set(saved["articles"]) == set(ev2)


def test_without_state_dir_nothing_is_written(tmp_path: Path) -> None:
    _run(_batch(0, 2, 2), Config())
    assert not list(tmp_path.iterdir())
