"""Fuzzing subgame-perfect payoff sets at the edges: delta near 0 and 1, games
without a pure stage equilibrium, huge and tiny payoffs.

Every set returned must be individually rational (never below a player's pure
minmax), hold every pure stage equilibrium, and, once converged, generate
itself: each extreme point is a stage payoff now and a continuation in the
set later, with no profitable one-shot deviation (Abreu, Pearce and Stacchetti
1990). The hypothesis profile decides the number of examples, as in
``tests/test_fuzz.py``.
"""

import warnings

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from bargaining import Game
from bargaining.core.repeated.payoff_sets import MAX_DELTA, ConvergenceWarning, equilibrium_payoffs
from strategies import integer_games

METHODS = ["abreu-sannikov", "outer"]


@st.composite
def games_without_pure_equilibrium(draw):
    """2x2 games whose best replies cycle: the row player matches, the column player
    mismatches (in a random orientation), with random payoff levels and gaps."""
    level = st.integers(-9, 9)
    gap = st.integers(1, 9)
    A = np.empty((2, 2), dtype=object)
    B = np.empty((2, 2), dtype=object)
    for column in (0, 1):  # the row player's best reply to column j is row j
        low = draw(level)
        A[column, column], A[1 - column, column] = low + draw(gap), low
    for row in (0, 1):  # the column player's best reply to row i is column 1 - i
        low = draw(level)
        B[row, 1 - row], B[row, row] = low + draw(gap), low
    if draw(st.booleans()):
        A, B = A[::-1], B[::-1]
    return A, B


scales = st.sampled_from([1e-9, 1e-3, 1.0, 1e3, 1e9])
deltas_near_one = st.one_of(
    st.integers(1, 16).map(lambda k: 1 - 10.0**-k),
    st.floats(0.999, 1.0, exclude_max=True),
    st.just(float(np.nextafter(1.0, 0.0))),
)
deltas_near_zero = st.one_of(st.sampled_from([1e-100, 1e-12, 1e-3]), st.floats(1e-6, 0.05))


def self_generating(payoffs, game, tol):
    """Whether each vertex of ``payoffs`` is enforced by a profile and a continuation in it."""
    A, B = (np.asarray(M, dtype=float) for M in game.payoff_matrices)
    delta = payoffs.delta
    stage = np.stack([A.ravel(), B.ravel()], axis=1)
    gains = np.stack(
        [(A.max(axis=0, keepdims=True) - A).ravel(), (B.max(axis=1, keepdims=True) - B).ravel()],
        axis=1,
    )
    worst = payoffs.vertices.min(axis=0)
    for vertex in payoffs.vertices:
        continuations = (vertex - (1 - delta) * stage) / delta
        enforced = np.all(continuations >= worst + (1 - delta) / delta * gains - tol, axis=1)
        if not any(
            enforced[k] and payoffs.contains(continuations[k], tol=tol / delta)
            for k in range(len(stage))
        ):
            return False
    return True


def check(game, payoffs, tol=1e-7):
    """Individual rationality (up to the hull's grid) and the stage equilibria inside."""
    scale = max(1.0, *(float(abs(v)) for M in game.payoff_matrices for v in M.flat))
    floor = np.array([float(v) for v in game.minmax(mixed=False)]) - 1e-12 * scale
    assert np.all(payoffs.vertices >= floor)
    A, B = game.payoff_matrices
    for i, j in game.pure_equilibria() if np.isfinite(tol) else ():
        assert payoffs.contains((float(A[i, j]), float(B[i, j])), tol=tol)


@given(integer_games(max_size=3, low=-9, high=9), deltas_near_one, st.sampled_from(METHODS))
def test_delta_near_one_is_refused_or_individually_rational(game, delta, method):
    game = Game(*game)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        try:
            payoffs = equilibrium_payoffs(game, delta, method, max_iter=500)
        except ValueError as error:
            assert delta > MAX_DELTA and "too close to 1" in str(error)
            return
    assert delta <= MAX_DELTA
    if payoffs.converged:
        check(game, payoffs, tol=max(1e-7, 20 * payoffs.tol))
    else:  # an iterate stopped early: only individual rationality is promised
        check(game, payoffs, tol=np.inf)


@given(games_without_pure_equilibrium(), st.sampled_from([0.3, 0.6, 0.9]), scales)
def test_games_without_pure_stage_equilibrium_give_self_generating_sets(game, delta, scale):
    game = Game(*(np.asarray(M, dtype=float) * scale for M in game))
    payoffs = equilibrium_payoffs(game, delta)
    check(game, payoffs)
    if payoffs.is_empty:
        return
    assert payoffs.converged
    assert self_generating(payoffs, game, tol=1e-6 * scale)


@given(integer_games(max_size=3, low=-9, high=9), deltas_near_zero, scales)
def test_impatient_sets_are_spanned_by_the_stage_equilibria(game, delta, scale):
    # Integer payoffs in [-9, 9]: a profile that is not a stage equilibrium has a
    # deviation gain of at least 1, more than delta / (1 - delta) * 18 for delta
    # <= 0.05 can deter, so V is the hull of the pure equilibrium payoffs (empty
    # without one).
    game = Game(*(np.asarray(M, dtype=float) * scale for M in game))
    payoffs = equilibrium_payoffs(game, delta)
    check(game, payoffs)
    assert payoffs.converged
    A, B = game.payoff_matrices
    stage = np.array([(A[i, j], B[i, j]) for i, j in game.pure_equilibria()], dtype=float)
    assert payoffs.is_empty == (len(stage) == 0)
    for vertex in payoffs.vertices:
        assert np.abs(stage - vertex).max(axis=1).min() <= 1e-9 * scale


@pytest.mark.parametrize("method", METHODS)
def test_the_prisoners_dilemma_at_the_documented_edge_is_refused(method):
    dilemma = Game([[9, 1], [10, 3]], [[9, 10], [1, 3]])
    with pytest.raises(ValueError, match=r"delta=0\.999999999999999 is too close to 1"):
        equilibrium_payoffs(dilemma, 0.999999999999999, method)
