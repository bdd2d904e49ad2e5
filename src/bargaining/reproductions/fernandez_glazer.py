"""Fernandez and Glazer (1991): wages and strikes under an existing contract.

A union and a firm renegotiate a wage (revenue 1 per period) while the old
contract pays ``w0``. They alternate offers, the union first, and after each
rejection the union either strikes (flows ``(0, 0)``) or holds out (works on
at ``w0``). Fernandez and Glazer (and Haller and Holden 1990) show that the
game has many subgame-perfect equilibria, some with strikes of several
periods. Reproduced, for six parameter rows:

1. The range of immediate-agreement wages, ``[w0, W]`` when the union
   proposes and ``[w0, W']`` when the firm does, with
   ``W = [1 - dF + dF(1 - dU) w0]/(1 - dU dF)`` and ``W' = (1 - dU) w0 + dU W``.
2. Whether the strike threat is credible (``w0 <= delta**2`` for a common
   ``delta``), and the longest strike that ends in an equilibrium agreement,
   ``T <= ln(1 - W + w0)/ln(delta)``.
3. Cross-checks: ``W`` is Rubinstein's split when the firm's flow while it
   refuses is 0 and the union's is ``w0`` (the core solver); it is Houba and
   Bolt's (2002, Lemma 7.5) series for that sequence of disagreement actions;
   and it tends to the Nash solution with ``d = (w0, 0)`` as ``delta -> 1``.

The papers' own propositions were not available: every closed form above is
[D] (derived here) and the reference numbers are [C] values of it; only the
qualitative findings (non-uniqueness, strikes in equilibrium) are published.

References
----------
.. [1] R. Fernandez and J. Glazer, "Striking for a bargain between two
   completely informed agents", American Economic Review 81 (1991) 240-252.
.. [2] H. Haller and S. Holden, "A letter to the editor on wage bargaining",
   Journal of Economic Theory 52 (1990) 232-236.
.. [3] H. Houba and W. Bolt, Credible Threats in Negotiations, Kluwer (2002), ch. 7.
"""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np

from ..labor import formulas as f
from ..labor.holdouts import holdout_equilibria
from ..labor.scenarios import Scenario
from ..solutions import Frontier, nash_bargaining, rubinstein
from ._common import Comparison, Reproduction, finish_figure

# (dU, dF, w0) -> (W, W', Rubinstein strike-always wage, credible, strike length bound);
# labels name a row by (dU,dF,w0).
ROWS = {
    (0.9, 0.9, 0.5): (0.763158, 0.736842, 0.526316, 1, 2.898),
    (0.9, 0.9, 0.0): (0.526316, 0.473684, 0.526316, 1, 7.09),
    (0.95, 0.95, 0.3): (0.658974, 0.641026, 0.512821, 1, 8.67),
    (0.99, 0.99, 0.5): (0.751256, 0.748744, 0.502513, 1, 28.79),
    (0.8, 0.8, 0.7): (0.866667, None, 0.555556, 0, None),
    (0.8, 0.9, 0.4): (0.614286, 0.571429, 0.357143, 1, None),
}
SOURCE = "[C] of the [D] closed form"
WAGE = "MAX_WAGE_UNION_PROPOSES"
CONTRACT = 0.5  # the figure's existing wage


def formula(name, w0, union, firm):
    """The holdout formula ``name`` with no strike payoffs (``b = y_s = 0``), as in FG."""
    values = {f.y: 0.0, f.b: 0.0, f.theta: 0.0, f.w: w0, f.delta: union}
    return f.evaluate(name, {**values, f.delta_union: union, f.delta_firm: firm})


def houba_bolt_series(w0, delta, terms=2000):
    """Lemma 7.5: ``1/(1+d) + (1-d) sum_k d**(2k) [-d2(a_2k) + d*d1(a_2k+1)]``, summed."""
    return 1 / (1 + delta) + (1 - delta) * sum(delta ** (2 * k) * delta * w0 for k in range(terms))


def equilibria(w0, union, firm):
    """:func:`~bargaining.labor.holdouts.holdout_equilibria` at ``a = 0``, no strike payoffs."""
    scenario = Scenario(w=w0, tau=0, b=0, delta=union, sigma=1, rho=0, theta=0)
    return holdout_equilibria(scenario, 0, delta=(union, firm))


def reproduce(out_dir=None):
    """Compute the comparisons, and write the figure to ``out_dir`` when given."""
    result = Reproduction("fernandez-glazer-1991")
    add = result.comparisons.append
    for (union, firm, w0), (best, responding, always, credible, length) in ROWS.items():
        name = f"({union},{firm},{w0})"
        if w0 == 0:  # the scenario needs a positive wage: evaluate the formulas themselves
            add(Comparison(f"W, w0 = 0, {name}", formula(WAGE, 0, union, firm), best, SOURCE))
            ours = formula("MAX_WAGE_FIRM_PROPOSES", 0, union, firm)
            add(Comparison(f"W', w0 = 0, {name}", ours, responding, SOURCE, 5e-7))
            ours = formula("STRIKE_LENGTH_BOUND", 0, union, firm)
            add(Comparison(f"strike length bound, w0 = 0, {name}", ours, length, SOURCE, 5e-3))
            continue
        found = equilibria(w0, union, firm)
        add(Comparison(f"strike credible, {name}", float(found.strike_credible), credible, "[D]"))
        add(Comparison(f"lowest wage, union proposes, {name}", found.union_proposes[0], w0, "[D]"))
        add(Comparison(f"lowest wage, firm proposes, {name}", found.firm_proposes[0], w0, "[D]"))
        add(Comparison(f"strike-always wage, {name}", found.strike_always_wage, always, SOURCE))
        if not credible:
            add(Comparison(f"highest wage (= w0), {name}", found.union_proposes[1], w0, "[D]"))
            ours = formula(WAGE, w0, union, firm)
            add(Comparison(f"W formula, not an SPE, {name}", ours, best, SOURCE, 5e-7))
            continue
        add(Comparison(f"W, union proposes, {name}", found.union_proposes[1], best, SOURCE))
        add(Comparison(f"W', firm proposes, {name}", found.firm_proposes[1], responding, SOURCE))
        solver = rubinstein(union, firm, inside=(w0, 0)).payoffs[0]
        add(
            Comparison(
                f"W vs Rubinstein inside (w0,0), {name}",
                found.union_proposes[1],
                solver,
                "[C] core rubinstein",
                1e-12,
            )
        )
        if length is not None:
            add(
                Comparison(
                    f"strike length bound, {name}", found.strike_length_bound, length, SOURCE, 5e-3
                )
            )
    found = equilibria(0.5, 0.9, 0.9)
    add(
        Comparison(
            "longest strike, whole periods, (0.9,0.9,0.5)", found.max_strike_periods, 2, SOURCE, 0
        )
    )
    best = found.union_proposes[1]
    add(
        Comparison(
            "W vs Houba-Bolt Lemma 7.5, (0.9,0.9,0.5)",
            best,
            houba_bolt_series(0.5, 0.9),
            "[C] Houba-Bolt Lemma 7.5",
            1e-12,
        )
    )
    for bound, reference in (("lowest", 0.555556), ("highest", 0.736842)):
        ours = 0.5 / 0.9 if bound == "lowest" else 1 - (1 - best) / 0.9
        add(Comparison(f"one-period strike, {bound} wage, (0.9,0.9,0.5)", ours, reference, SOURCE))
    root = math.sqrt(CONTRACT)
    add(
        Comparison(
            "credibility margin at d = sqrt(w0), w0 = 0.5",
            formula("STRIKE_CREDIBILITY_MARGIN", CONTRACT, root, root),
            0.0,
            "[D]",
            1e-12,
        )
    )
    nash = nash_bargaining(Frontier.from_points([(0.5, 0), (1, 0), (0.5, 0.5)]), (0.5, 0))
    near_one = formula(WAGE, 0.5, 0.99999, 0.99999)
    add(Comparison("W(0.99999) vs Nash with d = (w0, 0)", near_one, nash.payoffs[0], "[D]", 1e-5))
    if out_dir is not None:
        result.figures = _figures(Path(out_dir))
    return result


def _figures(out_dir):
    import matplotlib.pyplot as plt

    figure, (left, right) = plt.subplots(1, 2, figsize=(10.5, 4.4))
    delta = np.linspace(0.01, 0.999, 300)
    w0, root = CONTRACT, math.sqrt(CONTRACT)
    best = formula(WAGE, w0, delta, delta)
    responding = formula("MAX_WAGE_FIRM_PROPOSES", w0, delta, delta)
    credible = delta >= root
    left.axvspan(0, root, color="#dddddd", label="strike not credible: wage = w0")
    left.fill_between(
        delta,
        w0,
        best,
        where=credible,
        color="#56B4E9",
        alpha=0.6,
        label="SPE wages, union proposes",
    )
    left.plot(delta, best, color="#0072B2", label="W (union's best)")
    left.plot(delta, responding, "--", color="#0072B2", label="W' (firm proposes)")
    left.plot(delta, 1 / (1 + delta), color="#D55E00", label="Rubinstein 1/(1 + delta)")
    left.axhline(w0, color="#000000", linewidth=1, label="existing contract w0")
    left.axhline((1 + w0) / 2, color="#009E73", linestyle=":", label="Nash, d = (w0, 0)")
    left.set(
        xlim=(0, 1),
        ylim=(0.2, 1),
        xlabel="discount factor delta",
        ylabel="wage",
        title=f"Equilibrium wage band, w0 = {w0}",
    )
    left.legend(loc="lower left", fontsize=7.5, ncol=2)
    for contract, colour in ((0.3, "#009E73"), (0.5, "#0072B2"), (0.7, "#D55E00")):
        grid = np.linspace(math.sqrt(contract), 0.995, 200)
        bound = formula("STRIKE_LENGTH_BOUND", contract, grid, grid)
        right.plot(grid, bound, color=colour, label=f"w0 = {contract}")
        right.axvline(math.sqrt(contract), color=colour, linestyle=":", linewidth=1)
    right.set(
        xlim=(0.5, 1),
        ylim=(0, 40),
        xlabel="discount factor delta",
        ylabel="longest equilibrium strike (periods)",
        title="Strikes on the equilibrium path",
    )
    right.legend(loc="upper left", fontsize=8)
    return finish_figure(figure, out_dir, "wage-band")
