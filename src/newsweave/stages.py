"""Built-in stages: importing this module registers them, and names the default pipeline.

Each module below registers its stages with :func:`newsweave.pipeline.register`; the order of
``DEFAULT_PIPELINE`` is the order they run in (article stages first, then report stages).
"""

from __future__ import annotations

from importlib import import_module

BUILTIN_MODULES: tuple[str, ...] = (
    "newsweave.clean.stages",
    "newsweave.nlp",
    "newsweave.extract.figures",
    "newsweave.extract.entities",
    "newsweave.extract.quotes",
    "newsweave.compare.entities",
    "newsweave.extract.dates",
    "newsweave.group.stages",
    "newsweave.extract.kind",
    "newsweave.compare.coverage",
    "newsweave.compare.figures",
    "newsweave.compare.quotes",
    "newsweave.compare.claims",
    "newsweave.compare.timeline",
    "newsweave.compare.brief",
)

for _mod in BUILTIN_MODULES:
    import_module(_mod)

DEFAULT_PIPELINE: tuple[str, ...] = (
    "newsweave.clean.extract.v1",
    "newsweave.clean.normalize.v1",
    "newsweave.clean.chrome.v1",
    "newsweave.clean.language.v1",
    "newsweave.extract.kind.v1",
    "newsweave.nlp.parse.v1",
    "newsweave.extract.figures.v1",
    "newsweave.extract.entities.v1",
    "newsweave.extract.quotes.v1",
    "newsweave.extract.dates.v1",
    "newsweave.group.dedupe.v1",
    "newsweave.group.events.v1",
    "newsweave.group.storylines.v1",
    "newsweave.compare.entities.v1",
    "newsweave.compare.coverage.v1",
    "newsweave.compare.figures.v1",
    "newsweave.compare.quotes.v1",
    "newsweave.compare.claims.v1",
    "newsweave.compare.timeline.v1",
    "newsweave.compare.brief.v1",
)
