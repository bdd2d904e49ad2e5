"""Rubinstein keys against an iteration of the responders' indifference conditions."""

import pytest

from bargaining.problemsets import make_exercise


def iterate(delta1, delta2, inside=(0, 0), outside=None, rounds=3000):
    """Shares (x when labor proposes, y when capital proposes) by fixed-point iteration."""
    d1, d2 = float(delta1), float(delta2)
    b1, b2 = (float(v) for v in inside)
    x = y = 0.5
    for _ in range(rounds):
        y = (1 - d1) * b1 + d1 * x
        if outside is not None:
            y = max(float(outside), y)
        x = 1 - ((1 - d2) * b2 + d2 * (1 - y))
    return x, y


@pytest.mark.parametrize("seed", range(5))
@pytest.mark.parametrize("level", ["easy", "medium", "hard"])
def test_shares_match_the_fixed_point(seed, level):
    exercise = make_exercise("rubinstein", seed, 0, level)
    p = exercise.parameters
    answers = exercise.answers
    plain = iterate(p["delta1"], p["delta2"])
    assert answers[0][0] == pytest.approx(plain[0], abs=1e-12)
    assert answers[0][1] == pytest.approx(plain[1], abs=1e-12)
    if level != "easy":
        assert answers[1] == pytest.approx(iterate(p["delta1"], p["delta2"], p["inside"])[0])
    if level == "hard":
        x, _ = iterate(p["delta1"], p["delta2"], p["inside"], p["outside"])
        share, binds = answers[2]
        assert share == pytest.approx(x, abs=1e-12)
        without = iterate(p["delta1"], p["delta2"], p["inside"])[1]
        assert binds == (float(p["outside"]) > without)


def test_outside_options_sometimes_bind_and_sometimes_not():
    binds = {make_exercise("rubinstein", s, 0, "hard").answers[2][1] for s in range(12)}
    assert binds == {True, False}
