"""The stage game between labor and capital.

Labor chooses Work or Strike, capital Share (pay the transfer ``tau``) or Keep;
``y`` is output while labor strikes and ``theta`` labor's share of the
machines, so a strike pays labor ``b + theta*y`` and capital ``(1 - theta)*y``:

    ================  ==========================  ==========================
    (Labor, Capital)  Share                       Keep
    ================  ==========================  ==========================
    Work              (w + tau, 1 - w - tau)      (w, 1 - w)
    Strike            (b + theta*y + tau,         (b + theta*y,
                      (1 - theta)*y - tau)        (1 - theta)*y)
    ================  ==========================  ==========================

With ``b + theta*y < w`` Work is dominant for labor and Keep for capital, so
(Work, Keep), with no redistribution, is the only stage equilibrium.

References
----------
.. [1] D. Acemoglu and P. Restrepo, "The race between man and machine",
   American Economic Review 108 (2018) 1488-1542 (the task model behind ``y``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..core.game import Game
from . import formulas as f
from .evaluation import check_range, kind_of, substitute
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
        The model's primitives; ``scenario.tau`` is the transfer of the 2x2 game.
    a : number or sympy expression
        Automation, in [0, 1].
    transfers : sequence of numbers, optional
        A grid ``[t_1, ..., t_m]`` of positive transfers, each at most
        ``1 - w``. Capital then chooses a transfer from ``{0, t_1, ..., t_m}``
        (columns ``"Keep"``, ``"Share t_1"``, ...) instead of Share or Keep.

    Returns
    -------
    Game
        Labeled ``(("Work", "Strike"), ("Share", "Keep"))`` for the 2x2 game,
        players ``("Labor", "Capital")``. Exact for rational input, float for
        floats, symbolic when any input is a sympy expression.
    """
    if isinstance(a, list | tuple) or hasattr(a, "shape"):
        raise ValueError(f"a must be a single automation level for a game, got {a!r}")
    output = strike_output(a, scenario.sigma, scenario.rho)
    if transfers is None:
        grid, columns = [scenario.tau, 0], ("Share", "Keep")
    else:
        grid = [0, *_checked_grid(transfers, scenario.w)]
        columns = ("Keep", *(f"Share {t}" for t in grid[1:]))
    values = {f.y: output, f.w: scenario.w, f.b: scenario.b, f.theta: scenario.theta}
    kind = kind_of(a, scenario.w, scenario.b, scenario.theta, scenario.sigma, scenario.rho, *grid)
    work = (f.w, 1 - f.w)
    strike = (f.LABOR_STRIKE_PAYOFF, f.CAPITAL_STRIKE_PAYOFF)
    rows = []
    for labor_payoff, capital_payoff in (work, strike):
        rows.append(
            [
                (
                    _value(labor_payoff + f.tau, values, t, kind),
                    _value(capital_payoff - f.tau, values, t, kind),
                )
                for t in grid
            ]
        )
    labor = [[cell[0] for cell in row] for row in rows]
    capital = [[cell[1] for cell in row] for row in rows]
    return Game(labor, capital, labels=(LABOR_ACTIONS, columns), players=PLAYERS)


def _value(expression, values, transfer, kind):
    value = substitute(expression, {**values, f.tau: transfer})
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
