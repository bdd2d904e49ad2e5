"""Reproductions of published results, one module per paper.

Each module has ``reproduce(out_dir=None)`` returning a :class:`Reproduction`:
the numbers computed here beside the published ones, and the figures it
wrote. ``papers/<id>/reproduce.py`` runs one of them and prints its table;
``bargaining figures`` runs them all. The test suite checks every number.
"""

from __future__ import annotations

import importlib

PAPERS = {
    "abreu-sannikov-2014": "abreu_sannikov",
    "abreu-brooks-sannikov-2020": "abreu_brooks_sannikov",
    "acemoglu-restrepo-2018": "acemoglu_restrepo",
    "rubinstein-1982": "rubinstein",
    "nash-kalai-smorodinsky": "nash_kalai_smorodinsky",
    "acemoglu-robinson-2001": "acemoglu_robinson",
    "fernandez-glazer-1991": "fernandez_glazer",
    "automation-redistribution": "automation_redistribution",
    "palfrey-rosenthal-1984": "palfrey_rosenthal",
    "global-games": "global_games",
}

__all__ = ["PAPERS", "get", *sorted(PAPERS.values())]


def get(paper):
    """The reproduction module of ``paper`` (one of :data:`PAPERS`)."""
    if paper not in PAPERS:
        raise ValueError(f"unknown paper {paper!r}; known: {', '.join(PAPERS)}")
    return importlib.import_module(f"{__name__}.{PAPERS[paper]}")


def __getattr__(name):
    if name in PAPERS.values():
        return importlib.import_module(f"{__name__}.{name}")
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
