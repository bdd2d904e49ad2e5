"""Chains over automation levels: known paths, random advances, standing still, checked input."""

from fractions import Fraction

import numpy as np
import pytest

from bargaining.labor import dynamics
from bargaining.labor.automation_chains import (
    advance_chain,
    automation_path,
    checked_chain,
    identity_chain,
    path_chain,
)


def test_automation_path_ends_exactly_at_stop():
    path = automation_path(Fraction(1, 10), Fraction(1, 2), Fraction(1, 6))
    assert path == [Fraction(1, 10), Fraction(4, 15), Fraction(13, 30), Fraction(1, 2)]
    assert automation_path(0.5, 0.5, 0.1) == [0.5]


@pytest.mark.parametrize(
    ("arguments", "name"),
    [((0.6, 0.5, 0.1), "stop"), ((0, 1, 0), "speed"), ((-0.1, 1, 0.1), "start")],
)
def test_automation_path_names_the_bad_parameter(arguments, name):
    with pytest.raises(ValueError, match=name):
        automation_path(*arguments)


def test_chains_are_probabilities():
    assert path_chain(3).tolist() == [[0, 1, 0], [0, 0, 1], [0, 0, 1]]
    chain = advance_chain(3, Fraction(1, 4))
    assert chain.sum(axis=1).tolist() == [1, 1, 1]
    assert chain[0, 1] == Fraction(1, 4) and chain[2, 2] == 1
    with pytest.raises(ValueError, match="probability"):
        advance_chain(3, 0)
    with pytest.raises(ValueError, match="states"):
        path_chain(0)


def test_identity_and_checked_chains():
    assert identity_chain(2).tolist() == [[1, 0], [0, 1]]
    table = checked_chain([[Fraction(1, 3), Fraction(2, 3)], [0, 1]], 2)
    assert table.dtype == object and table[0, 1] == Fraction(2, 3)
    with pytest.raises(ValueError, match=r"chain must be 2 x 2"):
        checked_chain(np.eye(3), 2)
    with pytest.raises(ValueError, match=r"chain\[1\] must sum to 1"):
        checked_chain([[1, 0], [0.5, 0.4]], 2)


def test_the_dynamics_module_still_offers_the_chains():
    assert dynamics.path_chain is path_chain and dynamics.advance_chain is advance_chain
    assert dynamics.automation_path is automation_path
