"""The recent window: what the events stage keeps of the latest articles between runs.

Fed as a live feed, a story's articles arrive over several runs. Without its members' vectors,
an event of an earlier run is one fixed unit: a later run can add articles to it, merge it or
split it whole, but no single article of it can move, and its centroid keeps the word weights
of the run that built it. Two incidents of one kind told across a run boundary then stay merged,
and one incident split by the boundary stays split (ECB+ dev fed in 24 runs lost 0.07 event F1
to this; docs/evaluation.md).

So the state keeps, for the latest ``SIZE`` original articles (copies are not clustered), what
the events stage needs to rebuild their items: hashed token counts per part (re-weighed with
the document frequencies of the current run), time, name signature and, with embeddings on,
the centred headline embedding. An active event all of whose members are in the window is
rebuilt from them at the start of a run, so the run's articles meet it with the current word
weights; when they come near it (it is one of their candidates), its members are revisited by
the end-of-run passes (sweep, split, reassignment) like the run's own articles. An event with a
member older than the window stays one unit, as before. The window is bounded, so neither the
state nor the work of a run grows with the archive; a run pays for rebuilding it (on the
synthetic stream of ``benchmarks/grouping.py``, about 3 s a run at 1,000 articles).
"""

from __future__ import annotations

import json
import math
import os
import tempfile
from collections import OrderedDict
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from .clusters import Item
from .signature import Signature
from .vectors import DocFreq, embedded, weigh

#: Latest original articles whose items the state keeps.
SIZE = 1000

Counts = dict[str, tuple[np.ndarray, np.ndarray]]


@dataclass
class Entry:
    """What the window keeps of one article."""

    counts: Counts
    t: float | None
    sig: Signature
    dense: np.ndarray | None = None
    #: Copies of this article (by the dedupe stage), which follow it when it moves.
    copies: list[str] = field(default_factory=list)

    def item(self, df: DocFreq) -> Item:
        """The article's item as the events stage builds it, weighed with ``df``."""
        names = weigh({"names": self.counts["names"]}, df)
        return Item(weigh(self.counts, df), self.t, self.sig, names, embedded(self.dense))


class Window:
    """The latest ``size`` articles' entries, oldest first. Saved as numpy arrays (``.npz``)
    beside the JSON state: a few thousand articles' token counts are tens of megabytes as JSON,
    and the grouping stages save the state after each stage."""

    def __init__(self, size: int = SIZE) -> None:
        self.size = size
        self.entries: OrderedDict[str, Entry] = OrderedDict()
        #: Changed since it was loaded or saved (an unchanged window is not written again).
        self.dirty = False

    def __contains__(self, aid: object) -> bool:
        return aid in self.entries

    def __getitem__(self, aid: str) -> Entry:
        return self.entries[aid]

    def __len__(self) -> int:
        return len(self.entries)

    def add(self, aid: str, entry: Entry) -> None:
        """Keep ``entry`` as the newest; the oldest beyond ``size`` are dropped."""
        self.entries[aid] = entry
        self.entries.move_to_end(aid)
        while len(self.entries) > self.size:
            self.entries.popitem(last=False)
        self.dirty = True

    def add_copy(self, original: str, copy: str) -> None:
        """Record ``copy`` on its ``original``'s entry (when the original is in the window)."""
        if original in self.entries:
            self.entries[original].copies.append(copy)
            self.dirty = True

    def save(self, path: Path) -> None:
        """Write the window to ``path`` (``.npz``, atomically: temp file + rename)."""
        entries = list(self.entries.values())
        arrays: dict[str, np.ndarray] = {
            "ids": np.array(list(self.entries), dtype=str),
            "t": np.array([np.nan if e.t is None else e.t for e in entries], dtype=np.float64),
        }
        for part in PARTS:
            idx = [e.counts[part][0] for e in entries]
            arrays[f"{part}_len"] = np.array([len(x) for x in idx], dtype=np.int64)
            arrays[f"{part}_idx"] = _concat(idx, np.int64)
            arrays[f"{part}_cnt"] = _concat([e.counts[part][1] for e in entries], np.float32)
        dense = [e.dense for e in entries]
        arrays["dense_len"] = np.array([0 if d is None else len(d) for d in dense], dtype=np.int64)
        arrays["dense"] = _concat([d for d in dense if d is not None], np.float32)
        # names and copies are short lists of strings: one JSON text for all
        meta = [[sorted(e.sig.mentioned), sorted(e.sig.salient), e.copies] for e in entries]
        arrays["meta"] = np.array(json.dumps(meta))
        fd, tmp = tempfile.mkstemp(prefix=".window.", suffix=".npz", dir=path.parent)
        with os.fdopen(fd, "wb") as fh:
            np.savez(fh, **arrays)  # type: ignore[arg-type]
        os.replace(tmp, path)
        self.dirty = False

    @classmethod
    def load(cls, path: Path | None, size: int = SIZE) -> Window:
        """The window saved at ``path`` (an empty one when there is none)."""
        w = cls(size)
        if path is None or not path.exists():
            return w
        with np.load(path, allow_pickle=False) as z:
            data = {k: z[k] for k in z.files}
        meta = json.loads(str(data["meta"]))
        splits = {part: _split(data[f"{part}_idx"], data[f"{part}_len"]) for part in PARTS}
        counts = {part: _split(data[f"{part}_cnt"], data[f"{part}_len"]) for part in PARTS}
        dense_rows = _split(data["dense"], data["dense_len"])
        for i, aid in enumerate(data["ids"].tolist()):
            t = float(data["t"][i])
            dense = dense_rows[i]
            w.entries[str(aid)] = Entry(
                counts={
                    part: (splits[part][i], counts[part][i].astype(np.float64)) for part in PARTS
                },
                t=None if math.isnan(t) else t,
                sig=Signature(frozenset(meta[i][0]), frozenset(meta[i][1])),
                dense=dense.astype(np.float64) if len(dense) else None,
                copies=list(meta[i][2]),
            )
        return w


#: The parts of an article's token counts (see :func:`.vectors.part_tokens`).
PARTS = ("head", "body", "pairs", "names")


def _concat(rows: list[np.ndarray], dtype: type) -> np.ndarray:
    return np.concatenate(rows).astype(dtype) if rows else np.zeros(0, dtype=dtype)


def _split(flat: np.ndarray, lengths: np.ndarray) -> list[np.ndarray]:
    return np.split(flat, np.cumsum(lengths)[:-1]) if len(lengths) else []
