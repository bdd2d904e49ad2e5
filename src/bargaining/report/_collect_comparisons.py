"""The report's comparisons on labor's side: selections, job loss, many workers, investment.

How far apart the equilibrium selections are, what the lockout and labor's
outside option change, a union against individual workers, and the automation
capital chooses when it pays for it.
"""

from __future__ import annotations

import dataclasses
from fractions import Fraction

import numpy as np

from ..analysis import (
    RENEGOTIATION_PROOF_METHOD,
    SELECTIONS,
    breakdown_automation,
    payoff_bounds,
    selected_labor_payoffs,
)
from ..analysis.redistribution import automation_at_output
from ._collect_numbers import as_fraction, is_rational, number, solver_value, threshold_record

SELECTION_LEVELS = (Fraction(0), Fraction(3, 10), Fraction(1, 2))


def selections_record(scenario, labor_best):
    """How far apart the equilibrium selections are, in the 2x2 game.

    For each selection: the breakdown point (``labor_best``, already found, is
    reused) and labor's payoff at :data:`SELECTION_LEVELS`, each naming the
    method behind it.
    """
    exact = scenario.exact() if is_rational(scenario) else scenario
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
            "labor_payoff": [solver_value(v) for v in labor],
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


def as_plain_data(comparison):
    """A comparison as a dictionary of its fields, or None.

    Plain data, so that the process collecting the values of the report's tasks
    need not import the module of its class.
    """
    return None if comparison is None else dataclasses.asdict(comparison)


def workers_record(comparison):
    """Where the strike threat stops being credible for a union and for individual workers."""
    if comparison is None:
        return None
    return {
        "n": comparison["n"],
        "confidence": comparison["confidence"],
        "union": solver_value(comparison["union_threshold"]),
        "individual": [
            {"b": solver_value(b), "threshold": solver_value(t)}
            for b, t in comparison["individual_thresholds"].items()
        ],
    }


def _without_lockout(scenario):
    return scenario.replace(lockout=False, outside_option=None)


def job_loss_record(scenario):
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
            "labor_best": [solver_value(v) for v in bounds.labor_best],
            "labor_worst": [solver_value(v) for v in bounds.labor_worst],
        }
    record["outside_option"] = [solver_value(lockout.outside_option_at(a)) for a in levels]
    exact = lockout.exact() if is_rational(lockout) else lockout
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


def investment_record(choice, closed_form_breakdown):
    """The automation capital chooses under a quadratic cost, against the efficient level."""
    from ..labor.investment import cost

    efficient = as_fraction(choice.efficient)
    chosen = choice.chosen
    # At the breakdown point the choice is the closed-form a*, known exactly.
    if choice.at_breakdown and closed_form_breakdown["exact"] is not None:
        chosen = Fraction(closed_form_breakdown["exact"])
    chosen = as_fraction(chosen) if isinstance(chosen, Fraction) else chosen
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
