"""Grouping state: what survives between runs so stories keep their ids.

Stored as one JSON file, ``<state_dir>/grouping.json`` (written atomically: temp file + rename),
when ``Config.state_dir`` is set; otherwise the state lives for one run only. Format (version 2)::

    {
      "format": "newsweave.grouping", "version": 2,
      "docfreq":   {"n_docs": N, "df": {"<hashed feature>": count, ...}},
      "articles":  {"<article id>": {"event": "e3", "duplicate_of": null | "<id>",
                                      "headline_only": true (only when so)}, ...},
      "events":    {"e3": {"articles": [...], "storyline": "s1", "start": ..., "end": ...,
                           "title": ..., "also_ran_in": [...]}, ...},
      "event_clusters":     {"active": [cluster, ...], "next_key": K},
      "storyline_clusters": {"active": [cluster, ...], "next_key": K},
      "storylines": {"s1": {"events": [...]}, ...},
      "minhash":   {"recent": [["<article id>", [title words], [hash values],
                                "<original id>" | null, shingle count], ...]},
      "embeddings": "none" | "e5:headline" | "minilm+e5:headline" | ...,
      "embed_mean": {"<model>": {"n": N, "total": [...]}, "<model>:<lang>": {...}, ...}
                    (running sums of each model's headline embeddings, all and per language)
    }

A cluster is ``{"key", "members", "total" (sparse vector sum), "first", "last"}``, with
``"dense"`` (its members' embedding sum, a list) when the events stage embeds headlines (a
state from before kept that sum in ``total``, from feature 2^21 on, and is read as such,
:meth:`.clusters.Cluster.from_json`); event ``eK``
is cluster ``K - 1`` of the event level, storyline ``sK`` likewise. Only the bounded window of
active clusters and recent MinHash signatures is kept, so the file does not grow with vectors of
the whole archive (only the id maps grow, by one small entry per article).

Beside it, ``<state_dir>/window.npz`` holds the token counts of the latest articles
(:mod:`.window`), so that a later run can rebuild and revisit their events; it is bounded too,
and written only when it changed. A state without it (an older one) is read as an empty window.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any

from ..model import Report
from ..pipeline import Config
from .events import resolve
from .window import Window

FILE_NAME = "grouping.json"
#: The recent window (:mod:`.window`), beside it: token counts as numpy arrays, not JSON.
WINDOW_FILE = "window.npz"
FORMAT = "newsweave.grouping"
#: 2: vectors with the word-pairs part (a version-1 state's centroids are not comparable).
VERSION = 2
_ATTR = "_newsweave_grouping_state"


def empty() -> dict[str, Any]:
    """A fresh state."""
    return {
        "format": FORMAT,
        "version": VERSION,
        "docfreq": {"n_docs": 0, "df": {}},
        "articles": {},
        "events": {},
        "event_clusters": {"active": [], "next_key": 0},
        "storyline_clusters": {"active": [], "next_key": 0},
        "storylines": {},
        "minhash": {"recent": []},
    }


def path_of(config: Config) -> Path | None:
    return Path(config.state_dir) / FILE_NAME if config.state_dir else None


def window_path(config: Config) -> Path | None:
    return Path(config.state_dir) / WINDOW_FILE if config.state_dir else None


def load(config: Config, window: bool = True) -> dict[str, Any]:
    """The persisted state, or a fresh one; ``window=False`` leaves out the window of recent
    articles' token counts (a separate, larger file), for a look at the state alone."""
    path = path_of(config)
    if path is None or not path.exists():
        return empty()
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    if data.get("format") != FORMAT or data.get("version") != VERSION:
        raise ValueError(
            f"{path}: not a newsweave grouping state of version {VERSION} (found "
            f"{data.get('format')!r} version {data.get('version')!r}); use a fresh state_dir"
        )
    if window:
        data["window"] = Window.load(window_path(config))
    return data


def for_report(report: Report, config: Config) -> dict[str, Any]:
    """The state shared by the grouping stages of one run (loaded once, kept on the report)."""
    cached: dict[str, Any] | None = report.__dict__.get(_ATTR)
    if cached is None:
        cached = load(config)
        report.__dict__[_ATTR] = cached
    return cached


def of_report(report: Report) -> dict[str, Any] | None:
    """The state the grouping stages of ``report``'s run left (None when they did not run)."""
    return report.__dict__.get(_ATTR)


def assignments(state: dict[str, Any]) -> dict[str, tuple[str, str]]:
    """(event, storyline) of every article the state knows, merged-away ids followed to the
    ids that stand for them now: who is in which story, as the next run will tell it."""
    ev_alias = state.get("event_alias", {})
    sl_alias = state.get("storyline_alias", {})
    out = {}
    for aid, rec in state["articles"].items():
        eid = resolve(ev_alias, rec["event"])
        sid = state["events"].get(eid, {}).get("storyline")
        out[aid] = (eid, resolve(sl_alias, sid) if sid else "")
    return out


def save(state: dict[str, Any], config: Config) -> None:
    """Write ``state`` to ``state_dir`` (no-op without one)."""
    path = path_of(config)
    if path is None:
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".grouping.", dir=path.parent)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        # one json.dumps: its C encoder is several times faster than json.dump's chunks
        fh.write(
            json.dumps({k: v for k, v in state.items() if k != "window"}, separators=(",", ":"))
        )
    os.replace(tmp, path)
    window: Window | None = state.get("window")
    wpath = window_path(config)
    if window is not None and window.dirty and wpath is not None:
        window.save(wpath)
