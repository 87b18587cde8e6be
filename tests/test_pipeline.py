"""The stage registry and the pipeline's build-time checks."""

from __future__ import annotations

import pickle

import pytest

from newsweave.errors import Code, PipelineConfigError, UnknownStageError
from newsweave.model import Article, Problem, Report
from newsweave.pipeline import Config, Pipeline, default_stage_names, process_article, register


@register("test.upper.v1", reads={"text"}, writes={"text"})
def _upper(article: Article, config: Config) -> Article:
    article.text = article.text.upper()
    return article


@register("test.needs_quotes.v1", reads={"quotes"}, writes={"ext"})
def _needs_quotes(article: Article, config: Config) -> Article:
    return article


@register("test.boom.v1", reads={"text"}, writes={"text"})
def _boom(article: Article, config: Config) -> Article:
    raise ValueError("kaput")


@register("test.count.v1", reads={"text"}, writes={"report.ext"}, scope="report")
def _count(report: Report, config: Config) -> None:
    report.ext["n"] = len(report.articles)


def test_default_pipeline_builds_and_is_registered() -> None:
    pipe = Pipeline()
    assert [s.name for s in pipe.stages] == default_stage_names()
    assert all(s.name.startswith("newsweave.") for s in pipe.stages)


def test_unknown_stage_names_the_choices() -> None:
    with pytest.raises(UnknownStageError, match="registered:"):
        Pipeline(["test.nope.v1"])


def test_missing_input_field_fails_at_build_time() -> None:
    with pytest.raises(PipelineConfigError, match="quotes"):
        Pipeline(["test.needs_quotes.v1"])


def test_article_stage_after_report_stage_is_refused() -> None:
    with pytest.raises(PipelineConfigError, match="after a report stage"):
        Pipeline(["test.count.v1", "test.upper.v1"])


def test_failing_stage_becomes_a_coded_problem() -> None:
    art = Article(id="a1", source="x.txt", text="hello")
    result = process_article(art, ["test.upper.v1", "test.boom.v1"], Config())
    assert isinstance(result, Problem)
    assert result.code == Code.STAGE_FAILED.value
    assert "kaput" in result.reason and result.record == "a1"


def test_stages_run_in_order_and_report_stages_see_all() -> None:
    pipe = Pipeline(["test.upper.v1", "test.count.v1"])
    art = pipe.process_article(Article(id="a", source="s", text="abc"))
    assert isinstance(art, Article) and art.text == "ABC"
    report = Report(articles=[art])
    timings = pipe.run_report_stages(report)
    assert report.ext["n"] == 1 and "test.count.v1" in timings


def test_article_pickles_without_cached_parse() -> None:
    art = Article(id="a", source="s", text="abc")
    art.__dict__["_doc"] = object()  # a stand-in for a spaCy Doc, which must not cross processes
    clone = pickle.loads(pickle.dumps(art))
    assert "_doc" not in clone.__dict__ and clone.text == "abc"


def _shout_one(article: Article, config: Config) -> Article:
    if "boom" in article.text.lower():
        raise ValueError("bad article")
    article.text = article.text + "!"
    return article


def _shout_many(articles: list[Article], config: Config) -> list[Article]:
    # All or nothing, as batch functions must be: fail before changing any article.
    if any("boom" in a.text.lower() for a in articles):
        raise ValueError("bad article in batch")
    return [_shout_one(a, config) for a in articles]


register("test.shout.v1", reads={"text"}, writes={"text"}, batch=_shout_many)(_shout_one)


def test_batch_stage_matches_single_and_isolates_a_failure() -> None:
    from newsweave.pipeline import process_batch

    arts = [Article(id=f"a{i}", source="s", text=t) for i, t in enumerate(["x", "boom", "y"])]
    out = process_batch(arts, ["test.upper.v1", "test.shout.v1"], Config())
    assert [type(r).__name__ for r in out] == ["Article", "Problem", "Article"]
    assert [r.text for r in out if isinstance(r, Article)] == ["X!", "Y!"]
    singles = [
        process_article(
            Article(id="b", source="s", text=t), ["test.upper.v1", "test.shout.v1"], Config()
        )
        for t in ["x", "y"]
    ]
    assert [r.text for r in singles if isinstance(r, Article)] == ["X!", "Y!"]


@register("test.report_boom.v1", reads={"text"}, writes={"report.ext"}, scope="report")
def _report_boom(report: Report, config: Config) -> None:
    raise RuntimeError("story bug")


def test_failing_report_stage_is_a_warning_and_later_stages_run() -> None:
    pipe = Pipeline(["test.upper.v1", "test.report_boom.v1", "test.count.v1"])
    report = Report(articles=[Article(id="a", source="s", text="x")])
    pipe.run_report_stages(report)
    assert report.ext["n"] == 1
    (warning,) = report.ext["warnings"]
    assert warning["code"] == Code.STAGE_FAILED.value and "story bug" in warning["reason"]
