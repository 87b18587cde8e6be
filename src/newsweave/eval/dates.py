"""Dates on TempEval-3: DATE TIMEX3 values against the document creation time.

Each ``.tml`` file becomes an :class:`~newsweave.model.Article` whose text is the ``<TEXT>``
element with its tags stripped (offsets kept) and whose ``published`` is the value of the
TIMEX3 with ``functionInDocument="CREATION_TIME"``; it then runs through the pipeline's own
stage functions (``newsweave.nlp.parse.v1`` and ``newsweave.extract.dates.v1``), called
directly so the evaluation does not depend on the rest of the default pipeline.

Metrics (relaxed span matching = any character overlap):

* ``value_accuracy`` — gold DATE timexes overlapped by a prediction with exactly the gold
  value, divided by all gold DATE timexes (TempEval-3 "value" accuracy; the floors key on it).
* ``span_precision`` / ``span_recall`` / ``span_f1`` — predictions overlapping a gold DATE /
  gold DATEs overlapped by a prediction.
* ``value_precision`` / ``value_f1`` — predictions overlapping a gold DATE with its value,
  over all predictions; F1 with ``value_accuracy`` as recall.

Predictions overlapping a gold timex of another type (TIME "Friday morning", DURATION
"the past year", SET) are neither right nor wrong: they are left out of the precision
denominators (counted as ``ignored``).
"""

from __future__ import annotations

import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .. import nlp
from ..extract.dates import dates_stage
from ..model import Article, DateMention
from ..pipeline import Config
from . import EvalResult, data_path

PLATINUM = ("Evaluation", "te3-platinum")


@dataclass
class Timex:
    start: int
    end: int
    text: str
    type: str
    value: str


@dataclass
class TimeMLDoc:
    name: str
    text: str
    dct: str | None
    timexes: list[Timex]


def _walk(elem: ET.Element, parts: list[str], pos: int, out: list[Timex]) -> int:
    """Append ``elem``'s text to ``parts`` from offset ``pos``, collecting TIMEX3 spans."""
    start = pos
    if elem.text:
        parts.append(elem.text)
        pos += len(elem.text)
    for child in elem:
        pos = _walk(child, parts, pos, out)
        if child.tail:
            parts.append(child.tail)
            pos += len(child.tail)
    if elem.tag == "TIMEX3":
        out.append(Timex(start, pos, "", elem.get("type", ""), elem.get("value", "")))
    return pos


def read_timeml(path: Path) -> TimeMLDoc:
    """The text of ``<TEXT>`` (tags stripped), its TIMEX3 spans and the creation time."""
    root = ET.parse(path).getroot()
    dct = None
    for timex in root.iter("TIMEX3"):
        if timex.get("functionInDocument") == "CREATION_TIME":
            dct = timex.get("value")
            break
    body = root.find("TEXT")
    parts: list[str] = []
    timexes: list[Timex] = []
    if body is not None:
        _walk(body, parts, 0, timexes)
    text = "".join(parts)
    for t in timexes:
        t.text = text[t.start : t.end]
    return TimeMLDoc(path.stem, text, dct[:10] if dct else None, timexes)


def predict(doc: TimeMLDoc) -> list[DateMention]:
    """Run the pipeline's own parse and date stages on one TimeML document."""
    article = Article(id=doc.name, source=doc.name, text=doc.text, language="en", published=doc.dct)
    config = Config()
    return dates_stage(nlp.parse(article, config), config).dates


def _overlaps(a: Timex | DateMention, b: Timex | DateMention) -> bool:
    return a.start < b.end and b.start < a.end


def _files(path: Path | None) -> list[Path]:
    root = path or data_path("temporal", "tempeval3")
    if root.is_file():
        return [root]
    if root.joinpath(*PLATINUM).is_dir():
        root = root.joinpath(*PLATINUM)
    return sorted(root.rglob("*.tml"))


def _ratio(a: int, b: int) -> float:
    return a / b if b else 0.0


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def evaluate(path: Path | None = None, **options: Any) -> EvalResult:
    """Score the date stage on TempEval-3 platinum (or the ``.tml`` files under ``path``)."""
    files = _files(path)
    if not files:
        raise FileNotFoundError(f"no .tml files under {path or data_path('temporal')}")
    t0 = time.perf_counter()
    gold_n = found = correct = pred_n = ignored = pred_hit = pred_right = 0
    errors: list[dict[str, str]] = []
    for file in files:
        doc = read_timeml(file)
        preds = predict(doc)
        gold = [t for t in doc.timexes if t.type == "DATE"]
        other = [t for t in doc.timexes if t.type != "DATE"]
        for g in gold:
            over = [p for p in preds if _overlaps(p, g)]
            gold_n += 1
            found += bool(over)
            ok = any(p.value == g.value for p in over)
            correct += ok
            if not ok:
                got = ", ".join(f"{p.text}={p.value}" for p in over) or "-"
                errors.append({"doc": doc.name, "text": g.text, "gold": g.value, "got": got})
        for p in preds:
            hits = [g for g in gold if _overlaps(p, g)]
            if not hits and any(_overlaps(p, o) for o in other):
                ignored += 1
                continue
            pred_n += 1
            pred_hit += bool(hits)
            pred_right += any(g.value == p.value for g in hits)
            if not hits:
                errors.append({"doc": doc.name, "text": p.text, "gold": "-", "got": p.value})
    accuracy = _ratio(correct, gold_n)
    span_p, span_r = _ratio(pred_hit, pred_n), _ratio(found, gold_n)
    value_p = _ratio(pred_right, pred_n)
    return EvalResult(
        task="dates",
        metrics={
            "value_accuracy": accuracy,
            "value_precision": value_p,
            "value_f1": _f1(value_p, accuracy),
            "span_precision": span_p,
            "span_recall": span_r,
            "span_f1": _f1(span_p, span_r),
        },
        counts={
            "documents": len(files),
            "gold_dates": gold_n,
            "predicted": pred_n,
            "ignored": ignored,
            "correct": correct,
        },
        seconds=time.perf_counter() - t0,
        details={"errors": errors},
    )
