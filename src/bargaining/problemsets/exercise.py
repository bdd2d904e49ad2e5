"""The pieces of an exercise, and the helpers every topic uses to draw and typeset one.

An :class:`Exercise` holds a problem stated once, as prose with inline math
between dollar signs, so that the same text renders in markdown (MathJax,
Jupyter, GitHub) and in LaTeX; a display block in LaTeX; the parts asked,
each with its exact answer; and the worked steps of the key. Prose avoids the
characters LaTeX reserves (``%``, ``&``, ``#``, ``_``) outside math.
"""

from __future__ import annotations

import dataclasses
from fractions import Fraction

import sympy as sp


@dataclasses.dataclass(frozen=True)
class Part:
    """One question of an exercise and its exact answer.

    Attributes
    ----------
    question : str
        The question, prose with inline ``$...$`` math.
    answer : object
        The exact answer (Fraction, sympy expression, tuple, ``None``), for
        tests and for anyone using the library directly.
    answer_text : str
        The answer as the key prints it.
    """

    question: str
    answer: object
    answer_text: str


@dataclasses.dataclass(frozen=True)
class Step:
    """One worked step of the key: prose, and optionally a displayed LaTeX formula."""

    text: str
    math: str = ""


@dataclasses.dataclass(frozen=True)
class Exercise:
    """A generated exercise with its solution key.

    Attributes
    ----------
    topic : str
        The registry name of the topic that drew it.
    title : str
        A short heading.
    statement : str
        The problem in words, with inline ``$...$`` math.
    display : str
        A LaTeX formula shown under the statement (a payoff table), or ``""``.
    parts : tuple of Part
        The questions, in order; the key answers each.
    steps : tuple of Step
        The worked solution, derived with sympy.
    parameters : dict
        The drawn parameters, so that the answers can be checked independently.
    """

    topic: str
    title: str
    statement: str
    display: str
    parts: tuple
    steps: tuple
    parameters: dict

    @property
    def answers(self):
        """The exact answers, one per part."""
        return tuple(part.answer for part in self.parts)


def tex(value):
    """LaTeX for a number or sympy expression, fractions as ``\\frac``.

    Examples
    --------
    >>> tex(Fraction(3, 4)), tex(2), tex(sp.sqrt(2) / 2)
    ('\\\\frac{3}{4}', '2', '\\\\frac{\\\\sqrt{2}}{2}')
    """
    if isinstance(value, Fraction):
        value = sp.Rational(value.numerator, value.denominator)
    return sp.latex(sp.sympify(value))


def as_fraction(value):
    """A sympy rational or an int as a :class:`Fraction` (anything else unchanged)."""
    if isinstance(value, sp.Basic) and value.is_Rational:
        return Fraction(int(value.p), int(value.q))
    if isinstance(value, int):
        return Fraction(value)
    return value


def pair_tex(pair):
    """``(a, b)`` in LaTeX."""
    return "(" + ", ".join(tex(v) for v in pair) + ")"


def fraction_in(rng, low, high, denominators):
    """A fraction strictly between ``low`` and ``high`` with one of the given denominators."""
    choices = sorted(
        {
            Fraction(k, q)
            for q in denominators
            for k in range(1, q * 10)
            if Fraction(low) < Fraction(k, q) < Fraction(high)
        }
    )
    if not choices:
        raise ValueError(f"no fraction with denominators {denominators} in ({low}, {high})")
    return rng.choice(choices)


def draw_until(rng, draw, accept, what, attempts=5000):
    """Draw ``draw(rng)`` until ``accept(candidate)`` holds; a good exercise is guaranteed.

    Raises
    ------
    RuntimeError
        If no candidate is accepted within ``attempts`` draws (a bug in a
        topic's constraints, not bad input).
    """
    for _ in range(attempts):
        candidate = draw(rng)
        if accept(candidate):
            return candidate
    raise RuntimeError(f"could not draw a good {what} exercise in {attempts} attempts")
