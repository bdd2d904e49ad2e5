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
    Labor owns a share ``theta = 0.3`` of the firm's machines and is paid
    that share of its profit in every period, striking or not.
``patient``
    ``delta = 0.97``: the future weighs more, threats bite longer.
``strike-fund``
    ``b = 0.35``: a strike fund makes striking cheaper for labor.
``job-loss``
    The seed scenario with capital's lockout (dismissal): labor can lose its
    job to its outside option ``u(a) = b + (w - b)(1 - a)/2``, which falls from
    halfway between the strike fund and the wage to the strike fund as
    automation spreads through the economy.

The named scenarios above are the strike-only model (``lockout=False``) in
which the project's first results were stated; ``job-loss`` and any scenario
with ``lockout=True`` is the model with job loss.
"""

from __future__ import annotations

import dataclasses
import math
from fractions import Fraction
from typing import TYPE_CHECKING, Any

from .. import _display
from ..core.validation import check_delta
from .evaluation import check_range, is_infinite

WAGE_MODES = ("fixed", "nash", "rubinstein", "competitive")
OPTIONS = ("lockout", "outside_option", "wage")

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
        Labor's ownership share of the firm, in [0, 1): labor is paid this
        share of capital's income (dividends) in every period, working,
        striking or locked out.
    lockout : bool
        Whether capital can lock labor out (dismiss it). The strike game then
        has a Lockout column: labor gets its outside option ``u(a)``, capital
        produces ``y_s(a)`` with machines and replacements.
    outside_option : number, callable or None
        Labor's outside option ``u`` with the lockout: a number, or a function
        of the automation level ``a`` (automation spreading through the whole
        economy lowers it). ``None`` (the default) is
        ``u(a) = b + (w - b)(1 - a)/2``
        (:data:`bargaining.labor.formulas.OUTSIDE_OPTION`). At least 0 and below
        the wage.
    wage : {"fixed", "nash", "rubinstein", "competitive"}
        How the base wage is set at each automation level: ``w`` itself;
        the symmetric Nash bargaining solution or Rubinstein's alternating
        offers (capital proposing first), each with the strike (with a
        lockout: dismissal to ``u``) as the threat point; or labor's
        competitive share of the task model (Acemoglu and Restrepo 2018).
        See :meth:`wage_at`.
    name, description : str
        How the scenario is listed; not compared.

    Raises
    ------
    ValueError
        For a value out of range, naming it. In particular ``b >= (1 - theta) w``
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
    lockout: bool = False
    outside_option: Any = None
    wage: str = "fixed"
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
            self.b >= (1 - self.theta) * self.w
        ):
            raise ValueError(
                f"b must be below (1 - theta)*w, got b={self.b!r}, theta={self.theta!r}, "
                f"w={self.w!r}: once every task is automated a strike pays labor b + theta "
                "and work w + theta*(1 - w), and a labor that would rather strike than work "
                "has no wage to bargain over (the strike is no threat, only an exit)"
            )
        if self.lockout not in (True, False):
            raise ValueError(f"lockout must be True or False, got {self.lockout!r}")
        if self.wage not in WAGE_MODES:
            raise ValueError(
                f"wage must be one of {', '.join(map(repr, WAGE_MODES))}, got {self.wage!r}"
            )
        if self.outside_option is not None:
            if not self.lockout:
                raise ValueError(
                    f"outside_option={self.outside_option!r} applies with lockout=True only: "
                    "without a lockout labor is never dismissed"
                )
            if not callable(self.outside_option):
                self._check_outside_option(self.outside_option, None)

    def _check_outside_option(self, value, a):
        at = "" if a is None else f" at a={a}"
        if _is_symbolic(value):
            return value
        check_range(value, "outside_option", -math.inf, math.inf)
        if value < 0:
            raise ValueError(f"outside_option must be at least 0, got {value}{at}")
        if self.wage == "fixed" and not _is_symbolic(self.w) and value >= self.w:
            raise ValueError(
                f"outside_option must be below the wage w={self.w}, got {value}{at}: "
                "a labor whose outside option pays more than the job would quit"
            )
        return value

    def outside_option_at(self, a: Scalar) -> Scalar:
        """Labor's outside option ``u(a)`` (with the lockout) at automation ``a``.

        Raises
        ------
        ValueError
            Without a lockout, or when ``u(a)`` is negative or not below the wage.
        """
        if not self.lockout:
            raise ValueError("the outside option applies with lockout=True only")
        if self.outside_option is None:
            from . import formulas as f

            value = f.evaluate(f.OUTSIDE_OPTION, {f.a: a, f.b: self.b, f.w: self.w})
            if any(isinstance(v, float) for v in (a, self.b, self.w)):
                value = float(value)
        elif callable(self.outside_option):
            value = self.outside_option(a)
        else:
            value = self.outside_option
        return self._check_outside_option(value, a)

    def wage_at(self, a: Scalar) -> Scalar:
        """The base wage at automation ``a``, set as :attr:`wage` says.

        ``"fixed"`` returns ``w``; ``"nash"`` and ``"rubinstein"`` evaluate
        :data:`bargaining.labor.formulas.BASE_WAGE_STRIKE_THREAT` (or
        ``BASE_WAGE_LOCKOUT_THREAT`` with a lockout) at ``y_s(a)``;
        ``"competitive"`` is :func:`bargaining.labor.technology.labor_share`
        with equal factor supplies and no new tasks.

        A bargained wage falls with automation, to the strike payoff where
        the strike is worth as much as work; there labor has no leverage left.

        Raises
        ------
        ValueError
            If the wage at ``a`` is not in (0, 1), or the transfer ``tau`` is
            above ``1 - w``.
        """
        if self.wage == "fixed":
            return self.w
        from . import formulas as f
        from .evaluation import substitute
        from .technology import labor_share, strike_output

        if self.wage == "competitive":
            wage = labor_share(a, self.sigma)
        else:
            table = f.BASE_WAGE_LOCKOUT_THREAT if self.lockout else f.BASE_WAGE_STRIKE_THREAT
            values = {
                f.y: strike_output(a, self.sigma, self.rho),
                f.b: self.b,
                f.theta: self.theta,
                f.delta: self.delta,
            }
            if self.lockout:
                values[f.u] = self.outside_option_at(a)
            wage = substitute(table[self.wage], values)
            if isinstance(a, float) or any(
                isinstance(v, float) for v in (self.b, self.theta, self.delta, self.rho)
            ):
                wage = float(wage)
        if not _is_symbolic(wage):
            if self.wage == "competitive" and wage >= 1:
                raise ValueError(
                    f"the competitive wage at a={a} is 1: labor's competitive share is the "
                    "whole output (no task is automated, or with sigma=0 labor is the scarce "
                    "factor), so capital earns nothing and there is no profit to share or "
                    "strike over; evaluate where capital has tasks and its share 1 - w "
                    "covers the transfer tau (a > 0), or use wage='nash' or 'rubinstein', "
                    "which are defined at every a"
                )
            if not 0 < wage < 1:
                raise ValueError(
                    f"the {self.wage} wage at a={a} is {wage}; it must lie in (0, 1) "
                    "for both sides to have something to bargain over"
                )
            if not _is_symbolic(self.tau) and self.tau > 1 - wage:
                raise ValueError(
                    f"tau must be at most 1 - w, got tau={self.tau} with the {self.wage} "
                    f"wage {wage} at a={a}"
                )
        return wage

    @property
    def model(self) -> str:
        """Which model the scenario states, in words."""
        if not self.lockout:
            return "strike only (no lockout: labor cannot lose its job)"
        return "strike and lockout (labor can lose its job to its outside option)"

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

        numbers = {name: rational(value) for name, value in self.parameters.items()}
        numbers["outside_option"] = rational(self.outside_option)
        return dataclasses.replace(self, **numbers)

    def as_float(self) -> Scenario:
        """A copy with every value a float, for the numeric solvers."""
        changes: dict[str, Any] = {name: float(v) for name, v in self.parameters.items()}
        if isinstance(self.outside_option, Fraction | int) and not isinstance(
            self.outside_option, bool
        ):
            changes["outside_option"] = float(self.outside_option)
        return self.replace(**changes)

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
        """The model's numeric values as a dict (without the options, name and description)."""
        return {
            f.name: getattr(self, f.name)
            for f in dataclasses.fields(self)
            if f.compare and f.name not in OPTIONS
        }

    @property
    def options(self) -> dict[str, Any]:
        """How the model is set up: ``lockout``, ``outside_option`` and ``wage``."""
        return {name: getattr(self, name) for name in OPTIONS}


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

_VARIANTS["job-loss"] = DEFAULT.replace(
    lockout=True,
    name="job-loss",
    description="capital can lock labor out; labor's outside option falls with automation",
)

NAMES = tuple(_VARIANTS)


def get(name: str) -> Scenario:
    """The scenario called ``name`` (one of :data:`NAMES`)."""
    try:
        return _VARIANTS[name]
    except (KeyError, TypeError):
        raise ValueError(f"unknown scenario {name!r}; known: {', '.join(NAMES)}") from None
