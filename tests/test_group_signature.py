"""Signatures (negative evidence) and the split pass that keeps two incidents apart."""

from newsweave.group.clusters import ClusterParams, decay, gap_days
from newsweave.group.signature import (
    Profile,
    Signature,
    conflict,
    conflict_events,
    conflict_halves,
    of_parts,
)
from newsweave.group.split import bisect
from newsweave.group.text import Parts


def _sig(salient: set[str], extra: frozenset[str] = frozenset()) -> Signature:
    return Signature(frozenset(salient | extra), frozenset(salient))


def _event(*sigs: Signature) -> Profile:
    p = Profile()
    for s in sigs:
        p.add(s)
    return p


def test_salient_names_are_repeated_or_in_the_title() -> None:
    p = Parts(
        title=["klitschko", "stops", "thompson"],
        lead=[],
        body=[],
        names=["wladimir klitschko", "tony thompson", "klitschko", "mannheim", "byrd"],
    )
    sig = of_parts(p)
    assert {"klitschko", "thompson"} <= sig.salient
    assert "byrd" not in sig.salient and "byrd" in sig.mentioned


def test_disjoint_participants_conflict_shared_ones_do_not() -> None:
    rahman = _event(*[_sig({"klitschko", "rahman", "mannheim"}) for _ in range(3)])
    assert conflict(_sig({"klitschko", "thompson", "byrd"}), rahman) > 0.4
    assert conflict(_sig({"klitschko", "rahman"}, frozenset({"mannheim"})), rahman) == 0.0
    assert conflict(Signature(frozenset(), frozenset()), rahman) == 0.0  # no evidence
    thompson = _event(*[_sig({"klitschko", "thompson", "byrd"}) for _ in range(3)])
    assert conflict_events(rahman, thompson) > 0.4
    assert conflict_events(rahman, rahman) == 0.0


def test_profile_round_trips_through_json() -> None:
    ev = _event(_sig({"saints", "bush"}), _sig({"saints", "thomas"}))
    again = Profile.from_json(ev.to_json())
    assert again == ev and again.core() == {"saints": 1.0, "bush": 0.5, "thomas": 0.5}


def test_bisect_separates_two_incidents_and_keeps_one_whole() -> None:
    p = ClusterParams(threshold=0.12, merge_threshold=0.15, tau_days=60, decay_floor=0.5)
    shared = {0: 0.3}  # the vocabulary both incidents share
    a = [{**shared, 1: 0.8, 2: 0.3}, {**shared, 1: 0.7, 3: 0.4}, {**shared, 1: 0.8}]
    b = [{**shared, 5: 0.8, 6: 0.3}, {**shared, 5: 0.7, 7: 0.4}, {**shared, 5: 0.8}]
    sa, sb = _sig({"rahman"}), _sig({"thompson"})
    half = bisect([a[0], b[0], a[1], b[1], a[2], b[2]], [sa, sb, sa, sb, sa, sb], p)
    assert half is not None and sorted(half) in ([1, 3, 5], [0, 2, 4])
    one = [{**shared, 1: 0.8, 2: 0.1 * k} for k in range(6)]
    assert bisect(one, [sa] * 6, p) is None


def test_event_title_is_the_most_central_titled_news_article() -> None:
    from newsweave.group.events import headline
    from newsweave.model import Article

    early_opinion = Article(id="o", source="x", text="I think the deal is bad.", kind="opinion",
                            published="2020-08-01", order=0)  # fmt: skip
    untitled = Article(id="u", source="x", text="Talks resumed.", published="2020-08-02", order=1)
    edge = Article(
        id="e", source="x", text="..", title="Side note", published="2020-08-03", order=2
    )
    core = Article(id="c", source="x", text="..", title="Talks resume", published="2020-08-04",
                   order=3)  # fmt: skip
    central = {"o": 0.9, "u": 0.8, "e": 0.2, "c": 0.7}
    assert headline([early_opinion, untitled, edge, core], central).id == "c"
    assert headline([early_opinion, untitled], central).id == "u"
    assert headline([edge, core], {}).id == "e"  # no centrality known: the earliest


def test_bisect_weighs_the_time_gap_between_halves() -> None:
    """Two halves linked just above the merge threshold stay together on the same days and
    are split when a year lies between them."""
    p = ClusterParams(threshold=0.12, merge_threshold=0.15, tau_days=60, decay_floor=0.5)
    shared = {0: 0.45}
    a = [{**shared, 1: 0.8}, {**shared, 1: 0.7, 3: 0.3}, {**shared, 1: 0.8, 4: 0.2}]
    b = [{**shared, 5: 0.8}, {**shared, 5: 0.7, 7: 0.3}, {**shared, 5: 0.8, 8: 0.2}]
    sig = _sig({"saints"})
    vecs = [a[0], b[0], a[1], b[1], a[2], b[2]]
    assert bisect(vecs, [sig] * 6, p, [100.0] * 6) is None
    assert bisect(vecs, [sig] * 6, p) is None  # undated: undated_factor 1.0
    year_apart = [100.0, 465.0, 101.0, 466.0, 102.0, 467.0]
    half = bisect(vecs, [sig] * 6, p, year_apart)
    assert half is not None and sorted(half) in ([1, 3, 5], [0, 2, 4])


def test_decay_uses_the_undated_factor_when_a_date_is_missing() -> None:
    p = ClusterParams(0.1, 0.1, tau_days=60, decay_floor=0.5, undated_factor=0.7)
    assert decay(gap_days(None, 3.0, 4.0), p) == 0.7
    assert decay(gap_days(4.0, 3.0, 4.0), p) == 1.0
    assert 0.5 < decay(gap_days(400.0, 3.0, 4.0), p) < 0.51


def test_a_name_mentioned_in_passing_is_not_shared() -> None:
    """One article of ten naming the other half's player does not make the halves share him."""
    thomas, bush = _sig({"thomas", "saints"}), _sig({"bush", "saints"})
    passing = Signature(frozenset({"thomas", "saints", "bush"}), frozenset({"thomas", "saints"}))
    a = Profile()
    for s in [thomas] * 9 + [passing]:
        a.add(s)
    b = Profile()
    for s in [bush] * 10:
        b.add(s)
    assert conflict_events(a, b) < 0.3
    assert conflict_halves(a, b) > 0.4
    same = Profile()
    for s in [thomas] * 10:
        same.add(s)
    assert conflict_halves(a, same) == 0.0


def test_event_core_is_the_same_whatever_order_names_arrive_in() -> None:
    # Ties between equally shared names are broken by the name, not by set order.
    a, b = _event(), _event()
    for s in (_sig({"zeta", "alpha", "mid"}), _sig({"mid", "zeta", "alpha"})):
        a.add(s)
    for s in reversed([_sig({"zeta", "alpha", "mid"}), _sig({"mid", "zeta", "alpha"})]):
        b.add(s)
    assert a.as_signature() == b.as_signature()


def test_equally_central_articles_give_the_earlier_title() -> None:
    """The two members of a pair are equally central up to rounding noise: the earlier wins,
    whichever the noise favours."""
    from newsweave.group.events import headline
    from newsweave.model import Article

    late = Article(source="l", id="l", text="x", title="Late", published="2020-01-02")
    early = Article(source="e", id="e", text="x", title="Early", published="2020-01-01")
    for noise in (1e-15, -1e-15):
        central = {"l": 0.7666351618631291 + noise, "e": 0.7666351618631291}
        assert headline([late, early], central).id == "e"
    assert headline([late, early], {"l": 0.8, "e": 0.7}).id == "l"


def test_a_first_line_the_text_does_not_tell_names_no_event() -> None:
    """Plain text files scraped from one site often start with the site's teaser headline; the
    cleaner takes it for the title, and it must not name the event of the story below it."""
    from newsweave.group.events import headline
    from newsweave.model import Article

    guessed = {"newsweave": {"title_in_text": True}}
    teaser = Article(
        id="t", source="t.txt", ext=guessed, language="es", published="2011-02-01",
        title="España exigirá una PCR negativa en origen a todos los viajeros",
        text="Miles de manifestantes llenaron la plaza Tahrir de El Cairo contra Mubarak.",
    )  # fmt: skip
    told = Article(
        id="k", source="k.txt", ext=guessed, language="es", published="2011-02-02",
        title="Manifestantes llenan la plaza Tahrir",
        text="Miles de manifestantes llenaron la plaza Tahrir de El Cairo contra Mubarak.",
    )  # fmt: skip
    assert headline([teaser, told], {"t": 0.9, "k": 0.5}).id == "k"
    # a title that came with the record is the record's own, told or not
    given = Article(id="g", source="g.json", title=teaser.title, text=teaser.text,
                    language="es", published="2011-02-01")  # fmt: skip
    assert headline([given, told], {"g": 0.9, "k": 0.5}).id == "g"
    # alone, the teaser still names its event (better than no title)
    assert headline([teaser], {"t": 0.9}).id == "t"


def test_a_title_heading_articles_of_other_events_names_none_of_them() -> None:
    from newsweave.group.events import headline, shared_titles
    from newsweave.model import Article

    def art(aid: str, title: str) -> Article:
        return Article(id=aid, source=aid, text="..", title=title, published="2018-01-01")

    site = "World news -  RT International"
    one = [art("a", site), art("b", "Russia offers Belarus military support")]
    other = [art("c", "World news - RT  international"), art("d", "Quake hits Chile")]
    shared = shared_titles({"e1": one, "e2": other})
    assert shared == {"world news - rt international"}
    assert headline(one, {"a": 0.9, "b": 0.4}, shared).id == "b"
    assert headline(one, {"a": 0.9, "b": 0.4}).id == "a"  # nothing known of other events
    assert headline(one[:1], {"a": 0.9}, shared).id == "a"  # better than no title
