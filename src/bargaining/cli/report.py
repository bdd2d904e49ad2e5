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
@click.option(
    "--jobs",
    type=click.IntRange(min=1),
    default=None,
    help="Processes to compute on (default: every core; 1: one after another). "
    "The report is the same either way.",
)
def report(name, compare, out_dir, force, quiet, jobs):
    """Redistribution against automation, and where it breaks down.

    Prints the summary and writes the full report, with every number in
    results.json, to the --out folder.

    \b
    Examples:
      bargaining report
      bargaining report --scenario liebig --out build/liebig --no-compare
      bargaining report --jobs 1
    """
    from .._output_folder import prepare_output_folder
    from ..report import Steps, render_text, run_report, step_count, write_report

    scenario = scenario_named(name)
    prepare_output_folder(out_dir, REPORT_FILES, force=force)
    steps = Steps(step_count(compare), enabled=not quiet)
    try:
        results, figures = run_report(
            scenario, out_dir, compare=compare, progress=steps, jobs=jobs
        )
        steps("writing the report")
        written = write_report(results, out_dir, figures)
    except OSError as error:
        raise ValueError(f"cannot write the report to {out_dir!r}: {os_reason(error)}") from None
    finally:
        steps.close()
    click.echo(render_text(results, figures), nl=False)
    click.echo(f"\nwritten: {', '.join(str(p) for p in (*written, *figures))}")
