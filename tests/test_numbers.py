"""Number reading: separator conventions, number words, fractions, scales."""

from __future__ import annotations

import pytest

from newsweave.extract.numbers import detect_convention, read_digits, scan


def values(text: str, convention: str | None = None) -> list[float]:
    return [round(n.value, 6) for n in scan(text, convention)]  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("6,500", [6500]),
        ("1,234,567", [1234567]),
        ("1.5", [1.5]),
        ("6.5%", [6.5]),
        ("12,34,567.89", [1234567.89]),
        ("1 234 567", [1234567]),
        ("1.1^23", [8.954302]),
        ("1e10", [1e10]),
        ("10k", [10000]),
        ("$1.5bn", [1.5e9]),
        ("2 million", [2e6]),
        ("322 hundred", [32200]),
        ("-4/5", [-0.8]),
        ("2 1/4", [2.25]),
        ("one hundred and twenty", [120]),
        ("twenty-one trillion and three hundred", [21000000000300]),
        ("ninety-five hundred", [9500]),
        ("three lakh crore", [3e12]),
        ("two thirds", [0.666667]),
        ("one and a half", [1.5]),
        ("five and a half million", [5.5e6]),
        ("half a dozen", [6]),
        ("nine point nought four", [9.04]),
        ("minus five", [-5]),
        ("3 hundred and 2 hundred", [300, 200]),
        ("Exercises 22,24,26", [22, 24, 26]),
    ],
)
def test_scan_values(text: str, expected: list[float]) -> None:
    assert values(text) == pytest.approx(expected)


def test_ambiguous_dot_group_keeps_both_readings() -> None:
    (num,) = scan("6.500")
    assert num.value == 6.5 and num.alt == 6500


def test_convention_decides_the_dot() -> None:
    assert values("6.500", "dot") == [6500]
    assert values("6.500", "comma") == [6.5]
    assert values("6,5", "dot") == [6.5]


def test_detect_convention() -> None:
    assert detect_convention("a population of 9.408.400 and 6.500 detained") == "dot"
    assert detect_convention("6,500 people and a 1.5 point rise") == "comma"
    assert detect_convention("more than 6.500 people were detained") is None


def test_ordinals_are_marked_and_lone_ordinals_are_not_numbers() -> None:
    (num,) = scan("the 4th")
    assert num.ordinal
    assert scan("his sixth term") == []


def test_read_digits_lists() -> None:
    assert [v for _, _, v, _ in read_digits("22,24,26,31")] == [22, 24, 26, 31]
