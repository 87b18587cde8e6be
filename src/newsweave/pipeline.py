"""Stage registry, configuration and the pipeline checked when built.

A stage is a registered function with a versioned name (``"newsweave.quotes.rules.v1"``) that
declares which fields it reads and writes (spaCy's ``Language.factory(requires=, assigns=)``).

Two scopes:

* ``article`` stages are pure functions of one :class:`~newsweave.model.Article`
  (``func(article, config) -> article``); they run in worker processes, locally or on Dask.
* ``report`` stages see the whole :class:`~newsweave.model.Report`
  (``func(report, config) -> None``): grouping, which keeps persisted state, and the
  story-level comparisons.

``Pipeline(names)`` refuses to build when a stage reads a field that neither the input nor an
earlier stage provides, so a misconfigured pipeline fails before any article is read.
"""

from __future__ import annotations

import time
import traceback
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from .errors import Code, InputError, PipelineConfigError, UnknownStageError
from .model import Article, Problem, Report

Scope = Literal["article", "report"]

#: Fields a reader fills in before any stage runs.
INPUT_FIELDS: frozenset[str] = frozenset(
    {"id", "source", "text", "title", "url", "outlet", "published", "language", "html", "order"}
)


@dataclass
class Config:
    """Run configuration: global settings plus per-stage options keyed by stage name."""

    workers: int = 2
    state_dir: Path | None = None  # where stateful stages persist (grouping ids, indexes)
    options: dict[str, dict[str, Any]] = field(default_factory=dict)

    def get(self, stage: str, key: str, default: Any = None) -> Any:
        """Option ``key`` of ``stage``, or ``default``."""
        return self.options.get(stage, {}).get(key, default)


ArticleFunc = Callable[[Article, Config], Article]
ReportFunc = Callable[[Report, Config], None]


@dataclass(frozen=True)
class Stage:
    """A registered processing step."""

    name: str
    func: Callable[..., Any]
    reads: frozenset[str]
    writes: frozenset[str]
    scope: Scope
    description: str
    warmup: Callable[[], None] | None = None  # loads models once, before workers fork
    batch: Callable[[list[Article], Config], list[Article]] | None = None  # many at once
    prepare: Callable[[list[Article], Config], None] | None = None  # once over the run's articles


_REGISTRY: dict[str, Stage] = {}


def register(
    name: str,
    *,
    reads: Iterable[str],
    writes: Iterable[str],
    scope: Scope = "article",
    warmup: Callable[[], None] | None = None,
    batch: Callable[[list[Article], Config], list[Article]] | None = None,
    prepare: Callable[[list[Article], Config], None] | None = None,
) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Decorator registering ``func`` as stage ``name``.

    ``reads``/``writes`` name Article fields (``"text"``, ``"quotes"``, ...) for article stages,
    and Article or Report fields (``"events"``, ``"comparisons"``, ...) for report stages.
    ``warmup`` loads what the stage needs (e.g. a model) so executors can do it once, up front;
    ``batch`` is an optional many-articles version of an article stage, same result; it must be
    all or nothing (raise before changing any article), since a failure reruns one at a time.
    ``prepare`` runs once over all of a run's articles, in the driving process, before any
    article stage: what needs the whole run (lines a site repeats across its pages) is found
    there and noted on each article (in ``Article.ext``) for the stage to act on.
    """

    def deco(func: Callable[..., Any]) -> Callable[..., Any]:
        if name in _REGISTRY and _REGISTRY[name].func is not func:
            raise PipelineConfigError(f"stage {name!r} is registered twice")
        doc = (func.__doc__ or "").strip().splitlines()
        _REGISTRY[name] = Stage(
            name=name,
            func=func,
            reads=frozenset(reads),
            writes=frozenset(writes),
            scope=scope,
            description=doc[0] if doc else "",
            warmup=warmup,
            batch=batch,
            prepare=prepare,
        )
        return func

    return deco


def registry() -> dict[str, Stage]:
    """All registered stages, built-in ones included."""
    from . import stages  # noqa: F401  (importing registers the built-in stages)

    return dict(_REGISTRY)


def get_stage(name: str) -> Stage:
    """The stage registered as ``name``; raises :class:`UnknownStageError` with the choices."""
    reg = registry()
    if name not in reg:
        raise UnknownStageError(f"unknown stage {name!r}; registered: {', '.join(sorted(reg))}")
    return reg[name]


def default_stage_names() -> list[str]:
    """The default pipeline, in order."""
    from .stages import DEFAULT_PIPELINE

    return list(DEFAULT_PIPELINE)


class Pipeline:
    """An ordered, checked list of stages."""

    def __init__(
        self,
        names: Sequence[str] | None = None,
        config: Config | None = None,
        given: Collection[str] = (),
    ) -> None:
        """``given``: fields the articles already carry besides the input fields (articles
        analysed by an earlier run, whose stages are not run again)."""
        self.config = config or Config()
        self.stages = [get_stage(n) for n in (names or default_stage_names())]
        self._check(given)

    def _check(self, given: Collection[str] = ()) -> None:
        available = set(INPUT_FIELDS) | set(given)
        seen_report = False
        for st in self.stages:
            if st.scope == "article" and seen_report:
                raise PipelineConfigError(
                    f"article stage {st.name!r} comes after a report stage; "
                    "put per-article stages first"
                )
            seen_report = seen_report or st.scope == "report"
            missing = st.reads - available
            if missing:
                raise PipelineConfigError(
                    f"stage {st.name!r} reads {sorted(missing)}, which no earlier stage writes "
                    f"(available: {sorted(available)})"
                )
            available |= st.writes

    @property
    def article_stages(self) -> list[Stage]:
        return [s for s in self.stages if s.scope == "article"]

    @property
    def report_stages(self) -> list[Stage]:
        return [s for s in self.stages if s.scope == "report"]

    def prepare(self, articles: list[Article], report: Report) -> dict[str, float]:
        """Run the article stages' ``prepare`` steps over the run's articles; returns seconds
        per step (keyed ``"<stage> (prepare)"``). A step that fails is reported in the
        report's warnings, and the run goes on without what it would have noted."""
        timings: dict[str, float] = {}
        for st in self.article_stages:
            if st.prepare is None:
                continue
            t0 = time.perf_counter()
            try:
                st.prepare(articles, self.config)
            except Exception as exc:  # a run-wide hint must not lose the run
                report.ext.setdefault("warnings", []).append(
                    {
                        "source": st.name,
                        "code": Code.STAGE_FAILED.value,
                        "reason": f"prepare step failed: {type(exc).__name__}: {exc}; the "
                        "stage ran without it",
                    }
                )
            timings[f"{st.name} (prepare)"] = time.perf_counter() - t0
        return timings

    def process_article(self, article: Article) -> Article | Problem:
        """Run the article stages on one article; a failing stage yields a :class:`Problem`."""
        return process_article(article, [s.name for s in self.article_stages], self.config)

    def run_report_stages(
        self, report: Report, on_stage: Callable[[str], None] | None = None
    ) -> dict[str, float]:
        """Run the report stages in order; returns seconds spent per stage."""
        timings: dict[str, float] = {}
        for st in self.report_stages:
            if on_stage:
                on_stage(st.name)
            t0 = time.perf_counter()
            try:
                st.func(report, self.config)
            except Exception as exc:  # a story-level bug must not lose the analysed articles
                last = traceback.extract_tb(exc.__traceback__)[-1]
                report.ext.setdefault("warnings", []).append(
                    {
                        "source": st.name,
                        "code": Code.STAGE_FAILED.value,
                        "reason": f"report stage failed: {type(exc).__name__}: {exc} "
                        f"({Path(last.filename).name}:{last.lineno}); its output is missing",
                    }
                )
            timings[st.name] = time.perf_counter() - t0
        return timings


def _failure(article: Article, name: str, exc: Exception) -> Problem:
    """The problem a failing stage makes of one article."""
    if isinstance(exc, InputError):  # the stage found the input unusable (a page with no text)
        return Problem(article.source, exc.reason, article.id, exc.code.value)
    last = traceback.extract_tb(exc.__traceback__)[-1]
    return Problem(
        source=article.source,
        reason=f"stage {name} failed: {type(exc).__name__}: {exc} "
        f"({Path(last.filename).name}:{last.lineno})",
        record=article.id,
        code=Code.STAGE_FAILED.value,
    )


def _apply(st: Stage, article: Article, config: Config) -> Article | Problem:
    try:
        out: Article = st.func(article, config)
    except Exception as exc:  # one bad article must not end the run: report it instead
        return _failure(article, st.name, exc)
    return out


def _finish(result: Article | Problem) -> Article | Problem:
    if isinstance(result, Article):
        result.html = None  # the raw page is not kept once the text is extracted
    return result


def process_article(article: Article, names: Sequence[str], config: Config) -> Article | Problem:
    """Apply article stages ``names`` to ``article`` (module-level: worker processes call it)."""
    current: Article | Problem = article
    for name in names:
        if isinstance(current, Problem):
            break
        current = _apply(get_stage(name), current, config)
    return _finish(current)


def process_batch(
    articles: Sequence[Article], names: Sequence[str], config: Config
) -> list[Article | Problem]:
    """Apply article stages to a batch, in order; a stage with a ``batch`` function (e.g. the
    spaCy parse, which runs ``nlp.pipe``) sees the whole batch, the others one article at a time.
    A failing batch call falls back to one article at a time, so one bad article stays one
    problem."""
    current: list[Article | Problem] = list(articles)
    for name in names:
        st = get_stage(name)
        alive = [(i, a) for i, a in enumerate(current) if isinstance(a, Article)]
        if st.batch is not None and len(alive) > 1:
            try:
                done: list[Article] | None = st.batch([a for _, a in alive], config)
            except Exception:  # find the article that fails, and keep the others
                done = None
            if done is not None:
                for (i, _), art in zip(alive, done, strict=True):
                    current[i] = art
                continue
        for i, art in alive:
            current[i] = _apply(st, art, config)
    return [_finish(r) for r in current]


def warm_up(names: Sequence[str]) -> None:
    """Run the warm-up hooks of stages ``names`` (model loading), once per process."""
    for name in names:
        hook = get_stage(name).warmup
        if hook is not None:
            hook()
