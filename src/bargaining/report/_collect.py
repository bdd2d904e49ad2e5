"""The main job: what automation does to redistribution in one scenario.

:func:`collect` gathers every number of the report in a plain dictionary;
:func:`render_text` and :func:`render_markdown` lay it out, and
:func:`write_report` writes ``report.md``, ``report.html`` and
``results.json`` (and the figures, when asked) to a folder. The output is the
same for the same scenario on every run. Each number comes from the analysis
layer: the stick-and-carrot closed form (a lower bound), and the exact
subgame-perfect payoff sets for the 2x2 game and for a grid of transfers.
"""

from __future__ import annotations

import functools
import json
from fractions import Fraction
from pathlib import Path

import numpy as np

from ..analysis import breakdown_automation, max_redistribution
from ..labor import scenarios, strike_output

AUTOMATION_LEVELS = np.round(np.linspace(0, 1, 11), 10)
GRID_STEPS = 8
BREAKDOWN_COLUMNS = ("stick-and-carrot", "exact 2x2", "exact grid")


def transfer_grid(scenario):
    """Capital's transfer choices: ``GRID_STEPS`` equal steps up to ``1 - w``."""
    top = 1 - float(scenario.w)
    return [top * k / GRID_STEPS for k in range(1, GRID_STEPS + 1)]


@functools.cache
def breakdowns(scenario):
    """Closed-form (exact arithmetic), exact 2x2 and exact grid breakdown thresholds."""
    return (
        breakdown_automation(scenario.exact(), method="closed-form"),
        breakdown_automation(scenario, method="exact"),
        breakdown_automation(scenario, method="exact", transfers=transfer_grid(scenario)),
    )


def _threshold_record(threshold):
    value = threshold.value
    return {
        "kind": threshold.kind,
        "value": None if value is None else float(value),
        "exact": str(value) if isinstance(value, Fraction) and value.denominator != 1 else None,
    }


def _plain(value):
    return str(value) if isinstance(value, Fraction) else value


def collect(scenario=scenarios.DEFAULT, *, compare=True):
    """Every number of the report on ``scenario``, as JSON-ready data."""
    grid = transfer_grid(scenario)
    levels = AUTOMATION_LEVELS
    columns = {
        "stick-and-carrot": max_redistribution(scenario, levels, method="closed-form"),
        "exact 2x2": max_redistribution(scenario, levels, method="exact"),
        "exact grid": max_redistribution(scenario, levels, method="exact", transfers=grid),
    }
    outputs = strike_output(levels, scenario.sigma, scenario.rho)
    rows = [
        {
            "a": float(a),
            "strike_output": float(y),
            **{m: float(columns[m][i]) for m in BREAKDOWN_COLUMNS},
        }
        for i, (a, y) in enumerate(zip(levels, outputs, strict=True))
    ]
    breakdown = dict(
        zip(BREAKDOWN_COLUMNS, map(_threshold_record, breakdowns(scenario)), strict=True)
    )
    grid_value = breakdown["exact grid"]["value"]
    revived = [r["a"] for r in rows if r["exact grid"] > 0 and grid_value and r["a"] > grid_value]
    results = {
        "scenario": {
            "name": scenario.name,
            "description": scenario.description,
            "parameters": {k: _plain(v) for k, v in scenario.parameters.items()},
        },
        "transfer_grid": grid,
        "redistribution": rows,
        "breakdown": breakdown,
        "revived_at": revived,
    }
    results["investment"] = _investment(scenario)
    if compare:
        results["scenarios"] = {
            name: dict(
                zip(
                    BREAKDOWN_COLUMNS,
                    map(_threshold_record, breakdowns(scenarios.get(name))),
                    strict=True,
                )
            )
            for name in scenarios.NAMES
        }
    return results


def _investment(scenario):
    """The automation capital chooses under a quadratic cost, against the efficient level."""
    from ..analysis.investment import strategic_automation
    from ..labor.investment import cost

    quadratic = cost("quadratic")
    choice = strategic_automation(scenario, quadratic)
    return {
        "cost": str(quadratic.expression),
        "chosen": float(choice.chosen),
        "efficient": float(choice.efficient),
        "gap": float(choice.gap),
        "selection": choice.selection,
        "method": choice.method,
    }


def _shown(record):
    if record["value"] is None:
        return record["kind"]
    return f"{record['value']:.6f}" + (f" (= {record['exact']})" if record["exact"] else "")


def _lines(results, markdown):
    scenario = results["scenario"]
    grid = results["transfer_grid"]
    parameters = "  ".join(f"{k}={v}" for k, v in scenario["parameters"].items())
    tau = scenario["parameters"]["tau"]
    heading = "# " if markdown else ""
    yield f"{heading}bargaining report: scenario {scenario['name']!r}"
    if scenario["description"]:
        yield f"  {scenario['description']}"
    yield f"  {parameters}"
    yield ""
    yield ("## " if markdown else "") + (
        "Redistribution as automation rises: labor's gain per period above the wage w"
    )
    yield "  stick-and-carrot: largest transfer of that strategy class (closed form, lower bound)"
    yield f"  exact 2x2: highest subgame-perfect gain when capital shares tau={tau} or keeps"
    yield f"  exact grid: the same with transfers {grid[0]:g}, {grid[1]:g}, ..., {grid[-1]:g}"
    yield ""
    if markdown:
        yield "| a | y_s(a) | stick-and-carrot | exact 2x2 | exact grid |"
        yield "|---|---|---|---|---|"
    else:
        yield (
            f"  {'a':>5}  {'y_s(a)':>8}  {'stick-and-carrot':>16}  {'exact 2x2':>10}  "
            f"{'exact grid':>10}"
        )
    for r in results["redistribution"]:
        cells = (r["a"], r["strike_output"], *(r[m] for m in BREAKDOWN_COLUMNS))
        if markdown:
            yield "| " + " | ".join(f"{c:.4f}" for c in cells) + " |"
        else:
            yield ("  {:5.2f}  {:8.4f}  {:16.4f}  {:10.4f}  {:10.4f}").format(*cells)
    yield ""
    yield ("## " if markdown else "") + (
        "Breakdown automation a*: the first level at which no redistribution is sustained"
    )
    yield ""
    for method, label in zip(
        BREAKDOWN_COLUMNS,
        ("stick-and-carrot (closed form)", "exact, 2x2 game", "exact, transfer grid"),
        strict=True,
    ):
        yield ("- " if markdown else "  ") + f"{label:<32} {_shown(results['breakdown'][method])}"
    if results["revived_at"]:
        yield ""
        yield (
            f"  Gains at a = {', '.join(f'{a:g}' for a in results['revived_at'])} are not the "
            "strike threat's: where"
        )
        yield "  y_s(a) > 1 - b a strike is efficient, and capital, which has no lockout in the"
        yield "  stage game, pays labor to stay idle."
    choice = results["investment"]
    yield ""
    yield ("## " if markdown else "") + "Capital's choice of automation"
    yield ""
    yield (
        f"  With automation costing {choice['cost']} per period, capital chooses "
        f"a = {choice['chosen']:.4f}"
    )
    yield (
        f"  against the efficient {choice['efficient']:.4f} (gap {choice['gap']:.4f}; "
        f"{choice['selection']}, {choice['method']})."
    )
    if "scenarios" in results:
        yield ""
        yield ("## " if markdown else "") + "Named scenarios: breakdown automation a*"
        yield ""
        if markdown:
            yield "| scenario | stick-and-carrot | exact 2x2 | exact grid |"
            yield "|---|---|---|---|"
        else:
            yield f"  {'scenario':<12}  {'stick-and-carrot':<26}  {'exact 2x2':<18}  exact grid"
        for name, records in results["scenarios"].items():
            cells = [_shown(records[m]) for m in BREAKDOWN_COLUMNS]
            if markdown:
                yield f"| {name} | " + " | ".join(cells) + " |"
            else:
                yield f"  {name:<12}  {cells[0]:<26}  {cells[1]:<18}  {cells[2]}"


def render_text(results):
    """The report as plain text."""
    return "\n".join(_lines(results, markdown=False)) + "\n"


def render_markdown(results):
    """The report as markdown."""
    return "\n".join(_lines(results, markdown=True)) + "\n"


def build_report(scenario=scenarios.DEFAULT, *, compare=True):
    """The report on ``scenario`` as text (see :func:`collect`)."""
    return render_text(collect(scenario, compare=compare))


def write_report(results, out_dir, figures=()):
    """Write ``report.md``, ``report.html`` and ``results.json`` to ``out_dir``.

    Parameters
    ----------
    results : dict
        From :func:`collect`.
    out_dir : path
        Created if missing.
    figures : sequence of path
        Figure files already written to ``out_dir``, linked from the report.

    Returns
    -------
    list of pathlib.Path
        The files written.
    """
    import jinja2

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    markdown = render_markdown(results)
    names = [Path(f).name for f in figures if Path(f).suffix == ".png"]
    markdown += "".join(f"\n![{Path(name).stem}]({name})\n" for name in names)
    html = (
        jinja2.Environment(autoescape=True)
        .from_string(_HTML)
        .render(
            title=f"bargaining report: {results['scenario']['name']}",
            text=render_text(results),
            figures=names,
        )
    )
    written = [out / "report.md", out / "report.html", out / "results.json"]
    written[0].write_text(markdown)
    written[1].write_text(html)
    written[2].write_text(json.dumps(results, indent=2, sort_keys=True) + "\n")
    return written


_HTML = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{{ title }}</title>
<style>body{font-family:sans-serif;max-width:60rem;margin:2rem auto}pre{font-size:.9rem}</style>
</head><body><h1>{{ title }}</h1>
<pre>{{ text }}</pre>
{% for name in figures %}<p><img src="{{ name }}" alt="{{ name }}" width="720"></p>
{% endfor %}</body></html>
"""
