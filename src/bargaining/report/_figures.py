"""The main job's figures, each drawn by a function of :mod:`bargaining.plots`.

:data:`FIGURES` lists them: a figure's stem names its files (``<stem>.png``,
``<stem>.svg``) and the block of the report's document that shows it. A new
figure is one more entry here and one more :class:`~bargaining.report._document_model.Figure`
in the section that explains it.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

from ..analysis import max_redistribution
from ..labor import scenarios
from ._tasks import Task, interleave, required, run_tasks

CURVE_LEVELS = np.linspace(0, 1, 101)
PHASE_DELTAS = np.round(np.linspace(0.5, 0.99, 50), 4)
# Automation levels of the payoff-set figure, as fractions of the 2x2 game's breakdown point.
PAYOFF_SET_SHARES = (0, 0.5, 0.9, 1.2)


@dataclasses.dataclass(frozen=True)
class FigureSpec:
    """A figure of the report: its file stem, what it shows, how to draw it.

    ``draw(scenario, results)`` reads the keys ``needs`` names from ``results``
    (the values of :data:`~bargaining.report._collect.PARTS`).
    """

    stem: str
    description: str
    draw: Callable[[Any, dict[str, Any]], Any]
    needs: tuple[str, ...] = ()


def _redistribution(scenario, results):
    from ..plots import redistribution_curves
    from ._collect_redistribution import METHODS

    curves = {
        m.label: (
            CURVE_LEVELS,
            max_redistribution(scenario, CURVE_LEVELS, method=m.method, **m.options(scenario)),
        )
        for m in METHODS
    }
    breakdowns = {
        m.label: results["breakdown"][m.key]["value"]
        for m in METHODS
        if results["breakdown"][m.key]["value"] is not None
    }
    return redistribution_curves(
        curves, breakdowns, title=f"scenario {scenario.name!r}: redistribution by method"
    )


def _phase(scenario, results):
    # Plain arrays rather than sweep's DataArrays: the figure needs no labels, and
    # importing xarray would cost the step about a second.
    from ..analysis.sweeps import sweep_arrays
    from ..plots import phase_diagram_arrays

    axes, redistribution = sweep_arrays(
        "max_redistribution", scenario, progress=False, a=CURVE_LEVELS, delta=PHASE_DELTAS
    )
    _, breakdown = sweep_arrays(
        "breakdown_automation", scenario, progress=False, delta=PHASE_DELTAS
    )
    return phase_diagram_arrays(
        axes["a"],
        axes["delta"],
        redistribution.T,
        breakdown,
        title=f"scenario {scenario.name!r}: stick-and-carrot redistribution",
    )


def payoff_set_levels(results):
    """The automation levels of the payoff-set figure: around the 2x2 game's breakdown point."""
    value = results["breakdown"]["exact 2x2"]["value"]
    top = 1.0 if value is None else value
    return sorted({round(min(1.0, share * top), 2) for share in PAYOFF_SET_SHARES})


def _payoff_sets(scenario, results):
    from ..core.repeated.payoff_sets import equilibrium_payoffs_many
    from ..labor import StrikeGame
    from ..plots import payoff_sets

    levels = payoff_set_levels(results)
    games = [StrikeGame(scenario, a) for a in levels]
    sets = equilibrium_payoffs_many(games, float(scenario.delta), on_max_iter="raise")
    return payoff_sets(
        dict(zip(levels, sets, strict=True)),
        title=f"scenario {scenario.name!r}: subgame-perfect payoffs, 2x2 game",
    )


def _scenarios(scenario, results):
    from ..plots import redistribution_curves

    curves, breakdowns = {}, {}
    for name in scenarios.NAMES:
        named = scenarios.get(name)
        curves[name] = (
            CURVE_LEVELS,
            max_redistribution(named, CURVE_LEVELS, method="closed-form"),
        )
        record = results.get("scenarios", {}).get(name, {}).get("stick-and-carrot")
        if record and record["value"] is not None and record["value"] < 1:
            breakdowns[name] = record["value"]
    return redistribution_curves(
        curves, breakdowns, title="named scenarios: stick-and-carrot redistribution"
    )


def _job_loss(scenario, results):
    from matplotlib.figure import Figure

    record = results["job_loss"]
    figure = Figure(figsize=(6.4, 4.4))
    ax = figure.add_subplot()
    styles = {"no_lockout": ("tab:blue", "no lockout"), "lockout": ("tab:red", "lockout")}
    for key, (color, label) in styles.items():
        ax.plot(record["levels"], record[key]["labor_best"], color=color, label=f"best, {label}")
        ax.plot(
            record["levels"],
            record[key]["labor_worst"],
            color=color,
            linestyle="--",
            label=f"worst, {label}",
        )
    ax.plot(record["levels"], record["outside_option"], color="grey", linestyle=":", label="u(a)")
    if record["job_lost_at"] is not None:
        ax.axvline(record["job_lost_at"]["value"], color="black", linewidth=0.8)
    ax.set_xlabel("automation a")
    ax.set_ylabel("labor's subgame-perfect payoff per period")
    ax.set_title(f"scenario {scenario.name!r}: labor's best and worst equilibrium payoffs")
    ax.legend(fontsize="small")
    figure.tight_layout()
    return figure


def _anticipation(scenario, results):
    from matplotlib.figure import Figure

    record = results["anticipation"]
    figure = Figure(figsize=(6.4, 4.4))
    ax = figure.add_subplot()
    ax.plot(record["levels"], record["static"], color="black", linestyle="--", label="static")
    for entry in record["speeds"]:
        ax.plot(
            record["levels"],
            entry["redistribution"],
            marker="o",
            markersize=3,
            label=f"advances with chance {entry['speed']:g} a period",
        )
    ax.set_xlabel("automation a (the state)")
    ax.set_ylabel("sustained redistribution per period")
    ax.set_title(f"scenario {scenario.name!r}: anticipated automation ({record['selection']})")
    ax.legend(fontsize="small")
    figure.tight_layout()
    return figure


def _workers(scenario, results):
    from ..analysis.workers import WorkersComparison
    from ..plots import union_vs_individuals

    if results["_workers_comparison"] is None:
        return None
    comparison = WorkersComparison(**results["_workers_comparison"])
    return union_vs_individuals(
        comparison, title=f"scenario {scenario.name!r}: {comparison.n} workers"
    )


def _investment(scenario, results):
    from matplotlib.figure import Figure

    from ..labor.investment import cost
    from ..plots.investment import capital_payoff
    from ._collect_comparisons import INVESTMENT_COST

    record = results["_investment_choice"]
    figure = Figure(figsize=(6.4, 4.4))
    ax = figure.add_subplot()
    title = f"{scenario.name}: {cost(INVESTMENT_COST).name} cost, closed-form, labor-best"
    capital_payoff(record["choice"], record["levels"], record["payoffs"], title=title, ax=ax)
    figure.tight_layout()
    return figure


# In the report's order; the longest come first, so that a pool starts them early.
FIGURES = (
    FigureSpec(
        "redistribution",
        "redistribution against automation by method",
        _redistribution,
        needs=("breakdown",),
    ),
    FigureSpec("phase", "phase diagram over (a, delta) with the breakdown curve", _phase),
    FigureSpec(
        "payoff_sets",
        "subgame-perfect payoff sets as automation rises",
        _payoff_sets,
        needs=("breakdown",),
    ),
    FigureSpec(
        "job_loss",
        "labor's best and worst payoffs with and without the lockout",
        _job_loss,
        needs=("job_loss",),
    ),
    FigureSpec(
        "anticipation",
        "redistribution when automation is anticipated",
        _anticipation,
        needs=("anticipation",),
    ),
    FigureSpec(
        "workers", "union against individual workers", _workers, needs=("_workers_comparison",)
    ),
    FigureSpec(
        "investment",
        "capital's choice of automation",
        _investment,
        needs=("_investment_choice",),
    ),
    FigureSpec("scenarios", "the named scenarios compared", _scenarios, needs=("scenarios",)),
)
FIGURE_FILES = tuple(f"{spec.stem}.{kind}" for spec in FIGURES for kind in ("png", "svg"))


def _draw_and_save(spec, out_dir):
    def run(scenario, results):
        from ..plots import save_formats

        figure = spec.draw(scenario, results)
        return [] if figure is None else save_formats(figure, Path(out_dir), spec.stem)

    return run


def figure_tasks(out_dir):
    """A task for each of :data:`FIGURES`: draw it, write its files, return their paths."""
    return tuple(
        Task(
            f"figure:{spec.stem}",
            f"figure: {spec.description}",
            _draw_and_save(spec, out_dir),
            needs=spec.needs,
        )
        for spec in FIGURES
    )


def _load_shared(scenario):
    """Load what most steps use once, before the pool forks, rather than in every process.

    matplotlib's renderers, and what :func:`~bargaining.report._collect.load_shared` loads.
    """
    import matplotlib.backends.backend_agg
    import matplotlib.backends.backend_svg
    import matplotlib.figure  # noqa: F401

    from ._collect import load_shared

    load_shared(scenario)


def _paths(values):
    return [path for spec in FIGURES for path in values[f"figure:{spec.stem}"]]


def draw_figures(scenario, out_dir, results=None, *, progress=None, jobs=None):
    """Draw the report's figures into ``out_dir`` as PNG and SVG; return their paths.

    Parameters
    ----------
    scenario : bargaining.labor.Scenario
    out_dir : path
    results : dict, optional
        From :func:`~bargaining.report.collect` on ``scenario`` (computed, named
        scenarios compared, if omitted); the intermediate values the figures
        reuse are computed if missing.
    progress : callable, optional
        Called with a short description of each figure.
    jobs : int, optional
        Processes to draw on (see :func:`~bargaining.report.collect`).

    Returns
    -------
    list of pathlib.Path
        In the order of :data:`FIGURES`, PNG before SVG.
    """
    from ._collect import PARTS

    given = results or {}
    figures = figure_tasks(out_dir)
    # Without results every part is computed; with them, only the intermediate values
    # (which results.json leaves out), so that a report without the named scenarios
    # draws none of their breakdown points.
    missing = [p for p in PARTS if p.key not in given and (not given or p.key.startswith("_"))]
    tasks = required((*missing, *figures), [t.key for t in figures])
    values = run_tasks(
        tasks, scenario, given=given, jobs=jobs, progress=progress, before_fork=_load_shared
    )
    return _paths(values)


def run_report(scenario, out_dir, *, compare=True, progress=None, jobs=None):
    """The report's numbers and figures, computed together; the figures written to ``out_dir``.

    One pool runs the steps of :func:`~bargaining.report.collect` and of
    :func:`draw_figures`, each figure as soon as the numbers it shows are known.

    Parameters
    ----------
    scenario : bargaining.labor.Scenario
    out_dir : path
    compare : bool
        Also find the breakdown points of every named scenario.
    progress : callable, optional
        Called with a short description of each step.
    jobs : int, optional
        Processes to compute on (see :func:`~bargaining.report.collect`).

    Returns
    -------
    results : dict
        The content of ``results.json``, as :func:`~bargaining.report.collect` gives it.
    figures : list of pathlib.Path
        As :func:`draw_figures` gives them.
    """
    from ._collect import assemble, collect_parts

    tasks = interleave(collect_parts(compare), figure_tasks(out_dir))
    values = run_tasks(tasks, scenario, jobs=jobs, progress=progress, before_fork=_load_shared)
    numbers = {k: v for k, v in values.items() if not k.startswith("figure:")}
    return assemble(scenario, numbers), _paths(values)


def step_count(compare=True):
    """How many steps :func:`run_report` reports to ``progress``, writing the files included."""
    from ._collect import collect_parts

    tasks = (*collect_parts(compare), *figure_tasks("."))
    return sum(t.description is not None for t in tasks) + 1
