"""Scoring rules: bounded, monotonic in threat and vulnerability, any valid n×n matrix."""  # noqa: RUF002

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from borderpro.risk import scoring
from borderpro.risk.proposal import RequirementFact, propose

# the machine is shared: generation speed is not what these tests are about
SLOW_OK = settings(suppress_health_check=[HealthCheck.too_slow], deadline=None)


@st.composite
def matrices(draw: Any) -> list[list[int]]:
    """A random valid matrix: cumulative maxima of random levels are monotonic."""
    n = draw(st.integers(min_value=scoring.MIN_SIZE, max_value=scoring.MAX_SIZE))
    flat = draw(st.lists(st.integers(0, n - 1), min_size=n * n, max_size=n * n))
    raw = [flat[r * n : (r + 1) * n] for r in range(n)]
    for r in range(n):
        for c in range(n):
            up = raw[r - 1][c] if r else 0
            left = raw[r][c - 1] if c else 0
            raw[r][c] = max(raw[r][c], up, left)
    return raw


@SLOW_OK
@given(matrices(), st.data())
def test_scores_are_bounded_and_monotonic(rows: list[list[int]], data: Any) -> None:
    matrix = scoring.Matrix.from_rows(rows)
    n = matrix.size
    t = data.draw(st.integers(0, n - 1))
    v = data.draw(st.integers(0, n - 1))
    level = matrix.score(t, v)
    assert 0 <= level < n
    if t + 1 < n:
        assert matrix.score(t + 1, v) >= level
    if v + 1 < n:
        assert matrix.score(t, v + 1) >= level


@SLOW_OK
@given(st.integers(scoring.MIN_SIZE, scoring.MAX_SIZE))
def test_default_matrix_is_valid_and_anchored(n: int) -> None:
    matrix = scoring.default_matrix(n)
    assert scoring.Matrix.from_rows(matrix.rows()) == matrix
    assert matrix.score(0, 0) == 0
    assert matrix.score(n - 1, n - 1) == n - 1


@SLOW_OK
@given(matrices(), st.data())
def test_a_gap_anywhere_is_refused_naming_the_cell(rows: list[list[Any]], data: Any) -> None:
    n = len(rows)
    r, c = data.draw(st.integers(0, n - 1)), data.draw(st.integers(0, n - 1))
    rows[r][c] = None
    with pytest.raises(scoring.MatrixError) as exc:
        scoring.Matrix.from_rows(rows)
    assert f"Row {r + 1}, column {c + 1} is empty" in str(exc.value)


@SLOW_OK
@given(matrices(), st.data())
def test_a_short_row_is_refused(rows: list[list[int]], data: Any) -> None:
    r = data.draw(st.integers(0, len(rows) - 1))
    rows[r] = rows[r][:-1]
    with pytest.raises(scoring.MatrixError, match=f"Row {r + 1} has"):
        scoring.Matrix.from_rows(rows)


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        ([], "empty"),
        ([[0]], "between 2 and 9"),
        ([[0, 1], [1, 5]], "levels go from 0 to 1"),
        ([[1, 0], [1, 1]], "higher vulnerability must never lower"),
        ([[1, 1], [0, 1]], "higher threat must never lower"),
        ([[0, "x"], [1, 1]], "not a level number"),
        ([[0, 1.5], [1, 1]], "not a level number"),
    ],
)
def test_invalid_matrices_are_refused_with_a_clear_message(rows: Any, message: str) -> None:
    with pytest.raises(scoring.MatrixError, match=message):
        scoring.Matrix.from_rows(rows)


def test_out_of_scale_levels_are_refused() -> None:
    with pytest.raises(scoring.MatrixError):
        scoring.default_matrix(3).score(3, 0)


facts = st.builds(
    RequirementFact,
    ref=st.text(min_size=1, max_size=4),
    level=st.sampled_from(["must", "should"]),
    status=st.sampled_from(
        [
            "not_started",
            "in_progress",
            "partial",
            "implemented",
            "not_implemented",
            "not_applicable",
        ]
    ),
    evidence=st.integers(0, 3),
)


@SLOW_OK
@given(st.lists(facts, max_size=12), st.sampled_from(scoring.SIZES), st.data())
def test_proposal_is_bounded_and_evidence_never_raises_it(
    items: list[RequirementFact], size: int, data: Any
) -> None:
    proposal = propose(items, size)
    assert 0 <= proposal.level < size
    assert proposal.reasons
    if items:
        i = data.draw(st.integers(0, len(items) - 1))
        if items[i].status != "not_applicable":
            better = list(items)
            better[i] = RequirementFact(items[i].ref, items[i].level, "implemented", 1)
            assert propose(better, size).level <= proposal.level
