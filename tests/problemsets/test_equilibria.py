"""Equilibrium keys against pygambit's enumeration of mixed equilibria."""

from fractions import Fraction

import numpy as np
import pytest

from bargaining.problemsets import make_exercise
from oracles import import_oracle

gbt = import_oracle("pygambit")

CASES = [(seed, level) for seed in range(4) for level in ("easy", "medium", "hard")]


def gambit_equilibria(A, B):
    scale = 2  # payoffs come in halves at most; equilibria do not change with scale
    game = gbt.Game.from_arrays(
        [[int(scale * v) for v in row] for row in A], [[int(scale * v) for v in row] for row in B]
    )
    found = set()
    for profile in gbt.nash.enummixed_solve(game, rational=True).equilibria:
        x, y = ([Fraction(str(profile[s])) for s in p.strategies] for p in game.players)
        found.add((tuple(x), tuple(y)))
    return found


@pytest.mark.parametrize(("seed", "level"), CASES)
def test_key_lists_exactly_gambits_equilibria(seed, level):
    exercise = make_exercise("equilibria", seed, 0, level)
    A, B = exercise.parameters["A"], exercise.parameters["B"]
    pure, mixed, listed = exercise.answers
    expected = gambit_equilibria(A, B)
    assert {(x, y) for x, y, _ in listed} == expected
    assert {(x, y) for x, y in mixed} == {(x, y) for x, y in expected if 0 < x[0] < 1}
    assert {(x.index(1), y.index(1)) for x, y in expected if 1 in x and 1 in y} == set(pure)
    for x, y, payoffs in listed:
        assert payoffs == (np.dot(x, np.dot(A, y)), np.dot(x, np.dot(B, y)))


def test_difficulty_sets_the_number_of_equilibria():
    easy = [len(make_exercise("equilibria", s, 0, "easy").answers[2]) for s in range(6)]
    medium = [len(make_exercise("equilibria", s, 0, "medium").answers[2]) for s in range(6)]
    assert set(easy) == {1} and set(medium) == {3}
