"""Checks applied to inputs at the boundary of the public API.

Each check raises :class:`ValueError` naming the parameter and the value, so
that the command line can print one line and exit with status 2.
"""

from __future__ import annotations

import functools
import importlib.util
import math
import numbers

from .._lazy import is_sympy


def _is_symbolic(value):
    return is_sympy(value) and bool(getattr(value, "free_symbols", ()))


def _as_real(value, name):
    if isinstance(value, bool) or not (isinstance(value, numbers.Real) or is_sympy(value)):
        raise ValueError(f"{name} must be a real number, got {value!r}")
    try:
        as_float = float(value)
    except (TypeError, ValueError):
        raise ValueError(f"{name} must be a real number, got {value!r}") from None
    if not math.isfinite(as_float):
        raise ValueError(f"{name} must be finite, got {value!r}")
    return as_float


def check_delta(delta, name="delta"):
    """Check a discount factor lies in the open interval (0, 1); return it unchanged."""
    if _is_symbolic(delta):
        return delta
    _as_real(delta, name)
    if not 0 < delta < 1:
        raise ValueError(f"{name} must lie in (0, 1), got {delta!r}")
    return delta


def check_interval(value, name, low, high, *, closed_low=True, closed_high=True):
    """Check ``value`` lies between ``low`` and ``high``; return it unchanged.

    Exact values (ints, Fractions, sympy rationals) are compared exactly, so a
    value equal to a closed bound is never refused because of rounding.
    """
    if _is_symbolic(value):
        return value
    _as_real(value, name)
    above = value >= low if closed_low else value > low
    below = value <= high if closed_high else value < high
    if not (above and below):
        left = "[" if closed_low else "("
        right = "]" if closed_high else ")"
        raise ValueError(f"{name} must lie in {left}{low}, {high}{right}, got {value!r}")
    return value


MAX_ITERATIONS = 10_000_000
MAX_DIRECTIONS = 4096


def check_iteration_options(tol=None, max_iter=None, directions=None):
    """Check the options of the iterative payoff-set algorithms; ValueError names the bad one.

    Parameters
    ----------
    tol : float, optional
        Stopping tolerance: finite and positive.
    max_iter : int, optional
        Iteration limit: an integer from 1 to :data:`MAX_ITERATIONS`.
    directions : int, optional
        Supporting directions of the outer approximation: an integer from 3
        to :data:`MAX_DIRECTIONS` (each costs a linear programme per step).
    """
    if tol is not None:
        if isinstance(tol, bool) or not isinstance(tol, numbers.Real) or not tol > 0:
            raise ValueError(f"tol must be a positive number, got {tol!r}")
        if not math.isfinite(tol):
            raise ValueError(f"tol must be finite, got {tol!r}")
    for name, value, low, high in (
        ("max_iter", max_iter, 1, MAX_ITERATIONS),
        ("directions", directions, 3, MAX_DIRECTIONS),
    ):
        if value is None:
            continue
        if isinstance(value, bool) or not isinstance(value, numbers.Integral):
            raise ValueError(f"{name} must be an integer, got {value!r}")
        if not low <= value <= high:
            raise ValueError(f"{name} must lie in [{low}, {high}], got {value!r}")


BACKENDS = ("auto", "numba", "numpy")


@functools.cache
def has_numba() -> bool:
    """Whether numba (the ``fast`` extra) is installed, without importing it."""
    return importlib.util.find_spec("numba") is not None


def resolve_backend(backend: str) -> str:
    """``"numba"`` or ``"numpy"``: the kernel ``backend`` asks for, ``"auto"`` resolved.

    Raises
    ------
    ValueError
        For a backend not in :data:`BACKENDS`, or ``"numba"`` without numba installed.
    """
    if backend not in BACKENDS:
        raise ValueError(f"backend must be one of {', '.join(BACKENDS)}, got {backend!r}")
    if backend == "auto":
        return "numba" if has_numba() else "numpy"
    if backend == "numba" and not has_numba():
        raise ValueError("backend='numba' needs numba: pip install 'bargaining[fast]'")
    return backend
