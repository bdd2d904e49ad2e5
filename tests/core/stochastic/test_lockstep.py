"""The lockstep APS iteration and its parts against the state-by-state reference."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bargaining import Game, StochasticGame
from bargaining.core.polygon import hausdorff_distance, hull_array
from bargaining.core.stochastic import _lockstep, _padded, aps
from stochastic_games import stochastic_games

TOL = 1e-9


def lockstep_games():
    """1-4 states, 2x2 to 3x3 stage games, and transitions of three kinds per state:
    absorbing, independent of the actions, or drawn profile by profile."""
    return stochastic_games(kinds=("absorbing", "independent", "dependent"))


def assert_same_sets(found, expected, tol=TOL):
    assert len(found) == len(expected)
    for mine, reference in zip(found, expected, strict=True):
        assert (len(mine) == 0) == (len(reference) == 0)
        assert len(mine) == 0 or hausdorff_distance(mine, reference) <= tol


@settings(max_examples=15, deadline=None)
@given(lockstep_games())
def test_the_lockstep_iteration_gives_the_reference_sets_after_as_many_steps(game):
    """The reported sets, outer and inner, agree to their accuracy.

    Both iterations stop by the same rule on distances that agree to rounding,
    so a step count can differ by one when a distance lands on the threshold;
    and the final simplification to ``10 * tol * scale`` can merge a sliver's
    vertices differently, so the sets are compared within that slack.
    """
    fast = game.equilibrium_payoffs()
    reference = game.equilibrium_payoffs(lockstep=False)
    scale = aps.payoff_scale(game._stages())
    for mine, theirs in zip(fast, reference, strict=True):
        assert mine.converged == theirs.converged and abs(mine.iterations - theirs.iterations) <= 1
        assert mine.inner.converged == theirs.inner.converged
        assert abs(mine.inner.iterations - theirs.inner.iterations) <= 1
        for found, expected in ((mine, theirs), (mine.inner, theirs.inner)):
            found, expected = (np.asarray(s.vertices, dtype=float) for s in (found, expected))
            assert_same_sets([found], [expected], 20 * mine.tol * scale)


@settings(max_examples=25, deadline=None)
@given(lockstep_games(), st.integers(1, 6), st.booleans())
def test_every_step_matches_the_reference_step(game, steps, grow):
    """Raw iterates, before simplification, from the outer or an inner start, step by step."""
    stages = game._stages()
    delta, scale = float(game.delta), aps.payoff_scale(stages)
    start = [hull_array(np.stack([st.A.ravel(), st.B.ravel()], axis=1)) for st in stages]
    if grow:  # a start that is not the feasible set: one stage payoff per state
        start = [v[:1] for v in start]
    options = {"tol": 1e-9, "scale": scale, "max_iter": steps, "grow": grow}
    mine = _lockstep.iterate(start, stages, delta, **options)
    reference = aps.iterate(start, stages, delta, **options)
    assert mine.iterations == reference.iterations
    assert_same_sets(mine.sets, reference.sets)
    assert mine.distance == pytest.approx(reference.distance, abs=TOL)


# Integer points: collinear and repeated points are exact, so the hulls must agree exactly.
point_rows = st.lists(
    st.lists(st.tuples(st.integers(-3, 3), st.integers(-3, 3)), min_size=0, max_size=12),
    min_size=1,
    max_size=4,
)


def polygons(rows):
    return [hull_array(row) if row else np.empty((0, 2)) for row in rows]


@given(point_rows, st.data())
def test_minkowski_combinations_are_the_reference_ones(rows, data):
    sets = polygons(rows)
    weights = np.array(
        data.draw(
            st.lists(
                st.lists(st.integers(0, 3), min_size=len(sets), max_size=len(sets)),
                min_size=1,
                max_size=3,
            )
        ),
        dtype=float,
    )
    weights[weights.sum(axis=1) == 0, 0] = 1
    weights /= weights.sum(axis=1, keepdims=True)
    vertices, count = _padded.pad(sets)
    combination, size = _lockstep._combinations(vertices[None], count[None], weights[None])
    (combination,), (size,) = combination, size
    for r, row in enumerate(weights):
        expected = aps.minkowski_combination(sets, row)
        assert size[r] == 0 if len(expected) == 0 else size[r] > 0
        if len(expected):
            assert hausdorff_distance(combination[r, : size[r]], expected) <= 1e-12
            assert np.all(combination[r, size[r] :] == combination[r, 0])


@given(point_rows, point_rows)
def test_the_bounding_box_step_never_exceeds_the_hausdorff_distance(first, second):
    first, second = polygons(first), polygons(second)
    size = min(len(first), len(second))
    first, second = first[:size], second[:size]
    (bound,) = _lockstep._bounds(*(x[None] for x in (*_padded.pad(first), *_padded.pad(second))))
    distance = max(aps.set_distance(a, b) for a, b in zip(first, second, strict=True))
    assert bound <= distance + 1e-12
    assert (bound == np.inf) == (distance == np.inf)


def test_a_chain_of_automation_levels_matches_the_reference():
    """The shape of the benchmark game, smaller: a one-way chain through four strike games."""
    strike = [
        Game([[0.7, 0.6 - a], [0.3, 0.2]], [[0.3, 0.4 + a], [0.2, 0.3]])
        for a in (0, 0.1, 0.2, 0.3)
    ]
    chain = np.zeros((4, 4))
    chain[np.arange(3), np.arange(3)], chain[np.arange(3), np.arange(1, 4)], chain[3, 3] = (
        0.8,
        0.2,
        1,
    )
    transitions = [np.broadcast_to(chain[s], (2, 2, 4)).copy() for s in range(4)]
    game = StochasticGame(strike, transitions, 0.8)
    fast = game.equilibrium_payoffs(inner=False)
    reference = game.equilibrium_payoffs(inner=False, lockstep=False)
    for mine, theirs in zip(fast, reference, strict=True):
        assert mine.iterations == theirs.iterations
        np.testing.assert_allclose(mine.vertices, theirs.vertices, atol=TOL)
