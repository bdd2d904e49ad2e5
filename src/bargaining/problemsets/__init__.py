"""Classroom problem sets with exact solution keys.

Each topic is a module that draws parameters from a seeded generator,
constrained to make a good exercise (small denominators, a non-degenerate
game, answers in range), states the problem in words and LaTeX, and solves
it with the library in exact arithmetic; the key adds the worked steps,
derived with sympy.

>>> from bargaining import problemsets
>>> sheet = problemsets.generate(["equilibria", "rubinstein"], n=1, seed=7)
>>> [exercise.topic for exercise in sheet.exercises]
['equilibria', 'rubinstein']
>>> problemsets.render(sheet, "md", "key").startswith("# Problem set: solution key")
True
"""

import importlib

from .exercise import Exercise, Part, Step
from .generator import DIFFICULTIES, TOPICS, ProblemSet, generate, make_exercise, variants
from .rendering import FORMATS, LATEX_PACKAGES, build_pdf, latex_engine, render, write

__all__ = [
    "DIFFICULTIES",
    "FORMATS",
    "LATEX_PACKAGES",
    "TOPICS",
    "Exercise",
    "Part",
    "ProblemSet",
    "Step",
    "build_pdf",
    "equilibria",
    "exercise",
    "generate",
    "generator",
    "latex_engine",
    "make_exercise",
    "minmax",
    "nash_ks",
    "redistribution",
    "render",
    "rendering",
    "repeated",
    "revolution",
    "rubinstein",
    "variants",
    "write",
]


def __getattr__(name):
    if name.replace("_", "-") in TOPICS:
        return importlib.import_module(f"{__name__}.{name}")
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
