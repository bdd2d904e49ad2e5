"""The report as one data structure of sections, tables and figures, rendered twice.

:func:`document` turns the numbers of :func:`~bargaining.report.collect` into a
:class:`~bargaining.report._document_model.Document`; the Markdown and HTML
templates (``templates/``) and the plain text of the console lay out the same
object, so the three carry the same content. Each section is built by one
function of :data:`SECTIONS` (in the ``_sections_*`` module of its theme); a new
result of the model becomes a new function there (and, with a figure, an
entry of :data:`bargaining.report._figures.FIGURES`).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

from ._document_model import Document, Figure, Section, format_threshold
from ._sections_anticipation import anticipation_section
from ._sections_comparisons import (
    investment_section,
    job_loss_section,
    selections_section,
    workers_section,
)
from ._sections_redistribution import (
    breakdown_section,
    parameters_section,
    redistribution_section,
    scenarios_section,
)

SECTIONS: list[Callable[[dict[str, Any]], Section | None]] = [
    parameters_section,
    redistribution_section,
    breakdown_section,
    selections_section,
    job_loss_section,
    anticipation_section,
    workers_section,
    investment_section,
    scenarios_section,
]


def document(results, figures=None):
    """The report on ``results`` as a :class:`Document`.

    Parameters
    ----------
    results : dict
        From :func:`~bargaining.report.collect`.
    figures : collection of str, optional
        The stems of the figures drawn; figures not among them are left out
        (all are kept when omitted).
    """
    sections = []
    for build in SECTIONS:
        section = build(results)
        if section is None:
            continue
        if figures is not None:
            blocks = tuple(
                b for b in section.blocks if not isinstance(b, Figure) or b.stem in figures
            )
            section = dataclasses.replace(section, blocks=blocks)
        sections.append(section)
    scenario = results["scenario"]
    headline = results["breakdown"]["exact 2x2"]
    return Document(
        f"bargaining report: scenario {scenario['name']!r}",
        "What automation does to the redistribution labor can sustain by the threat of a "
        f"strike, and where it breaks down: a* = {format_threshold(headline)} "
        f"({headline['selection']} subgame-perfect equilibrium, {headline['method']}, 2x2 game; "
        f"model: {scenario['model']}).",
        tuple(sections),
    )
