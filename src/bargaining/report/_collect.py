"""The main job's numbers: what automation does to redistribution in one scenario.

:func:`collect` gathers every number of the report in a plain dictionary, the
content of ``results.json`` (its JSON Schema is ``docs/results.schema.json``).
Each number comes from the analysis layer: the stick-and-carrot closed form (a
lower bound), and the exact subgame-perfect payoff sets for the 2x2 game and
for a grid of transfers. The output is the same for the same scenario on every
run.

Numbers are stored as the shortest decimal that reads back as the same float.
Where the scenario is rational the closed forms are evaluated in exact
arithmetic and stored twice: as the nearest float and as a fraction string
(``"215/496"``), so no rounding of the inputs shows up as ``0.15000000000000002``.
Values of the iterative solvers are rounded to :data:`SOLVER_DECIMALS`
places, below the accuracy the solver certifies.
"""

from __future__ import annotations

import dataclasses
import functools
import math
from collections.abc import Callable
from fractions import Fraction
from typing import Any

import numpy as np

from ..analysis import (
    RENEGOTIATION_PROOF_METHOD,
    SELECTIONS,
    breakdown_automation,
    max_redistribution,
    payoff_bounds,
    selected_labor_payoffs,
)
from ..analysis.redistribution import automation_at_output
from ..labor import scenarios, strike_output
from ._tasks import Task, run_tasks

SCHEMA_VERSION = 5
LEVELS = tuple(Fraction(k, 10) for k in range(11))
GRID_STEPS = 8
# The exact payoff sets are iterated to DEFAULT_TOL (1e-11) relative to payoffs of at most 1:
# digits past the tenth decimal are the iteration's, not the model's.
SOLVER_DECIMALS = 10
# breakdown_automation(method="exact") brackets the breakdown point to this width.
BISECTION_ACCURACY = 1e-6


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
    top = 1 - _as_fraction(scenario.w)
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


def _as_fraction(value):
    """``value`` as a Fraction when it is a finite decimal or rational, else unchanged."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int | Fraction):
        return Fraction(value)
    if isinstance(value, float) and math.isfinite(value):
        return Fraction(repr(value))
    if getattr(value, "is_Rational", False):
        return Fraction(int(value.p), int(value.q))
    return value


def number(value):
    """A computed value as ``(float, exact string or None)`` for ``results.json``.

    Rational values give their nearest float and their fraction (``None`` for
    integers, whose float is exact); anything else its float.
    """
    exact = _as_fraction(value) if not isinstance(value, float) else value
    if isinstance(exact, Fraction):
        return float(exact), None if exact.denominator == 1 else str(exact)
    return float(value), None


def _parameter(value):
    if isinstance(value, float) and math.isinf(value):
        return "inf"
    if isinstance(value, Fraction):
        return str(value) if value.denominator != 1 else int(value)
    if isinstance(value, int | float):
        return value
    return str(value)


def _is_rational(scenario):
    return all(
        isinstance(_as_fraction(v), Fraction) or (isinstance(v, float) and math.isinf(v))
        for v in scenario.parameters.values()
    )


def _solver(value):
    return round(float(value), SOLVER_DECIMALS) + 0.0


@functools.cache
def breakdowns(scenario):
    """The breakdown threshold of each method of :data:`METHODS`, in their order."""
    exact = scenario.exact() if _is_rational(scenario) else scenario
    return tuple(
        breakdown_automation(exact, method=method.method, **method.options(scenario))
        for method in METHODS
    )


def threshold_record(threshold, method=None):
    """A breakdown threshold as JSON-ready data, naming how it was found.

    ``method`` (a :class:`Method`) names the selection of a strategy class, which the
    threshold itself does not carry.
    """
    value, exact = (None, None) if threshold.value is None else number(threshold.value)
    return {
        "kind": threshold.kind,
        "value": value,
        "exact": exact,
        "method": threshold.method,
        "selection": threshold.selection or (method and method.selection),
        "accuracy": BISECTION_ACCURACY if "bisection" in threshold.method else None,
    }


def _redistribution_rows(scenario):
    exact_scenario = scenario.exact() if _is_rational(scenario) else scenario
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
        columns[method.key] = [_solver(v) for v in values]
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


def _breakdown(scenario):
    return {
        m.key: threshold_record(t, m) for m, t in zip(METHODS, breakdowns(scenario), strict=True)
    }


def _revived_at(rows, breakdown):
    """The levels past the transfer grid's breakdown point where redistribution is back."""
    grid_value = breakdown["exact grid"]["value"]
    return [r["a"] for r in rows if r["exact grid"] > 0 and grid_value and r["a"] > grid_value]


def _header(scenario):
    """The part of ``results.json`` that describes the scenario and the methods."""
    grid = transfer_grid(scenario)
    return {
        "schema_version": SCHEMA_VERSION,
        "scenario": {
            "name": scenario.name,
            "description": scenario.description,
            "parameters": {k: _parameter(v) for k, v in scenario.parameters.items()},
            "model": scenario.model,
            "wage": scenario.wage,
        },
        "methods": [
            {
                "key": m.key,
                "label": m.label,
                "method": m.method,
                "selection": m.selection,
                "reading": m.reading,
            }
            for m in METHODS
        ],
        "levels": [number(a)[0] for a in LEVELS],
        "transfer_grid": [number(t)[0] for t in grid],
        "transfer_grid_exact": [number(t)[1] or str(t) for t in grid],
    }


def _named_scenarios(scenario):
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


# Chances that automation advances one level (of 0, 0.1, ..., 1) in a period.
ANTICIPATION_SPEEDS = (0.02, 0.1, 0.3)
_ANTICIPATION_KEYS = tuple(f"_anticipation {speed}" for speed in ANTICIPATION_SPEEDS)

# The levers compared under anticipated automation: (label, the named scenario holding the
# lever, the parameter it changes). The report's scenario gets each lever's value.
ANTICIPATION_LEVERS = (("strike fund", "strike-fund", "b"), ("ownership", "open-models", "theta"))
# The speeds compared for the levers: the two slower ones. Each adds three stochastic games
# (about 1 s each); at the fastest none of the default-based rows sustains anything, and the
# critical speed (closed form, no solver) tells how fast automation may come at one level.
LEVER_SPEEDS = ANTICIPATION_SPEEDS[:2]
# The level at which the two-level closed form's critical speed is reported.
CRITICAL_SPEED_LEVEL = Fraction(3, 10)
# One step for the scenario itself and one for each lever.
_LEVER_STEPS = ("the scenario itself", *(label for label, _, _ in ANTICIPATION_LEVERS))
_LEVER_KEYS = tuple(f"_lever {index}" for index in range(len(_LEVER_STEPS)))


def _anticipation_task(scenario, done, *, speed):
    return _anticipation_at(scenario, speed)


def _lever_task(scenario, done, *, index):
    return anticipation_lever_row(scenario, index)


# The steps of collect(), in order of priority: the quick breakdown points first (the
# figures need them), then the longest. Keys starting with "_" are intermediate values
# (parts of a record, or what a figure reuses) that results.json leaves out. A new part
# of the report is one more entry.
PARTS = (
    Task("breakdown", "breakdown points", lambda scenario, done: _breakdown(scenario)),
    *(
        Task(
            key,
            f"anticipated automation: stochastic game at speed {speed}",
            functools.partial(_anticipation_task, speed=speed),
        )
        for key, speed in zip(_ANTICIPATION_KEYS, ANTICIPATION_SPEEDS, strict=True)
    ),
    *(
        Task(
            key,
            f"anticipated automation: {label} compared",
            functools.partial(_lever_task, index=index),
        )
        for index, (key, label) in enumerate(zip(_LEVER_KEYS, _LEVER_STEPS, strict=True))
    ),
    Task(
        "_workers_comparison",
        "many workers: union against individual workers",
        lambda scenario, done: _plain(workers_comparison(scenario)),
    ),
    Task(
        "redistribution",
        "exact payoff sets: 2x2 game and transfer grid",
        lambda scenario, done: _redistribution_rows(scenario),
    ),
    Task(
        "selections",
        "equilibrium selections",
        lambda scenario, done: _selections(scenario, done["breakdown"]["exact 2x2"]),
        needs=("breakdown",),
    ),
    Task(
        "job_loss",
        "job loss: payoff sets, and breakdown under each equilibrium selection",
        lambda scenario, done: _job_loss(scenario),
    ),
    Task(
        "scenarios",
        "named scenarios",
        lambda scenario, done: _named_scenarios(scenario),
    ),
    Task(
        "_investment_choice",
        "capital's choice of automation",
        lambda scenario, done: investment_choice(scenario),
    ),
    Task(
        "revived_at",
        None,
        lambda scenario, done: _revived_at(done["redistribution"], done["breakdown"]),
        needs=("redistribution", "breakdown"),
    ),
    Task(
        "anticipation_levers",
        None,
        lambda scenario, done: anticipation_levers(scenario, [done[key] for key in _LEVER_KEYS]),
        needs=_LEVER_KEYS,
    ),
    Task(
        "anticipation",
        None,
        lambda scenario, done: _anticipation([done[key] for key in _ANTICIPATION_KEYS]),
        needs=_ANTICIPATION_KEYS,
    ),
    Task(
        "investment",
        None,
        lambda scenario, done: _investment(
            done["_investment_choice"]["choice"], done["breakdown"]["stick-and-carrot"]
        ),
        needs=("_investment_choice", "breakdown"),
    ),
    Task(
        "workers",
        None,
        lambda scenario, done: _workers_record(done["_workers_comparison"]),
        needs=("_workers_comparison",),
    ),
)
# Where each part goes in results.json (which sorts its keys; the order here is the reading order).
RESULT_ORDER = (
    "redistribution",
    "breakdown",
    "revived_at",
    "selections",
    "job_loss",
    "workers",
    "anticipation",
    "anticipation_levers",
    "investment",
    "scenarios",
)


def load_shared(scenario):
    """Load what most steps use once, before a pool forks, rather than in every process.

    The exact analysis, and the compiled payoff-set kernel, which numba reads
    from its disk cache on the kernel's first call in a process (about a second).
    """
    from ..analysis import redistribution  # noqa: F401
    from ..core.repeated.payoff_sets import equilibrium_payoffs_many
    from ..labor import StrikeGame

    equilibrium_payoffs_many([StrikeGame(scenario, 0.0)], float(scenario.delta))


def collect_parts(compare=True):
    """The tasks of :func:`collect`: :data:`PARTS`, the named scenarios only if ``compare``."""
    return tuple(p for p in PARTS if compare or p.key != "scenarios")


def assemble(scenario, values):
    """``results.json`` from the values of :func:`collect_parts` (intermediate ones left out)."""
    results = _header(scenario)
    for key in (*RESULT_ORDER, *sorted(values)):
        if key in values and not key.startswith("_") and key not in results:
            results[key] = values[key]
    return results


def collect(scenario=scenarios.DEFAULT, *, compare=True, progress=None, jobs=None):
    """Every number of the report on ``scenario``, as JSON-ready data.

    Parameters
    ----------
    scenario : bargaining.labor.Scenario
    compare : bool
        Also find the breakdown points of every named scenario.
    progress : callable, optional
        Called with a short description of each step that takes a while (see
        :func:`~bargaining.report._tasks.run_tasks`).
    jobs : int, optional
        Processes to compute on: all the cores this process may use when
        omitted, ``1`` for one after another in this process. The numbers are
        the same either way.

    Returns
    -------
    dict
        The content of ``results.json``.

    Raises
    ------
    ValueError
        If ``jobs`` is not a positive integer.
    """
    values = run_tasks(
        collect_parts(compare), scenario, jobs=jobs, progress=progress, before_fork=load_shared
    )
    return assemble(scenario, values)


SELECTION_LEVELS = (Fraction(0), Fraction(3, 10), Fraction(1, 2))


def _selections(scenario, labor_best):
    """How far apart the equilibrium selections are, in the 2x2 game.

    For each selection: the breakdown point (``labor_best``, already found, is
    reused) and labor's payoff at :data:`SELECTION_LEVELS`, each naming the
    method behind it.
    """
    exact = scenario.exact() if _is_rational(scenario) else scenario
    levels = np.array([float(a) for a in SELECTION_LEVELS])
    record = {"levels": [number(a)[0] for a in SELECTION_LEVELS], "by_selection": {}}
    for selection in SELECTIONS:
        labor = selected_labor_payoffs(exact, levels, selection)
        method = RENEGOTIATION_PROOF_METHOD if selection == "renegotiation-proof" else "exact"
        threshold = (
            labor_best
            if selection == "labor-best"
            else threshold_record(breakdown_automation(exact, selection=selection))
        )
        record["by_selection"][selection] = {
            "breakdown": threshold,
            "labor_payoff": [_solver(v) for v in labor],
            "method": method,
        }
    return record


JOB_LOSS_LEVELS = tuple(Fraction(k, 20) for k in range(21))
WORKERS = 10
# Strike payoffs compared for individual workers: the scenario's own, then two strike funds.
STRIKE_FUNDS = (None, 0.3, 0.4)


def workers_comparison(scenario):
    """The many-workers comparison of the report, or None where the model does not apply."""
    from ..analysis.workers import compare

    funds = tuple(b for b in STRIKE_FUNDS if b is None or b < (1 - scenario.theta) * scenario.w)
    try:
        return compare(scenario, n=WORKERS, strike_pay=funds)
    except ValueError:
        return None


def _plain(comparison):
    """A comparison as a dictionary of its fields, or None.

    Plain data, so that the process collecting the values of the report's tasks
    need not import the module of its class.
    """
    return None if comparison is None else dataclasses.asdict(comparison)


def _workers_record(comparison):
    """Where the strike threat stops being credible for a union and for individual workers."""
    if comparison is None:
        return None
    return {
        "n": comparison["n"],
        "confidence": comparison["confidence"],
        "union": _solver(comparison["union_threshold"]),
        "individual": [
            {"b": _solver(b), "threshold": _solver(t)}
            for b, t in comparison["individual_thresholds"].items()
        ],
    }


def _without_lockout(scenario):
    return scenario.replace(lockout=False, outside_option=None)


def _job_loss(scenario):
    """Each side's best and worst equilibrium payoffs with and without the lockout.

    Also where labor loses its job (``y_s(a) = 1 - w``, exact) and the breakdown
    point of the model with the lockout under each equilibrium selection.
    """
    lockout = scenario if scenario.lockout else scenario.replace(lockout=True)
    models = {"lockout": lockout, "no_lockout": _without_lockout(scenario)}
    levels = np.array([float(a) for a in JOB_LOSS_LEVELS])
    record = {"levels": [number(a)[0] for a in JOB_LOSS_LEVELS]}
    for key, model in models.items():
        bounds = payoff_bounds(model, levels)
        record[key] = {
            "model": model.model,
            "labor_best": [_solver(v) for v in bounds.labor_best],
            "labor_worst": [_solver(v) for v in bounds.labor_worst],
        }
    record["outside_option"] = [_solver(lockout.outside_option_at(a)) for a in levels]
    exact = lockout.exact() if _is_rational(lockout) else lockout
    _, lost = automation_at_output(exact, 1 - exact.w)
    if lost is None:
        record["job_lost_at"] = None
    else:
        value, exact_value = number(lost)
        record["job_lost_at"] = {"value": value, "exact": exact_value}
    record["selections"] = {
        selection: threshold_record(breakdown_automation(exact, selection=selection))
        for selection in SELECTIONS
    }
    return record


def _level_where(result, index):
    return None if index is None else float(result.levels[index])


def _anticipation_at(scenario, speed):
    """Redistribution in each state when automation advances with chance ``speed`` a period.

    With what every speed shares (the levels, the static answer), for :func:`_anticipation`.
    """
    from ..analysis.anticipation import rising_automation

    result = rising_automation(scenario, (speed,))[speed]
    return {
        "levels": [float(a) for a in result.levels],
        "static": [_solver(v) for v in result.static],
        "static_ends_at": _level_where(result, result.static_ends),
        "method": result.method,
        "selection": result.selection,
        "speed": {
            "speed": speed,
            "redistribution": [_solver(v) for v in result.redistribution],
            "ends_at": _level_where(result, result.ends),
        },
    }


def _anticipation(by_speed):
    """Redistribution when automation advances at random, at each of the speeds of ``by_speed``."""
    first = by_speed[0]
    shared = ("levels", "static", "static_ends_at", "method", "selection")
    return {**{key: first[key] for key in shared}, "speeds": [r["speed"] for r in by_speed]}


def anticipation_variants(scenario):
    """The scenario, then the scenario with each of :data:`ANTICIPATION_LEVERS` applied.

    Returns
    -------
    list of (str, str, Scenario)
        Label, the change made (``""`` for the scenario itself) and the scenario.
        A lever is left out where it changes nothing or gives an invalid scenario.
    """
    variants = [(scenario.name, "", scenario)]
    for label, name, parameter in ANTICIPATION_LEVERS:
        value = getattr(scenarios.get(name), parameter)
        if getattr(scenario, parameter) == value:
            continue
        try:
            changed = scenario.replace(**{parameter: value})
        except ValueError:
            continue
        variants.append((label, f"{parameter} = {value:g}", changed))
    return variants


def _critical_speed(scenario):
    from ..analysis.anticipation import critical_speed

    if scenario.lockout or scenario.wage != "fixed":
        return None
    exact = scenario.exact() if _is_rational(scenario) else scenario
    return number(critical_speed(exact, CRITICAL_SPEED_LEVEL))[0]


def _lever_setup(scenario):
    """The variants compared and the levels they share, or None where there is no comparison."""
    from ..analysis.anticipation import LEVELS as ALL_LEVELS
    from ..analysis.anticipation import levels_before_paid_strike

    if scenario.lockout:
        return None
    variants = anticipation_variants(scenario)
    levels = levels_before_paid_strike([s for _, _, s in variants], ALL_LEVELS)
    if not levels:  # a paid strike beats work already at a = 0: no strike threat to compare
        return None
    return variants, levels


def anticipation_lever_row(scenario, index):
    """Row ``index`` of :func:`anticipation_levers` and its method; None past the last variant."""
    from ..analysis.anticipation import rising_automation

    setup = _lever_setup(scenario)
    if setup is None or index >= len(setup[0]):
        return None
    variants, levels = setup
    label, change, variant = variants[index]
    results = rising_automation(variant, LEVER_SPEEDS, levels=levels)
    first = results[LEVER_SPEEDS[0]]
    row = {
        "label": label,
        "change": change,
        "static_ends_at": _level_where(first, first.static_ends),
        "ends_at": [_level_where(r, r.ends) for r in results.values()],
        "critical_speed": _critical_speed(variant),
    }
    return {"row": row, "selection": first.selection, "method": first.method}


def anticipation_levers(scenario, rows=None):
    """Where redistribution ends under anticipated automation, with a strike fund and ownership.

    The speeds of :data:`LEVER_SPEEDS`, on the levels at which no row's strike
    paid from outside is worth more than work (beyond them capital pays labor to stay
    out, and that payment, anticipated, would show in every earlier state). None where
    a paid strike beats work at every level, and for a scenario with the lockout: capital's
    third action makes each stochastic game take
    minutes instead of about a second, and the report's own anticipation step already
    pays that three times. ``rows`` are the values of :func:`anticipation_lever_row`
    when already computed (the report computes them as separate steps).
    """
    setup = _lever_setup(scenario)
    if setup is None:
        return None
    variants, levels = setup
    if rows is None:
        rows = [anticipation_lever_row(scenario, i) for i in range(len(variants))]
    rows = [row for row in rows if row is not None]
    return {
        "levels": list(levels),
        "speeds": list(LEVER_SPEEDS),
        "selection": rows[0]["selection"],
        "method": rows[0]["method"],
        "critical_speed_level": number(CRITICAL_SPEED_LEVEL)[0],
        "rows": [row["row"] for row in rows],
    }


def _strike_efficient_at_one(scenario):
    """Whether a strike produces more than work leaves capital at ``a = 1``: ``y_s(1) > 1 - b``.

    Then capital, which has no lockout in the stage game, pays labor to stay
    idle, and the exact solvers find transfers there that are not the strike
    threat's.
    """
    return bool(float(strike_output(1, scenario.sigma, scenario.rho)) > 1 - float(scenario.b))


# The cost under which the report finds capital's choice of automation.
INVESTMENT_COST = "quadratic"


def investment_choice(scenario):
    """Capital's choice of automation under :data:`INVESTMENT_COST`, and its payoff curve.

    Closed-form, labor's best equilibrium; shared by the numbers and the figure.

    Returns
    -------
    dict
        ``"choice"`` (a :class:`~bargaining.analysis.investment.Choice`), and
        ``"levels"`` and ``"payoffs"``, capital's payoff along automation levels.
    """
    from ..analysis.investment import capital_payoff_curve, strategic_automation
    from ..labor.investment import cost

    form = cost(INVESTMENT_COST)
    levels, payoffs = capital_payoff_curve(scenario, form, "closed-form")
    return {
        "choice": strategic_automation(scenario, form, "closed-form"),
        "levels": levels,
        "payoffs": payoffs,
    }


def _investment(choice, closed_form_breakdown):
    """The automation capital chooses under a quadratic cost, against the efficient level."""
    from ..labor.investment import cost

    efficient = _as_fraction(choice.efficient)
    chosen = choice.chosen
    # At the breakdown point the choice is the closed-form a*, known exactly.
    if choice.at_breakdown and closed_form_breakdown["exact"] is not None:
        chosen = Fraction(closed_form_breakdown["exact"])
    chosen = _as_fraction(chosen) if isinstance(chosen, Fraction) else chosen
    gap = chosen - efficient if isinstance(chosen, Fraction) else float(chosen) - float(efficient)
    return {
        "cost": str(cost(INVESTMENT_COST).expression),
        "chosen": number(chosen)[0],
        "chosen_exact": number(chosen)[1],
        "efficient": number(efficient)[0],
        "gap": number(gap)[0],
        "gap_exact": number(gap)[1],
        "at_breakdown": choice.at_breakdown,
        "selection": choice.selection,
        "method": choice.method,
    }
