"""Abreu, Brooks and Sannikov (2020): SGSolve's two-state examples."""

import numpy as np

from bargaining.core.polygon import hausdorff_distance
from bargaining.reproductions import abreu_brooks_sannikov as abs2020


def test_the_two_state_dilemma_has_sgsolves_converged_pivots():
    for found, published in zip(
        abs2020.pd_twostate().equilibrium_payoffs(), abs2020.PD_PUBLISHED, strict=True
    ):
        assert len(found.vertices) == len(published)
        # Printed to 6 significant digits.
        assert hausdorff_distance(found.vertices, np.array(published)) < 1e-5
        assert found.gap < 1e-9


def test_the_dilemma_points_are_the_rationals_they_print_as():
    # 8/11 is the state-0 value of defecting for ever (the only Markov perfect
    # equilibrium): v0 = (1/3) 0 + (2/3) (v0 / 3 + 2 v1 / 3) and
    # v1 = (1/3) 2 + (2/3) (2 v0 / 3 + v1 / 3) give v0 = 8/11, v1 = 14/11.
    (equilibrium,) = abs2020.pd_twostate().markov_perfect()
    assert equilibrium.profile == ((0, 0), (0, 0))
    np.testing.assert_allclose(equilibrium.payoffs, [(8 / 11, 8 / 11), (14 / 11, 14 / 11)])


def test_the_two_state_abreu_sannikov_game_is_its_repeated_game_shifted():
    found = abs2020.as_twostate().equilibrium_payoffs()
    for state, expected in zip(found, abs2020.as_twostate_reference(), strict=True):
        assert hausdorff_distance(state.vertices, expected) < 1e-9
    # The two states' sets differ by twice the expected shift (1.171875, -1.171875).
    np.testing.assert_allclose(
        found[0].vertices.mean(axis=0) - found[1].vertices.mean(axis=0), [2.34375, -2.34375]
    )
