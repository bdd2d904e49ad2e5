"""The text of ``papers/automation-redistribution/paper.md``, rendered from a run's numbers.

Every number in the paper is a template variable filled from
:func:`bargaining.reproductions.automation_redistribution.compute`, so the
paper cannot drift from the code: the test suite renders it again and
compares it with the committed file. The template is ``paper.md.j2`` beside
this module: ``s`` the seed scenario, ``r`` the revolt parameters, ``d`` every
other number and ``i`` the investment numbers, all filled by :func:`context`;
the filter ``n`` prints a number with a fixed count of decimals (3 by default).
"""

from __future__ import annotations

from pathlib import Path

import jinja2

TEMPLATE = Path(__file__).with_name("paper.md.j2")

REGIMES = {
    "no-threat": "revolt does not pay, there is nothing to buy off",
    "redistribute": "a promise of redistribution buys off the threat",
    "democratize": "promises are not credible; only democratisation, a commitment, stops revolt",
    "repress": "not even democratisation stops revolt: repression or revolution",
}


def _n(value, digits=3):
    return f"{float(value):.{digits}f}"


def _show(threshold):
    shown = {"never-sustainable": "none at any a", "always-sustainable": "sustained at every a"}
    if threshold.kind == "becomes-sustainable":
        return f"none: sustained from a = {_n(threshold.value)}"
    return shown.get(threshold.kind) or _n(threshold.value)


def _regimes(regimes):
    """One sentence: the regime on each stretch of automation levels, in order."""
    ends = [a for a, _ in regimes[1:]] + [None]
    parts = [
        f"from {a:.3f}" + ("" if end is None else f" to {end:.3f}") + f", {REGIMES[name]}"
        for (a, name), end in zip(regimes, ends, strict=True)
    ]
    return "; ".join(parts) + "."


def _job_rows(job):
    """One row per automation level: labor's best and worst payoffs with and without lockout."""
    rows = []
    for i, a in enumerate(job["levels"]):
        values = (
            job["y"][i],
            job["u"][i],
            job["strike"].labor_best[i],
            job["strike"].labor_worst[i],
            job["lockout"].labor_best[i],
            job["lockout"].labor_worst[i],
            job["lockout_grid"].labor_best[i],
        )
        rows.append([f"{a:g}", *(_n(v, 4) for v in values)])
    return rows


def _selection_rows(selections):
    rows = []
    for name, by_selection in selections.items():
        for selection, result in by_selection.items():
            gains = [_n(g, 4) for g in result["grid"]]
            rows.append([name, selection, *gains, _show(result["breakdown"])])
    return rows


def _wage_rows(wages):
    rows = []
    for mode, result in wages.items():
        shown = ["refused" if w is None else _n(w) for w in result["wage"]]
        if mode == "competitive":
            cells = [
                f"sustained from {_n(r['from'])} to {_n(r['to'])}"
                if r["from"] is not None
                else "none at any a"
                for r in (result["labor-best"], result["renegotiation-proof"])
            ]
        else:
            cells = [_show(result[s]) for s in ("labor-best", "renegotiation-proof")]
        rows.append([mode, *shown, *cells])
    return rows


def ends_text(level):
    """Where redistribution ends on a grid of levels: the level, "none at any a" or "never"."""
    if level is None:
        return "never"
    return "none at any a" if level == 0 else f"{level:g}"


def anticipation_context(x):
    """Template variables of the section on anticipated automation (``x``)."""
    rows = []
    for name, row in x["rows"].items():
        scenario = row["scenario"]
        change = "seed scenario" if name == "default" else scenario.description
        critical = row["critical"]
        rows.append(
            [
                name,
                change,
                ends_text(row["static"]),
                *(ends_text(a) for a in row["ends"]),
                f"{critical} ≈ {float(critical):.3f}",
            ]
        )
    fund = x["fund_full_grid"]
    # The first level at which the static game sustains nothing, with the strike fund.
    first_static_zero = fund["static"].index(0.0)
    return {
        "speeds": [f"{p:g}" for p in x["speeds"]],
        "ends": [ends_text(a) for a in x["ends"]],
        "static_ends": ends_text(x["static_ends"]),
        "static_last": f"{x['levels'][x['levels'].index(x['static_ends']) - 1]:g}",
        "rows": rows,
        "critical": {name: row["critical"] for name, row in x["rows"].items()},
        "solver": {name: row["solver"] for name, row in x["rows"].items()},
        "ends_by_row": {
            name: [ends_text(a) for a in row["ends"]] for name, row in x["rows"].items()
        },
        "last_level": f"{x['compared_levels'][-1]:g}",
        "a0": f"{x['two_levels'][0]:g}",
        "a1": f"{x['two_levels'][1]:g}",
        "method": x["method"],
        "fund_ends": "never ends" if fund["ends"] is None else f"ends at a = {fund['ends']:g}",
        "fund_level": f"{x['levels'][first_static_zero]:g}",
        "fund_leak": fund["redistribution"][first_static_zero],
    }


def dynamic_investment_context(v):
    """Template variables of the section on automation period by period (``v``)."""
    rows = {}
    for name, row in v.items():
        levels = row["levels"]
        invests = [f"{a:g}" for a, yes in zip(levels, row["invests"], strict=True) if yes]
        rows[name] = {
            **row,
            "stops": " or ".join(f"{a:g}" for a in row["markov_stops"]),
            "invests_at": ", ".join(invests) or "no level",
            "table": [
                (f"{a:g}", _n(frozen, 4), _n(option, 4))
                for a, frozen, option in zip(
                    levels, row["frozen"], row["redistribution"], strict=True
                )
                if frozen > 0 or option > 0
            ],
        }
    return rows


def context(n):
    """Template variables: ``s`` the seed scenario, ``r`` revolt parameters, ``d`` the rest."""
    rows = n["rows"]
    default, s = rows["default"], rows["default"]["scenario"]
    changes = {"default": "seed scenario", "job-loss": "lockout, u(a) = b + (w - b)(1 - a)/2"}
    for name, row in rows.items():
        diff = {k: v for k, v in row["scenario"].parameters.items() if v != s.parameters[k]}
        changes.setdefault(name, ", ".join(f"{k} = {v}" for k, v in diff.items()))
    table = [
        {
            "name": name,
            "change": changes[name],
            "closed": _n(row["closed"].value),
            "exact": _show(row["exact"]),
            "grid": _show(row["grid"]),
        }
        for name, row in rows.items()
    ]
    gains = [
        [f"{a:g}", _n(y, 4), _n(e, 4), _n(g, 4), _n(c, 4), _n(s.delta * (1 - s.w - y), 4)]
        for a, y, c, e, g in zip(
            n["levels"], n["y_at"], n["closed_at"], n["exact_at"], n["grid_at"], strict=True
        )
    ]
    revolt, job, continuous = n["revolt"], n["job_loss"], n["continuous"]
    job_row = rows["job-loss"]
    d = {
        "closed_frac": str(default["closed"].value),
        "closed": default["closed"].value,
        "closed_at_star": str(n["closed_at_star"]),
        "exact_frac": str(default["exact"].value),
        "exact": default["exact"].value,
        "grid": default["grid"].value,
        "continuous": continuous["a"],
        "continuous_frac": str(continuous["a"]),
        "y_continuous": continuous["y"],
        "y_exact": n["y_exact"],
        "solver_exact": n["solver"][("default", "exact")],
        "solver_continuous": continuous["solver"],
        "job_frac": str(job_row["exact"].value),
        "job": job_row["exact"].value,
        "job_grid": job_row["grid"].value,
        "lost": job["lost"],
        "job_rows": _job_rows(job),
        "revival_strike": job["revival"][0],
        "revival_lockout": job["revival"][1],
        "levels": [f"{a:g}" for a in n["levels"]],
        "selection_rows": _selection_rows(n["selections"]),
        "wage_rows": _wage_rows(n["wages"]),
        "wage_nash": n["wages"]["nash"]["labor-best"].value,
        "wage_rubinstein": n["wages"]["rubinstein"]["labor-best"].value,
        "competitive_defined": n["wages"]["competitive"]["labor-best"]["defined"][0],
        "competitive_from": n["wages"]["competitive"]["labor-best"]["from"],
        "competitive_rp_from": n["wages"]["competitive"]["renegotiation-proof"]["from"],
        "competitive_rp_to": n["wages"]["competitive"]["renegotiation-proof"]["to"],
        "rp_2x2": _show(n["renegotiation_proof_2x2"]),
        "nash_split": n["nash_split"],
        "nash_at0": n["selections"]["default"]["nash"]["grid"][0],
        "labor_best_at0": n["selections"]["default"]["labor-best"]["grid"][0],
        "transfers": ", ".join(f"{t:g}" for t in n["transfers"]),
        "strike_cost0": 1 - s.w - s.rho,
        "strike_closes": n["strike_closes"],
        "closed0": n["closed_at"][0],
        "y_star": n["y_star"],
        "grim": n["grim"],
        "table": table,
        "paid_strike": n["paid_strike"],
        "revival": n["revival"],
        "y_revival": n["y_revival"],
        "liebig": _n(rows["liebig"]["exact"].value, 0),
        "cobb_douglas": n["cobb_douglas"],
        "cobb_douglas_exact": n["cobb_douglas_exact"],
        "substitutes": rows["substitutes"]["closed"].value,
        "substitutes_exact": rows["substitutes"]["exact"].value,
        "theta": rows["open-models"]["scenario"].theta,
        "own_stage": s.w + rows["open-models"]["scenario"].theta * (1 - s.w),
        "own_best": list(n["ownership"]["open-models"].labor_best),
        "default_best": list(n["ownership"]["default"].labor_best),
        "open": rows["open-models"]["closed"].value,
        "open_exact": rows["open-models"]["exact"].value,
        "patient": rows["patient"]["closed"].value,
        "patient_exact": rows["patient"]["exact"].value,
        "fund": rows["strike-fund"]["closed"].value,
        "fund_exact": rows["strike-fund"]["exact"].value,
        "seizure": revolt["seized"]["kw"]["seizure"],
        "defense": revolt["defending"]["kw"]["defense"],
        "seized_opens": revolt["seized"]["opens"],
        "defending_opens": revolt["defending"]["opens"],
        "seized_regimes": _regimes(revolt["seized"]["regimes"]),
        "defending_regimes": _regimes(revolt["defending"]["regimes"]),
        "before": n["before_exact"],
        "bound_before": [s.delta * (1 - s.w - y) for y in n["y_before_exact"]],
        "gains": gains,
        "capital_worst": n["capital_worst"],
        "gap": n["strike_gap"],
    }
    r = dict(n["revolt_parameters"], elite_pop=f"{n['revolt_parameters']['elite_size']:.0%}")
    return {"s": s, "r": r, "d": d}


def render(numbers):
    """``paper.md`` as a string, from the numbers of one run."""
    environment = jinja2.Environment(
        undefined=jinja2.StrictUndefined, keep_trailing_newline=True, autoescape=False
    )
    environment.filters["n"] = _n
    template = environment.from_string(TEMPLATE.read_text(encoding="utf-8"))
    return template.render(
        **context(numbers),
        i=numbers["investment"],
        x=anticipation_context(numbers["anticipation"]),
        v=dynamic_investment_context(numbers["dynamic_investment"]),
    )


# pdflatex knows no "≈"; the trailer ID is the one part of a PDF that would
# differ between two builds of the same source.
_PDF_HEADER = "\\DeclareUnicodeCharacter{2248}{\\ensuremath{\\approx}}\n\\pdftrailerid{}\n"
PDF_TOOLS = ("pandoc", "pdflatex")


def build_pdf(markdown_path):
    """Typeset ``paper.md`` into ``paper.pdf`` beside it, byte for byte reproducibly.

    Needs pandoc and pdflatex (Debian: ``pandoc lmodern texlive-latex-recommended``).

    Returns
    -------
    pathlib.Path or None
        The PDF, or None (with nothing written) when a tool is missing.
    """
    import os
    import shutil
    import subprocess
    import tempfile

    if not all(shutil.which(tool) for tool in PDF_TOOLS):
        return None
    source = Path(markdown_path).resolve()
    target = source.with_suffix(".pdf")
    environment = {**os.environ, "SOURCE_DATE_EPOCH": "0", "FORCE_SOURCE_DATE": "1"}
    with tempfile.TemporaryDirectory() as scratch:
        header = Path(scratch) / "header.tex"
        header.write_text(_PDF_HEADER)
        subprocess.run(
            [
                "pandoc",
                source.name,
                "-o",
                str(target),
                "--pdf-engine=pdflatex",
                "-V",
                "geometry:margin=2.5cm",
                "-H",
                str(header),
            ],
            cwd=source.parent,
            env=environment,
            check=True,
            capture_output=True,
        )
    return target
