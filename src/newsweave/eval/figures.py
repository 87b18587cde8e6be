"""Figures on the English number, percentage and currency cases of Microsoft Recognizers-Text.

Spec files used (read straight from ``numbers/recognizers-text-specs/specs.tar.gz``):
``Specs/Number/English/NumberModel.json`` (numbers), ``Specs/Number/English/PercentModel.json``
(percentages) and ``Specs/NumberWithUnit/English/CurrencyModel.json`` (currency): the default
models for those three kinds. The ``*ExperimentalMode``/``*PercentMode`` variants, ranges,
ordinals, dimensions, ages and temperatures are other tasks and are left out.

Skipped: cases the spec marks ``NotSupported`` or ``NotSupportedByDesign`` for ``dotnet`` (the
reference implementation itself does not produce that gold), and gold results without a value
(a bare "dollar"). Cases marked unsupported only for Python/Java/JavaScript are kept: they are
what the reference gets right. ``value_acc_python`` is the same score on the cases the spec's
Python port is expected to pass.

Each input becomes an :class:`~newsweave.model.Article` that runs through the pipeline's own
``newsweave.nlp.parse.v1`` and ``newsweave.extract.figures.v1`` stages. A gold result counts as
found when a figure overlapping its span has its value (relative tolerance 1e-6); unit accuracy
is over found currency and percentage results. Figures on inputs whose gold is empty (e.g. "The
one you mentioned is invalid") are counted as ``spurious``. Years, dates, phone numbers and
identifiers are not figures by design, so the number cases that expect them count as misses.
"""

from __future__ import annotations

import json
import tarfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..model import Article, Figure
from ..pipeline import Config, get_stage
from . import EvalResult, data_path

SPECS = "numbers/recognizers-text-specs/specs.tar.gz"
MODELS: dict[str, str] = {
    "number": "Specs/Number/English/NumberModel.json",
    "percent": "Specs/Number/English/PercentModel.json",
    "currency": "Specs/NumberWithUnit/English/CurrencyModel.json",
}
#: Recognizers-Text unit names -> the unit newsweave writes (ISO 4217 where there is one).
GOLD_UNITS: dict[str, str] = {
    "Dollar": "USD", "United States dollar": "USD", "Canadian dollar": "CAD",
    "Australian dollar": "AUD", "Hong Kong dollar": "HKD", "New Zealand dollar": "NZD",
    "Mexican peso": "MXN", "Pound": "GBP", "British pound": "GBP", "Euro": "EUR",
    "Japanese yen": "JPY", "Chinese yuan": "CNY", "Cent": "cent", "Pence": "pence",
    "Franc": "franc", "Peseta": "ESP", "Finnish markka": "FIM", "Rupee": "INR",
    "Sri Lankan rupee": "LKR", "Turkish lira": "TRY", "Bitcoin": "BTC", "Satoshi": "satoshi",
}  # fmt: skip
TOLERANCE = 1e-6


@dataclass
class Case:
    model: str
    text: str
    gold: list[dict[str, Any]]  # Recognizers-Text results that carry a value
    python: bool  # expected to pass in the spec's Python port too


def _unsupported(entry: dict[str, Any], platform: str) -> bool:
    marks = f"{entry.get('NotSupported') or ''},{entry.get('NotSupportedByDesign') or ''}"
    return platform in marks.replace(" ", "").lower().split(",")


def load_cases(path: Path | None = None) -> tuple[list[Case], dict[str, int]]:
    """The cases used, and counts of what was skipped and why."""
    tar_path = path or data_path(SPECS)
    skipped = {"skipped_cases": 0, "skipped_results_without_value": 0}
    cases: list[Case] = []
    with tarfile.open(tar_path) as tar:
        for model, member in MODELS.items():
            fh = tar.extractfile(member)
            if fh is None:
                continue
            for entry in json.loads(fh.read().decode("utf-8-sig")):
                if _unsupported(entry, "dotnet"):
                    skipped["skipped_cases"] += 1
                    continue
                gold = []
                for res in entry.get("Results") or []:
                    if res.get("Resolution", {}).get("value") in (None, "null"):
                        skipped["skipped_results_without_value"] += 1
                    else:
                        gold.append(res)
                cases.append(
                    Case(model, entry["Input"], gold, python=not _unsupported(entry, "python"))
                )
    return cases, skipped


def gold_value(res: dict[str, Any]) -> float:
    return float(str(res["Resolution"]["value"]).rstrip("%"))


def gold_unit(res: dict[str, Any], model: str) -> str:
    if model == "percent":
        return "percent"
    unit = str(res["Resolution"].get("unit", ""))
    return GOLD_UNITS.get(unit) or str(res["Resolution"].get("isoCurrency") or unit.lower())


def _same(a: float, b: float) -> bool:
    return abs(a - b) <= TOLERANCE * max(1.0, abs(b))


def _match(res: dict[str, Any], figures: list[Figure]) -> Figure | None:
    """The figure overlapping gold ``res`` with its value (or None)."""
    start, end = int(res["Start"]), int(res["End"]) + 1
    want = gold_value(res)
    for fig in figures:
        if fig.start < end and start < fig.end and _same(fig.value, want):
            return fig
    return None


def run_figures(text: str) -> list[Figure]:
    """The pipeline's parse and figures stages on one text."""
    config = Config()
    article = Article(id="spec", source="spec", text=text, language="en")
    for name in ("newsweave.nlp.parse.v1", "newsweave.extract.figures.v1"):
        article = get_stage(name).func(article, config)
    return article.figures


def evaluate(path: Path | None = None, **_: Any) -> EvalResult:
    """Value accuracy overall and per model, unit accuracy, counts and time."""
    t0 = time.perf_counter()
    cases, counts = load_cases(path)
    found: dict[str, int] = dict.fromkeys(MODELS, 0)
    total: dict[str, int] = dict.fromkeys(MODELS, 0)
    py_found = py_total = unit_ok = unit_total = spurious = 0
    misses: list[dict[str, Any]] = []
    for case in cases:
        figures = run_figures(case.text)
        if not case.gold:
            spurious += len(figures)
        for res in case.gold:
            total[case.model] += 1
            py_total += case.python
            fig = _match(res, figures)
            if fig is None:
                got = [(f.text, f.value) for f in figures]
                misses.append({"model": case.model, "input": case.text, "gold": res["Text"],
                               "value": gold_value(res), "got": got})  # fmt: skip
                continue
            found[case.model] += 1
            py_found += case.python
            if case.model in ("currency", "percent"):
                unit_total += 1
                unit_ok += fig.unit == gold_unit(res, case.model)
    all_found, all_total = sum(found.values()), sum(total.values())
    metrics = {"value_acc": all_found / max(1, all_total)}
    metrics |= {f"value_acc_{m}": found[m] / max(1, total[m]) for m in MODELS}
    metrics["value_acc_python"] = py_found / max(1, py_total)
    metrics["unit_acc"] = unit_ok / max(1, unit_total)
    counts |= {"cases": len(cases), "gold": all_total, "found": all_found, "spurious": spurious}
    counts |= {f"gold_{m}": total[m] for m in MODELS}
    return EvalResult(
        task="figures",
        metrics=metrics,
        counts=counts,
        seconds=time.perf_counter() - t0,
        details={"misses": misses},
    )
