"""CSV the product writes never carries a live spreadsheet formula."""

from __future__ import annotations

import csv
import io

import pytest

from borderpro.common.csvsafe import csv_safe_cell, safe_csv_writer


@pytest.mark.parametrize(
    "value",
    ["=cmd|' /C calc'!A0", "+1+1", "-2+3", "@SUM(A1:A2)", "\t=1", "\r=1", '=HYPERLINK("x")'],
)
def test_formula_cells_are_neutralised(value: str) -> None:
    assert csv_safe_cell(value) == "'" + value


@pytest.mark.parametrize("value", ["Seal check", "", "a=b", 42, -3, 1.5, None])
def test_other_cells_are_left_alone(value: object) -> None:
    assert csv_safe_cell(value) == value


def test_writer_neutralises_every_row() -> None:
    buffer = io.StringIO()
    writer = safe_csv_writer(buffer)
    writer.writerow(["ref", "=1+1"])
    writer.writerows([["@x", -5], ["plain", "-y"]])
    rows = list(csv.reader(io.StringIO(buffer.getvalue())))
    assert rows == [["ref", "'=1+1"], ["'@x", "-5"], ["plain", "'-y"]]
