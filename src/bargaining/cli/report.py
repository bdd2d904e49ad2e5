"""``bargaining report``: the main job, the analysis of one scenario written as a report."""

from __future__ import annotations

import click

from ._options import os_reason, scenario_named, scenario_option

REPORT_FILES = (
    "report.md",
    "report.html",
    "results.json",
    *(f"{stem}.{kind}" for stem in ("redistribution", "investment") for kind in ("png", "svg")),
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
def report(name, compare, out_dir, force):
    """Redistribution against automation, and where it breaks down.

    Prints the summary and writes the full report, with every number in
    results.json, to the --out folder.

    \b
    Examples:
      bargaining report
      bargaining report --scenario liebig --out build/liebig --no-compare
    """
    from .._output_folder import prepare_output_folder
    from ..report import collect, draw_figures, render_text, write_report

    scenario = scenario_named(name)
    prepare_output_folder(out_dir, REPORT_FILES, force=force)
    results = collect(scenario, compare=compare)
    try:
        figures = draw_figures(scenario, out_dir)
        written = write_report(results, out_dir, figures)
    except OSError as error:
        raise ValueError(f"cannot write the report to {out_dir!r}: {os_reason(error)}") from None
    click.echo(render_text(results), nl=False)
    click.echo(f"\nwritten: {', '.join(str(p) for p in (*written, *figures))}")
