"""Saving a run into a store so that the stories it touches stay whole.

A run's report holds the articles of that run. Run after run on new inputs (``newsweave analyze
new/ --db URL`` with a state folder, or the API's ``POST /api/analyze``), a story's articles come
from many runs, and the report of one run would overwrite its events, storylines and story-level
comparisons with the part that run saw. So before saving, the stored articles of every storyline
the run touched (:class:`_Reader`) are read back, and the report-scope stages run again over them
and the run's articles: grouping, which with nothing new only reads the persisted state, then the
comparisons. The per-article stages do not run again (the stored articles carry their entities,
quotes, figures and dates).
"""

from __future__ import annotations

import copy
from collections import Counter
from typing import Any

from ..errors import Code
from ..group import state as group_state
from ..io.report_json import report_to_dict
from ..model import Article, Report, article_from_dict
from ..pipeline import Config, Pipeline, default_stage_names, get_stage
from .base import SCOPED, Store

#: Most stored articles of one storyline read back (the latest): a story-level view of a
#: storyline longer than this covers its latest articles, so a run's cost stays bounded.
STORY_LIMIT = 2000


def _article_fields() -> frozenset[str]:
    """What the default per-article stages write (stored articles carry it)."""
    stages = [get_stage(n) for n in default_stage_names()]
    return frozenset(f for st in stages if st.scope == "article" for f in st.writes)


def _rebuilt(docs: list[dict[str, Any]]) -> tuple[list[Article], list[dict[str, Any]]]:
    """Articles rebuilt from stored docs with their annotations; a warning for each that could
    not be rebuilt (it stays stored as it is, outside its story's recomputed view)."""
    out, warnings = [], []
    for doc in docs:
        try:  # a report written elsewhere may leave out what a run does not need
            out.append(article_from_dict({"source": f"store:{doc['id']}", "text": "", **doc}))
        except (TypeError, ValueError) as exc:
            warnings.append(
                {
                    "source": f"store:{doc['id']}",
                    "code": Code.STORED_UNREADABLE.value,
                    "reason": f"stored article {doc['id']!r} of storyline "
                    f"{doc.get('storyline')!r} could not be rebuilt ({exc}); its story's view "
                    "leaves it out",
                }
            )
    return out, warnings


class _Reader:
    """The stored articles a run's save must recompute, found against the grouping state.

    The state says who is in which story now (:func:`..group.state.assignments`); the store
    says what earlier saves wrote. A storyline is touched when the run brought it articles, or
    when a stored article of it or for it disagrees with the state (a later run moved the
    article to another event, regrouped its event, or merged its event away): both the story it
    was stored under and the one it is in now are recomputed, until no read article points to
    an untouched one."""

    def __init__(self, store: Store, truth: dict[str, tuple[str, str]], skip: set[str]) -> None:
        self.store, self.truth, self.skip = store, truth, skip
        self.members: dict[str, list[str]] = {}
        for aid, (_, sid) in truth.items():  # in arrival order: the latest last
            self.members.setdefault(sid, []).append(aid)
        self.docs: dict[str, dict[str, Any]] = {}
        self.seen: set[str] = set()
        self.was: set[tuple[str, str]] = set()  # (section, id) stored before, maybe stale

    def _take(self, docs: list[dict[str, Any]]) -> set[str]:
        """Keep ``docs``; the storylines they show stale (stored and current)."""
        moved: set[str] = set()
        for doc in docs:
            if doc["id"] in self.seen:
                continue
            self.seen.add(doc["id"])
            if doc["id"] not in self.skip:  # the run's own articles come from the run
                self.docs[doc["id"]] = doc
            now = self.truth.get(doc["id"])
            stored = (doc.get("event") or "", doc.get("storyline") or "")
            self.was.update({("events", stored[0]), ("storylines", stored[1])})
            if now is not None and now != stored:
                moved.update(s for s in (stored[1], now[1]) if s)
        return moved

    def read(self, touched: set[str], suspects: list[str]) -> set[str]:
        """Read the stored articles of ``touched`` and ``suspects`` (articles a run may have
        moved); returns every storyline to recompute."""
        touched = set(touched) | self._take(self.store.get_many("articles", suspects))
        done: set[str] = set()
        while touched - done:
            todo = sorted(touched - done)
            done |= set(todo)
            found: list[dict[str, Any]] = []
            for sid in todo:
                found += self.store.items("articles", scope=sid, limit=STORY_LIMIT)
            ids = [a for sid in todo for a in self.members.get(sid, [])[-STORY_LIMIT:]]
            found += self.store.get_many("articles", [a for a in ids if a not in self.seen])
            touched |= self._take(found)
        return touched

    def stale(self, section: str) -> list[str]:
        """Ids of ``section`` stored before that no article of the state is in now."""
        pos = 0 if section == "events" else 1
        live = {pair[pos] for pair in self.truth.values()}
        return sorted(i for s, i in self.was if s == section and i and i not in live)


def save_run(store: Store, report: Report, config: Config) -> dict[str, Any]:
    """Save ``report`` (one run) into ``store`` with the stories it touches made whole again
    from the stored articles (see the module's docstring); returns what was saved, as contract
    data. ``report`` itself is left as it is."""
    st = group_state.of_report(report)
    if st is None or not config.state_dir:  # no ids that outlive the run: nothing to join
        data = report_to_dict(report)
        store.save_report(data)
        return data
    reader = _Reader(store, group_state.assignments(st), {a.id for a in report.articles})
    window = st.get("window")
    suspects = [a.id for a in report.articles]  # stored before: re-sent, maybe regrouped
    if window is not None:  # the articles a run may move
        suspects += [c for a in window.entries for c in (a, *window[a].copies)]
    touched = reader.read({a.storyline for a in report.articles if a.storyline}, suspects)
    # with the touched storylines, the moved articles of events not yet in a storyline
    wanted = touched | {""}
    docs = [d for d in reader.docs.values() if reader.truth.get(d["id"], ("", "x"))[1] in wanted]
    earlier, warnings = _rebuilt(docs)
    if not earlier:
        data = report_to_dict(report)
    else:
        names = [n for n in default_stage_names() if get_stage(n).scope == "report"]
        pipeline = Pipeline(names, config, given=_article_fields())
        whole = Report(
            articles=[*copy.deepcopy(report.articles), *earlier],
            problems=list(report.problems),
            read=report.read,
        )
        for n, a in enumerate(whole.articles):
            a.order = n
        pipeline.run_report_stages(whole)
        data = report_to_dict(whole)
    data["warnings"] = [*data["warnings"], *warnings]
    store.save_report(data)
    events, storylines = reader.stale("events"), reader.stale("storylines")
    store.delete("events", events)
    store.delete("storylines", storylines)
    for section in SCOPED:  # story-level views are scoped by storyline or event
        store.delete(section, [*storylines, *events])
    return data


def audit(store: Store, st: dict[str, Any]) -> dict[str, int]:
    """The articles stored, and counts of the store's disagreements with the grouping state
    ``st`` (all 0 when every stored story is whole); reads the whole store, for checks and
    benchmarks."""
    want = group_state.assignments(st)
    docs = store.items("articles", limit=10**7)
    ids = Counter(d["id"] for d in docs)
    out = {
        "articles_stored": len(ids),
        "articles_missing": len(set(want) - set(ids)),
        "articles_stored_twice": sum(1 for n in ids.values() if n > 1),
        "article_event_wrong": sum(1 for d in docs if want.get(d["id"], ("",))[0] != d["event"]),
        "article_storyline_wrong": sum(
            1 for d in docs if want.get(d["id"], ("", "x"))[1] != (d["storyline"] or "")
        ),
    }
    for section, pos in (("events", 0), ("storylines", 1)):
        members: dict[str, set[str]] = {}
        for aid, pair in want.items():
            members.setdefault(pair[pos], set()).add(aid)
        stored = {d["id"]: set(d["articles"]) for d in store.items(section, limit=10**7)}
        out[f"{section}_wrong"] = sum(
            1 for gid, arts in members.items() if gid and stored.get(gid) != arts
        )
        out[f"{section}_stale"] = sum(1 for gid in stored if gid not in members)
    return out
