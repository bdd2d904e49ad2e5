"""Random small stochastic games for the property tests, and brute-force oracles."""

import itertools
from fractions import Fraction

import numpy as np
from hypothesis import strategies as st

from bargaining import Game, StochasticGame


def _transition_row(draw, states, stay):
    """Integer weights 0..3 per next state, normalised; all zero means staying in ``stay``."""
    weights = draw(st.lists(st.integers(0, 3), min_size=states, max_size=states))
    weights = weights if any(weights) else [int(t == stay) for t in range(states)]
    return [Fraction(w, sum(weights)) for w in weights]


@st.composite
def transition_arrays(draw, shape, states, stay=0, kind="dependent"):
    """Exact transition probabilities from one state of ``shape``.

    ``kind`` is ``"dependent"`` (a row drawn for every profile), ``"independent"``
    (one row for all profiles) or ``"absorbing"`` (staying in ``stay``).
    """
    rows = []
    for cell in range(shape[0] * shape[1]):
        if kind == "absorbing":
            rows.append([Fraction(int(t == stay)) for t in range(states)])
        elif kind == "dependent" or cell == 0:
            rows.append(_transition_row(draw, states, stay))
        else:
            rows.append(rows[0])
    return np.array(rows, dtype=object).reshape(*shape, states)


@st.composite
def stochastic_games(draw, states=(1, 4), rows=(2, 3), columns=(2, 3), kinds=("dependent",)):
    """Integer stage games of random shapes (each an inclusive range) and exact transitions.

    Each state's transitions are of a kind drawn from ``kinds`` (see
    :func:`transition_arrays`); a row of zero weights stays in its own state.
    """
    count = draw(st.integers(*states))
    games, transitions = [], []
    for state in range(count):
        shape = (draw(st.integers(*rows)), draw(st.integers(*columns)))
        cells = shape[0] * shape[1]
        payoffs = st.lists(st.integers(-5, 5), min_size=cells, max_size=cells)
        games.append(Game(*(np.array(draw(payoffs)).reshape(shape).tolist() for _ in range(2))))
        kind = draw(st.sampled_from(kinds))
        transitions.append(draw(transition_arrays(shape, count, stay=state, kind=kind)))
    delta = draw(st.sampled_from([Fraction(1, 5), Fraction(1, 2), Fraction(4, 5)]))
    return StochasticGame(games, transitions, delta)


@st.composite
def small_stochastic_games(draw, states=2, delta=None):
    """Two states, each a 2x2 or 2x3 integer game, with exact transitions."""
    games, transitions = [], []
    for _ in range(states):
        shape = (2, draw(st.sampled_from([2, 3])))
        payoffs = st.lists(st.integers(-5, 5), min_size=shape[0] * shape[1], max_size=6)
        A = np.array(draw(payoffs)[: shape[0] * shape[1]]).reshape(shape)
        B = np.array(draw(payoffs)[: shape[0] * shape[1]]).reshape(shape)
        games.append(Game(A.tolist(), B.tolist()))
        transitions.append(draw(transition_arrays(shape, states)))
    if delta is None:
        delta = draw(st.sampled_from([Fraction(1, 5), Fraction(1, 2), Fraction(4, 5)]))
    return StochasticGame(games, transitions, delta)


def exact_profile_values(game, profile):
    """Payoffs of a stationary profile from every state, solved in exact arithmetic."""
    import sympy

    delta, states = Fraction(game.delta), game.n_states
    system = sympy.eye(states)
    rhs = sympy.zeros(states, 2)
    for s, (row, column) in enumerate(profile):
        A, B = game.stage_games[s].payoff_matrices
        for t in range(states):
            system[s, t] -= sympy.Rational(delta * game.transitions[s][row, column, t])
        rhs[s, 0] = sympy.Rational((1 - delta) * Fraction(A[row, column]))
        rhs[s, 1] = sympy.Rational((1 - delta) * Fraction(B[row, column]))
    solution = system.LUsolve(rhs)
    return [(Fraction(str(solution[s, 0])), Fraction(str(solution[s, 1]))) for s in range(states)]


def exact_best_deviation(game, profile, values, state, player):
    """The player's best one-shot deviation payoff in ``state`` against continuation ``values``."""
    delta = Fraction(game.delta)
    row, column = profile[state]
    A, B = game.stage_games[state].payoff_matrices
    T = game.transitions[state]
    rows, columns = game.stage_games[state].shape
    cells = (
        [(r, column) for r in range(rows)] if player == 0 else [(row, c) for c in range(columns)]
    )
    matrix = A if player == 0 else B
    return max(
        (1 - delta) * Fraction(matrix[cell])
        + delta * sum(T[cell][t] * values[t][player] for t in range(game.n_states))
        for cell in cells
    )


def brute_force_minmax(game, player):
    """Pure minmax of ``player`` per state: min over the opponent's stationary strategies of the
    player's best stationary reply (an MDP, solved by trying every stationary reply)."""
    delta = float(game.delta)
    states = game.n_states
    shapes = [g.shape for g in game.stage_games]
    own = [range(shape[player]) for shape in shapes]
    other = [range(shape[1 - player]) for shape in shapes]
    best_against = []
    for opponent in itertools.product(*other):
        replies = []
        for reply in itertools.product(*own):
            P = np.empty((states, states))
            g = np.empty(states)
            for s in range(states):
                cell = (reply[s], opponent[s]) if player == 0 else (opponent[s], reply[s])
                P[s] = game.transitions[s][cell].astype(float)
                g[s] = float(game.stage_games[s].payoff_matrices[player][cell])
            replies.append(np.linalg.solve(np.eye(states) - delta * P, (1 - delta) * g))
        best_against.append(np.max(replies, axis=0))
    return np.min(best_against, axis=0)
