"""The main job, ``bargaining report``: collect the analysis of a scenario, render it, draw it.

:func:`collect` gathers the numbers once, so the text, the Markdown and the
figures agree; :func:`render_text` and :func:`render_markdown` turn them into a report and
:func:`draw_figures` draws its figures.
"""

from ._collect import build_report, collect, render_markdown, render_text, write_report
from ._figures import draw_figures

__all__ = [
    "build_report",
    "collect",
    "draw_figures",
    "render_markdown",
    "render_text",
    "write_report",
]
