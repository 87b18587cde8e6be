"""Every input format: exact accounting, ids, titles, outlets, urls and dates as read."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pytest

from newsweave.eval import shared_dir
from newsweave.io import ReadOptions
from newsweave.io.formats.base import ReadStats
from newsweave.io.formats.records import canonical_url, short_hash
from newsweave.io.readers import read_inputs
from newsweave.model import Article, Problem

BODY = "The minister said on Tuesday that the talks would continue next week in the capital."


def read(*paths: Path | str, **opts: object) -> list[Article | Problem]:
    return list(read_inputs([str(p) for p in paths], ReadOptions(**opts)))  # type: ignore[arg-type]


def articles(records: list[Article | Problem]) -> list[Article]:
    return [r for r in records if isinstance(r, Article)]


def problems(records: list[Article | Problem]) -> list[Problem]:
    return [r for r in records if isinstance(r, Problem)]


def test_txt_whole_file_is_text_and_stem_is_id(tmp_path: Path) -> None:
    p = tmp_path / "story-1.txt"
    p.write_text("A headline\r\n\r\n" + BODY + "\r\n", encoding="utf-8")
    [a] = read(p)
    assert isinstance(a, Article)
    assert a.id == "story-1"
    assert a.source == str(p)
    assert a.text == "A headline\n\n" + BODY + "\n"
    assert a.title is None
    assert a.ext["newsweave"]["format"] == "txt"
    assert a.ext["newsweave"]["title_in_text"] is True


def test_html_raw_page_goes_to_html_with_canonical_url(tmp_path: Path) -> None:
    page = (
        "<!DOCTYPE html><html><head><title>T</title>"
        '<link rel="canonical" href="https://www.example.org/news/1"></head>'
        f"<body><article><p>{BODY}</p></article></body></html>"
    )
    (tmp_path / "page.html").write_text(page)
    with gzip.open(tmp_path / "other.html.gz", "wt") as fh:
        fh.write(page.replace("canonical", "alternate"))
    a, b = read(tmp_path)
    assert isinstance(a, Article) and isinstance(b, Article)
    assert (a.id, b.id) == ("other", "page")  # sorted, stems without .html.gz
    assert b.html == page and b.text == ""
    assert b.ext["newsweave"]["format"] == "html"
    assert b.url == "https://www.example.org/news/1"
    assert b.outlet is None  # filled by the cleaning stage: site name first, then domain
    assert a.url is None and a.outlet is None


def test_html_og_url_and_declared_legacy_charset(tmp_path: Path) -> None:
    page = (
        '<html><head><meta charset="windows-1252">'
        '<meta property="og:url" content="http://news.example.com/a?x=1"></head>'
        "<body><p>Café déjà vu – “quoted”</p></body></html>"
    )
    (tmp_path / "legacy.htm").write_bytes(page.encode("cp1252"))
    [a] = read(tmp_path / "legacy.htm")
    assert isinstance(a, Article)
    assert "Café déjà vu – “quoted”" in (a.html or "")
    assert a.url == "http://news.example.com/a?x=1"
    assert a.outlet is None  # filled by the cleaning stage: site name first, then domain


def test_json_list_single_and_wrapped(tmp_path: Path) -> None:
    recs = [
        {
            "id": 7,
            "url": "https://www.a.com/x",
            "title": " T1 ",
            "body": BODY,
            "date": "2020-08-28",
        },
        {"url": "https://b.org/y", "content": ["Para one.", "Para two."], "outlet": "B News"},
    ]
    (tmp_path / "list.json").write_text(json.dumps(recs))
    (tmp_path / "one.json").write_text(json.dumps({"text": BODY, "title": "Solo"}))
    (tmp_path / "wrapped.json").write_text(json.dumps({"status": "ok", "articles": recs[:1]}))
    got = read(tmp_path / "list.json", tmp_path / "one.json", tmp_path / "wrapped.json")
    assert len(got) == 4 and not problems(got)
    a, b, one, w = articles(got)
    assert (a.id, a.title, a.text, a.outlet, a.published) == (
        "7",
        "T1",
        BODY,
        "a.com",
        "2020-08-28",
    )
    assert a.source == f"{tmp_path / 'list.json'}#1"
    assert b.id == short_hash(canonical_url("https://b.org/y"))
    assert (b.text, b.outlet) == ("Para one.\n\nPara two.", "B News")
    assert (one.id, one.title, one.source) == ("one", "Solo", str(tmp_path / "one.json"))
    assert w.id == "7"


def test_jsonl_and_gzip_and_field_map_with_dotted_path(tmp_path: Path) -> None:
    lines = [
        {"story": {"body": BODY}, "headline": "H", "src": {"name": "Wire"}},
        {"story": {"body": BODY + " Two."}, "published_at": 1598608800},
    ]
    data = "\n".join(json.dumps(x) for x in lines) + "\n"
    with gzip.open(tmp_path / "feed.jsonl.gz", "wt") as fh:
        fh.write(data)
    got = read(tmp_path / "feed.jsonl.gz", field_map={"text": "story.body", "outlet": "src.name"})
    a, b = articles(got)
    assert len(got) == 2
    assert (a.text, a.title, a.outlet) == (BODY, "H", "Wire")
    assert a.source == f"{tmp_path / 'feed.jsonl.gz'}#1"
    assert b.published == "2020-08-28T10:00:00+00:00"
    assert b.id == short_hash(BODY + " Two.")


def test_ids_are_stable_across_runs_and_ignore_tracking_params(tmp_path: Path) -> None:
    recs = [
        {"url": "https://WWW.Example.com/a?utm_source=tw&id=3#top", "text": BODY},
        {"url": "https://www.example.com/a?id=3", "text": BODY},
    ]
    p = tmp_path / "r.jsonl"
    p.write_text("\n".join(json.dumps(r) for r in recs))
    first = [a.id for a in articles(read(p))]
    assert first == [a.id for a in articles(read(p))]
    assert first[0] == first[1]


def test_published_is_normalised_or_kept_raw(tmp_path: Path) -> None:
    recs = [
        {"text": BODY, "published": "Fri, 28 Aug 2020 10:15:00 +0300"},
        {"text": BODY, "date_publish": "28 August 2020"},
        {"text": BODY, "published": "last Tuesday"},
    ]
    p = tmp_path / "d.jsonl"
    p.write_text("\n".join(json.dumps(r) for r in recs))
    a, b, c = articles(read(p))
    assert a.published == "2020-08-28T10:15:00+03:00"
    assert b.published == "2020-08-28"
    assert c.published is None
    assert c.ext["newsweave"]["published_raw"] == "last Tuesday"


def test_html_record_goes_to_html(tmp_path: Path) -> None:
    p = tmp_path / "h.jsonl"
    p.write_text(json.dumps({"id": "x", "html": "<html><body><p>Hi</p></body></html>"}))
    [a] = read(p)
    assert isinstance(a, Article)
    assert a.text == "" and a.html == "<html><body><p>Hi</p></body></html>"


def test_csv_and_tsv(tmp_path: Path) -> None:
    long_body = "word " * 40000  # beyond csv's default 128 KB field limit
    (tmp_path / "a.csv").write_text(
        'id;Title;Body;date\n1;"One; with semicolon";"' + BODY + '\nsecond line";2021-05-26\n'
        f"2;Two;{long_body};\n"
    )
    (tmp_path / "b.tsv").write_text(f"title\ttext\turl\nX\t{BODY}\thttps://www.c.net/p\n")
    got = read(tmp_path / "a.csv", tmp_path / "b.tsv", field_map={"text": "Body"})
    assert len(got) == 3 and not problems(got)
    one, two, x = articles(got)
    assert (one.id, one.title, one.published) == ("1", "One; with semicolon", "2021-05-26")
    assert one.text == BODY + "\nsecond line"
    assert one.source == f"{tmp_path / 'a.csv'}#2"
    assert two.source == f"{tmp_path / 'a.csv'}#4"  # row 1 spans lines 2-3
    assert len(two.text) == len(long_body)
    assert (x.title, x.outlet, x.url) == ("X", "c.net", "https://www.c.net/p")


def _warc(records: list[tuple[str, str, bytes, str]], gz: bool = True) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=gz)
    writer.write_record(writer.create_warcinfo_record("x.warc", {"software": "test"}))
    for url, status, body, ctype in records:
        http = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
        rec = writer.create_warc_record(
            url,
            "response",
            payload=io.BytesIO(body),
            http_headers=http,
            warc_headers_dict={"WARC-Date": "2020-08-28T12:00:00Z"},
        )
        writer.write_record(rec)
    return buf.getvalue()


def test_warc_html_responses_are_articles_others_counted(tmp_path: Path) -> None:
    page = f"<html><body><p>{BODY}</p></body></html>".encode()
    data = _warc(
        [
            ("https://www.news.com/1", "200 OK", page, "text/html; charset=utf-8"),
            ("https://www.news.com/logo.png", "200 OK", b"\x89PNG..", "image/png"),
            ("https://www.news.com/old", "301 Moved", b"", "text/html"),
            ("https://www.news.com/2", "200 OK", page, "text/html"),
        ]
    )
    p = tmp_path / "crawl.warc.gz"
    p.write_bytes(data)
    stats = ReadStats()
    got = list(read_inputs([str(p)], ReadOptions(), stats))
    assert len(got) == 2 and not problems(got)
    a, b = articles(got)
    assert (a.source, a.url, a.outlet) == ("https://www.news.com/1", a.source, None)
    assert a.id == short_hash(canonical_url("https://www.news.com/1"))
    assert a.html == page.decode() and a.text == ""
    assert a.published == "2020-08-28T12:00:00+00:00"
    assert a.ext["newsweave"]["published_source"] == "warc-date"
    assert b.url == "https://www.news.com/2"
    assert stats.total_skipped == 3  # warcinfo, image, redirect


def test_rss_atom_feed_entries(tmp_path: Path) -> None:
    rss = f"""<?xml version="1.0"?>
<rss version="2.0"><channel><title>Daily Planet</title><link>https://planet.com</link>
<item><title>First</title><link>https://planet.com/1</link><guid isPermaLink="false">p-1</guid>
<pubDate>Fri, 28 Aug 2020 10:00:00 GMT</pubDate>
<description><![CDATA[<p>{BODY}</p><p>Second paragraph.</p>]]></description></item>
<item><title>Second</title><link>https://planet.com/2</link>
<description>Plain summary text.</description></item>
</channel></rss>"""
    atom = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atomic</title>
<entry><title>A1</title><link href="https://www.atom.io/a1"/><id>https://www.atom.io/a1</id>
<updated>2021-05-26T08:00:00Z</updated><content type="html">&lt;p&gt;{BODY}&lt;/p&gt;</content>
</entry></feed>"""
    (tmp_path / "news.xml").write_text(rss)
    (tmp_path / "atom.feed").write_text(atom)  # unknown extension: sniffed by content
    got = read(tmp_path / "news.xml", tmp_path / "atom.feed")
    assert len(got) == 3 and not problems(got)
    first, second, a1 = articles(got)
    assert (first.id, first.title, first.url) == ("p-1", "First", "https://planet.com/1")
    assert first.outlet == "Daily Planet"
    assert first.published == "2020-08-28T10:00:00+00:00"
    assert first.text == BODY + "\n\nSecond paragraph."
    assert second.text == "Plain summary text."
    assert second.source == f"{tmp_path / 'news.xml'}#2"
    assert (a1.title, a1.outlet, a1.published) == ("A1", "Atomic", "2021-05-26T08:00:00+00:00")
    assert a1.id == short_hash(canonical_url("https://www.atom.io/a1"))
    assert a1.text == BODY


def test_opml_reads_local_feeds_and_reports_missing(tmp_path: Path) -> None:
    (tmp_path / "feeds").mkdir()
    (tmp_path / "feeds" / "one.rss").write_text(
        '<rss version="2.0"><channel><title>One</title><item><title>t</title>'
        f"<description>{BODY}</description></item></channel></rss>"
    )
    (tmp_path / "subs.opml").write_text(
        '<?xml version="1.0"?><opml version="2.0"><head/><body>'
        '<outline text="g"><outline type="rss" xmlUrl="feeds/one.rss"/></outline>'
        '<outline type="rss" xmlUrl="feeds/missing.rss"/></body></opml>'
    )
    got = read(tmp_path / "subs.opml")
    assert len(got) == 2
    [a] = articles(got)
    [p] = problems(got)
    assert (a.outlet, a.text) == ("One", BODY)
    assert p.code == "E010" and "missing.rss" in p.source


def test_opml_fetches_http_feeds_with_injected_fetcher(tmp_path: Path) -> None:
    from newsweave.io.formats.base import Blob
    from newsweave.io.formats.feeds import read_opml

    opml = (
        b'<opml version="2.0"><body><outline xmlUrl="https://x.test/rss"/>'
        b'<outline xmlUrl="https://down.test/rss"/></body></opml>'
    )
    feed = f"<rss><channel><item><description>{BODY}</description></item></channel></rss>"

    def fetch(url: str, limit: int) -> bytes:
        if "down" in url:
            raise OSError("timed out")
        return feed.encode()

    got = list(read_opml(Blob("subs.opml", opml, None, ".opml"), ReadOptions(), fetch))
    assert [type(r).__name__ for r in got] == ["Article", "Problem"]
    assert got[0].source == "https://x.test/rss#1"
    assert isinstance(got[1], Problem) and got[1].code == "E010"


def test_stdin_jsonl(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys
    import types

    raw = (json.dumps({"id": "s1", "text": BODY}) + "\n{broken\n").encode()
    monkeypatch.setattr(sys, "stdin", types.SimpleNamespace(buffer=io.BytesIO(raw)))
    got = read("-")
    assert [type(r).__name__ for r in got] == ["Article", "Problem"]
    assert got[0].source == "<stdin>#1"
    assert isinstance(got[1], Problem) and (got[1].code, got[1].record) == ("E006", 2)


def test_folder_recursion_sorted_and_hidden_skipped(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / ".git").mkdir()
    (tmp_path / "b" / "2.txt").write_text(BODY)
    (tmp_path / "a.txt").write_text(BODY)
    (tmp_path / ".hidden.txt").write_text(BODY)
    (tmp_path / ".git" / "x.txt").write_text(BODY)
    assert [r.id for r in articles(read(tmp_path))] == ["a", "2"]


def test_seed_folder_reads_five_articles_with_stem_ids() -> None:
    seeds = shared_dir() / "corpus" / "seeds"
    if not seeds.is_dir():
        pytest.skip("shared seeds not available")
    got = read(seeds)
    assert len(got) == 5 and not problems(got)
    assert [a.id for a in articles(got)] == sorted(p.stem for p in seeds.glob("*.txt"))


def test_utf16_page_and_latin1_label_read_as_windows_1252(tmp_path: Path) -> None:
    page = "<html><body><p>“Quoted” – déjà</p></body></html>"
    (tmp_path / "u16.html").write_bytes(page.encode("utf-16"))
    labelled = page.replace("<body>", '<head><meta charset="iso-8859-1"></head><body>')
    (tmp_path / "w.html").write_bytes(labelled.encode("cp1252"))
    a, b = articles(read(tmp_path / "u16.html", tmp_path / "w.html"))
    assert a.html == page
    assert b.html == labelled


def test_csv_semicolons_and_single_column_with_commas(tmp_path: Path) -> None:
    body = "One, two, three, four, five, six, seven, eight, nine, ten, eleven."
    (tmp_path / "s.csv").write_text(f"title;text\nA;{body}\nB;{body}\n")
    (tmp_path / "t.csv").write_text(f'text\n{body}\n"Quoted, ""with"" quotes"\n')
    got = read(tmp_path / "s.csv", tmp_path / "t.csv")
    assert [(a.title, a.text) for a in articles(got)] == [
        ("A", body),
        ("B", body),
        (None, body),
        (None, 'Quoted, "with" quotes'),
    ]
    assert len(got) == 4
