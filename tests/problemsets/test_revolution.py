"""Revolution keys against scipy: the citizens' tax, their values, and the indifferent mu."""

import numpy as np
import pytest
from scipy.optimize import brentq, minimize_scalar

from bargaining.problemsets import make_exercise


def citizens(share, size, beta, q, cost):
    gain = lambda tau: tau * (share - size) / (1 - size) - cost * tau**2 / 2  # noqa: E731
    tax = minimize_scalar(lambda t: -gain(t), bounds=(0, 1), method="bounded").x
    poor = (1 - share) / (1 - size)
    # V_L = poor + gain + beta (q V_L + (1 - q) V_H); V_H = poor + beta (q V_L + (1 - q) V_H)
    system = np.array([[1 - beta * q, -beta * (1 - q)], [-beta * q, 1 - beta * (1 - q)]])
    low, _ = np.linalg.solve(system, [poor + gain(tax), poor])

    def critical(value):
        return brentq(lambda mu: (1 - mu) / ((1 - size) * (1 - beta)) - value, -5, 5)

    democracy_value = (poor + gain(tax)) / (1 - beta)
    return tax, critical(low), critical(democracy_value)


@pytest.mark.parametrize("seed", range(5))
@pytest.mark.parametrize("level", ["easy", "medium", "hard"])
def test_thresholds_match_the_citizens_values(seed, level):
    exercise = make_exercise("revolution", seed, 0, level)
    p = {k: float(v) for k, v in exercise.parameters.items()}
    tax, critical, democracy = citizens(p["share"], p["size"], p["beta"], p["q"], p["cost"])
    answers = exercise.answers
    assert float(answers[0]) == pytest.approx(tax, abs=1e-6)
    assert float(answers[1]) == pytest.approx(critical, abs=1e-9)
    if level == "hard":
        assert float(answers[2]) == pytest.approx(democracy, abs=1e-9)
    if level != "easy":
        mu = p["mu"]
        expected = (
            "no-threat"
            if mu >= p["share"]
            else "redistribute"
            if mu >= critical
            else "democratize"
            if mu >= democracy
            else "repress"
        )
        assert answers[-1] == expected
