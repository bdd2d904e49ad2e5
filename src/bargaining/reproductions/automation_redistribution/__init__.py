"""The project's own paper: when automation makes redistribution unsustainable.

``papers/automation-redistribution/paper.md`` is rendered from the numbers
computed here (:mod:`.automation_redistribution_paper` holds the template,
:mod:`.automation_redistribution_figures` the figure), one section per claim
of the debate the project started from:

1. the breakdown point ``a*`` of the seed scenario, closed form and exact;
2. task complementarity (Liebig's law) against substitutes;
3. labor owning a share ``theta`` of the machines;
4. patience and strike funds;
5. the revolt channel and the commitment problem (our modelling choices);
6. closed-form strategy classes against the exact set of subgame-perfect payoffs.

Rows with a reference are checked against a value derived independently
here, by hand: the stick-and-carrot breakdown point from its two incentive
constraints and the CES inverse; capital's minmax ``y_s``; the bound
``delta*(1 - w - y_s)`` that holding capital to its minmax implies; and the
channel crossings from the formulas written out. Rows without one are our
results (the exact thresholds).
"""

from __future__ import annotations

import importlib
import itertools
import math
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path

import numpy as np
from scipy.optimize import brentq

from ...analysis import breakdown_automation, max_redistribution
from ...core.repeated.payoff_sets import equilibrium_payoffs
from ...labor import revolution, scenarios
from ...labor.strike_game import StrikeGame
from ...labor.technology import strike_output
from .._common import Comparison, Reproduction

__all__ = [
    "MACHINES",
    "PAPER",
    "REVOLT",
    "TRANSFERS",
    "PaperReproduction",
    "comparisons",
    "compute",
    "figures",
    "investment",
    "paper",
    "reproduce",
]

PAPER = "automation-redistribution"
# Capital's transfer grid for the exact sets with a choice of transfer: {0, 0.05, ..., 0.4}.
TRANSFERS = tuple(round(0.05 * k, 2) for k in range(1, 9))
# The revolt channel (our choices, see the paper's section 5): elites hold 45% of income
# without automation and are 20% of the population; revolt destroys 55% of income; the
# threat is present with probability 0.3 a period; machines are either seized (half of
# them usable by the citizens) or defend their owners (adding 0.4 to the cost at a = 1).
REVOLT = {"base_share": 0.45, "base_cost": 0.55, "elite_size": 0.2, "threat": 0.3}
MACHINES = {"seized": {"seizure": 0.5}, "defending": {"defense": 0.4}}
SOURCE = "derived by hand"


@dataclass
class PaperReproduction(Reproduction):
    """A :class:`Reproduction` that also carries the numbers and the rendered ``paper.md``."""

    numbers: dict | None = None
    paper: str = ""


def ces_automation(y, sigma, rho):
    """Automation at which strike output reaches ``y``: the CES formula inverted."""
    if sigma == 0:
        return 1
    if math.isinf(sigma):
        return (y - rho) / (1 - rho)
    if sigma == 1:
        return 1 - math.log(y) / math.log(rho)
    r = Fraction(sigma - 1) / Fraction(sigma) if isinstance(y, Fraction) else (sigma - 1) / sigma
    return (y**r - rho**r) / (1 - rho**r)


def hand_breakdown(s):
    """Stick-and-carrot ``a*``: capital's bound meets the credible floor, both linear in ``y``.

    A period of strike costs labor ``C = (w - b + theta*(1 - w - y))/(1 - theta)`` in transfer
    units (its wage net of the fund, and its dividends' fall), ``C0 + C1*y``. Capital's bound
    ``delta*(1 - w - y) - (1-delta)*C`` and labor's floor ``(1-delta)*C/delta`` are
    ``c0 + c1*y`` and ``f0 + f1*y``.
    """
    d, w, b, t = s.delta, s.w, s.b, s.theta
    cost0, cost1 = (w - b + t * (1 - w)) / (1 - t), -t / (1 - t)
    c0, c1 = d * (1 - w) - (1 - d) * cost0, -d - (1 - d) * cost1
    f0, f1 = (1 - d) * cost0 / d, (1 - d) * cost1 / d
    return ces_automation((f0 - c0) / (c1 - f1), s.sigma, s.rho)


def _first_positive(gain, low, high, xtol=1e-6):
    """Bracket the first level in ``[low, high]`` with a positive gain (grid refinement)."""
    while high - low > xtol:
        levels = np.linspace(low, high, 33)
        first = int(np.flatnonzero(gain(levels) > 0)[0])
        low, high = levels[max(first - 1, 0)], levels[first]
    return (low + high) / 2


def _value(threshold):
    return None if threshold.value is None else float(threshold.value)


def _scenario_rows():
    rows = {}
    for name in scenarios.NAMES:
        s = scenarios.get(name)
        rows[name] = {
            "scenario": s,
            "closed": breakdown_automation(s.exact(), method="closed-form"),
            "exact": breakdown_automation(s, method="exact"),
            "grid": breakdown_automation(s, method="exact", transfers=TRANSFERS),
        }
    return rows


def _revolt(s, machines):
    """Where the revolt channel opens, and where each regime starts (bisected to 1e-12)."""
    kw = {k: REVOLT[k] for k in ("base_share", "base_cost")} | MACHINES[machines]
    channel = lambda a: float(revolution.two_channels(s, a, **kw).revolt)  # noqa: E731

    def regime(a):
        share = float(revolution.elite_share_at(a, s.sigma, kw["base_share"]))
        mu = float(revolution.revolt_cost_at(a, kw["base_cost"], *_seize_defend(machines)))
        return revolution.regime(mu, share, REVOLT["elite_size"], s.delta, REVOLT["threat"])

    opens = brentq(channel, 0, 1, xtol=1e-12)
    levels = np.linspace(0, 1, 1001)
    names = [regime(a) for a in levels]
    regimes = [(0.0, names[0])]
    for i in np.flatnonzero([x != y for x, y in itertools.pairwise(names)]):
        low, high = levels[i], levels[i + 1]
        while high - low > 1e-12:
            mid = (low + high) / 2
            low, high = (mid, high) if regime(mid) == names[i] else (low, mid)
        regimes.append((float(high), names[i + 1]))
    return {"opens": opens, "regimes": regimes, "kw": kw}


def _seize_defend(machines):
    spec = MACHINES[machines]
    return spec.get("seizure", 0), spec.get("defense", 0)


def hand_revolt_opening(s, machines):
    """``theta_0 + (1-theta_0)*(1 - s_L(a)) = mu_0*(1 - seizure*a) + defense*a``, by hand."""
    seizure, defense = _seize_defend(machines)
    theta0, mu0, sigma = REVOLT["base_share"], REVOLT["base_cost"], float(s.sigma)

    def gap(a):
        labor, capital = (1 - a) ** (1 / sigma), a ** (1 / sigma)
        share = theta0 + (1 - theta0) * capital / (labor + capital)
        return share - mu0 * (1 - seizure * a) - defense * a

    return brentq(gap, 0, 1, xtol=1e-12)


def compute():
    """Every number the paper quotes, as a dict (figures and comparisons are built from it)."""
    rows = _scenario_rows()
    s = scenarios.DEFAULT
    n = {"rows": rows, "transfers": TRANSFERS, "revolt_parameters": REVOLT}
    n["y_star"] = strike_output(rows["default"]["closed"].value, s.sigma, s.exact().rho)
    n["cobb_douglas"] = float(breakdown_automation(s.replace(sigma=1), method="closed-form"))
    n["grim"] = breakdown_automation(s, strategy="grim", method="closed-form").kind
    levels = np.array([0.0, 0.3, 0.45])
    n["levels"] = levels
    n["closed_at"] = max_redistribution(s, levels, method="closed-form")
    n["exact_at"] = max_redistribution(s, levels, method="exact")
    n["grid_at"] = max_redistribution(s, levels, method="exact", transfers=TRANSFERS)
    n["y_at"] = strike_output(levels, s.sigma, s.rho)
    n["capital_worst"] = equilibrium_payoffs(StrikeGame(s, 0.45), s.delta).min(1)
    n["strike_gap"] = float((1 - s.delta) * (s.w - s.b))
    # Where a strike stops costing capital anything: (1 - w) = (1 - theta)*y_s.
    leverage = lambda a: float(revolution.two_channels(s, a, **_base()).strike)  # noqa: E731
    n["strike_closes"] = brentq(leverage, 0, 1, xtol=1e-12)
    n["efficient_strike"] = ces_automation(1 - s.b, s.sigma, s.rho)

    def revival_gain(a):
        return max_redistribution(s, a, method="exact", transfers=TRANSFERS)

    # The gain just before the exact thresholds: it drops to 0, it does not fade.
    n["before_exact"] = [
        max_redistribution(s, float(rows["default"][m].value) - 1e-5, method="exact", transfers=t)
        for m, t in (("exact", None), ("grid", TRANSFERS))
    ]
    n["y_before_exact"] = [
        float(strike_output(float(rows["default"][m].value) - 1e-5, s.sigma, s.rho))
        for m in ("exact", "grid")
    ]
    n["revival"] = _first_positive(revival_gain, n["efficient_strike"], 1.0)
    n["y_revival"] = float(strike_output(n["revival"], s.sigma, s.rho))
    n["revolt"] = {machines: _revolt(s, machines) for machines in MACHINES}
    return n


def _base():
    return {k: REVOLT[k] for k in ("base_share", "base_cost")}


def comparisons(n):
    """The comparison rows: derived references where there is one, ``None`` otherwise."""
    s, rows = scenarios.DEFAULT, n["rows"]
    out = []
    for name, row in rows.items():
        ref = float(hand_breakdown(row["scenario"].exact()))
        out.append(Comparison(f"a*, stick-and-carrot, {name}", _value(row["closed"]), ref, SOURCE))
    for name, row in rows.items():
        for method in ("exact", "grid"):
            label = f"a*, exact {'2x2' if method == 'exact' else 'transfer grid'}, {name}"
            if row[method].value is not None:  # Liebig on the grid: sustained at every a
                out.append(Comparison(label, _value(row[method]), None, "Abreu-Sannikov sets"))
    closed0 = s.delta * (1 - s.w - s.rho) - (1 - s.delta) * (s.w - s.b)
    out.append(
        Comparison("max transfer at a=0, stick-and-carrot", n["closed_at"][0], closed0, SOURCE)
    )
    # Capital held to its minmax y_s: sharing tau forever needs 1-w-tau >= (1-d)(1-w) + d*y_s.
    for a, y, gain in zip(n["levels"], n["y_at"], n["grid_at"], strict=True):
        out.append(
            Comparison(
                f"max gain at a={a:g}, exact grid", gain, s.delta * (1 - s.w - y), "delta(1-w-y_s)"
            )
        )
    # Capital's minmax y_s(0.45): with sigma = 1/2 and rho = 1/5, y_s(a) = 1/(5 - 4a).
    worst = n["capital_worst"]
    out.append(Comparison("capital's worst SPE payoff at a=0.45", worst, 1 / 3.2, "minmax y_s"))
    closes = float(ces_automation(1 - s.exact().w, s.exact().sigma, s.exact().rho))
    out.append(Comparison("strike stops costing capital, a", n["strike_closes"], closes, SOURCE))
    out.append(Comparison("revival of redistribution, a", n["revival"], None, "exact grid"))
    for machines, result in n["revolt"].items():
        ref = hand_revolt_opening(s, machines)
        out.append(
            Comparison(f"revolt channel opens, machines {machines}", result["opens"], ref, SOURCE)
        )
    return out


def reproduce(out_dir=None):
    """Compute the paper's numbers, render ``paper.md``, and write the figure to ``out_dir``."""
    from .investment import investment_figure, investment_numbers
    from .paper import render

    numbers = compute()
    numbers["investment"] = investment_numbers()
    result = PaperReproduction(PAPER, comparisons(numbers), numbers=numbers)
    if out_dir is not None:
        from .figures import figures

        result.figures = figures(numbers, Path(out_dir)) + investment_figure(out_dir)
    result.paper = render(numbers)
    return result


def __getattr__(name):
    if name in ("figures", "investment", "paper"):
        return importlib.import_module(f"{__name__}.{name}")
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
