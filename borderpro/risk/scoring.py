"""Risk scoring: threat × vulnerability → risk level through a configurable matrix.

Pure functions, no database. Levels are indices ``0 .. n-1`` (0 = lowest) on an n×n matrix
whose rows are threat levels and columns vulnerability levels. A matrix is accepted only
when it is complete (n rows of n whole-number cells, no gaps), bounded (every cell is a
level of the same scale) and monotonic (a higher threat or vulnerability never lowers the
risk). The default follows the domain note (H×H = High, L×L = Low) and is configurable.
"""  # noqa: RUF002

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext_lazy as _

MIN_SIZE = 2
MAX_SIZE = 9
SIZES = (3, 5)  # the sizes offered in the product

LABELS: dict[int, tuple[Any, ...]] = {
    3: (_("Low"), _("Medium"), _("High")),
    5: (_("Very low"), _("Low"), _("Medium"), _("High"), _("Very high")),
}


class MatrixError(ValueError):
    """The matrix is not usable; ``message`` says where and why."""

    def __init__(self, message: Any) -> None:
        super().__init__(str(message))
        self.message = message


@dataclass(frozen=True)
class Matrix:
    cells: tuple[tuple[int, ...], ...]

    @property
    def size(self) -> int:
        return len(self.cells)

    @classmethod
    def from_rows(cls, rows: Any) -> Matrix:
        """Validate ``rows`` (a list of lists) and build the matrix, or raise MatrixError."""
        if not isinstance(rows, Sequence) or isinstance(rows, str) or not rows:
            raise MatrixError(_("The matrix is empty: give one row per threat level."))
        n = len(rows)
        if not MIN_SIZE <= n <= MAX_SIZE:
            raise MatrixError(
                _("The matrix has %(n)s rows; it needs between %(min)s and %(max)s.")
                % {"n": n, "min": MIN_SIZE, "max": MAX_SIZE}
            )
        cells: list[tuple[int, ...]] = []
        for r, row in enumerate(rows, start=1):
            if not isinstance(row, Sequence) or isinstance(row, str) or len(row) != n:
                have = len(row) if isinstance(row, Sequence) and not isinstance(row, str) else 0
                raise MatrixError(
                    _("Row %(row)s has %(have)s cells; a %(n)s×%(n)s matrix needs %(n)s.")  # noqa: RUF001
                    % {"row": r, "have": have, "n": n}
                )
            out = []
            for c, value in enumerate(row, start=1):
                if value is None or value == "" or isinstance(value, bool):
                    raise MatrixError(
                        _("Row %(row)s, column %(col)s is empty: every cell needs a risk level.")
                        % {"row": r, "col": c}
                    )
                try:
                    level = int(value)
                except (TypeError, ValueError):
                    raise MatrixError(
                        _("Row %(row)s, column %(col)s is not a level number.")
                        % {"row": r, "col": c}
                    ) from None
                if level != value and str(level) != str(value).strip():
                    raise MatrixError(
                        _("Row %(row)s, column %(col)s is not a level number.")
                        % {"row": r, "col": c}
                    )
                if not 0 <= level < n:
                    raise MatrixError(
                        _("Row %(row)s, column %(col)s is %(value)s; levels go from 0 to %(max)s.")
                        % {"row": r, "col": c, "value": level, "max": n - 1}
                    )
                out.append(level)
            cells.append(tuple(out))
        for r in range(n):
            for c in range(n):
                if r and cells[r][c] < cells[r - 1][c]:
                    raise MatrixError(
                        _(
                            "Row %(row)s, column %(col)s is lower than the cell below a lower "
                            "threat: a higher threat must never lower the risk."
                        )
                        % {"row": r + 1, "col": c + 1}
                    )
                if c and cells[r][c] < cells[r][c - 1]:
                    raise MatrixError(
                        _(
                            "Row %(row)s, column %(col)s is lower than the cell to its left: a "
                            "higher vulnerability must never lower the risk."
                        )
                        % {"row": r + 1, "col": c + 1}
                    )
        return cls(tuple(cells))

    def rows(self) -> list[list[int]]:
        return [list(row) for row in self.cells]

    def score(self, threat: int, vulnerability: int) -> int:
        """The risk level of a threat level and a vulnerability level."""
        n = self.size
        if not (0 <= threat < n and 0 <= vulnerability < n):
            raise MatrixError(_("Levels go from 0 to %(max)s on this matrix.") % {"max": n - 1})
        return self.cells[threat][vulnerability]


def default_matrix(size: int = 3) -> Matrix:
    """The suggested default: the rounded-up mean of the two levels (H×H = H, L×L = L)."""  # noqa: RUF002
    if not MIN_SIZE <= size <= MAX_SIZE:
        raise MatrixError(_("The matrix size must be between 2 and 9."))
    return Matrix(tuple(tuple((t + v + 1) // 2 for v in range(size)) for t in range(size)))


def level_label(size: int, level: int) -> str:
    labels = LABELS.get(size)
    if labels and 0 <= level < len(labels):
        return str(labels[level])
    return str(level + 1)


def level_choices(size: int) -> list[tuple[int, str]]:
    return [(i, level_label(size, i)) for i in range(size)]


def rescale(level: int, from_size: int, to_size: int) -> int:
    """The same position on another scale (Low stays lowest, High stays highest)."""
    if from_size == to_size:
        return level
    return round(level * (to_size - 1) / (from_size - 1))
