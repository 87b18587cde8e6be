"""Each page-chrome rule on small synthetic lines."""

from __future__ import annotations

from newsweave.clean.dateline import parse_byline, parse_date, parse_dateline
from newsweave.clean.lines import is_bare_number, is_heading_like, join_lines, split_lines
from newsweave.clean.rules import (
    is_breadcrumb,
    is_call_to_action,
    is_caption,
    is_code,
    is_more_link,
    is_related_heading,
    is_see_also,
    is_widget,
)


def test_split_and_join_keep_paragraph_breaks() -> None:
    text = "  Head  \n\n\nFirst para.\nSecond line.\n\nThird."
    lines = split_lines(text)
    assert [ln.text for ln in lines] == ["Head", "First para.", "Second line.", "Third."]
    assert join_lines(lines) == "Head\n\nFirst para.\nSecond line.\n\nThird."


def test_line_shapes() -> None:
    assert is_heading_like("Why the vote matters")
    assert is_heading_like("Further reading:")
    assert not is_heading_like("The minister resigned on Monday.")
    assert is_bare_number("1,204") and is_bare_number("64") and not is_bare_number("64 people")


def test_widget_names() -> None:
    assert is_widget("sidebar_promo_box")
    assert is_widget("heroImage")
    assert is_widget("top img")
    assert not is_widget("Politics")
    assert not is_widget("The end.")


def test_style_rules_and_template_placeholders() -> None:
    assert is_code(".alogo{display: block;text-indent: -1000px;width: 330px;height: 80px;}")
    assert is_code("{{ post.author.display_name }}")
    assert not is_code("The set {a, b} has two members: a and b.")
    assert not is_code("Ministers met on Monday {sic} to agree the budget.")


def test_captions_and_credits() -> None:
    assert is_caption("Photo: AFP Protesters gather in the square")
    assert is_caption("The minister arrives in Paris Photograph:(AP)")
    assert is_caption("Crowds on the bridge (Foto: Max Muster/dpa).")
    assert is_caption("© Jane Roe/Getty Images")
    assert not is_caption("The photographer said the crowd was peaceful.")


def test_comment_forms_and_calls_to_action() -> None:
    assert is_call_to_action("Leave a Comment")
    assert is_call_to_action("Your email address will not be published.")
    assert is_call_to_action("Sign up for our daily newsletter")
    assert not is_call_to_action("The council will vote on the budget next week.")


def test_more_links_related_headings_and_see_also() -> None:
    assert is_more_link("Show more stories")
    assert is_related_heading("Related Stories")
    assert is_related_heading("You may also like")
    assert not is_related_heading("Related costs rose sharply.")
    assert is_see_also("Read also: Floods hit the north")
    assert is_see_also("WATCH: Rescue teams reach the village")
    assert not is_see_also("Smith: 'We will not give up'")
    assert not is_see_also("PARIS: The government fell on Tuesday after a vote of no confidence.")


def test_breadcrumbs() -> None:
    headline = "Storm closes airport"
    assert is_breadcrumb("Home News Storm closes airport", headline)
    assert is_breadcrumb("Home > World > Europe")
    assert not is_breadcrumb("Storm closes airport", headline)
    assert not is_breadcrumb("Officials said the storm closes airport", headline)


def test_datelines_and_bylines() -> None:
    dl = parse_dateline("Lisbon, PortugalUpdated: Mar 3, 2021, 10:15 AM CET")
    assert dl is not None and dl.date == "2021-03-03" and dl.place == "Lisbon, Portugal"
    only = parse_dateline("04.05.2019 14:30")
    assert only is not None and only.date == "2019-05-04" and only.place is None
    assert parse_dateline("The vote was held in 2019 after a long campaign.") is None
    assert parse_date("no date here") is None
    # Date lines as outlets print them: times, zones, a source name, spaces left inside numbers.
    for line, iso in [
        ("May 3, 2013 at 7:31 AM ET", "2013-05-03"),
        ("Reuters Sep 18, 2013", "2013-09-18"),
        ("16 September 2013 Last updated at 12: 42 GMT", "2013-09-16"),
        ("Thursday, Apr 2, 2009 | Updated 1:32 PM PDT", "2009-04-02"),
        ("Posted September 26, 2013 - 3:47pm Updated September 27, 2013", "2013-09-26"),
        ("UPDATED 05 / 03 / 2013 at 11: 00 AM EDT", "2013-05-03"),
        ("Aug. 05, 2013 | 2: 47 p. m.", "2013-08-05"),
        ("Monday 16 September 2013 13.01 BST", "2013-09-16"),
    ]:
        got = parse_dateline(line)
        assert got is not None and got.date == iso, line
    # No day, no date: dateutil would fill it from today.
    assert parse_dateline("First Published: May 2013") is None
    assert parse_dateline("Elections 2013") is None
    assert parse_dateline("Colts beat Chiefs 20 - 13 in 2012") is None
    assert parse_byline("By Maria Lopez") == "Maria Lopez"
    assert parse_byline("Agency Desk Team", beside_dateline=True) == "Agency Desk Team"
    assert parse_byline("Agency Desk Team") is None
    assert parse_byline("By the end of the year, prices rose.") is None
