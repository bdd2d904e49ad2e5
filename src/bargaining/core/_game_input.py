"""Checks on the shape of payoff matrices and action labels given to a game."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from .._lazy import is_sympy


def rows_of(matrix, name):
    """The payoff matrix ``matrix`` as a list of equally long rows; ``ValueError`` if not."""
    if is_sympy(matrix) and hasattr(matrix, "tolist"):
        matrix = matrix.tolist()
    if isinstance(matrix, np.ndarray):
        if matrix.ndim != 2:
            raise ValueError(f"{name} must be 2-dimensional, got shape {matrix.shape}")
        matrix = matrix.tolist()
    if isinstance(matrix, str) or not isinstance(matrix, Sequence):
        raise ValueError(f"{name} must be a 2-dimensional array of payoffs, got {matrix!r}")
    rows = []
    for i, row in enumerate(matrix):
        if isinstance(row, np.ndarray):
            row = row.tolist()
        if isinstance(row, str) or not isinstance(row, Sequence):
            raise ValueError(f"{name} must be 2-dimensional: row {i} is {row!r}")
        rows.append(list(row))
    if not rows or not rows[0]:
        raise ValueError(f"{name} must have at least one row and one column, got {matrix!r}")
    lengths = {len(row) for row in rows}
    if len(lengths) > 1:
        raise ValueError(f"{name} is ragged: its rows have lengths {sorted(lengths)}")
    return rows


def check_labels(labels, shape):
    """Action labels as a pair of tuples of strings matching ``shape``; defaults if None."""
    if labels is None:
        return (tuple(f"r{i}" for i in range(shape[0])), tuple(f"c{j}" for j in range(shape[1])))
    try:
        row_labels, column_labels = labels
        if any(isinstance(part, str) for part in (labels, row_labels, column_labels)):
            raise TypeError
    except (TypeError, ValueError):
        raise ValueError(
            f"labels must be a pair (row_labels, column_labels) of sequences, got {labels!r}"
        ) from None
    row_labels, column_labels = tuple(map(str, row_labels)), tuple(map(str, column_labels))
    if (len(row_labels), len(column_labels)) != shape:
        raise ValueError(
            f"labels must name {shape[0]} rows and {shape[1]} columns, got "
            f"{len(row_labels)} and {len(column_labels)}"
        )
    return row_labels, column_labels
