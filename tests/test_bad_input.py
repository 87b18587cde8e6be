"""Bad input: each kind is a coded problem (with its record or line); the run goes on."""

from __future__ import annotations

import gzip
import io
import json
import random
from pathlib import Path

import pytest

from newsweave.io import ReadOptions
from newsweave.io.readers import read_inputs
from newsweave.model import Article, Problem

BODY = "The minister said on Tuesday that the talks would continue next week in the capital."


def read(*paths: Path | str, **opts: object) -> list[Article | Problem]:
    return list(read_inputs([str(p) for p in paths], ReadOptions(**opts)))  # type: ignore[arg-type]


def only_problem(records: list[Article | Problem]) -> Problem:
    assert len(records) == 1, records
    [p] = records
    assert isinstance(p, Problem), p
    return p


def test_missing_path_is_not_found(tmp_path: Path) -> None:
    p = only_problem(read(tmp_path / "nope.txt"))
    assert (p.code, p.source) == ("E012", str(tmp_path / "nope.txt"))


@pytest.mark.parametrize("name", ["empty.txt", "empty.jsonl", "blank.html"])
def test_empty_files(tmp_path: Path, name: str) -> None:
    (tmp_path / name).write_text("" if "empty" in name else "  \n\n ")
    assert only_problem(read(tmp_path / name)).code == "E001"


def test_empty_folder(tmp_path: Path) -> None:
    assert only_problem(read(tmp_path)).code == "E001"


def test_binary_file(tmp_path: Path) -> None:
    (tmp_path / "blob.txt").write_bytes(bytes(range(256)) * 8)
    p = only_problem(read(tmp_path / "blob.txt"))
    assert p.code == "E002"


def test_truncated_gzip_keeps_records_before_the_cut(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": f"r{i}", "text": f"{BODY} {i} " + "x" * (i * 37)}) for i in range(400)
    ]
    whole = gzip.compress(("\n".join(lines) + "\n").encode())
    (tmp_path / "cut.jsonl.gz").write_bytes(whole[: len(whole) // 2])
    got = read(tmp_path / "cut.jsonl.gz")
    arts = [r for r in got if isinstance(r, Article)]
    probs = [r for r in got if isinstance(r, Problem)]
    assert len(probs) == 1 and probs[0].code == "E003"
    assert 0 < len(arts) < 400
    assert [a.id for a in arts] == [f"r{i}" for i in range(len(arts))]
    assert probs[0].record == len(arts) + 1  # the line that was cut


def test_truncated_single_page_gzip(tmp_path: Path) -> None:
    page = "<html><body>" + f"<p>{BODY}</p>" * 200 + "</body></html>"
    whole = gzip.compress(page.encode())
    (tmp_path / "broken.html.gz").write_bytes(whole[: len(whole) - 20])
    p = only_problem(read(tmp_path / "broken.html.gz"))
    assert (p.code, p.source) == ("E003", str(tmp_path / "broken.html.gz"))


CYRILLIC = (
    "Президент России Владимир Путин заявил, что Москва готова оказать Белоруссии "
    "военную помощь. Министр иностранных дел подтвердил, что переговоры продолжатся."
)
FRENCH = (
    "Le président a déclaré mercredi que la société était prête à coopérer. "
    "Ça a été très élevé, à côté du théâtre où l'on s'était réuni."
)


def test_legacy_encodings_are_decoded_not_problems(tmp_path: Path) -> None:
    (tmp_path / "ru.txt").write_bytes(CYRILLIC.encode("cp1251"))
    (tmp_path / "fr.txt").write_bytes(FRENCH.encode("latin-1"))
    (tmp_path / "mixed.jsonl").write_bytes(
        json.dumps({"id": "ru", "text": CYRILLIC}, ensure_ascii=False).encode("cp1251")
        + b"\n"
        + json.dumps({"id": "ok", "text": BODY}).encode()
    )
    got = read(tmp_path / "fr.txt", tmp_path / "mixed.jsonl", tmp_path / "ru.txt")
    assert all(isinstance(r, Article) for r in got), got
    fr, ru_line, ok, ru = got
    assert isinstance(fr, Article) and fr.text == FRENCH
    assert isinstance(ru, Article) and ru.text == CYRILLIC
    assert isinstance(ru_line, Article) and ru_line.text == CYRILLIC
    assert isinstance(ok, Article) and ok.text == BODY


def test_undecodable_bytes_are_e004(tmp_path: Path) -> None:
    rng = random.Random(1)
    (tmp_path / "junk.txt").write_bytes(bytes(rng.randrange(0x80, 0x100) for _ in range(600)))
    assert only_problem(read(tmp_path / "junk.txt")).code == "E004"


def test_too_large_is_reported_not_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "big.txt").write_text(BODY * 100)

    def refuse(self: Path) -> bytes:
        raise AssertionError("a file over max_bytes must not be read")

    monkeypatch.setattr(Path, "read_bytes", refuse)
    p = only_problem(read(tmp_path / "big.txt", max_bytes=1000))
    assert p.code == "E005"


def test_gzip_bomb_is_too_large(tmp_path: Path) -> None:
    (tmp_path / "bomb.jsonl.gz").write_bytes(gzip.compress(b" " * 2_000_000))
    assert only_problem(read(tmp_path / "bomb.jsonl.gz", max_bytes=100_000)).code == "E005"


def test_malformed_json_lines_each_a_problem_good_lines_read(tmp_path: Path) -> None:
    good = json.dumps({"id": "g", "text": BODY})
    (tmp_path / "m.jsonl").write_text(f"{good}\n{{oops\n\n[1, 2]\n{good}\nnot json\n")
    got = read(tmp_path / "m.jsonl")
    assert [type(r).__name__ for r in got] == [
        "Article",
        "Problem",
        "Problem",
        "Article",
        "Problem",
    ]
    codes_lines = [(r.code, r.record) for r in got if isinstance(r, Problem)]
    assert codes_lines == [("E006", 2), ("E006", 4), ("E006", 6)]


def test_malformed_json_document(tmp_path: Path) -> None:
    (tmp_path / "bad.json").write_text('[{"text": "a"},')
    assert only_problem(read(tmp_path / "bad.json")).code == "E006"


def test_records_without_text_or_html(tmp_path: Path) -> None:
    recs = [
        {"id": "a", "title": "only a title"},
        {"id": "b", "text": "  "},
        {"id": "c", "text": BODY},
    ]
    (tmp_path / "n.json").write_text(json.dumps(recs))
    got = read(tmp_path / "n.json")
    assert [(r.code, r.record) for r in got if isinstance(r, Problem)] == [("E007", 1), ("E007", 2)]
    assert [r.id for r in got if isinstance(r, Article)] == ["c"]


def test_csv_without_text_column(tmp_path: Path) -> None:
    (tmp_path / "t.csv").write_text("id,title,date\n1,T,2020-01-01\n2,U,2020-01-02\n")
    p = only_problem(read(tmp_path / "t.csv"))
    assert p.code == "E008" and "no text column" in p.reason


def _warc_bytes(n: int) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=False)
    for i in range(n):
        http = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        page = f"<html><body><p>{BODY} {i}</p></body></html>".encode()
        rec = writer.create_warc_record(
            f"https://n.com/{i}", "response", payload=io.BytesIO(page), http_headers=http
        )
        writer.write_record(rec)
    return buf.getvalue()


def test_corrupt_warc_keeps_records_before_the_damage(tmp_path: Path) -> None:
    data = _warc_bytes(3)
    (tmp_path / "cut.warc").write_bytes(data[: len(data) - 40])
    (tmp_path / "junk.warc").write_bytes(
        b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 999\r\n\r\nxx"
    )
    got = read(tmp_path / "cut.warc", tmp_path / "junk.warc")
    assert [type(r).__name__ for r in got] == ["Article", "Article", "Problem", "Problem"]
    assert isinstance(got[2], Problem) and (got[2].code, got[2].record) == ("E009", 3)
    assert isinstance(got[3], Problem) and got[3].code == "E009"


def test_truncated_warc_gz_is_e003(tmp_path: Path) -> None:
    whole = gzip.compress(_warc_bytes(3))
    (tmp_path / "cut.warc.gz").write_bytes(whole[: len(whole) - 30])
    got = read(tmp_path / "cut.warc.gz")
    assert [type(r).__name__ for r in got] == ["Article", "Article", "Problem"]
    assert isinstance(got[2], Problem) and got[2].code == "E003"


def test_warc_without_pages(tmp_path: Path) -> None:
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=True)
    writer.write_record(writer.create_warcinfo_record("x.warc", {"software": "t"}))
    (tmp_path / "info.warc.gz").write_bytes(buf.getvalue())
    assert only_problem(read(tmp_path / "info.warc.gz")).code == "E007"


@pytest.mark.parametrize(
    "name,content",
    [
        ("broken.rss", "<rss version='2.0'><channel><title>Half a feed"),
        ("notfeed.xml", "just words, not xml at all"),
        ("bad.opml", "<opml><body><outline xmlUrl='a.rss'></body>"),
    ],
)
def test_unparseable_feeds(tmp_path: Path, name: str, content: str) -> None:
    (tmp_path / name).write_text(content)
    assert only_problem(read(tmp_path / name)).code == "E010"


@pytest.mark.parametrize(
    "name,content",
    [
        ("doc.pdf", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj"),
        ("arch.zip", b"PK\x03\x04\x14\x00\x00\x00\x08\x00"),
        ("notes.ann", b"T1\tSource 0 5\tPutin\n"),
        ("timeml.tml", b"<?xml version='1.0'?><TimeML><DOCID>x</DOCID></TimeML>"),
    ],
)
def test_unsupported_types(tmp_path: Path, name: str, content: bytes) -> None:
    (tmp_path / name).write_bytes(content)
    assert only_problem(read(tmp_path / name)).code == "E011"


def test_mixed_folder_end_to_end_accounting(tmp_path: Path) -> None:
    from newsweave.analyze import analyze
    from newsweave.pipeline import Config

    (tmp_path / "good.txt").write_text("Headline\n\n" + BODY)
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01\x02" * 50)
    (tmp_path / "recs.jsonl").write_text(
        json.dumps({"id": "j1", "text": BODY}) + "\n{bad\n" + json.dumps({"id": "j2"}) + "\n"
    )
    (tmp_path / "doc.pdf").write_bytes(b"%PDF-1.4 ...")
    report = analyze([str(tmp_path), str(tmp_path / "missing")], config=Config(workers=1))
    assert report.read == len(report.articles) + len(report.problems)
    assert report.read == 8  # 1 txt + empty + binary + 3 jsonl lines + pdf + missing path
    assert sorted(a.id for a in report.articles) == ["good", "j1"]
    assert sorted(p.code for p in report.problems) == [
        "E001",
        "E002",
        "E006",
        "E007",
        "E011",
        "E012",
    ]


def test_reader_bug_becomes_a_problem_not_a_crash(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from newsweave.io import readers

    def broken(blob: object, options: object) -> object:
        raise RuntimeError("boom")

    monkeypatch.setitem(readers.READERS, "txt", broken)
    (tmp_path / "a.txt").write_text(BODY)
    (tmp_path / "b.json").write_text(json.dumps({"text": BODY}))
    got = read(tmp_path)
    assert isinstance(got[0], Problem) and got[0].code == "E099" and "boom" in got[0].reason
    assert isinstance(got[1], Article) and got[1].id == "b"
