"""The shared output helpers: tables of rows, and records in each format."""

from __future__ import annotations

import argparse
import io

import pytest

from onrecord.cli._output import (
    Column,
    add_format_option,
    print_rows,
    table_width,
    write_records,
)

COLUMNS = (Column("name", "NAME", 6), Column("n", "N", 3, right=True), Column("note", "NOTE", 5))


def test_a_table_pads_clips_and_leaves_the_last_column_unpadded() -> None:
    out = io.StringIO()
    rows = [
        {"name": "Stoltenberg", "n": 2, "note": "said  it\nagain"},
        {"name": "", "n": 0, "note": None},
    ]
    print_rows(rows, COLUMNS, out)
    assert out.getvalue().splitlines() == [
        "NAME      N  NOTE",
        "Stolt…    2  said…",
        "-         0  -",
    ]


def test_a_column_can_show_nothing_for_an_empty_value_and_a_table_can_be_indented() -> None:
    out = io.StringIO()
    columns = (Column("a", "A", 3, blank=""), Column("b", "B", 2))
    print_rows([{"a": None, "b": "x"}], columns, out, header=False, indent="  ")
    assert out.getvalue() == "  " + "   " + "  " + "x\n"


@pytest.mark.parametrize(
    ("fmt", "expected"),
    [
        ("table", "table: 2\n"),
        ("jsonl", '{"v": 1}\n{"v": 2}\n'),
        ("json", '[\n{\n  "v": 1\n},\n{\n  "v": 2\n}\n]\n'),
        ("csv", "v\n1\n2\n"),
    ],
)
def test_records_are_written_in_the_format_asked_for(
    fmt: str, expected: str, capsys: pytest.CaptureFixture[str]
) -> None:
    write_records(
        [1, 2],
        fmt,
        as_dict=lambda n: {"v": n},
        table=lambda items: print(f"table: {len(list(items))}"),
        csv_row=lambda n: {"v": n},
        csv_columns=["v"],
    )
    assert capsys.readouterr().out == expected


def test_the_format_option_says_its_default() -> None:
    parser = argparse.ArgumentParser()
    add_format_option(parser, ("table", "csv"), "table")
    assert parser.parse_args([]).format == "table"
    assert "output format (default: table)" in parser.format_help()


def test_under_a_width_each_column_fits_its_widest_cell_up_to_that_width() -> None:
    rows = [{"name": "Stoltenberg", "n": 2, "note": "said  it\nagain"}, {"name": "Li", "n": 10}]
    rows[1]["note"] = None
    whole, cut = io.StringIO(), io.StringIO()
    with table_width(0):
        print_rows(rows, COLUMNS, whole)
    with table_width(8):
        print_rows(rows, COLUMNS, cut)
    assert whole.getvalue().splitlines() == [
        "NAME          N  NOTE",
        "Stoltenberg   2  said it again",
        "Li           10  -",
    ]
    assert cut.getvalue().splitlines() == [
        "NAME       N  NOTE",
        "Stolten…   2  said it…",
        "Li        10  -",
    ]


def test_the_width_option_comes_with_a_format_that_cuts_texts() -> None:
    parser = argparse.ArgumentParser()
    add_format_option(parser, ("table", "json", "csv"), "table")
    assert parser.parse_args(["--width", "0"]).width == 0
    assert parser.parse_args([]).width is None
    with pytest.raises(SystemExit):
        parser.parse_args(["--width", "-3"])
    assert "json and csv give every text in full" in " ".join(parser.format_help().split())
    only_json = argparse.ArgumentParser()
    add_format_option(only_json, ("json", "jsonl"), "json")
    assert "--width" not in only_json.format_help()
