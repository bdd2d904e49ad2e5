"""Transition probabilities of a stochastic game, checked at the boundary."""

from __future__ import annotations

from fractions import Fraction

import numpy as np

from .. import numbers as num

#: How far float transition rows may sum from 1.
ROW_SUM_TOL = 1e-12


def check_transition(transition, shape, n_states, state):
    """``transitions[state]`` as an exact (Fraction) or float array of shape ``(*shape, S)``.

    Raises
    ------
    ValueError
        Naming ``transitions[state]`` (and the entry) when the shape is wrong,
        a probability is negative, non-finite or not a number, or a row does
        not sum to 1: exactly for exact input, within ``ROW_SUM_TOL`` for floats.
    """
    name = f"transitions[{state}]"
    try:
        array = np.array(transition, dtype=object)
    except (TypeError, ValueError):
        raise ValueError(f"{name} must be an array of probabilities, got {transition!r}") from None
    expected = (*shape, n_states)
    if array.shape != expected:
        raise ValueError(
            f"{name} must have shape {expected} (rows, columns, states), got {array.shape}"
        )
    values = np.empty(array.shape, dtype=object)
    for index, value in np.ndenumerate(array):
        kind, value = num.classify(value, f"{name}{list(index)}")
        if kind == num.SYMBOLIC:
            raise ValueError(f"{name}{list(index)} must be a number, got {value!r}")
        if not value >= 0:
            raise ValueError(f"{name}{list(index)} must be a probability (>= 0), got {value!r}")
        values[index] = value
    exact = all(isinstance(v, int | Fraction) for v in values.flat)
    for index in np.ndindex(*shape):
        total = sum(values[index])
        off = total - 1 if exact else abs(float(total) - 1) > ROW_SUM_TOL
        if (exact and off != 0) or (not exact and off):
            raise ValueError(
                f"{name}{list(index)} must sum to 1, got probabilities summing to {total}"
            )
    if exact:
        return np.vectorize(Fraction, otypes=[object])(values)
    return values.astype(float)
