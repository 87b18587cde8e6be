"""Command-line interface: a thin typed layer over the library (``newsweave --help``)."""

from __future__ import annotations

import importlib
import json
import sys
import time
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from .analyze import Hooks, analyze
from .embed import get_embedder
from .errors import NotInstalledError
from .group import state as grouping_state
from .group.events import DEFAULT_EMBEDDINGS, check_state_embedder, resolve_embeddings
from .group.stages import EVENTS
from .io import ReadOptions
from .model import Article, Problem
from .pipeline import Config

app = typer.Typer(
    help="newsweave: clean news articles, group them into stories and compare the sources.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode="rich",
)
eval_app = typer.Typer(
    help="Evaluate a stage on labelled data; --check fails when a pinned floor is missed.",
    no_args_is_help=True,
)
app.add_typer(eval_app, name="eval")
console = Console(stderr=True)
out = Console()


def _parse_fields(fields: list[str]) -> dict[str, str]:
    mapping: dict[str, str] = {}
    for item in fields:
        if "=" not in item:
            raise typer.BadParameter(f"--field takes CONTRACT=INPUT, e.g. text=body; got {item!r}")
        key, value = item.split("=", 1)
        mapping[key.strip()] = value.strip()
    return mapping


def _check_grouping_state(config: Config, embeddings: str | None) -> None:
    """Refuse, before any work, an embedder that is not installed or misspelt, and a grouping
    state that cannot be continued: not one of this version, or built with another embedder
    (the grouping stages would fail on it and the report would have no stories)."""
    try:
        st = grouping_state.load(config, window=False)  # the stages load it whole
    except ValueError as exc:  # not a state of this version, or not JSON
        raise typer.BadParameter(str(exc), param_hint="--state-dir") from exc
    embeddings = resolve_embeddings(st, embeddings)
    try:
        get_embedder(embeddings)
    except (ValueError, NotInstalledError) as exc:
        raise typer.BadParameter(str(exc), param_hint="--embeddings") from exc
    try:
        check_state_embedder(st, embeddings)
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="--embeddings") from exc


@app.command("analyze")
def analyze_cmd(
    inputs: Annotated[
        list[str],
        typer.Argument(
            help="Files or folders to read (.txt .html .htm .html.gz .json .jsonl .jsonl.gz .csv "
            ".warc .warc.gz RSS/Atom/OPML), or - for JSONL on stdin."
        ),
    ],
    out_dir: Annotated[
        Path, typer.Option("--out", "-o", help="Folder for report.json/.md/.html.")
    ] = Path("report"),
    field: Annotated[
        list[str] | None,
        typer.Option(
            "--field", "-f", help="Map a contract field to an input field, e.g. text=body (repeat)."
        ),
    ] = None,
    workers: Annotated[int, typer.Option(help="Worker processes for per-article stages.")] = 2,
    engine: Annotated[str, typer.Option(help="Executor: local (process pool) or dask.")] = "local",
    scheduler: Annotated[
        str | None, typer.Option(help="Dask scheduler address (with --engine dask).")
    ] = None,
    state_dir: Annotated[
        Path | None,
        typer.Option(
            help="Folder where grouping state persists between runs, so story ids stay stable "
            "as articles are added (default: OUT/state)."
        ),
    ] = None,
    no_state: Annotated[
        bool, typer.Option("--no-state", help="Forget grouping state: ids start afresh each run.")
    ] = False,
    stages: Annotated[
        str | None,
        typer.Option(help="Comma-separated stage names to run instead of the default pipeline."),
    ] = None,
    max_bytes: Annotated[
        int, typer.Option(help="Files larger than this are reported, not read.")
    ] = 200 * 1024 * 1024,
    strict: Annotated[
        bool, typer.Option("--strict", help="Exit non-zero when any input had a problem.")
    ] = False,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="No progress bars or tables.")
    ] = False,
    db: Annotated[
        str | None,
        typer.Option(help="Also save into a store: sqlite:///PATH.db or postgresql://HOST/DB."),
    ] = None,
    embeddings: Annotated[
        str | None,
        typer.Option(
            help="Headline embeddings for grouping events: e5 (multilingual e5-small, "
            "installed), none (TF-IDF and names alone), minilm (English; the 'embeddings' "
            "extra, needs torch), minilm+e5 (MiniLM for English, e5 for other languages) or "
            f"auto (the best installed). Default: the state's, else {DEFAULT_EMBEDDINGS}."
        ),
    ] = None,
) -> None:
    """Analyse articles and write report.json, report.md and report.html to --out."""
    config = Config(
        workers=workers,
        state_dir=None if no_state else state_dir or out_dir / "state",
        options={EVENTS: {"embeddings": embeddings}},
    )
    _check_grouping_state(config, embeddings)
    executor: Any = None
    if engine == "dask":
        from .engines.dask import DaskExecutor

        executor = DaskExecutor(scheduler)
    elif engine != "local":
        raise typer.BadParameter(f"unknown engine {engine!r}; use local or dask")
    read_opts = ReadOptions(field_map=_parse_fields(field or []), max_bytes=max_bytes)
    names = [s.strip() for s in stages.split(",")] if stages else None

    t0 = time.perf_counter()
    progress = Progress(
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console,
        disable=quiet,
        transient=False,
    )
    with progress:
        task = progress.add_task("articles", total=None)

        def on_record(rec: Article | Problem) -> None:
            progress.advance(task)
            if isinstance(rec, Problem) and not quiet:
                progress.console.print(
                    f"[yellow]problem[/] {rec.source}: {rec.reason} [{rec.code}]"
                )

        def on_stage(name: str) -> None:
            progress.update(task, description=name.removeprefix("newsweave."))

        report = analyze(
            inputs,
            config=config,
            stages=names,
            read_options=read_opts,
            executor=executor,
            hooks=Hooks(on_record=on_record, on_stage=on_stage),
        )
        progress.update(task, description="writing report")
        from .io.writers import write_report

        paths = write_report(report, out_dir)
        if db:
            from .store import open_store
            from .store.stories import save_run

            progress.update(task, description="saving to store")
            store = open_store(db)
            saved = save_run(store, report, config)  # the stories it touches, whole
            store.close()
            report.ext.setdefault("warnings", []).extend(
                w for w in saved["warnings"] if w["source"].startswith("store:")
            )
        progress.update(task, description="done")

    elapsed = time.perf_counter() - t0
    for warning in report.ext.get("warnings", []):
        console.print(
            f"[yellow]warning[/] {warning['source']}: {warning['reason']} [{warning['code']}]"
        )
    if not quiet:
        _summary(report, elapsed)
    out.print(f"report: {paths['html']}  ({paths['json'].name}, {paths['md'].name})")
    if not report.articles or (strict and report.problems):
        raise typer.Exit(code=1)


def _summary(report: Any, elapsed: float) -> None:
    table = Table(title="newsweave", show_header=False)
    table.add_row("records read", str(report.read))
    table.add_row("articles analysed", str(len(report.articles)))
    table.add_row("problems", str(len(report.problems)))
    table.add_row("wire copies", str(sum(1 for a in report.articles if a.duplicate_of)))
    table.add_row("events", str(len(report.events)))
    table.add_row("storylines", str(len(report.storylines)))
    table.add_row("quotes", str(sum(len(a.quotes) for a in report.articles)))
    table.add_row("figures", str(sum(len(a.figures) for a in report.articles)))
    table.add_row("conflicts", str(sum(1 for c in report.comparisons if c.verdict == "conflict")))
    table.add_row("seconds", f"{elapsed:.1f}")
    console.print(table)


@app.command("stages")
def stages_cmd() -> None:
    """List the registered stages with what each reads and writes."""
    from .pipeline import default_stage_names, registry

    default = default_stage_names()
    reg = registry()
    order = [n for n in default if n in reg] + sorted(n for n in reg if n not in default)
    for name in order:
        st = reg[name]
        mark = "[green]default[/]" if name in default else "[dim]optional[/]"
        out.print(f"[bold]{name}[/] ({st.scope}, {mark}) {st.description}", soft_wrap=True)
        out.print(
            f"    reads {', '.join(sorted(st.reads))} -> writes {', '.join(sorted(st.writes))}",
            soft_wrap=True,
            highlight=False,
        )


@app.command("serve")
def serve_cmd(
    db: Annotated[
        str | None, typer.Option(help="Store to serve: sqlite:///PATH.db or postgresql://HOST/DB.")
    ] = None,
    report_dir: Annotated[
        Path | None,
        typer.Option(
            "--report", help="Serve a report folder (its report.json) without a database."
        ),
    ] = None,
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8765,
    state_dir: Annotated[
        Path | None,
        typer.Option(
            help="Grouping state for articles posted to /api/analyze (without it, posts are "
            "refused: their story ids would start again)."
        ),
    ] = None,
    embeddings: Annotated[
        str | None,
        typer.Option(
            help="Headline embeddings for grouping posted articles: e5, none, minilm, "
            f"minilm+e5, auto (as analyze's). Default: the state's, else {DEFAULT_EMBEDDINGS}."
        ),
    ] = None,
) -> None:
    """Serve the REST API (/api/...) and the dashboard (/) over a store or a report folder."""
    import uvicorn

    from .server.app import create_app
    from .store import open_store

    if db is None and report_dir is None:
        raise typer.BadParameter("give --db URL or --report DIR")
    _check_grouping_state(Config(state_dir=state_dir), embeddings)
    store = open_store(db or "sqlite://")
    if report_dir is not None:
        store.save_report(json.loads((report_dir / "report.json").read_text(encoding="utf-8")))
    out.print(f"newsweave serving on http://{host}:{port}/  (API docs at /docs)")
    app = create_app(store, state_dir, embeddings)
    uvicorn.run(app, host=host, port=port, log_level="warning")


def _run_eval(
    task: str, path: Path | None, check: bool, json_out: Path | None, **opts: Any
) -> None:
    from .eval import check_floors

    mod = importlib.import_module(f"newsweave.eval.{task}")
    result = mod.evaluate(path, **opts)
    table = Table(title=f"eval {result.key()}", show_header=True)
    table.add_column("metric")
    table.add_column("value", justify="right")
    for k, v in result.metrics.items():
        table.add_row(k, f"{v:.4f}")
    for k, n in result.counts.items():
        table.add_row(k, str(n))
    table.add_row("seconds", f"{result.seconds:.1f}")
    out.print(table)
    for name, value in result.details.items():  # comparisons run alongside (e.g. baselines)
        if (
            isinstance(value, dict)
            and value
            and all(isinstance(v, int | float) for v in value.values())
        ):
            out.print(f"[bold]{name}[/]: " + ", ".join(f"{k} {v:.4g}" for k, v in value.items()))
    if json_out:
        json_out.write_text(
            json.dumps(
                {
                    "task": result.task,
                    "variant": result.variant,
                    "metrics": result.metrics,
                    "counts": result.counts,
                    "seconds": result.seconds,
                },
                indent=1,
            )
        )
    if check:
        failures = check_floors(result)
        for f in failures:
            console.print(f"[red]FLOOR[/] {f}")
        if failures:
            raise typer.Exit(code=1)
        console.print("[green]all pinned floors hold[/]")


CheckOpt = Annotated[bool, typer.Option("--check", help="Fail when a pinned floor is missed.")]
JsonOpt = Annotated[Path | None, typer.Option("--json", help="Also write the metrics here.")]
PathArg = Annotated[
    Path | None, typer.Argument(help="Labelled data (default: the set in ../shared/data).")
]


@eval_app.command("extraction")
def eval_extraction(
    path: PathArg = None, check: CheckOpt = False, json_out: JsonOpt = None
) -> None:
    """Main-text extraction: snippet precision/recall/F1 on trafilatura-eval."""
    _run_eval("extraction", path, check, json_out)


@eval_app.command("clustering")
def eval_clustering(
    path: PathArg = None,
    level: Annotated[str, typer.Option(help="event or topic (storyline).")] = "event",
    embeddings: Annotated[
        str,
        typer.Option(
            help="Headline embeddings for events: e5, none, minilm, minilm+e5, auto "
            f"(default: {DEFAULT_EMBEDDINGS})."
        ),
    ] = DEFAULT_EMBEDDINGS,
    full: Annotated[
        bool,
        typer.Option(
            "--full",
            help="Run every stage analyze runs before grouping (spaCy parse, entities, dates...), "
            "so the scores are analyze's; by default only the cleaning stages grouping reads.",
        ),
    ] = False,
    runs: Annotated[
        int,
        typer.Option(
            min=1,
            help="Feed the set as a live feed in this many runs by time, with a saved state "
            "(the last run is scored).",
        ),
    ] = 1,
    mixed: Annotated[
        bool,
        typer.Option(
            "--mixed",
            help="Group the set together with the other labelled sets (one stream of several "
            "sources and languages) and score its own articles.",
        ),
    ] = False,
    check: CheckOpt = False,
    json_out: JsonOpt = None,
) -> None:
    """Story grouping: BCubed and pairwise precision/recall/F1, cluster counts and time."""
    _run_eval(
        "clustering",
        path,
        check,
        json_out,
        level=level,
        embeddings=embeddings,
        full=full,
        runs=runs,
        mixed=mixed,
    )


@eval_app.command("duplicates")
def eval_duplicates(
    path: PathArg = None, check: CheckOpt = False, json_out: JsonOpt = None
) -> None:
    """Wire copies: recall of edited copies made of the labelled sets' articles, precision
    against their gold events, agreement of the LSH with exact shingle sets."""
    _run_eval("duplicates", path, check, json_out)


@eval_app.command("quotes")
def eval_quotes(path: PathArg = None, check: CheckOpt = False, json_out: JsonOpt = None) -> None:
    """Direct quotes on PolNeAR dev: content F1 (>= 50% token overlap) and speaker accuracy."""
    _run_eval("quotes", path, check, json_out)


@eval_app.command("figures")
def eval_figures(path: PathArg = None, check: CheckOpt = False, json_out: JsonOpt = None) -> None:
    """Figures on Recognizers-Text English number/percent/currency specs: value/unit accuracy."""
    _run_eval("figures", path, check, json_out)


@eval_app.command("dates")
def eval_dates(path: PathArg = None, check: CheckOpt = False, json_out: JsonOpt = None) -> None:
    """Dates on TempEval-3 platinum: DATE TIMEX3 value accuracy against the creation time."""
    _run_eval("dates", path, check, json_out)


def main() -> None:
    """Entry point of the ``newsweave`` command."""
    try:
        app()
    except BrokenPipeError:  # e.g. piped into head
        sys.exit(0)


if __name__ == "__main__":
    main()
