"""Saving a run into a store so that the stories it touches stay whole.

A run's report holds the articles of that run. Run after run on new inputs (``newsweave analyze
new/ --db URL`` with a state folder, or the API's ``POST /api/analyze``), a story's articles come
from many runs, and the report of one run would overwrite its events, storylines and story-level
comparisons with the part that run saw. So before saving, the stored articles of every storyline
the run touched are read back, and the story-level stages (grouping, which keeps the persisted
ids, and the comparisons) run again over them and the run's articles; the per-article stages do
not run again (the stored articles carry their entities, quotes, figures and dates).
"""

from __future__ import annotations

import copy
from typing import Any

from ..errors import Code
from ..io.report_json import report_to_dict
from ..model import Article, Report, article_from_dict
from ..pipeline import Config, Pipeline, default_stage_names, get_stage
from .base import Store

#: Most stored articles of one storyline read back (the latest): a story-level view of a
#: storyline longer than this covers its latest articles, so a run's cost stays bounded.
STORY_LIMIT = 2000


def _article_fields() -> frozenset[str]:
    """What the default per-article stages write (stored articles carry it)."""
    stages = [get_stage(n) for n in default_stage_names()]
    return frozenset(f for st in stages if st.scope == "article" for f in st.writes)


def stored_articles(
    store: Store, storylines: list[str], skip: set[str]
) -> tuple[list[Article], list[dict[str, Any]]]:
    """The stored articles of ``storylines`` (the latest ``STORY_LIMIT`` of each), but those
    in ``skip``, rebuilt with their annotations; and a warning for each one that could not be
    rebuilt (it stays stored as it is, outside its story's recomputed view)."""
    out = []
    warnings = []
    for sid in storylines:
        for doc in store.items("articles", scope=sid, limit=STORY_LIMIT):
            if doc["id"] in skip:
                continue
            skip.add(doc["id"])
            try:  # a report written elsewhere may leave out what a run does not need
                out.append(article_from_dict({"source": f"store:{doc['id']}", "text": "", **doc}))
            except (TypeError, ValueError) as exc:
                warnings.append(
                    {
                        "source": f"store:{doc['id']}",
                        "code": Code.STORED_UNREADABLE.value,
                        "reason": f"stored article {doc['id']!r} of storyline {sid!r} could not be "
                        f"rebuilt ({exc}); its story's view leaves it out",
                    }
                )
    return out, warnings


def save_run(store: Store, report: Report, config: Config) -> dict[str, Any]:
    """Save ``report`` (one run) into ``store`` with the stories it touches made whole again
    from the stored articles (see the module's docstring); returns what was saved, as contract
    data. ``report`` itself is left as it is."""
    touched = sorted({a.storyline for a in report.articles if a.storyline})
    earlier, warnings = stored_articles(store, touched, {a.id for a in report.articles})
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
    return data
