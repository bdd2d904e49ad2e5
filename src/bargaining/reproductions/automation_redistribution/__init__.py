"""The project's own paper: when automation makes redistribution unsustainable.

``papers/automation-redistribution/paper.md`` is rendered from the numbers
computed here (:mod:`.paper` holds the template's context; :mod:`.figures`,
:mod:`.job_loss`, :mod:`.anticipation` and :mod:`.investment` the figures), one
section per claim of the debate the project started from:

1. the breakdown point ``a*`` of the seed scenario: exact (labor's best
   subgame-perfect equilibrium, in closed form) first, the stick-and-carrot
   strategy class as a labelled lower bound;
2. job loss: capital's lockout, labor's best and worst payoffs against ``a``;
3. the equilibrium selections compared (labor-best, capital-best, Nash, renegotiation-proof);
4. task complementarity (Liebig's law) against substitutes;
5. labor owning a share ``theta`` of the firm, paid as dividends;
6. patience, and the strike fund as a transfer from outside the firm; then, as section
   6b, anticipated automation: automation advancing at random (a stochastic game) and
   whether a strike fund or ownership delays the end of redistribution;
7. the revolt channel and the commitment problem (our modelling choices);
8. the strategy class against the exact set of subgame-perfect payoffs;
9. capital automating to break labor's leverage.

Rows with a reference are checked against a value computed independently:
the stick-and-carrot breakdown point from its two incentive constraints and
the CES inverse; every exact closed-form breakdown point against the
Abreu-Sannikov payoff sets, bracketed here to within 1e-8 by the solver
alone; capital's minmax ``y_s``; the bound ``delta*(1 - w - y_s)`` that
holding capital to its minmax implies; labor's worst payoff with a lockout
against its outside option ``u(a)``; and the channel crossings from the
formulas written out.
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

from ...analysis import breakdown_automation, max_redistribution, payoff_bounds
from ...core.repeated.payoff_sets import equilibrium_payoffs
from ...labor import revolution, scenarios
from ...labor.strike_game import StrikeGame
from ...labor.technology import strike_output
from .._common import Comparison, Reproduction

__all__ = [
    "LEVELS",
    "MACHINES",
    "PAPER",
    "REVOLT",
    "SELECTIONS",
    "TRANSFERS",
    "PaperReproduction",
    "anticipation",
    "comparisons",
    "compute",
    "figures",
    "investment",
    "job_loss",
    "paper",
    "reproduce",
    "solver_breakdown",
]

PAPER = "automation-redistribution"
# Capital's transfer grid for the exact sets with a choice of transfer: {0, 0.05, ..., 0.4}.
TRANSFERS = tuple(round(0.05 * k, 2) for k in range(1, 9))
# Automation levels of the paper's tables.
LEVELS = (0.0, 0.3, 0.45)
# Levels of the job-loss table: both sides of each breakdown point and of the job's loss.
JOB_LEVELS = (0.0, 0.3, 0.5, 0.6, 0.62, 0.7, 0.9, 1.0)
SELECTIONS = ("labor-best", "capital-best", "nash", "renegotiation-proof")
WAGES = ("fixed", "nash", "rubinstein", "competitive")
# The competitive wage is the whole output where capital has no task (a = 0) and leaves
# capital less than tau just above it, so that mode is evaluated on this grid, where defined.
WAGE_GRID = tuple(k / 400 for k in range(401))
WAGE_SELECTIONS = ("labor-best", "renegotiation-proof")
# The revolt channel (our choices, see the paper's section 7): elites hold 45% of income
# without automation and are 20% of the population; revolt destroys 55% of income; the
# threat is present with probability 0.3 a period; machines are either seized (half of
# them usable by the citizens) or defend their owners (adding 0.4 to the cost at a = 1).
REVOLT = {"base_share": 0.45, "base_cost": 0.55, "elite_size": 0.2, "threat": 0.3}
MACHINES = {"seized": {"seizure": 0.5}, "defending": {"defense": 0.4}}
SOURCE = "derived by hand"
SOLVER = "Abreu-Sannikov sets, bracketed"


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


def solver_breakdown(scenario, transfers=None, selection="labor-best", xtol=1e-8):
    """The first automation level at which the selected equilibrium stops redistributing.

    Found from the Abreu-Sannikov payoff sets alone, by grid refinement (no closed form):
    the first level of a 33-point grid on [0, 1] with no redistribution after one with
    some brackets it, and the bracket is refined until narrower than ``xtol``.

    Returns
    -------
    float or None
        The bracket's midpoint; ``None`` when the grid shows no breakdown.
    """

    def sustained(levels):
        gain = max_redistribution(scenario, levels, transfers=transfers, selection=selection)
        return np.asarray(gain) > 0

    levels = np.linspace(0.0, 1.0, 33)
    flags = sustained(levels)
    if not flags.any() or flags[int(np.flatnonzero(flags)[0]) :].all():
        return None
    while True:
        first = int(np.flatnonzero(flags)[0])
        stop = first + int(np.flatnonzero(~flags[first:])[0])
        low, high = levels[stop - 1], levels[stop]
        if high - low <= xtol:
            return float((low + high) / 2)
        levels = np.linspace(low, high, 33)
        flags = np.concatenate([[True], sustained(levels[1:-1]), [False]])


def _value(threshold):
    return None if threshold.value is None else float(threshold.value)


def _scenario_rows():
    rows = {}
    for name in scenarios.NAMES:
        s = scenarios.get(name)
        rows[name] = {
            "scenario": s,
            "closed": breakdown_automation(s.exact(), method="closed-form"),
            "exact": breakdown_automation(s.exact()),
            "grid": breakdown_automation(s, transfers=TRANSFERS),
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


def _first_positive(gain, low, high, xtol=1e-6):
    """Bracket the first level in ``[low, high]`` with a positive gain (grid refinement)."""
    while high - low > xtol:
        levels = np.linspace(low, high, 33)
        first = int(np.flatnonzero(gain(levels) > 0)[0])
        low, high = levels[max(first - 1, 0)], levels[first]
    return (low + high) / 2


def _job_loss():
    """Labor's best and worst payoffs with and without the lockout, and where the job goes."""
    s, j = scenarios.DEFAULT, scenarios.get("job-loss")
    levels = np.array(JOB_LEVELS)
    out = {"levels": levels, "scenario": j}
    for key, scenario in (("lockout", j), ("strike", s)):
        out[key] = payoff_bounds(scenario, levels)
        out[f"{key}_grid"] = payoff_bounds(scenario, levels, TRANSFERS)
    out["u"] = np.array([j.outside_option_at(float(a)) for a in levels])
    out["y"] = strike_output(levels, s.sigma, s.rho)
    # Past y_s = 1 - w capital would rather run the firm with machines than employ labor.
    out["lost"] = ces_automation(1 - s.exact().w, s.exact().sigma, s.exact().rho)
    out["revival"] = [
        max_redistribution(scenario, 1.0, transfers=TRANSFERS) for scenario in (s, j)
    ]
    return out


def _selections():
    """Redistribution under each selection at LEVELS, with and without the lockout."""
    out = {}
    for name in ("default", "job-loss"):
        s = scenarios.get(name)
        out[name] = {
            selection: {
                "2x2": max_redistribution(s, np.array(LEVELS), selection=selection),
                "grid": max_redistribution(
                    s, np.array(LEVELS), transfers=TRANSFERS, selection=selection
                ),
                "breakdown": breakdown_automation(s, transfers=TRANSFERS, selection=selection),
            }
            for selection in SELECTIONS
        }
    return out


def _sustained_interval(scenario, selection):
    """The first and last level of WAGE_GRID, where the wage is defined, sustaining a transfer."""
    levels = []
    for a in WAGE_GRID:
        try:
            scenario.wage_at(a)
        except ValueError:
            continue
        levels.append(a)
    levels = np.array(levels)
    sustained = levels[max_redistribution(scenario, levels, selection=selection) > 0]
    defined = (float(levels[0]), float(levels[-1]))
    if sustained.size == 0:
        return {"defined": defined, "from": None, "to": None}
    return {"defined": defined, "from": float(sustained[0]), "to": float(sustained[-1])}


def _wage_modes():
    """The breakdown a* (2x2 game) under each wage mode, labor-best and renegotiation-proof.

    The competitive wage is not defined near ``a = 0`` (capital has no task there), and
    it falls as automation rises, so for it the levels that sustain a transfer are given.
    """
    out = {}
    for mode in WAGES:
        s = scenarios.DEFAULT.replace(wage=mode)
        out[mode] = {}
        for selection in WAGE_SELECTIONS:
            if mode == "competitive":
                out[mode][selection] = _sustained_interval(s, selection)
            else:
                exact = s.exact() if mode == "fixed" else s
                out[mode][selection] = breakdown_automation(exact, selection=selection)
        out[mode]["wage"] = [_wage_or_none(s, a) for a in LEVELS]
    return out


def _wage_or_none(scenario, a):
    try:
        return float(scenario.wage_at(a))
    except ValueError:
        return None


def compute():
    """Every number the paper quotes, as a dict (figures and comparisons are built from it)."""
    rows = _scenario_rows()
    s = scenarios.DEFAULT
    n = {"rows": rows, "transfers": TRANSFERS, "revolt_parameters": REVOLT}
    n["y_star"] = strike_output(rows["default"]["closed"].value, s.sigma, s.exact().rho)
    n["y_exact"] = strike_output(rows["default"]["exact"].value, s.sigma, s.exact().rho)
    n["cobb_douglas"] = float(breakdown_automation(s.replace(sigma=1), method="closed-form"))
    n["cobb_douglas_exact"] = float(breakdown_automation(s.replace(sigma=1)))
    n["grim"] = breakdown_automation(s, strategy="grim", method="closed-form").kind
    n["continuous"] = _continuous(s)
    n["solver"] = {
        (name, kind): solver_breakdown(scenarios.get(name), TRANSFERS if kind == "grid" else None)
        for name in scenarios.NAMES
        if name != "liebig"
        for kind in ("exact", "grid")
    }
    levels = np.array(LEVELS)
    n["levels"] = levels
    n["closed_at"] = max_redistribution(s, levels, method="closed-form")
    # What the class still sustains at its own a*: a* is the last level with a transfer.
    n["closed_at_star"] = max_redistribution(
        s.exact(), rows["default"]["closed"].value, method="closed-form"
    )
    n["exact_at"] = max_redistribution(s, levels)
    n["grid_at"] = max_redistribution(s, levels, transfers=TRANSFERS)
    n["y_at"] = strike_output(levels, s.sigma, s.rho)
    n["capital_worst"] = equilibrium_payoffs(StrikeGame(s, 0.45), s.delta).min(1)
    n["strike_gap"] = float((1 - s.delta) * (s.w - s.b))
    # Where a strike stops costing capital anything: (1 - w) = (1 - theta)*y_s.
    leverage = lambda a: float(revolution.two_channels(s, a, **_base()).strike)  # noqa: E731
    n["strike_closes"] = brentq(leverage, 0, 1, xtol=1e-12)
    # Where a strike paid from outside the firm is worth more to both sides than work:
    # b + y_s > 1, although output falls from 1 to y_s.
    n["paid_strike"] = ces_automation(1 - s.b, s.sigma, s.rho)

    def revival_gain(a):
        return max_redistribution(s, a, transfers=TRANSFERS)

    # The gain just before the exact thresholds: it drops to 0, it does not fade.
    n["before_exact"] = [
        max_redistribution(s, float(rows["default"][m].value) - 1e-5, transfers=t)
        for m, t in (("exact", None), ("grid", TRANSFERS))
    ]
    n["y_before_exact"] = [
        float(strike_output(float(rows["default"][m].value) - 1e-5, s.sigma, s.rho))
        for m in ("exact", "grid")
    ]
    n["revival"] = _first_positive(revival_gain, n["paid_strike"], 1.0)
    n["y_revival"] = float(strike_output(n["revival"], s.sigma, s.rho))
    n["job_loss"] = _job_loss()
    n["selections"] = _selections()
    n["wages"] = _wage_modes()
    n["renegotiation_proof_2x2"] = breakdown_automation(s.exact(), selection="renegotiation-proof")
    # With the lockout the players' worst payoffs are (u, y_s), and an equal split of the
    # surplus from there gives labor (1 + u - y_s)/2.
    job = scenarios.get("job-loss")
    n["nash_split"] = [
        (1 + job.outside_option_at(float(a)) - float(y)) / 2
        for a, y in zip(levels, strike_output(levels, s.sigma, s.rho), strict=True)
    ]
    n["ownership"] = {
        name: payoff_bounds(scenarios.get(name), levels) for name in ("default", "open-models")
    }
    n["revolt"] = {machines: _revolt(s, machines) for machines in MACHINES}
    return n


def _continuous(s):
    """The breakdown ``y**`` with continuous transfers, and the solver's check of it.

    ``y**`` is ``y_T`` for a grid whose least transfer is the credible floor
    ``(1 - delta)(w - b)/delta`` itself, so the solver checks it on the one-transfer grid
    holding the floor (raised by 1e-12, so that rounding cannot make it incredible).
    """
    from ...labor import formulas as f

    exact = s.exact()
    values = {f.w: exact.w, f.b: exact.b, f.delta: exact.delta, f.theta: exact.theta}
    output = f.evaluate(f.EXACT_BREAKDOWN_STRIKE_OUTPUT, values)
    floor = f.evaluate(f.MIN_CREDIBLE_TRANSFER, {**values, f.y: output})
    level = ces_automation(Fraction(output), exact.sigma, exact.rho)
    solver = solver_breakdown(s, transfers=(float(floor) + 1e-12,))
    return {"y": output, "a": level, "floor": floor, "solver": solver}


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
            if row[method].value is None:  # Liebig on the grid: sustained at every a
                continue
            reference = n["solver"].get((name, method))
            out.append(Comparison(label, _value(row[method]), reference, SOLVER))
    continuous = n["continuous"]
    out.append(
        Comparison(
            "a**, exact, continuous transfers, default",
            float(continuous["a"]),
            continuous["solver"],
            SOLVER + " (grid {t0})",
        )
    )
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
    # With the lockout labor's worst payoff is u(a) = b + (w - b)(1 - a)/2, by hand.
    job = n["job_loss"]
    for a, worst in zip(job["levels"], job["lockout"].labor_worst, strict=True):
        u = s.b + (s.w - s.b) * (1 - a) / 2
        out.append(Comparison(f"labor's worst, lockout, a={a:g}", worst, u, "u(a)"))
    for a, best in zip(job["levels"], job["lockout_grid"].labor_best, strict=True):
        if a > job["lost"]:
            u = s.b + (s.w - s.b) * (1 - a) / 2
            out.append(Comparison(f"labor's best, lockout, a={a:g}", best, u, "u(a): job lost"))
    closes = float(ces_automation(1 - s.exact().w, s.exact().sigma, s.exact().rho))
    out.append(Comparison("strike stops costing capital, a", n["strike_closes"], closes, SOURCE))
    out.append(Comparison("revival of redistribution, a", n["revival"], None, "exact grid"))
    for machines, result in n["revolt"].items():
        ref = hand_revolt_opening(s, machines)
        out.append(
            Comparison(f"revolt channel opens, machines {machines}", result["opens"], ref, SOURCE)
        )
    # The two-level critical speed: closed form against the stochastic game bisected alone.
    for name, row in n.get("anticipation", {"rows": {}})["rows"].items():
        out.append(
            Comparison(
                f"critical speed at a=0.3, {name}",
                float(row["critical"]),
                row["solver"],
                "two-level stochastic game, bisected",
            )
        )
    return out


def reproduce(out_dir=None):
    """Compute the paper's numbers, render ``paper.md``, and write the figures to ``out_dir``."""
    from .anticipation import anticipation_figure, anticipation_numbers
    from .investment import dynamic_investment_numbers, investment_figure, investment_numbers
    from .paper import render

    numbers = compute()
    numbers["investment"] = investment_numbers()
    numbers["anticipation"] = anticipation_numbers()
    numbers["dynamic_investment"] = dynamic_investment_numbers()
    result = PaperReproduction(PAPER, comparisons(numbers), numbers=numbers)
    if out_dir is not None:
        from .figures import figures
        from .job_loss import job_loss_figure

        result.figures = (
            figures(numbers, Path(out_dir))
            + job_loss_figure(numbers, Path(out_dir))
            + anticipation_figure(numbers["anticipation"], Path(out_dir))
            + investment_figure(out_dir)
        )
    result.paper = render(numbers)
    return result


def __getattr__(name):
    if name in ("anticipation", "figures", "investment", "job_loss", "paper"):
        return importlib.import_module(f"{__name__}.{name}")
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
