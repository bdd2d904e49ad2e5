"""``bargaining report``: the main job, the analysis of one scenario written as a report."""

from __future__ import annotations

import click

from ._options import os_reason, scenario_named, scenario_option

# The figures' names are listed here (not imported) so that --help stays fast;
# a test checks them against bargaining.report.FIGURE_FILES.
FIGURE_STEMS = (
    "redistribution",
    "phase",
    "payoff_sets",
    "job_loss",
    "anticipation",
    "workers",
    "investment",
    "scenarios",
)
REPORT_FILES = (
    "report.md",
    "report.html",
    "results.json",
    *(f"{stem}.{kind}" for stem in FIGURE_STEMS for kind in ("png", "svg")),
)


@click.command()
@scenario_option
@click.option(
    "--compare/--no-compare",
    default=True,
    show_default=True,
    help="Add the breakdown points of every named scenario.",
)
@click.option(
    "--out",
    "out_dir",
    default="report",
    show_default=True,
    type=click.Path(file_okay=False),
    help="Folder for report.md, report.html, results.json and the figures.",
)
@click.option("--force", is_flag=True, help="Overwrite files of the same names in --out.")
@click.option("--quiet", is_flag=True, help="No progress bar on stderr.")
def report(name, compare, out_dir, force, quiet):
    """Redistribution against automation, and where it breaks down.

    Prints the summary and writes the full report, with every number in
    results.json, to the --out folder.

    \b
    Examples:
      bargaining report
      bargaining report --scenario liebig --out build/liebig --no-compare
    """
    from .._output_folder import prepare_output_folder
    from ..report import (
        FIGURES,
        METHODS,
        Steps,
        collect,
        draw_figures,
        render_text,
        write_report,
    )

    scenario = scenario_named(name)
    prepare_output_folder(out_dir, REPORT_FILES, force=force)
    exact_methods = sum(m.method != "closed-form" for m in METHODS)
    steps = Steps(exact_methods + 4 + int(compare) + len(FIGURES), enabled=not quiet)
    try:
        results = collect(scenario, compare=compare, progress=steps)
        figures = draw_figures(scenario, out_dir, results, progress=steps)
        steps("writing the report")
        written = write_report(results, out_dir, figures)
    except OSError as error:
        raise ValueError(f"cannot write the report to {out_dir!r}: {os_reason(error)}") from None
    finally:
        steps.close()
    click.echo(render_text(results, figures), nl=False)
    click.echo(f"\nwritten: {', '.join(str(p) for p in (*written, *figures))}")
