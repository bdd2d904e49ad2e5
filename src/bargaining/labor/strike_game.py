"""The stage game between labor and capital.

Labor chooses Work or Strike; capital pays a transfer ``tau`` (Share) or not
(Keep) and, in the model with job loss, may lock labor out (dismiss it). ``y``
is output while labor is out (machines and replacements), ``theta`` labor's
ownership share of the firm (paid as dividends in every cell), ``b`` what a
strike pays labor from outside the firm and ``u`` labor's outside option:

    ======  ===========================  =========================  ===================
    (L, K)  Share                        Keep                       Lockout
    ======  ===========================  =========================  ===================
    Work    (w + th(1-w) + (1-th)tau,    (w + th(1-w),              (u + th*y,
            (1-th)(1-w-tau))             (1-th)(1-w))               (1-th)y)
    Strike  (b + th*y + (1-th)tau,       (b + th*y, (1-th)y)        (u + th*y,
            (1-th)(y-tau))                                          (1-th)y)
    ======  ===========================  =========================  ===================

(``th`` is ``theta``.)

With ``b < (1 - theta) w`` Work is dominant for labor, Keep is capital's best
reply while ``y < 1 - w``, and (Work, Keep), with no redistribution, is a stage
equilibrium. With the lockout, (Strike, Lockout) is one too, holding both sides
to their minmax ``(u + theta y, (1 - theta) y)``; past ``y > 1 - w`` capital
locks labor out.

The payoffs are :data:`bargaining.labor.formulas.LABOR_WORK_PAYOFF` and its
neighbours, written once there.

References
----------
.. [1] D. Acemoglu and P. Restrepo, "The race between man and machine",
   American Economic Review 108 (2018) 1488-1542 (the task model behind ``y``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from ..core.game import Game
from . import formulas as f
from .evaluation import check_range, kind_of
from .technology import strike_output

if TYPE_CHECKING:
    from collections.abc import Sequence

    from .._typing import Scalar
    from .scenarios import Scenario

LABOR_ACTIONS = ("Work", "Strike")
PLAYERS = ("Labor", "Capital")


def StrikeGame(scenario: Scenario, a: Scalar, transfers: Sequence[Scalar] | None = None) -> Game:
    """The strike game at automation ``a`` as a :class:`~bargaining.core.game.Game`.

    Parameters
    ----------
    scenario : Scenario
        The model's primitives; ``scenario.tau`` is the transfer of the 2x2
        game, ``scenario.wage_at(a)`` the base wage.
    a : number or sympy expression
        Automation, in [0, 1].
    transfers : sequence of numbers, optional
        A grid ``[t_1, ..., t_m]`` of positive transfers, each at most
        ``1 - w``. Capital then chooses a transfer from ``{0, t_1, ..., t_m}``
        (columns ``"Keep"``, ``"Share t_1"``, ...) instead of Share or Keep.

    Returns
    -------
    Game
        Rows ``("Work", "Strike")``; columns ``("Share", "Keep")`` for the
        2x2 game or ``("Keep", "Share t_1", ...)`` for a grid, then
        ``"Lockout"`` when ``scenario.lockout``; players
        ``("Labor", "Capital")``. Exact for rational input, float for floats,
        symbolic when any input is a sympy expression.

    Examples
    --------
    >>> from fractions import Fraction
    >>> from bargaining.labor import scenarios
    >>> game = StrikeGame(scenarios.get("job-loss").exact(), Fraction(1, 2))
    >>> game.labels[1]
    ('Share', 'Keep', 'Lockout')
    >>> labor, capital = game.payoff_matrices
    >>> [str(v) for v in labor[1]], [str(v) for v in capital[1]]
    (['3/10', '1/5', '3/10'], ['7/30', '1/3', '1/3'])
    """
    if isinstance(a, list | tuple) or hasattr(a, "shape"):
        raise ValueError(f"a must be a single automation level for a game, got {a!r}")
    output = strike_output(a, scenario.sigma, scenario.rho)
    wage = scenario.wage_at(a)
    if transfers is None:
        grid, columns = [scenario.tau, 0], ("Share", "Keep")
    else:
        grid = [0, *_checked_grid(transfers, wage)]
        columns = ("Keep", *(f"Share {t}" for t in grid[1:]))
    values = {f.y: output, f.w: wage, f.b: scenario.b, f.theta: scenario.theta}
    numbers = (a, wage, scenario.b, scenario.theta, scenario.sigma, scenario.rho, *grid)
    if scenario.lockout:
        values[f.u] = scenario.outside_option_at(a)
        numbers = (*numbers, values[f.u])
    kind = kind_of(*numbers)
    rows = []
    for labor_payoff, capital_payoff in _shared_cells():
        row = list(
            zip(
                _values(labor_payoff, values, grid, kind),
                _values(capital_payoff, values, grid, kind),
                strict=True,
            )
        )
        if scenario.lockout:
            lockout = (f.LABOR_LOCKOUT_PAYOFF, f.CAPITAL_LOCKOUT_PAYOFF)
            row.append(tuple(_value(p, values, 0, kind) for p in lockout))
        rows.append(row)
    if scenario.lockout:
        columns = (*columns, "Lockout")
    labor = [[cell[0] for cell in row] for row in rows]
    capital = [[cell[1] for cell in row] for row in rows]
    return Game(labor, capital, labels=(LABOR_ACTIONS, columns), players=PLAYERS)


def _shared_cells():
    """Each side's payoff in the Work and Strike rows when capital shares ``tau``.

    Named formulas, so that floats and rationals are evaluated by their generated code.
    """
    return (
        (f.LABOR_WORK_SHARING_PAYOFF, f.CAPITAL_WORK_SHARING_PAYOFF),
        (f.LABOR_STRIKE_SHARING_PAYOFF, f.CAPITAL_STRIKE_SHARING_PAYOFF),
    )


def _values(expression, values, transfers, kind):
    """``expression`` at each transfer; floats in one vectorised evaluation."""
    if kind == "float":
        taus = np.array(transfers, dtype=float)
        result = np.broadcast_to(f.evaluate(expression, {**values, f.tau: taus}), taus.shape)
        return [float(v) for v in result]
    return [_value(expression, values, t, kind) for t in transfers]


def _value(expression, values, transfer, kind):
    value = f.evaluate(expression, {**values, f.tau: transfer})
    return float(value) if kind == "float" else value


def _checked_grid(transfers, wage):
    grid = list(transfers)
    if not grid:
        raise ValueError("transfers must hold at least one transfer, got an empty sequence")
    for transfer in grid:
        check_range(transfer, "transfers", 0, 1 - wage, closed_low=False)
    if len(set(grid)) != len(grid):
        raise ValueError(f"transfers must be distinct, got {grid!r}")
    return sorted(grid)
