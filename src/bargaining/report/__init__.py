"""The main job, ``bargaining report``: collect the analysis of a scenario, render it, draw it.

:func:`collect` gathers the numbers once (the content of ``results.json``);
:func:`document` arranges them as sections, tables and figures, which
:func:`render_markdown`, :func:`render_html` and :func:`render_text` lay out;
:func:`draw_figures` draws the figures and :func:`write_report` writes the files;
:func:`run_report` computes the numbers and draws the figures together, on every core.
"""

from ._collect import collect
from ._collect_redistribution import METHODS
from ._document import document
from ._figures import FIGURE_FILES, FIGURES, draw_figures, run_report, step_count
from ._progress import Steps
from ._render import build_report, render_html, render_markdown, render_text, write_report

__all__ = [
    "FIGURES",
    "FIGURE_FILES",
    "METHODS",
    "Steps",
    "build_report",
    "collect",
    "document",
    "draw_figures",
    "render_html",
    "render_markdown",
    "render_text",
    "run_report",
    "step_count",
    "write_report",
]
