"""Sustainable redistribution by method: the report's main table and its breakdown points.

Each number comes from the analysis layer: the stick-and-carrot closed form (a
lower bound), and the exact subgame-perfect payoff sets for the 2x2 game and
for a grid of transfers; the same methods give the breakdown point of every
named scenario.
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Callable
from fractions import Fraction
from typing import Any

import numpy as np

from ..analysis import breakdown_automation, max_redistribution
from ..labor import scenarios, strike_output
from ._collect_numbers import as_fraction, is_rational, number, solver_value, threshold_record

LEVELS = tuple(Fraction(k, 10) for k in range(11))
GRID_STEPS = 8


@dataclasses.dataclass(frozen=True)
class Method:
    """One way the report computes sustainable redistribution, a column of its tables.

    Attributes
    ----------
    key : str
        The column's name in ``results.json``.
    label : str
        How the report names it.
    method : str
        ``"closed-form"`` or ``"exact"``, as :func:`~bargaining.analysis.max_redistribution`
        takes it.
    selection : str
        The equilibrium selection behind each number.
    reading : str
        What the number means, in a sentence.
    options : callable
        Scenario to the further keyword arguments of the analysis functions.
    """

    key: str
    label: str
    method: str
    selection: str
    reading: str
    options: Callable[[Any], dict[str, Any]] = lambda scenario: {}


def transfer_grid(scenario):
    """Capital's transfer choices: ``GRID_STEPS`` equal steps up to ``1 - w``.

    Exact (Fractions) when the wage is a decimal or rational number.
    """
    top = 1 - as_fraction(scenario.w)
    return [top * k / GRID_STEPS for k in range(1, GRID_STEPS + 1)]


def _grid_options(scenario):
    return {"transfers": transfer_grid(scenario)}


METHODS = (
    Method(
        "exact 2x2",
        "exact, 2x2 game",
        "exact",
        "labor-best",
        "labor's highest subgame-perfect payoff above its payoff from work when capital either "
        "shares the transfer tau or keeps all (Abreu-Sannikov payoff set)",
        lambda scenario: {},
    ),
    Method(
        "stick-and-carrot",
        "stick-and-carrot (closed form)",
        "closed-form",
        "labor-best",
        "the largest transfer of stick-and-carrot strategies (strike for a while when capital "
        "stops sharing, then share again); closed form, a lower bound on the exact answer",
    ),
    Method(
        "exact grid",
        "exact, transfer grid",
        "exact",
        "labor-best",
        "the same when capital may share any transfer of an even grid up to 1 - w",
        _grid_options,
    ),
)
METHOD_KEYS = tuple(m.key for m in METHODS)


@functools.cache
def breakdowns(scenario):
    """The breakdown threshold of each method of :data:`METHODS`, in their order."""
    exact = scenario.exact() if is_rational(scenario) else scenario
    return tuple(
        breakdown_automation(exact, method=method.method, **method.options(scenario))
        for method in METHODS
    )


def redistribution_rows(scenario):
    exact_scenario = scenario.exact() if is_rational(scenario) else scenario
    closed = [max_redistribution(exact_scenario, a, method="closed-form") for a in LEVELS]
    outputs = [strike_output(a, exact_scenario.sigma, exact_scenario.rho) for a in LEVELS]
    floats = [float(a) for a in LEVELS]
    columns = {"stick-and-carrot": closed}
    for method in METHODS:
        if method.method == "closed-form":
            continue
        values = max_redistribution(
            scenario, np.array(floats), method=method.method, **method.options(scenario)
        )
        columns[method.key] = [solver_value(v) for v in values]
    rows = []
    for i, a in enumerate(LEVELS):
        row = {"exact": {}}
        cells = {"a": a, "strike_output": outputs[i], **{k: columns[k][i] for k in METHOD_KEYS}}
        for key, value in cells.items():
            row[key], exact = number(value)
            if exact is not None:
                row["exact"][key] = exact
        rows.append(row)
    return rows


def breakdown_records(scenario):
    return {
        m.key: threshold_record(t, m) for m, t in zip(METHODS, breakdowns(scenario), strict=True)
    }


def revived_at(rows, breakdown):
    """The levels past the transfer grid's breakdown point where redistribution is back."""
    grid_value = breakdown["exact grid"]["value"]
    return [r["a"] for r in rows if r["exact grid"] > 0 and grid_value and r["a"] > grid_value]


def named_scenarios(scenario):
    records = {}
    for name in scenarios.NAMES:
        named = scenarios.get(name)
        records[name] = {
            **{
                m.key: threshold_record(t, m)
                for m, t in zip(METHODS, breakdowns(named), strict=True)
            },
            "strike_efficient_at_full_automation": _strike_efficient_at_one(named),
        }
    return records


def _strike_efficient_at_one(scenario):
    """Whether a strike produces more than work leaves capital at ``a = 1``: ``y_s(1) > 1 - b``.

    Then capital, which has no lockout in the stage game, pays labor to stay
    idle, and the exact solvers find transfers there that are not the strike
    threat's.
    """
    return bool(float(strike_output(1, scenario.sigma, scenario.rho)) > 1 - float(scenario.b))
