"""The dates evaluation on TempEval-3 platinum holds its pinned floors."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsweave.eval import check_floors, data_path, load_floors
from newsweave.eval.dates import evaluate, read_timeml
from newsweave.nlp import has_model

TE3 = data_path("temporal", "tempeval3")
pytestmark = pytest.mark.skipif(not TE3.is_dir(), reason=f"TempEval-3 not found at {TE3}")


def test_read_timeml_keeps_offsets(tmp_path: Path) -> None:
    tml = tmp_path / "x.tml"
    tml.write_text(
        '<?xml version="1.0" ?><TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="2013-03-22" '
        'functionInDocument="CREATION_TIME">March 22, 2013</TIMEX3></DCT><TEXT>He '
        '<EVENT eid="e1">spoke</EVENT> <TIMEX3 tid="t1" type="DATE" value="2013-03-22">Friday'
        "</TIMEX3> &amp; left.</TEXT></TimeML>"
    )
    doc = read_timeml(tml)
    assert doc.dct == "2013-03-22"
    assert doc.text == "He spoke Friday & left."
    (timex,) = doc.timexes
    assert (doc.text[timex.start : timex.end], timex.value) == ("Friday", "2013-03-22")


@pytest.mark.slow
@pytest.mark.skipif(not has_model("en"), reason="no English spaCy model")
def test_platinum_holds_the_floors() -> None:
    result = evaluate()
    assert result.counts["gold_dates"] > 90
    assert load_floors("dates")["default"]["value_accuracy"] >= 0.8
    assert check_floors(result) == []
