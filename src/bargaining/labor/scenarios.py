"""Named parameter sets of the labor-capital model.

Every number the toolkit reports comes from a :class:`Scenario`: the seed
scenario :data:`DEFAULT` or a named variant that switches one mechanism of the
debate on (see the model page of the documentation).

Why the defaults make the point
-------------------------------
Labor earns ``w = 0.6`` of a unit output and asks for a transfer ``tau = 0.1``;
a strike pays it ``b = 0.2`` (a third of the wage) and leaves capital the
output of machines and replacements, ``y_s(a)``, instead of its profit
``1 - w = 0.4``. Replacements are a fifth as productive (``rho = 0.2``), so
without automation a strike halves capital's income; tasks are complements
(``sigma = 0.5``, the range task-based estimates support), and both sides are
patient (``delta = 0.9``). At low automation a strike costs capital enough for
stick-and-carrot strategies to sustain transfers up to 0.14; as ``y_s(a)``
rises towards 1 the threat fades, and from ``a* = 215/496 ≈ 0.43`` no credible
strike sustains any transfer.

Variants
--------
``liebig``
    Tasks are perfect complements (``sigma = 0``): one undone task stops
    production, so leverage lasts until the last task is automated.
``substitutes``
    Tasks are perfect substitutes (``sigma = inf``): leverage erodes fastest.
``open-models``
    Labor owns a share ``theta = 0.3`` of the machines and keeps their
    output's share during a strike.
``patient``
    ``delta = 0.97``: the future weighs more, threats bite longer.
``strike-fund``
    ``b = 0.35``: a strike fund makes striking cheaper for labor.
"""

from __future__ import annotations

import dataclasses
import math
from fractions import Fraction
from typing import TYPE_CHECKING, Any

from .. import _display
from ..core.validation import check_delta
from .evaluation import check_range, is_infinite

if TYPE_CHECKING:
    from .._typing import Real, Scalar


def _is_symbolic(value):
    return bool(getattr(value, "free_symbols", None))


@dataclasses.dataclass(frozen=True)
class Scenario:
    """The primitives of the labor-capital model, validated on construction.

    Parameters
    ----------
    w : number
        Base wage, in (0, 1); capital keeps ``1 - w`` when labor works.
    tau : number
        The transfer labor asks for, in ``[0, 1 - w]``.
    b : number
        Labor's payoff per period of strike (strike fund, benefits), below ``w``.
    delta : number
        Common discount factor, in (0, 1).
    sigma : number or ``math.inf``
        Elasticity of substitution between tasks, ``>= 0``.
    rho : number
        Replacement workers' productivity, in [0, 1).
    theta : number
        Labor's ownership share of the machines, in [0, 1); labor keeps this
        share of the machines' output while it strikes.
    name, description : str
        How the scenario is listed; not compared.

    Raises
    ------
    ValueError
        For a value out of range, naming it. In particular ``b + theta >= w``
        is refused: labor would then rather strike than work (at least once
        every task is automated), so there is no wage relationship to sustain.

    Notes
    -----
    Values may be ints, Fractions (exact answers), floats or sympy symbols.
    """

    w: Scalar = 0.6
    tau: Scalar = 0.1
    b: Scalar = 0.2
    delta: Scalar = 0.9
    sigma: Scalar = 0.5
    rho: Scalar = 0.2
    theta: Scalar = 0
    name: str = dataclasses.field(default="custom", compare=False)
    description: str = dataclasses.field(default="", compare=False)
    _repr_html_ = _display.scenario_html

    def __post_init__(self) -> None:
        check_range(self.w, "w", 0, 1, closed_low=False, closed_high=False)
        check_delta(self.delta)
        check_range(self.sigma, "sigma", 0, math.inf)
        check_range(self.rho, "rho", 0, 1, closed_high=False)
        check_range(self.theta, "theta", 0, 1, closed_high=False)
        if not any(map(_is_symbolic, (self.w, self.tau))):
            check_range(self.tau, "tau", 0, 1 - self.w)
        check_range(self.b, "b", -math.inf, math.inf)
        if not any(map(_is_symbolic, (self.w, self.b, self.theta))) and (
            self.b + self.theta >= self.w
        ):
            raise ValueError(
                f"b + theta must be below the wage w, got b={self.b!r}, theta={self.theta!r}, "
                f"w={self.w!r}: labor's strike payoff b + theta*y_s reaches w once every task "
                "is automated, and a labor that would rather strike than work has no "
                "wage to bargain over (the strike is no threat, only an exit)"
            )

    def replace(self, **changes: Any) -> Scenario:
        """A copy with some values changed (validated again)."""
        unknown = set(changes) - {f.name for f in dataclasses.fields(self)}
        if unknown:
            raise ValueError(f"Scenario has no parameter {', '.join(sorted(unknown))}")
        return dataclasses.replace(self, **changes)

    def exact(self) -> Scenario:
        """A copy with float values replaced by the Fractions of their decimal form."""

        def rational(value):
            if isinstance(value, float) and not is_infinite(value):
                return Fraction(repr(value))
            return value

        numbers = {f.name: rational(getattr(self, f.name)) for f in dataclasses.fields(self)}
        return dataclasses.replace(self, **numbers)

    def as_float(self) -> Scenario:
        """A copy with every value a float, for the numeric solvers."""
        return self.replace(**{name: float(value) for name, value in self.parameters.items()})

    def with_competitive_wage(
        self, a: Scalar, *, capital: Real = 1, labor: Real = 1, new_tasks: Real = 0
    ) -> Scenario:
        """A copy whose wage ``w`` is labor's competitive share at automation ``a``.

        Ties the base wage to automation through the task model of Acemoglu and
        Restrepo (2018): ``w = labor_share(a, sigma, ...)``, see
        :func:`bargaining.labor.technology.labor_share`. As automation takes
        tasks the wage falls, and once it reaches labor's strike payoff
        ``b + theta`` there is no wage relationship left to bargain over:
        that is refused like any scenario with ``b + theta >= w``.

        Parameters
        ----------
        a : number
            Automation, in [0, 1].
        capital, labor, new_tasks
            Factor supplies and new labor tasks, as for ``labor_share``.

        Returns
        -------
        Scenario
        """
        from .technology import labor_share

        if isinstance(a, list | tuple) or hasattr(a, "shape"):
            raise ValueError(f"a must be a single automation level, got {a!r}")
        wage = labor_share(a, self.sigma, capital=capital, labor=labor, new_tasks=new_tasks)
        tau = min(self.tau, 1 - wage) if not _is_symbolic(wage) else self.tau
        return self.replace(w=wage, tau=tau)

    @property
    def parameters(self) -> dict[str, Scalar]:
        """The model's values as a dict (without name and description)."""
        return {f.name: getattr(self, f.name) for f in dataclasses.fields(self) if f.compare}


DEFAULT = Scenario(
    name="default",
    description="seed scenario: complements, patient, "
    "redistribution sustained at low automation and broken at high",
)

_VARIANTS = {
    "default": DEFAULT,
    "liebig": DEFAULT.replace(
        sigma=0,
        name="liebig",
        description="perfect complements: leverage lasts until the last task is automated",
    ),
    "substitutes": DEFAULT.replace(
        sigma=math.inf,
        name="substitutes",
        description="perfect substitutes: leverage erodes fastest",
    ),
    "open-models": DEFAULT.replace(
        theta=0.3, name="open-models", description="labor owns 30% of the machines"
    ),
    "patient": DEFAULT.replace(delta=0.97, name="patient", description="delta = 0.97"),
    "strike-fund": DEFAULT.replace(
        b=0.35, name="strike-fund", description="a strike fund pays 0.35 per period"
    ),
}

NAMES = tuple(_VARIANTS)


def get(name: str) -> Scenario:
    """The scenario called ``name`` (one of :data:`NAMES`)."""
    try:
        return _VARIANTS[name]
    except (KeyError, TypeError):
        raise ValueError(f"unknown scenario {name!r}; known: {', '.join(NAMES)}") from None
