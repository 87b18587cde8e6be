"""Chrome removal on whole synthetic articles: what goes, what stays, what becomes metadata."""

from __future__ import annotations

from newsweave.clean.chrome import clean_text
from newsweave.clean.lines import split_lines
from newsweave.clean.similarity import block_similarity
from newsweave.clean.title import find_title, looks_like_paragraph

P1 = "The city council approved the new harbour budget on Monday after a long debate."
P2 = "Opponents said the harbour plan would raise local taxes and harm the fishing trade."
P3 = '"We will keep the harbour open for everyone," the mayor said after the harbour vote.'


def test_title_from_text_skips_widgets_and_breadcrumbs() -> None:
    text = (
        f"promo_slot\n\nNews Local Harbour budget passes\n\nHarbour budget passes\n\n{P1}\n\n{P2}"
    )
    res = clean_text(text, title_in_text=True)
    assert res.title == "Harbour budget passes"
    assert res.text == f"{P1}\n\n{P2}"
    assert "promo_slot" in res.removed and "News Local Harbour budget passes" in res.removed


def test_first_paragraph_is_not_a_title() -> None:
    text = f"{P1} {P2}\n\n{P3}"
    res = clean_text(text, title_in_text=True)
    assert res.title is None
    assert res.text.startswith(P1)
    assert looks_like_paragraph(P1 + " " + P2)
    assert find_title(split_lines("Short headline here\n\n" + P1))[0] == 0


def test_byline_and_dateline_become_metadata() -> None:
    text = (
        "Harbour budget passes\n\nCity Desk Team\nLisbon, PortugalUpdated: Mar 3, 2021, 10:15 AM"
        f"\n\n{P1}\n\n{P2}"
    )
    res = clean_text(text, title_in_text=True)
    assert (res.author, res.place, res.published) == ("City Desk Team", "Lisbon", "2021-03-03")
    assert res.text == f"{P1}\n\n{P2}"


def test_url_line_becomes_metadata_and_dates_the_article() -> None:
    # A text conversion that left spaces inside the URL, as in ECB+ or copied pages.
    url = "http: / / www. example. com / 2013 / 05 / 02 / harbour - budget /"
    text = f"{url}\nHarbour budget\n\n{P1}"
    res = clean_text(text, title_in_text=True)
    assert res.url == "http://www.example.com/2013/05/02/harbour-budget/"
    assert res.published == "2013-05-02" and res.title == "Harbour budget"
    assert res.text == P1
    # An explicit dateline wins over the URL's date; a URL inside a sentence is not a URL line.
    dated = clean_text(f"www.example.com/2013/05/02/a\nPublished May 3, 2013\n\n{P1}")
    assert dated.published == "2013-05-03"
    prose = f"Read more at www.example.com/2013/05/02/a today.\n\n{P1}"
    assert clean_text(prose).url is None


def test_repeated_highlight_keeps_one_copy_and_drops_label() -> None:
    text = f"Key points\n\n{P2}\n\n{P1}\n\n{P2}\n\n{P3}"
    res = clean_text(text, title="Harbour budget passes")
    assert res.text == f"{P1}\n\n{P2}\n\n{P3}"
    assert "Key points" in res.removed


def test_quotes_and_bullets_under_headline_are_kept() -> None:
    bullets = "• Mayor: harbour stays open\n• “We will not close it,” the mayor said."
    text = f"Harbour budget passes\n{bullets}\n\n{P1}\n\n{P3}"
    res = clean_text(text, title_in_text=True)
    assert res.text == f"{bullets}\n\n{P1}\n\n{P3}"
    assert res.removed == []


def test_trailing_teaser_list_with_counts_is_dropped() -> None:
    teasers = (
        "More to read\n\n• Chess champion wins again in Oslo\n\nChess champion wins again in Oslo\n"
        "\nThe grandmaster took the title for the sixth time in a row on Sunday evening.\n\n1204"
    )
    res = clean_text(f"{P1}\n\n{P2}\n\n{P3}\n\n{teasers}")
    assert res.text == f"{P1}\n\n{P2}\n\n{P3}"
    assert "1204" in res.removed


def test_unrelated_trailing_headlines_are_dropped_related_subsection_kept() -> None:
    unrelated = "Next steps\nChess champion wins again in Oslo\nNew comet seen over the Andes"
    res = clean_text(f"{P1}\n\n{P2}\n\n{P3}\n\n{unrelated}")
    assert res.text == f"{P1}\n\n{P2}\n\n{P3}"
    related = "Harbour plan\nCouncil harbour budget vote timeline\nFishing trade and harbour taxes"
    kept = clean_text(f"{P1}\n\n{P2}\n\n{P3}\n\n{related}")
    assert kept.text.endswith(related)


def test_similarity_orders_related_above_unrelated() -> None:
    body = [P1, P2, P3]
    assert block_similarity(["harbour budget taxes"], body) > block_similarity(
        ["comet seen over the Andes"], body
    )


def test_comment_form_load_more_and_dangling_heading_at_end() -> None:
    tail = (
        "Load More Related Articles\n\nLeave a Reply\n\nYour email address will not be published."
    )
    res = clean_text(f"{P1}\n\n{P2}\n\nRead next:\n\n{tail}")
    assert res.text == f"{P1}\n\n{P2}"


def test_cleaning_never_empties_an_article() -> None:
    res = clean_text("Leave a Reply")
    assert res.text == "Leave a Reply"
