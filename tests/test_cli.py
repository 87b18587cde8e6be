"""The command line: complete --help everywhere, exit codes, the examples corpus end to end."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import typer.main
from typer.testing import CliRunner

from newsweave.cli import app

runner = CliRunner()


def _commands(group: Any, prefix: tuple[str, ...] = ()) -> list[tuple[tuple[str, ...], Any]]:
    """(path, command) for every command under ``group`` (typer vendors its own click)."""
    found: list[tuple[tuple[str, ...], Any]] = []
    for name, cmd in group.commands.items():
        found.append(((*prefix, name), cmd))
        if hasattr(cmd, "commands"):
            found += _commands(cmd, (*prefix, name))
    return found


def test_every_command_and_option_has_help() -> None:
    root = typer.main.get_command(app)
    commands = _commands(root)
    assert {c[0] for c in commands} >= {
        ("analyze",),
        ("serve",),
        ("stages",),
        ("eval", "extraction"),
    }
    for path, cmd in commands:
        assert (cmd.help or "").strip(), f"{' '.join(path)} has no help"
        for param in cmd.params:
            if getattr(param, "param_type_name", "") == "option":
                assert (param.help or "").strip(), f"{' '.join(path)} {param.name} has no help"
        result = runner.invoke(app, [*path, "--help"])
        assert result.exit_code == 0 and "Usage" in result.output


def test_stages_lists_the_default_pipeline() -> None:
    result = runner.invoke(app, ["stages"])
    assert result.exit_code == 0
    assert "newsweave.clean.chrome.v1" in result.output


def test_nothing_readable_exits_non_zero(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("")
    result = runner.invoke(app, ["analyze", str(tmp_path), "--out", str(tmp_path / "r"), "--quiet"])
    assert result.exit_code == 1
    data = json.loads((tmp_path / "r" / "report.json").read_text())
    assert data["summary"] == {**data["summary"], "read": 1, "analysed": 0, "problems": 1}


def test_strict_fails_on_any_problem(examples_dir: Path, tmp_path: Path) -> None:
    args = ["analyze", str(examples_dir), "--out", str(tmp_path), "--quiet"]
    assert runner.invoke(app, args).exit_code == 0
    assert runner.invoke(app, [*args, "--strict"]).exit_code == 1


def test_examples_corpus_accounts_for_every_record(examples_dir: Path, tmp_path: Path) -> None:
    result = runner.invoke(app, ["analyze", str(examples_dir), "--out", str(tmp_path), "--quiet"])
    assert result.exit_code == 0, result.output
    data = json.loads((tmp_path / "report.json").read_text())
    s = data["summary"]
    assert s["read"] == s["analysed"] + s["problems"] == 10
    assert [p["code"] for p in data["problems"]] == ["E006"]
    html = next(a for a in data["articles"] if a["source"].endswith(".html"))
    assert html["title"] == "Government steps in as Valdmora port talks resume"
    assert html["outlet"] == "Eastmark Herald"


def test_field_mapping(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text(
        json.dumps(
            {
                "key": "x1",
                "body": "The council approved the budget on Monday.",
                "headline": "Budget",
            }
        )
        + "\n"
    )
    result = runner.invoke(
        app,
        [
            "analyze",
            str(src),
            "--out",
            str(tmp_path / "r"),
            "--quiet",
            "-f",
            "text=body",
            "-f",
            "id=key",
            "-f",
            "title=headline",
        ],
    )
    assert result.exit_code == 0, result.output
    art = json.loads((tmp_path / "r" / "report.json").read_text())["articles"][0]
    assert (art["id"], art["title"]) == ("x1", "Budget")


def test_bad_field_mapping_is_a_usage_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["analyze", str(tmp_path), "-f", "nonsense"])
    assert result.exit_code == 2


def test_a_state_of_another_embedder_is_refused_before_any_work(
    examples_dir: Path, tmp_path: Path
) -> None:
    out = tmp_path / "r"
    args = ["analyze", str(examples_dir), "--out", str(out), "-q"]
    assert runner.invoke(app, [*args, "--embeddings", "none"]).exit_code == 0
    assert runner.invoke(app, args).exit_code == 0  # unasked, a run goes on with the state's
    state = (out / "state" / "grouping.json").read_text()
    assert json.loads(state)["embeddings"] == "none"
    result = runner.invoke(app, [*args, "--embeddings", "e5"])  # on a state grouped without
    assert result.exit_code == 2
    said = " ".join(result.output.replace("│", " ").split())  # the error box wraps lines
    assert "embeddings='none'" in said and "(--embeddings none)" in said
    assert (out / "state" / "grouping.json").read_text() == state  # left as it was
    assert runner.invoke(app, [*args, "--embeddings", "none"]).exit_code == 0
    # so is the server over that state, before it listens
    serve = ["serve", "--db", "sqlite://", "--state-dir", str(out / "state"), "--port", "1"]
    serve += ["--embeddings", "e5"]
    refused = runner.invoke(app, serve)
    assert refused.exit_code == 2 and "(--embeddings none)" in " ".join(
        refused.output.replace("│", " ").split()
    )
    (out / "state" / "grouping.json").write_text("{not json")
    broken = runner.invoke(app, [*args, "--embeddings", "none"])
    assert broken.exit_code == 2 and "--state-dir" in broken.output


def test_story_ids_survive_adding_articles(examples_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "r"
    first = sorted((examples_dir / "articles").glob("0[12]_*.txt"))
    args = ["analyze", *map(str, first), "--out", str(out), "--quiet"]
    assert runner.invoke(app, args).exit_code == 0
    before = {
        a["id"]: a["event"] for a in json.loads((out / "report.json").read_text())["articles"]
    }
    assert len(set(before.values())) == 1
    assert (
        runner.invoke(app, ["analyze", str(examples_dir), "--out", str(out), "-q"]).exit_code == 0
    )
    after = {a["id"]: a["event"] for a in json.loads((out / "report.json").read_text())["articles"]}
    assert all(after[k] == v for k, v in before.items())
    fresh = tmp_path / "fresh"
    args = ["analyze", str(examples_dir), "--out", str(fresh), "-q", "--no-state"]
    assert runner.invoke(app, args).exit_code == 0
    assert not (fresh / "state").exists()


def test_an_unknown_embedder_is_a_usage_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["analyze", str(tmp_path), "--embeddings", "word2vec"])
    assert result.exit_code == 2
    assert "word2vec" in result.output


def test_analyze_groups_with_e5_headlines_by_default(examples_dir: Path, tmp_path: Path) -> None:
    args = ["analyze", str(examples_dir), "--out", str(tmp_path), "-q"]
    assert runner.invoke(app, args).exit_code == 0
    report = json.loads((tmp_path / "report.json").read_text())
    strike = [a["event"] for a in report["articles"] if "strike" in (a.get("title") or "").lower()]
    assert len(strike) > 2 and len(set(strike)) == 1  # the strike told by several outlets
    state = json.loads((tmp_path / "state" / "grouping.json").read_text())
    assert state["embeddings"] == "e5:headline"  # a later run must use the same embedder
