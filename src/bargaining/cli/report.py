"""``bargaining report``: the main job, the analysis of one scenario written as a report."""

from __future__ import annotations

import click

from ._options import scenario_named, scenario_option


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
def report(name, compare, out_dir):
    """Redistribution against automation, and where it breaks down.

    Prints the summary and writes the full report, with every number in
    results.json, to the --out folder.

    \b
    Examples:
      bargaining report
      bargaining report --scenario liebig --out build/liebig --no-compare
    """
    from ..report import collect, draw_figures, render_text, write_report

    scenario = scenario_named(name)
    results = collect(scenario, compare=compare)
    try:
        figures = draw_figures(scenario, out_dir)
        written = write_report(results, out_dir, figures)
    except OSError as error:
        raise ValueError(f"cannot write the report to {out_dir!r}: {error.strerror}") from None
    click.echo(render_text(results), nl=False)
    click.echo(f"\nwritten: {', '.join(str(p) for p in (*written, *figures))}")
